/*
 * Kernel timers: a function called at a point of clock_ns() time, from
 * the timer interrupt (core/timer.c, run by each tick). The resolution is
 * the tick (1/HZ). Used by alarm, the interval timers and timeouts that
 * are not a task's own sleep (sleeps use schedule_until()).
 */
#ifndef CORE_TIMER_H
#define CORE_TIMER_H

#include <core/list.h>
#include <core/types.h>

struct ktimer {
	struct list_head link;		/* in the pending list, by expiry */
	uint64_t expires_ns;
	/* Runs in interrupt context, interrupts off; may re-arm t. */
	void (*fn)(struct ktimer *t);
	bool pending;
};

static inline void ktimer_init(struct ktimer *t, void (*fn)(struct ktimer *))
{
	list_init(&t->link);
	t->fn = fn;
	t->pending = false;
	t->expires_ns = 0;
}

/* (Re)arms t to fire once clock_ns() >= expires_ns. */
void ktimer_start(struct ktimer *t, uint64_t expires_ns);
/* Disarms t. Returns whether it was pending. */
bool ktimer_cancel(struct ktimer *t);

/* Called by the tick with interrupts off: runs the expired timers. */
void ktimer_run_expired(void);

#endif /* CORE_TIMER_H */
