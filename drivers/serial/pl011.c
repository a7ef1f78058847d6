/*
 * Arm PL011 UART (PrimeCell UART, DDI 0183) as the kernel console. The
 * UART is the one /chosen stdout-path names (an alias or a path, with any
 * ":options" dropped), else the first "arm,pl011" node. Baud rate and
 * line format are left as the firmware (or QEMU) set them; we only make
 * sure the UART, its transmitter and its receiver are on. Output polls
 * the TX FIFO; there is no interrupt-driven I/O yet.
 */
#define pr_fmt(fmt) "pl011: " fmt

#include <arch/mmio.h>
#include <core/bootinfo.h>
#include <core/console.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/init.h>
#include <core/mm.h>
#include <core/string.h>

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTCR		0x30
#define UARTIMSC	0x38

#define FR_RXFE		(1 << 4)	/* receive FIFO empty */
#define FR_TXFF		(1 << 5)	/* transmit FIFO full */
#define CR_UARTEN	(1 << 0)
#define CR_TXE		(1 << 8)
#define CR_RXE		(1 << 9)

#define PATH_MAX_LEN	128

static void pl011_write(void *ctx, const char *buf, size_t len)
{
	uint8_t *base = ctx;
	size_t i;

	for (i = 0; i < len; i++) {
		while (mmio_read32(base + UARTFR) & FR_TXFF)
			;
		mmio_write32(base + UARTDR, (uint8_t)buf[i]);
	}
}

static int pl011_getc(void *ctx)
{
	uint8_t *base = ctx;

	if (mmio_read32(base + UARTFR) & FR_RXFE)
		return -1;
	return mmio_read32(base + UARTDR) & 0xff;
}

static const struct console_ops pl011_ops = {
	.write = pl011_write,
	.getc = pl011_getc,
};

static struct console pl011_console = {
	.name = "ttyAMA0",
	.major = 204,
	.minor = 64,
	.ops = &pl011_ops,
};

/* Copies a string property's value up to ':' (options) into buf. */
static bool copy_path(const char *prop, int len, char *buf)
{
	const char *colon;
	size_t n;

	if (!prop || len < 1)
		return false;
	n = strnlen(prop, len);
	colon = memchr(prop, ':', n);
	if (colon)
		n = colon - prop;
	if (n == 0 || n >= PATH_MAX_LEN)
		return false;
	memcpy(buf, prop, n);
	buf[n] = '\0';
	return true;
}

/* The node /chosen stdout-path points at, or a negative errno. */
static int stdout_node(const void *fdt)
{
	char path[PATH_MAX_LEN];
	const char *prop;
	int node, len;

	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		return node;
	prop = fdt_getprop(fdt, node, "stdout-path", &len);
	if (!copy_path(prop, len, path))
		return -ENOENT;
	if (path[0] != '/') {
		/* An alias: its /aliases property holds the full path. */
		node = fdt_path_offset(fdt, "/aliases");
		if (node < 0)
			return node;
		prop = fdt_getprop(fdt, node, path, &len);
		if (!copy_path(prop, len, path))
			return -ENOENT;
	}
	return fdt_path_offset(fdt, path);
}

static int pl011_console_init(void)
{
	const void *fdt = boot_info->fdt;
	uint64_t base, size;
	uint8_t *regs;
	int node, err;

	if (!fdt)
		return -ENODEV;
	node = stdout_node(fdt);
	if (node < 0 || !fdt_is_compatible(fdt, node, "arm,pl011"))
		node = fdt_node_by_compatible(fdt, -1, "arm,pl011");
	if (node < 0)
		return -ENODEV;
	err = fdt_reg(fdt, node, 0, &base, &size);
	if (err)
		return err;

	regs = phys_to_virt(base);
	mmio_write32(regs + UARTIMSC, 0);	/* polled: no interrupts */
	mmio_write32(regs + UARTCR, mmio_read32(regs + UARTCR) | CR_UARTEN |
					    CR_TXE | CR_RXE);
	pl011_console.ctx = regs;
	console_register(&pl011_console);
	return 0;
}
console_initcall(pl011_console_init);
