/*
 * Unit tests of the round-robin scheduling class (core/sched/rr.c),
 * through its struct sched_class ops: FIFO order, the time slice
 * (CONFIG_SCHED_RR_SLICE_MS, from the unit tests' autoconf.h), no
 * preemption while nobody waits, yield, and equal shares over time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/sched.h>

#define MS 1000000ULL
#define SLICE (CONFIG_SCHED_RR_SLICE_MS * MS)

static struct rq rq;
static struct task tasks[3];

static int setup(void **state)
{
	memset(&rq, 0, sizeof(rq));
	list_init(&rq.fifo);
	memset(tasks, 0, sizeof(tasks));
	return 0;
}

static void test_fifo_order(void **state)
{
	sched_class.enqueue(&rq, &tasks[2], ENQUEUE_NEW);
	sched_class.enqueue(&rq, &tasks[0], ENQUEUE_WAKEUP);
	sched_class.enqueue(&rq, &tasks[1], 0);
	assert_int_equal(rq.nr_queued, 3);
	sched_class.dequeue(&rq, &tasks[0]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[2]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[1]);
	assert_null(sched_class.pick_next(&rq));
	assert_int_equal(rq.nr_queued, 0);
}

static void test_slice(void **state)
{
	struct task *curr;

	sched_class.enqueue(&rq, &tasks[0], ENQUEUE_NEW);
	curr = sched_class.pick_next(&rq);
	assert_int_equal(curr->se.slice_ns, SLICE);

	/* Alone: the slice runs out, but nobody is waiting. */
	sched_class.charge(&rq, curr, SLICE + MS);
	assert_int_equal(curr->se.slice_ns, 0);
	assert_false(sched_class.tick(&rq, curr));

	sched_class.enqueue(&rq, &tasks[1], ENQUEUE_WAKEUP);
	assert_false(sched_class.wakeup_preempt(&rq, curr, &tasks[1]));
	assert_true(sched_class.tick(&rq, curr));
	sched_class.put_prev(&rq, curr);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[1]);
	assert_ptr_equal(sched_class.pick_next(&rq), &tasks[0]);
	assert_int_equal(tasks[0].se.slice_ns, SLICE);	/* a fresh slice */
}

static void test_slice_not_over(void **state)
{
	struct task *curr;

	sched_class.enqueue(&rq, &tasks[0], ENQUEUE_NEW);
	sched_class.enqueue(&rq, &tasks[1], ENQUEUE_NEW);
	curr = sched_class.pick_next(&rq);
	sched_class.charge(&rq, curr, SLICE - MS);
	assert_false(sched_class.tick(&rq, curr));
	sched_class.yield(&rq, curr);
	assert_true(sched_class.tick(&rq, curr));
}

static void test_equal_shares(void **state)
{
	uint64_t rt[3] = { 0, 0, 0 };
	struct task *curr;
	int i;

	for (i = 0; i < 3; i++)
		sched_class.enqueue(&rq, &tasks[i], ENQUEUE_NEW);
	curr = sched_class.pick_next(&rq);
	for (i = 0; i < 3 * 100 * CONFIG_SCHED_RR_SLICE_MS; i++) {
		sched_class.charge(&rq, curr, MS);
		rt[curr - tasks] += MS;
		if (sched_class.tick(&rq, curr)) {
			sched_class.put_prev(&rq, curr);
			curr = sched_class.pick_next(&rq);
		}
	}
	for (i = 0; i < 3; i++)
		assert_int_equal(rt[i], 100 * SLICE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fifo_order, setup),
		cmocka_unit_test_setup(test_slice, setup),
		cmocka_unit_test_setup(test_slice_not_over, setup),
		cmocka_unit_test_setup(test_equal_shares, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
