/*
 * The Arm generic timer (Arm ARM D11): the clock is the virtual counter
 * CNTVCT_EL0 at CNTFRQ_EL0 Hz; the periodic tick is the EL1 virtual timer,
 * re-armed through CNTV_TVAL_EL0 on every interrupt. The virtual timer's
 * interrupt is a PPI named by the device tree's timer node
 * ("arm,armv8-timer" binding: interrupts = secure phys, non-secure phys,
 * virtual, hypervisor, each a GIC specifier <type number flags>).
 */
#define pr_fmt(fmt) "arch_timer: " fmt

#include <arch/timer.h>

#include <arch/sysreg.h>
#include <core/bootinfo.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/irq.h>
#include <core/printk.h>
#include <core/time.h>

#define CNTV_CTL_ENABLE		(1 << 0)

/* GIC interrupt specifier (arm,gic binding): type cell values, INTID base. */
#define GIC_SPI			0
#define GIC_PPI			1
#define GIC_SPI_BASE		32
#define GIC_PPI_BASE		16
#define TIMER_IRQ_VIRT		2	/* third entry of "interrupts" */

static uint64_t period;		/* counter ticks per timer tick */

uint64_t arch_clock_ns(void)
{
	uint64_t freq = read_sysreg(cntfrq_el0), cnt;

	if (!freq)
		return 0;
	isb();	/* no reading the counter ahead of earlier code */
	cnt = read_sysreg(cntvct_el0);
	/* cnt * 1e9 overflows after ~5 minutes at 62.5 MHz: split it. */
	return cnt / freq * NSEC_PER_SEC + cnt % freq * NSEC_PER_SEC / freq;
}

const char *arch_timer_name(void)
{
	return "arm-generic-timer";
}

/* INTID of the virtual timer from the timer node's interrupts property. */
static int virt_timer_intid(const void *fdt, unsigned int *intid)
{
	const uint32_t *cells;
	uint32_t type, num;
	int node, len;

	node = fdt_node_by_compatible(fdt, -1, "arm,armv8-timer");
	if (node < 0)
		node = fdt_node_by_compatible(fdt, -1, "arm,armv7-timer");
	if (node < 0)
		return -ENODEV;
	cells = fdt_getprop(fdt, node, "interrupts", &len);
	if (!cells || len < (TIMER_IRQ_VIRT + 1) * 3 * 4)
		return -EINVAL;
	type = fdt32_to_cpu(cells[TIMER_IRQ_VIRT * 3]);
	num = fdt32_to_cpu(cells[TIMER_IRQ_VIRT * 3 + 1]);
	if (type == GIC_PPI && num < 16)
		*intid = GIC_PPI_BASE + num;
	else if (type == GIC_SPI && num < 988)
		*intid = GIC_SPI_BASE + num;
	else
		return -EINVAL;
	return 0;
}

static void timer_interrupt(unsigned int irq, void *data)
{
	/* Moves the compare value on, which also drops the level interrupt. */
	write_sysreg(period, cntv_tval_el0);
	timer_tick();
}

int arch_timer_init(unsigned int hz)
{
	uint64_t freq = read_sysreg(cntfrq_el0);
	unsigned int intid;
	int err;

	if (!boot_info->fdt || !freq || !hz)
		return -ENODEV;
	err = virt_timer_intid(boot_info->fdt, &intid);
	if (err)
		return err;
	period = freq / hz;

	write_sysreg(0, cntv_ctl_el0);
	err = irq_register(intid, timer_interrupt, NULL);
	if (err)
		return err;
	write_sysreg(period, cntv_tval_el0);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
	isb();
	pr_info("virtual timer on INTID %u, counter at %llu Hz\n", intid,
		(unsigned long long)freq);
	return 0;
}
