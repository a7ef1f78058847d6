/*
 * 16550 UART on the PC's COM1 (I/O port 0x3f8) as a polled console:
 * 115200 baud, 8 data bits, no parity, 1 stop bit, no interrupts.
 * Register layout from the TI PC16550D datasheet.
 *
 * The FIFOs stay off (16450 mode). Turning them on resets the receive
 * side, which loses input already waiting (piped into QEMU before boot),
 * and QEMU's UART then stops taking input from its multiplexed stdio
 * until the next receive-register read: polled input stalled for good.
 * Without FIFOs QEMU hands over the next byte as each one is read, so a
 * polling reader loses nothing.
 */
#include <arch/cpu.h>
#include <arch/pio.h>
#include <core/compiler.h>
#include <core/console.h>
#include <core/errno.h>
#include <core/init.h>

#define COM1_BASE	0x3f8
#define UART_CLOCK_HZ	1843200		/* the PC's 1.8432 MHz crystal */
#define BAUD		115200

/* Register offsets; DLL/DLM replace RBR/THR/IER while LCR.DLAB is set. */
#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_DLL	0
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_SCR	7

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define LSR_DATA_READY	0x01
#define LSR_THRE	0x20	/* transmit holding register empty */

/* At 115200 baud a byte leaves in ~87 us; this is far longer. */
#define TX_SPIN_LIMIT	1000000

struct ns16550 {
	uint16_t base;
};

static uint8_t uart_in(const struct ns16550 *u, unsigned int reg)
{
	return arch_inb(u->base + reg);
}

static void uart_out(const struct ns16550 *u, unsigned int reg, uint8_t v)
{
	arch_outb(u->base + reg, v);
}

/* Polls for THRE, then sends; a stuck UART drops bytes rather than hang. */
static void ns16550_write(void *ctx, const char *buf, size_t len)
{
	const struct ns16550 *u = ctx;
	unsigned int spins;

	while (len--) {
		for (spins = 0; !(uart_in(u, UART_LSR) & LSR_THRE); spins++) {
			if (spins == TX_SPIN_LIMIT)
				return;
			arch_cpu_relax();
		}
		uart_out(u, UART_THR, *buf++);
	}
}

static int ns16550_getc(void *ctx)
{
	const struct ns16550 *u = ctx;

	if (!(uart_in(u, UART_LSR) & LSR_DATA_READY))
		return -1;
	return uart_in(u, UART_RBR);
}

static const struct console_ops ns16550_ops = {
	.write = ns16550_write,
	.getc = ns16550_getc,
};

static struct ns16550 com1 = { .base = COM1_BASE };

static struct console com1_console = {
	.name = "ttyS0",
	.major = 4,
	.minor = 64,
	.ops = &ns16550_ops,
	.ctx = &com1,
};

/* A UART is present when its scratch register keeps what we write. */
static bool ns16550_probe(const struct ns16550 *u)
{
	static const uint8_t patterns[] = { 0x5a, 0xa5 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(patterns); i++) {
		uart_out(u, UART_SCR, patterns[i]);
		if (uart_in(u, UART_SCR) != patterns[i])
			return false;
	}
	return true;
}

static void ns16550_setup(const struct ns16550 *u)
{
	unsigned int divisor = UART_CLOCK_HZ / 16 / BAUD;

	uart_out(u, UART_IER, 0);
	uart_out(u, UART_LCR, LCR_DLAB);
	uart_out(u, UART_DLL, divisor & 0xff);
	uart_out(u, UART_DLM, divisor >> 8);
	uart_out(u, UART_LCR, LCR_8N1);
	uart_out(u, UART_FCR, 0);	/* FIFOs off: see the top of the file */
	uart_out(u, UART_MCR, MCR_DTR | MCR_RTS);
}

static int ns16550_init(void)
{
	if (!ns16550_probe(&com1))
		return -ENODEV;
	ns16550_setup(&com1);
	console_register(&com1_console);
	return 0;
}
console_initcall(ns16550_init);
