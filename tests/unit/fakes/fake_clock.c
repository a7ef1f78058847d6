/*
 * Fake monotonic clock (<core/time.h>): a test sets the time and how far
 * each reading moves it, so busy-waits on clock_ns() finish at once.
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
