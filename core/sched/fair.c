/*
 * The fair scheduling class (CONFIG_SCHED_FAIR): every task accrues
 * virtual runtime, its CPU time scaled by NICE_0_WEIGHT / its weight, and
 * the task with the least virtual runtime runs next. Over time the CPU is
 * then shared in proportion to the weights.
 *
 * Weights follow the rule that one nice level is worth about 10% of CPU
 * against a task one level away: each step divides the weight by 1.25,
 * with nice 0 at 1024 (table below: round(1024 / 1.25^nice)).
 *
 * The run queue is an rbtree ordered by vruntime (equal keys in arrival
 * order); the running task is out of the tree. min_vruntime follows the
 * smallest vruntime of the running and queued tasks and never decreases.
 * Placement: a new task starts at min_vruntime; a woken task starts no
 * further back than min_vruntime - SCHED_LATENCY / 2, so a long sleep buys
 * a bounded head start rather than a monopoly.
 */
#include <core/sched.h>

#include <core/compiler.h>

#define NSEC_PER_MSEC		1000000ULL
/* The period in which every runnable task should get a turn. */
#define SCHED_LATENCY_NS	(20 * NSEC_PER_MSEC)
/* The shortest turn, however many tasks share the CPU. */
#define MIN_GRANULARITY_NS	(4 * NSEC_PER_MSEC)
/* How far ahead a woken task must be to preempt the running one. */
#define WAKEUP_GRANULARITY_NS	(2 * NSEC_PER_MSEC)
#define NICE_0_WEIGHT		1024

static const unsigned int nice_weight[NICE_MAX - NICE_MIN + 1] = {
	/* -20 */ 88818, 71054, 56843, 45475, 36380,
	/* -15 */ 29104, 23283, 18626, 14901, 11921,
	/* -10 */ 9537, 7629, 6104, 4883, 3906,
	/*  -5 */ 3125, 2500, 2000, 1600, 1280,
	/*   0 */ 1024, 819, 655, 524, 419,
	/*   5 */ 336, 268, 215, 172, 137,
	/*  10 */ 110, 88, 70, 56, 45,
	/*  15 */ 36, 29, 23, 18, 15,
};

static unsigned long weight_of(const struct task *t)
{
	return nice_weight[t->nice - NICE_MIN];
}

static struct task *task_of(struct rb_node *node)
{
	return container_of(node, struct task, se.node);
}

static void timeline_insert(struct rq *rq, struct task *t)
{
	struct rb_node **link = &rq->timeline.node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = t->se.vruntime < task_of(parent)->se.vruntime ?
			       &parent->left : &parent->right;
	}
	rb_link_node(&t->se.node, parent, link);
	rb_insert_fixup(&rq->timeline, &t->se.node);
	rq->nr_queued++;
	rq->load += weight_of(t);
}

static void timeline_erase(struct rq *rq, struct task *t)
{
	rb_erase(&rq->timeline, &t->se.node);
	rq->nr_queued--;
	rq->load -= weight_of(t);
}

static void update_min_vruntime(struct rq *rq, const struct task *curr)
{
	struct rb_node *left = rb_first(&rq->timeline);
	uint64_t v = curr->se.vruntime;

	if (left && task_of(left)->se.vruntime < v)
		v = task_of(left)->se.vruntime;
	if (v > rq->min_vruntime)
		rq->min_vruntime = v;
}

static void fair_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	uint64_t floor;

	if (flags & ENQUEUE_NEW) {
		t->se.vruntime = rq->min_vruntime;
	} else if (flags & ENQUEUE_WAKEUP) {
		floor = rq->min_vruntime > SCHED_LATENCY_NS / 2 ?
				rq->min_vruntime - SCHED_LATENCY_NS / 2 : 0;
		t->se.vruntime = MAX(t->se.vruntime, floor);
	}
	timeline_insert(rq, t);
}

static void fair_dequeue(struct rq *rq, struct task *t)
{
	timeline_erase(rq, t);
}

static struct task *fair_pick_next(struct rq *rq)
{
	struct rb_node *left = rb_first(&rq->timeline);
	struct task *t;

	if (!left)
		return NULL;
	t = task_of(left);
	timeline_erase(rq, t);
	t->se.slice_ns = 0;
	return t;
}

static void fair_put_prev(struct rq *rq, struct task *curr)
{
	timeline_insert(rq, curr);
}

static void fair_charge(struct rq *rq, struct task *curr, uint64_t delta_ns)
{
	curr->se.vruntime += delta_ns * NICE_0_WEIGHT / weight_of(curr);
	curr->se.slice_ns += delta_ns;
	update_min_vruntime(rq, curr);
}

/*
 * curr's fair turn: its share of SCHED_LATENCY by weight, at least
 * MIN_GRANULARITY. It is preempted when the turn is used up, or when it
 * is that far ahead of the leftmost queued task.
 */
static bool fair_tick(struct rq *rq, struct task *curr)
{
	unsigned long w = weight_of(curr);
	uint64_t turn, left_vr;

	if (!rq->nr_queued)
		return false;
	turn = SCHED_LATENCY_NS * w / (rq->load + w);
	turn = MAX(turn, MIN_GRANULARITY_NS);
	if (curr->se.slice_ns >= turn)
		return true;
	left_vr = task_of(rb_first(&rq->timeline))->se.vruntime;
	return curr->se.vruntime > left_vr + turn;
}

static bool fair_wakeup_preempt(struct rq *rq, struct task *curr,
				struct task *woken)
{
	return woken->se.vruntime + WAKEUP_GRANULARITY_NS < curr->se.vruntime;
}

/* Moves curr behind every queued task: it gives up its place in line. */
static void fair_yield(struct rq *rq, struct task *curr)
{
	struct rb_node *last = rb_last(&rq->timeline);

	if (last)
		curr->se.vruntime = MAX(curr->se.vruntime,
					task_of(last)->se.vruntime);
}

const struct sched_class sched_class = {
	.name = "fair",
	.enqueue = fair_enqueue,
	.dequeue = fair_dequeue,
	.pick_next = fair_pick_next,
	.put_prev = fair_put_prev,
	.charge = fair_charge,
	.tick = fair_tick,
	.wakeup_preempt = fair_wakeup_preempt,
	.yield = fair_yield,
};
