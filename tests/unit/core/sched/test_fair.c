/*
 * Unit tests of the fair scheduling class (core/sched/fair.c), driven
 * through its struct sched_class ops with a pretend clock: the test plays
 * the scheduler core, charging CPU time in steps and switching when tick()
 * says so. Checks pick order, vruntime weighting by nice, min_vruntime,
 * the placement of new and woken tasks, yield and wakeup preemption, and
 * the CPU shares that result over a few simulated seconds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/sched.h>

#define MS 1000000ULL

static struct rq rq;
static struct task tasks[4];

static int setup(void **state)
{
	memset(&rq, 0, sizeof(rq));
	list_init(&rq.fifo);
	memset(tasks, 0, sizeof(tasks));
	for (int i = 0; i < 4; i++)
		tasks[i].tid = i;
	return 0;
}

static void enqueue_at(struct task *t, uint64_t vruntime)
{
	t->se.vruntime = vruntime;
	sched_class.enqueue(&rq, t, 0);
}

static void test_picks_least_vruntime_first(void **state)
{
	enqueue_at(&tasks[0], 30 * MS);
	enqueue_at(&tasks[1], 10 * MS);
	enqueue_at(&tasks[2], 20 * MS);
	enqueue_at(&tasks[3], 10 * MS);	/* equal keys: arrival order */
	assert_int_equal(rq.nr_queued, 4);
	assert_int_equal(rq.load, 4 * 1024);

	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[1]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[3]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[2]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[0]);
	assert_null(sched_class.pick_next(&rq));
	assert_int_equal(rq.nr_queued, 0);
	assert_int_equal(rq.load, 0);
}

static void test_dequeue(void **state)
{
	enqueue_at(&tasks[0], 1);
	enqueue_at(&tasks[1], 2);
	sched_class.dequeue(&rq, &tasks[0]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[1]);
	assert_null(sched_class.pick_next(&rq));
}

static void test_vruntime_weighted_by_nice(void **state)
{
	struct task *t = &tasks[0];
	double expect = 100.0 * MS;

	t->nice = 0;
	sched_class.charge(&rq, t, 10 * MS);
	assert_int_equal(t->se.vruntime, 10 * MS);
	assert_int_equal(t->se.sum_exec_ns, 0);	/* the core's job */

	/*
	 * Each nice level up makes the same CPU time 1.25x as costly, up to
	 * the rounding of the integer weights (15 at nice 19: 3.4%).
	 */
	for (int i = 0; i < 20; i++)
		expect /= 1.25;
	for (int nice = NICE_MIN; nice <= NICE_MAX; nice++, expect *= 1.25) {
		t->nice = nice;
		t->se.vruntime = 0;
		sched_class.charge(&rq, t, 100 * MS);
		assert_true(t->se.vruntime > expect * 0.965 &&
			    t->se.vruntime < expect * 1.035);
	}
}

static void test_min_vruntime_never_decreases(void **state)
{
	struct task *curr = &tasks[0];

	enqueue_at(&tasks[1], 50 * MS);
	curr->se.vruntime = 40 * MS;
	sched_class.charge(&rq, curr, 0);
	assert_int_equal(rq.min_vruntime, 40 * MS);
	sched_class.charge(&rq, curr, 20 * MS);	/* curr 60, queued 50 */
	assert_int_equal(rq.min_vruntime, 50 * MS);
	curr->se.vruntime = 0;			/* cannot pull it back */
	sched_class.charge(&rq, curr, 0);
	assert_int_equal(rq.min_vruntime, 50 * MS);
}

