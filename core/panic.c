/*
 * panic(): the end of the road for a broken kernel invariant (see
 * <core/panic.h>). Interrupts go off, the message is printed at LOG_EMERG
 * (always shown: the console level is never below it), and then the Linux
 * panic=N rule of the command line decides what follows:
 *
 *   N > 0   reboot after N seconds
 *   N < 0   reboot at once
 *   0, none halt for good, so the message stays on the screen
 *
 * A panic while panicking (say, in a console driver) halts at once.
 */
#include <core/panic.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/power.h>
#include <core/cmdline.h>
#include <core/console.h>
#include <core/printk.h>
#include <core/string.h>
#include <core/time.h>
#include <stdarg.h>

/* A longer panic=N delay is taken as this: a day is as good as forever. */
#define PANIC_MAX_DELAY_S (24 * 3600L)

static bool panicking;

/* Spins for secs seconds: interrupts are off, so no tick will come. */
static void busy_wait_seconds(long secs)
{
	uint64_t end = clock_ns() + (uint64_t)secs * NSEC_PER_SEC;

	while (clock_ns() < end)
		arch_cpu_relax();
}

void panic(const char *fmt, ...)
{
	static const char again[] = "\nKernel panic while panicking: halted\n";
	static char msg[256];
	va_list ap;
	long secs;

	arch_irq_disable();
	if (panicking) {
		console_write(again, sizeof(again) - 1);
		arch_halt();
	}
	panicking = true;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(LOG_EMERG, "Kernel panic - not syncing: %s\n", msg);

	if (cmdline_long("panic", &secs) != 0)
		secs = 0;
	if (secs < 0) {
		printk(LOG_EMERG, "Rebooting now\n");
		arch_reboot();
	}
	if (secs > 0) {
		secs = MIN(secs, PANIC_MAX_DELAY_S);
		printk(LOG_EMERG, "Rebooting in %ld seconds..\n", secs);
		busy_wait_seconds(secs);
		arch_reboot();
	}
	printk(LOG_EMERG, "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	arch_halt();
}
