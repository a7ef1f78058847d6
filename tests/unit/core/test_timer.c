/*
 * Unit tests of the kernel timers (core/timer.c) against the fake clock:
 * expiry order, timers not yet due, cancel, re-arming from the callback
 * (a periodic timer), and structures that were zeroed instead of
 * initialised.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/timer.h>

#include "fakes.h"

static int order[8], fired;

struct tagged {
	struct ktimer t;
	int tag;
	uint64_t period;
};

static void record(struct ktimer *t)
{
	struct tagged *x = container_of(t, struct tagged, t);

	order[fired++] = x->tag;
	if (x->period)
		ktimer_start(t, t->expires_ns + x->period);
}

static int setup(void **state)
{
	fired = 0;
	memset(order, 0, sizeof(order));
	fake_clock_now = 0;
	fake_clock_step = 0;
	return 0;
}

static void test_order_and_due(void **state)
{
	struct tagged a = { .tag = 1 }, b = { .tag = 2 }, c = { .tag = 3 };

	ktimer_init(&a.t, record);
	ktimer_init(&b.t, record);
	ktimer_init(&c.t, record);
	ktimer_start(&a.t, 300);
	ktimer_start(&b.t, 100);
	ktimer_start(&c.t, 200);

	fake_clock_now = 50;
	ktimer_run_expired();
	assert_int_equal(fired, 0);

	fake_clock_now = 250;
	ktimer_run_expired();
	assert_int_equal(fired, 2);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 3);
	assert_false(b.t.pending);
	assert_true(a.t.pending);

	fake_clock_now = 300;
	ktimer_run_expired();
	assert_int_equal(fired, 3);
	assert_int_equal(order[2], 1);
}

static void test_cancel_and_restart(void **state)
{
	struct tagged a = { .tag = 1 }, b = { .tag = 2 };

	ktimer_init(&a.t, record);
	ktimer_init(&b.t, record);
	ktimer_start(&a.t, 100);
	ktimer_start(&b.t, 150);
	assert_true(ktimer_cancel(&a.t));
	assert_false(ktimer_cancel(&a.t));
	/* Moving a pending timer later. */
	ktimer_start(&b.t, 500);
	fake_clock_now = 400;
	ktimer_run_expired();
	assert_int_equal(fired, 0);
	fake_clock_now = 500;
	ktimer_run_expired();
	assert_int_equal(fired, 1);
	assert_int_equal(order[0], 2);
}

static void test_periodic(void **state)
{
	struct tagged p = { .tag = 7, .period = 100 };

	ktimer_init(&p.t, record);
	ktimer_start(&p.t, 100);
	fake_clock_now = 100;
	ktimer_run_expired();
	fake_clock_now = 200;
	ktimer_run_expired();
	assert_int_equal(fired, 2);
	/* Late by more than a period: catches up one run per missed period. */
	fake_clock_now = 450;
	ktimer_run_expired();
	assert_int_equal(fired, 4);
	assert_int_equal(p.t.expires_ns, 500);
	assert_true(ktimer_cancel(&p.t));
}

static void test_zeroed_timer(void **state)
{
	struct tagged z;

	memset(&z, 0, sizeof(z));
	assert_false(ktimer_cancel(&z.t));
	z.t.fn = record;
	z.tag = 9;
	ktimer_start(&z.t, 10);
	fake_clock_now = 10;
	ktimer_run_expired();
	assert_int_equal(fired, 1);
	assert_int_equal(order[0], 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_order_and_due, setup),
		cmocka_unit_test_setup(test_cancel_and_restart, setup),
		cmocka_unit_test_setup(test_periodic, setup),
		cmocka_unit_test_setup(test_zeroed_timer, setup),
	};

	return cmocka_run_group_tests_name("ktimer", tests, NULL, NULL);
}
