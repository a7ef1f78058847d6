/*
 * The round-robin scheduling class (CONFIG_SCHED_RR): runnable tasks wait
 * in one FIFO; the task at its head runs for a time slice of
 * CONFIG_SCHED_RR_SLICE_MS (measured in CPU time, checked at each tick),
 * then goes to the back if anyone is waiting. A woken task joins the back
 * and waits its turn; nice values are kept but do not change the order.
 */
#include <core/sched.h>

#define SLICE_NS ((uint64_t)CONFIG_SCHED_RR_SLICE_MS * 1000000ULL)

static void rr_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	list_add_tail(&t->se.link, &rq->fifo);
	rq->nr_queued++;
}

static void rr_dequeue(struct rq *rq, struct task *t)
{
	list_del(&t->se.link);
	rq->nr_queued--;
}

static struct task *rr_pick_next(struct rq *rq)
{
	struct task *t;

	if (list_empty(&rq->fifo))
		return NULL;
	t = list_first_entry(&rq->fifo, struct task, se.link);
	rr_dequeue(rq, t);
	t->se.slice_ns = SLICE_NS;
	return t;
}

static void rr_put_prev(struct rq *rq, struct task *curr)
{
	rr_enqueue(rq, curr, 0);
}

static void rr_charge(struct rq *rq, struct task *curr, uint64_t delta_ns)
{
	curr->se.slice_ns -= delta_ns < curr->se.slice_ns ? delta_ns :
							    curr->se.slice_ns;
}

static bool rr_tick(struct rq *rq, struct task *curr)
{
	return curr->se.slice_ns == 0 && rq->nr_queued;
}

static bool rr_wakeup_preempt(struct rq *rq, struct task *curr,
			      struct task *woken)
{
	return false;
}

static void rr_yield(struct rq *rq, struct task *curr)
{
	curr->se.slice_ns = 0;
}

const struct sched_class sched_class = {
	.name = "round-robin",
	.enqueue = rr_enqueue,
	.dequeue = rr_dequeue,
	.pick_next = rr_pick_next,
	.put_prev = rr_put_prev,
	.charge = rr_charge,
	.tick = rr_tick,
	.wakeup_preempt = rr_wakeup_preempt,
	.yield = rr_yield,
};