static void test_placement(void **state)
{
	struct task *curr = &tasks[0], *woken = &tasks[1], *fresh = &tasks[2];

	curr->se.vruntime = 100 * MS;
	sched_class.charge(&rq, curr, 0);
	assert_int_equal(rq.min_vruntime, 100 * MS);

	/* A long sleeper gets a bounded head start (half the latency). */
	woken->se.vruntime = 1 * MS;
	sched_class.enqueue(&rq, woken, ENQUEUE_WAKEUP);
	assert_int_equal(woken->se.vruntime, 90 * MS);
	assert_true(sched_class.wakeup_preempt(&rq, curr, woken));
	sched_class.dequeue(&rq, woken);

	/* A short sleeper keeps its own vruntime. */
	woken->se.vruntime = 99 * MS;
	sched_class.enqueue(&rq, woken, ENQUEUE_WAKEUP);
	assert_int_equal(woken->se.vruntime, 99 * MS);
	assert_false(sched_class.wakeup_preempt(&rq, curr, woken));

	/* A new task starts level with the others. */
	fresh->se.vruntime = 12345;
	sched_class.enqueue(&rq, fresh, ENQUEUE_NEW);
	assert_int_equal(fresh->se.vruntime, 100 * MS);
}

static void test_yield_goes_behind(void **state)
{
	struct task *curr = &tasks[0];

	enqueue_at(&tasks[1], 20 * MS);
	enqueue_at(&tasks[2], 30 * MS);
	curr->se.vruntime = 5 * MS;
	sched_class.yield(&rq, curr);
	sched_class.put_prev(&rq, curr);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[1]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[2]);
	assert_ptr_equal(sched_class.pick_next(&rq), curr);
}

static void test_tick_alone_never_preempts(void **state)
{
	struct task *curr = &tasks[0];

	sched_class.charge(&rq, curr, 1000 * MS);
	assert_false(sched_class.tick(&rq, curr));
}

/*
 * Runs the tasks for total_ns in 1 ms steps, as the core would, and
 * returns each one's CPU time in runtime[].
 */
static void simulate(struct task **ts, int n, uint64_t total_ns,
		     uint64_t *runtime)
{
	struct task *curr;
	uint64_t now;
	int i;

	for (i = 0; i < n; i++)
		sched_class.enqueue(&rq, ts[i], ENQUEUE_NEW);
	curr = sched_class.pick_next(&rq);
	for (now = 0; now < total_ns; now += MS) {
		sched_class.charge(&rq, curr, MS);
		for (i = 0; i < n; i++)
			if (ts[i] == curr)
				runtime[i] += MS;
		if (sched_class.tick(&rq, curr)) {
			sched_class.put_prev(&rq, curr);
			curr = sched_class.pick_next(&rq);
		}
	}
}

static void test_shares_follow_weights(void **state)
{
	struct task *ts[2] = { &tasks[0], &tasks[1] };
	uint64_t rt[2] = { 0, 0 };
	double ratio;

	simulate(ts, 2, 3000 * MS, rt);
	ratio = (double)rt[0] / (double)rt[1];
	assert_true(ratio > 0.95 && ratio < 1.05);

	setup(NULL);
	tasks[1].nice = 5;
	rt[0] = rt[1] = 0;
	simulate(ts, 2, 3000 * MS, rt);
	/* Weights 1024 : 336, a 3.05 ratio. */
	ratio = (double)rt[0] / (double)rt[1];
	assert_true(ratio > 2.8 && ratio < 3.3);
}

static void test_three_equal_tasks_take_turns(void **state)
{
	struct task *ts[3] = { &tasks[0], &tasks[1], &tasks[2] };
	uint64_t rt[3] = { 0, 0, 0 };

	simulate(ts, 3, 600 * MS, rt);
	for (int i = 0; i < 3; i++)
		assert_true(rt[i] >= 180 * MS && rt[i] <= 220 * MS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_picks_least_vruntime_first, setup),
		cmocka_unit_test_setup(test_dequeue, setup),
		cmocka_unit_test_setup(test_vruntime_weighted_by_nice, setup),
		cmocka_unit_test_setup(test_min_vruntime_never_decreases, setup),
		cmocka_unit_test_setup(test_placement, setup),
		cmocka_unit_test_setup(test_yield_goes_behind, setup),
		cmocka_unit_test_setup(test_tick_alone_never_preempts, setup),
		cmocka_unit_test_setup(test_shares_follow_weights, setup),
		cmocka_unit_test_setup(test_three_equal_tasks_take_turns, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
