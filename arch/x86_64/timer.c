/*
 * The periodic tick from the local APIC timer (<arch/timer.h>). Its input
 * is the APIC bus clock, whose rate the CPU does not tell us, so we count
 * it against the PIT first, then program periodic mode with initial count
 * rate / hz. The interrupt calls timer_tick(); trap_dispatch() sends EOI.
 */
#define pr_fmt(fmt) "timer: " fmt

#include <arch/timer.h>

#include <core/errno.h>
#include <core/irq.h>
#include <core/printk.h>
#include <core/time.h>

#include "lapic.h"
#include "pit.h"
#include "traps.h"
#include "tsc.h"

#define TIMER_DIVIDE_BY_16	0x3	/* SDM vol. 3, Figure 10-10 */

/* Elapsed LAPIC timer counts since it was loaded with ~0 (it counts down). */
static uint64_t lapic_timer_elapsed(void)
{
	return 0xffffffffU - lapic_read(LAPIC_TIMER_CURRENT);
}

static void lapic_timer_irq(unsigned int irq, void *data)
{
	timer_tick();
}

const char *arch_timer_name(void)
{
	return "lapic";
}

int arch_timer_init(unsigned int hz)
{
	uint64_t rate;
	int err;

	if (!lapic_enabled())
		return -ENODEV;
	if (hz == 0)
		return -EINVAL;

	lapic_write(LAPIC_TIMER_DIVIDE, TIMER_DIVIDE_BY_16);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VEC_LAPIC_TIMER);
	lapic_write(LAPIC_TIMER_INITIAL, 0xffffffffU);
	rate = pit_measure_hz(lapic_timer_elapsed);
	lapic_write(LAPIC_TIMER_INITIAL, 0);
	if (rate < hz || rate / hz > 0xffffffffU) {
		pr_err("cannot calibrate the LAPIC timer (%llu Hz)\n",
		       (unsigned long long)rate);
		return -ENODEV;
	}
	pr_info("against the PIT: TSC %llu kHz, LAPIC timer %llu kHz\n",
		(unsigned long long)(tsc_hz() / 1000),
		(unsigned long long)(rate / 1000));

	lapic_write(LAPIC_LVT_TIMER,
		    LVT_MASKED | LVT_TIMER_PERIODIC | VEC_LAPIC_TIMER);
	err = irq_register(VEC_LAPIC_TIMER, lapic_timer_irq, NULL);
	if (err)
		return err;
	/* Writing the initial count starts the timer. */
	lapic_write(LAPIC_TIMER_INITIAL, (uint32_t)(rate / hz));
	return 0;
}
