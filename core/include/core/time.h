/*
 * Kernel time: the periodic tick (jiffies at CONFIG_HZ per second) driven by
 * the arch timer, and a monotonic nanosecond clock read from an independent
 * counter (TSC, CNTVCT).
 */
#ifndef CORE_TIME_H
#define CORE_TIME_H

#include <core/types.h>

#define HZ CONFIG_HZ
#define NSEC_PER_SEC 1000000000ULL

/* Ticks since the timer started. Written only by timer_tick(). */
extern volatile uint64_t jiffies;

/* Called by the arch timer interrupt handler, once per tick. */
void timer_tick(void);

/* Starts the periodic tick through the arch timer. Returns 0 or -errno. */
int time_init(void);

/* Monotonic nanoseconds since boot. */
uint64_t clock_ns(void);

#endif /* CORE_TIME_H */
