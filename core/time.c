/*
 * The periodic tick, the monotonic clock and the wall clock, on top of the
 * arch timer (<arch/timer.h>). The wall clock is the monotonic clock plus
 * an offset: an RTC driver sets it once at boot, settimeofday and
 * clock_settime later; nothing steps or slews it otherwise (no NTP).
 */
#define pr_fmt(fmt) "timer: " fmt

#include <core/time.h>

#include <arch/timer.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/timer.h>

volatile uint64_t jiffies;

/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns. One aligned word: reads are atomic. */
static int64_t realtime_offset_ns;
static bool realtime_set;

void timer_tick(void)
{
	jiffies = jiffies + 1;
	sched_tick();
	ktimer_run_expired();
	itimer_tick();
}

int time_init(void)
{
	int err = arch_timer_init(HZ);

	if (err) {
		pr_err("%s failed to start: %d\n", arch_timer_name(), err);
		return err;
	}
	pr_info("%s ticking at %d Hz\n", arch_timer_name(), HZ);
	return 0;
}

uint64_t clock_ns(void)
{
	return arch_clock_ns();
}

int64_t clock_realtime_ns(void)
{
	return (int64_t)clock_ns() + READ_ONCE(realtime_offset_ns);
}

void clock_set_realtime_ns(int64_t ns)
{
	WRITE_ONCE(realtime_offset_ns, ns - (int64_t)clock_ns());
	WRITE_ONCE(realtime_set, true);
}

bool clock_realtime_is_set(void)
{
	return READ_ONCE(realtime_set);
}
