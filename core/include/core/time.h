/*
 * Kernel time: the periodic tick (jiffies at CONFIG_HZ per second) driven by
 * the arch timer, a monotonic nanosecond clock read from an independent
 * counter (TSC, CNTVCT), and the wall clock (CLOCK_REALTIME): the monotonic
 * clock plus an offset, set at boot from the real-time clock (drivers/rtc/)
 * and by settimeofday/clock_settime.
 */
#ifndef CORE_TIME_H
#define CORE_TIME_H

#include <core/types.h>

#define HZ CONFIG_HZ
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_USEC 1000ULL
#define TICK_NSEC (NSEC_PER_SEC / HZ)

/* struct timespec and struct timeval of the 64-bit Linux ABIs. */
struct ktimespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

struct ktimeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

/* Ticks since the timer started. Written only by timer_tick(). */
extern volatile uint64_t jiffies;

/* Called by the arch timer interrupt handler, once per tick. */
void timer_tick(void);

/* Starts the periodic tick through the arch timer. Returns 0 or -errno. */
int time_init(void);

/* Monotonic nanoseconds since boot. */
uint64_t clock_ns(void);

/*
 * Wall-clock time: nanoseconds since the Unix epoch (1970-01-01 00:00 UTC),
 * which is 0 + uptime until an RTC driver or settimeofday sets it.
 */
int64_t clock_realtime_ns(void);

/*
 * Sets the wall clock to ns since the epoch (ns >= 0; callers check).
 * Any context.
 */
void clock_set_realtime_ns(int64_t ns);

/* True once an RTC driver or settimeofday has set the wall clock. */
bool clock_realtime_is_set(void);

/*
 * Called by timer_tick(): charges the tick to the CPU-time interval timers
 * (ITIMER_VIRTUAL, ITIMER_PROF) of the current process (core/sys_itimer.c,
 * built with the time syscalls).
 */
#ifdef CONFIG_SYSCALL_TIME
void itimer_tick(void);
#else
static inline void itimer_tick(void)
{
}
#endif

#endif /* CORE_TIME_H */
