/*
 * The periodic tick and the monotonic clock, on top of the arch timer
 * (<arch/timer.h>).
 */
#define pr_fmt(fmt) "timer: " fmt

#include <core/time.h>

#include <arch/timer.h>
#include <core/printk.h>
#include <core/sched.h>

volatile uint64_t jiffies;

void timer_tick(void)
{
	jiffies = jiffies + 1;
	sched_tick();
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
