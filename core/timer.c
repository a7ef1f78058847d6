/*
 * Kernel timers (<core/timer.h>): one list of pending timers sorted by
 * expiry, checked by every tick (timer_tick() in core/time.c calls
 * ktimer_run_expired()). The resolution is the tick. Users are alarm(),
 * the interval timers and timeouts that are not a task's own sleep.
 *
 * Locking: the list is touched with interrupts off only; one CPU, so
 * that is all the exclusion needed. A timer structure that the caller
 * zeroed (not passed through ktimer_init()) is accepted as "not pending",
 * so that freshly allocated processes need no special set-up.
 */
#include <core/timer.h>

#include <arch/irq.h>
#include <core/time.h>

static struct list_head pending_timers = LIST_HEAD_INIT(pending_timers);

/* Unlinks t. Interrupts off. */
static void dequeue(struct ktimer *t)
{
	if (t->pending)
		list_del(&t->link);
	else
		list_init(&t->link);
	t->pending = false;
}

/* Inserts t after every timer that expires no later. Interrupts off. */
static void enqueue(struct ktimer *t)
{
	struct list_head *pos;
	struct ktimer *other;

	for (pos = pending_timers.next; pos != &pending_timers;
	     pos = pos->next) {
		other = list_entry(pos, struct ktimer, link);
		if (other->expires_ns > t->expires_ns)
			break;
	}
	/* list_add_tail(node, pos) inserts node just before pos. */
	list_add_tail(&t->link, pos);
	t->pending = true;
}

void ktimer_start(struct ktimer *t, uint64_t expires_ns)
{
	unsigned long flags = arch_irq_save();

	dequeue(t);
	t->expires_ns = expires_ns;
	enqueue(t);
	arch_irq_restore(flags);
}

bool ktimer_cancel(struct ktimer *t)
{
	unsigned long flags = arch_irq_save();
	bool was_pending = t->pending;

	dequeue(t);
	arch_irq_restore(flags);
	return was_pending;
}

void ktimer_run_expired(void)
{
	uint64_t now = clock_ns();
	struct ktimer *t;

	/*
	 * Each expired timer is unlinked before its function runs, so the
	 * function may re-arm it (possibly at the front of the list again:
	 * then it runs again in this loop only if it chose an expiry <= now).
	 */
	while (!list_empty(&pending_timers)) {
		t = list_first_entry(&pending_timers, struct ktimer, link);
		if (t->expires_ns > now)
			break;
		dequeue(t);
		if (t->fn)
			t->fn(t);
	}
}
