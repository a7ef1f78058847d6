/*
 * x86_64 private: the time-stamp counter, the source of arch_clock_ns().
 */
#ifndef X86_TSC_H
#define X86_TSC_H

#include <core/types.h>

/* Calibrates the TSC against the PIT. Called once, early, by x86_start(). */
void tsc_init(void);

/* TSC ticks per second (0 before tsc_init()). */
uint64_t tsc_hz(void);

/* Busy-waits for at least us microseconds. */
void tsc_delay_us(uint64_t us);

#endif /* X86_TSC_H */
