/*
 * Fake clocks (<core/time.h>): a test sets the monotonic time and how far
 * each reading moves it, so busy-waits on clock_ns() finish at once; the
 * wall clock reads the same time.
 */
#include "fakes.h"

#include <core/time.h>

uint64_t fake_clock_now;
uint64_t fake_clock_step;

uint64_t clock_ns(void)
{
	uint64_t now = fake_clock_now;

	fake_clock_now += fake_clock_step;
	return now;
}

/* The wall clock reads the same fake time. */
int64_t clock_realtime_ns(void)
{
	return (int64_t)clock_ns();
}
