/*
 * Arm PrimeCell PL031 real-time clock (DDI 0224), found through the
 * device tree (compatible "arm,pl031"; QEMU virt has one). Its data
 * register RTCDR counts seconds since the epoch once the clock is started
 * (RTCCR bit 0); QEMU starts it at the host's UTC time. Read once at boot.
 */
#define pr_fmt(fmt) "rtc: " fmt

#include <drivers/rtc.h>

#include <arch/mmio.h>
#include <core/bootinfo.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/init.h>
#include <core/mm.h>
#include <core/printk.h>

#define RTCDR		0x000	/* data: current seconds */
#define RTCCR		0x00c	/* control */
#define RTCIMSC		0x010	/* interrupt mask */

#define CR_START	0x1

static int pl031_rtc_init(void)
{
	const void *fdt = boot_info->fdt;
	uint64_t base, size;
	uint8_t *regs;
	int node, err;

	if (!fdt)
		return -ENODEV;
	node = fdt_node_by_compatible(fdt, -1, "arm,pl031");
	if (node < 0)
		return -ENODEV;
	err = fdt_reg(fdt, node, 0, &base, &size);
	if (err)
		return err;

	/* The linear map covers the device region (arch head code). */
	regs = phys_to_virt(base);
	mmio_write32(regs + RTCIMSC, 0);	/* no alarm interrupts */
	if (!(mmio_read32(regs + RTCCR) & CR_START)) {
		pr_warn("pl031: clock was stopped; starting it\n");
		mmio_write32(regs + RTCCR, CR_START);
	}
	rtc_set_system_time("pl031", mmio_read32(regs + RTCDR));
	return 0;
}
driver_initcall(pl031_rtc_init);
