/*
 * Unit tests of the process ids (core/proc/pid.c) and the wait status
 * decoding (core/proc/status.c): ids start above init's 1, go up and wrap
 * below PID_MAX, skip ids still used as a process group or session,
 * run out with EAGAIN; lookups by pid and tid; each status word maps to
 * the CLD_* code and si_status Linux's waitid reports.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <core/process.h>

#include "../../../../core/proc/internal.h"

static int alloc_ok(void)
{
	int pid = pid_alloc();

	assert_true(pid >= 2 && pid < PID_MAX);
	return pid;
}

static void test_never_one_and_increasing(void **state)
{
	int a = alloc_ok(), b = alloc_ok();

	assert_int_not_equal(a, 1);
	assert_int_equal(b, a + 1);
	pid_free(a);
	/* Not reused at once: the next id follows the last one given. */
	assert_int_equal(alloc_ok(), b + 1);
	pid_free(b);
	pid_free(b + 1);
}

static void test_wraps_below_pid_max(void **state)
{
	int pid, first = 0;

	/* Walk the cursor up to the end of the range. */
	do {
		pid = alloc_ok();
		pid_free(pid);
	} while (pid != PID_MAX - 1);
	first = alloc_ok();
	assert_int_equal(first, 2);
	pid_free(first);
}

static void test_skips_taken_ids(void **state)
{
	int a = alloc_ok(), b, c;

	pid_free(a);
	/* Reserve the next two: the allocator must step over them. */
	pid_reserve(a + 1);
	pid_reserve(a + 2);
	b = alloc_ok();
	assert_int_equal(b, a + 3);
	pid_free(a + 1);
	pid_free(a + 2);
	pid_free(b);
	c = alloc_ok();
	assert_int_equal(c, b + 1);
	pid_free(c);
}

static void test_skips_groups_and_sessions(void **state)
{
	struct process leader = { 0 };
	int a = alloc_ok(), b;

	pid_free(a);
	/* A process whose group is a + 1 and session a + 2 (leaders gone). */
	leader.pid = a + 5;
	leader.pgid = a + 1;
	leader.sid = a + 2;
	list_add_tail(&leader.link, &process_list);
	b = alloc_ok();
	assert_int_equal(b, a + 3);
	pid_free(b);
	list_del(&leader.link);
}

static void test_exhaustion(void **state)
{
	int n = 0, pid;

	while ((pid = pid_alloc()) > 0)
		n++;
	assert_int_equal(pid, -EAGAIN);
	assert_int_equal(n, PID_MAX - 2);
	for (pid = 2; pid < PID_MAX; pid++)
		pid_free(pid);
	alloc_ok();
}

static void test_find(void **state)
{
	struct process p = { 0 };
	struct task t1 = { 0 }, t2 = { 0 };

	list_init(&p.threads);
	p.pid = 42;
	t1.tid = 42;
	t2.tid = 43;
	list_add_tail(&t1.thread_link, &p.threads);
	list_add_tail(&t2.thread_link, &p.threads);
	list_add_tail(&p.link, &process_list);

	assert_ptr_equal(find_process(42), &p);
	assert_null(find_process(43));
	assert_null(find_process(0));
	assert_ptr_equal(find_task(43), &t2);
	assert_ptr_equal(find_task(42), &t1);
	assert_null(find_task(44));
	list_del(&p.link);
	assert_null(find_process(42));
}

static void check_decode(int status, int code, int si_status)
{
	int c = -1, s = -1;

	wait_status_decode(status, &c, &s);
	assert_int_equal(c, code);
	assert_int_equal(s, si_status);
}

static void test_status_words(void **state)
{
	assert_int_equal(W_EXITCODE(3, 0), 0x300);
	assert_int_equal(W_STOPCODE(SIGTSTP), 0x147f);
	check_decode(W_EXITCODE(0, 0), CLD_EXITED, 0);
	check_decode(W_EXITCODE(255, 0), CLD_EXITED, 255);
	check_decode(W_EXITCODE(0, SIGKILL), CLD_KILLED, SIGKILL);
	check_decode(SIGSEGV | WCOREFLAG, CLD_DUMPED, SIGSEGV);
	check_decode(W_STOPCODE(SIGSTOP), CLD_STOPPED, SIGSTOP);
	check_decode(W_CONTINUED, CLD_CONTINUED, SIGCONT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_one_and_increasing),
		cmocka_unit_test(test_wraps_below_pid_max),
		cmocka_unit_test(test_skips_taken_ids),
		cmocka_unit_test(test_skips_groups_and_sessions),
		cmocka_unit_test(test_exhaustion),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_status_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
