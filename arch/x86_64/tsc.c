/*
 * arch_clock_ns() from the time-stamp counter. The TSC's rate is not
 * architecturally known, so tsc_init() measures it against the PIT before
 * kernel_main() runs; until then the clock reads 0. Nanoseconds are
 * ticks * mult >> 32, with a 128-bit product so nothing overflows.
 *
 * Assumes a constant-rate TSC (every CPU since ~2008, and QEMU).
 */
#include "tsc.h"

#include <arch/cpu.h>
#include <arch/timer.h>
#include <core/time.h>

#include "pit.h"
#include "x86.h"

/* Used when the PIT does not answer; the clock is then only roughly right. */
#define TSC_FALLBACK_HZ		1000000000ULL

static uint64_t tsc_base;	/* TSC at calibration: clock_ns() 0 */
static uint64_t tsc_rate;	/* ticks per second */
static uint64_t tsc_mult;	/* ns per tick, 32.32 fixed point */

static uint64_t read_tsc(void)
{
	return rdtsc();
}

void tsc_init(void)
{
	uint64_t hz;

	tsc_base = rdtsc();
	hz = pit_measure_hz(read_tsc);
	if (!hz)
		hz = TSC_FALLBACK_HZ;
	tsc_rate = hz;
	tsc_mult = (NSEC_PER_SEC << 32) / hz;
}

uint64_t tsc_hz(void)
{
	return tsc_rate;
}

uint64_t arch_clock_ns(void)
{
	if (!tsc_mult)
		return 0;
	return ((unsigned __int128)(rdtsc() - tsc_base) * tsc_mult) >> 32;
}

void tsc_delay_us(uint64_t us)
{
	uint64_t end = arch_clock_ns() + us * 1000;

	while (arch_clock_ns() < end)
		arch_cpu_relax();
}
