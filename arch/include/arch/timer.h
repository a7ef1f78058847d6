/*
 * Arch contract: time sources.
 */
#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

#include <core/types.h>

/*
 * Starts a periodic interrupt at hz per second whose handler calls
 * timer_tick(). Needs the interrupt controller up (arch initcalls have run).
 * Returns 0 or -errno.
 */
int arch_timer_init(unsigned int hz);

/* Short name of the tick source, e.g. "lapic", "arm-generic-timer". */
const char *arch_timer_name(void);

/*
 * Monotonic nanoseconds from a free-running counter independent of the
 * tick (TSC, CNTVCT_EL0). Usable before arch_timer_init().
 */
uint64_t arch_clock_ns(void);

#endif /* ARCH_TIMER_H */
