/*
 * Unit tests of the pending sets (core/signal/pending.c): a standard
 * signal pending once with its first siginfo, real-time signals queued
 * in order, the RLIMIT_SIGPENDING bound (EAGAIN for sigqueue, the bit
 * alone for kill), dequeue order (the thread's faults, then its set,
 * then the process's) and when a thread counts as having a signal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>

#include "../../../../core/signal/internal.h"

static struct process proc;
static struct task task;

static int setup(void **state)
{
	memset(&proc, 0, sizeof(proc));
	memset(&task, 0, sizeof(task));
	sigpending_init(&proc.shared_pending);
	sigpending_init(&task.sig_pending);
	list_init(&proc.threads);
	list_add_tail(&task.thread_link, &proc.threads);
	task.proc = &proc;
	return 0;
}

static int teardown(void **state)
{
	sigpending_flush(&proc.shared_pending);
	sigpending_flush(&task.sig_pending);
	return 0;
}

static struct ksiginfo mkinfo(int code, int pid)
{
	struct ksiginfo info;

	memset(&info, 0, sizeof(info));
	info.si_code = code;
	info.kill.pid = pid;
	return info;
}

static void test_standard_once(void **state)
{
	struct ksiginfo a = mkinfo(SI_USER, 10), b = mkinfo(SI_USER, 20), out;

	assert_int_equal(sigpending_add(&proc.shared_pending, SIGUSR1, &a, 0), 0);
	assert_int_equal(sigpending_add(&proc.shared_pending, SIGUSR1, &b, 0), 0);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGUSR1);
	assert_int_equal(out.si_signo, SIGUSR1);
	assert_int_equal(out.kill.pid, 10);
	assert_int_equal(dequeue_signal(&task, 0, &out), 0);
	assert_false(task.sigpending);
}

static void test_realtime_queue(void **state)
{
	struct ksiginfo info, out;
	int i;

	for (i = 1; i <= 3; i++) {
		info = mkinfo(SI_QUEUE, i);
		assert_int_equal(sigpending_add(&proc.shared_pending,
						SIGRTMIN + 1, &info, 100), 0);
	}
	for (i = 1; i <= 3; i++) {
		assert_int_equal(dequeue_signal(&task, 0, &out), SIGRTMIN + 1);
		assert_int_equal(out.kill.pid, i);
	}
	assert_true(proc.shared_pending.signal == 0);
}

static void test_limit(void **state)
{
	struct ksiginfo q = mkinfo(SI_QUEUE, 1), k = mkinfo(SI_USER, 2), out;

	assert_int_equal(sigpending_add(&proc.shared_pending, SIGRTMIN, &q, 1),
			 0);
	/* Full: sigqueue fails, kill still marks the signal. */
	assert_int_equal(sigpending_add(&proc.shared_pending, SIGRTMIN + 2, &q,
					1), -EAGAIN);
	assert_int_equal(sigpending_add(&proc.shared_pending, SIGRTMIN + 2, &k,
					1), 0);
	/* Standard signals from kill or the kernel ignore the limit. */
	assert_int_equal(sigpending_add(&proc.shared_pending, SIGTERM, &k, 0),
			 0);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGTERM);
	assert_int_equal(out.kill.pid, 2);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGRTMIN);
	assert_int_equal(out.kill.pid, 1);
	/* Marked without an entry: kill's siginfo. */
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGRTMIN + 2);
	assert_int_equal(out.si_code, SI_USER);
	assert_int_equal(out.kill.pid, 0);
}

static void test_order(void **state)
{
	struct ksiginfo info = mkinfo(SI_KERNEL, 0), out;

	sigpending_add(&proc.shared_pending, SIGHUP, &info, 10);
	sigpending_add(&task.sig_pending, SIGUSR2, &info, 10);
	sigpending_add(&task.sig_pending, SIGSEGV, &info, 10);
	sigpending_add(&task.sig_pending, SIGINT, &info, 10);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGSEGV);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGINT);
	/* Blocked ones stay; the process's set comes after the thread's. */
	assert_int_equal(dequeue_signal(&task, sigmask(SIGUSR2), &out), SIGHUP);
	assert_int_equal(dequeue_signal(&task, sigmask(SIGUSR2), &out), 0);
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGUSR2);
}

static void test_discard(void **state)
{
	struct ksiginfo info = mkinfo(SI_QUEUE, 0), out;

	sigpending_add(&proc.shared_pending, SIGRTMIN, &info, 10);
	sigpending_add(&proc.shared_pending, SIGRTMIN, &info, 10);
	sigpending_add(&proc.shared_pending, SIGCONT, &info, 10);
	sigpending_discard(&proc.shared_pending, sigmask(SIGRTMIN));
	assert_true(proc.shared_pending.signal == sigmask(SIGCONT));
	assert_int_equal(dequeue_signal(&task, 0, &out), SIGCONT);
	assert_true(list_empty(&proc.shared_pending.queue));
}

static void test_pending_flag(void **state)
{
	struct ksiginfo info = mkinfo(SI_USER, 0);

	assert_false(task_signal_pending(&task));
	sigpending_add(&proc.shared_pending, SIGINT, &info, 10);
	task.sig_blocked = sigmask(SIGINT);
	assert_false(task_signal_pending(&task));
	task.sig_blocked = 0;
	assert_true(task_signal_pending(&task));
	recalc_sigpending(&task);
	assert_true(task.sigpending);

	sigpending_discard(&proc.shared_pending, ~0ULL);
	task.sig_blocked = ~0ULL;
	proc.stopped = true;
	assert_true(task_signal_pending(&task));
	proc.stopped = false;
	proc.group_exiting = true;
	assert_true(task_signal_pending(&task));
	proc.group_exiting = false;
	sigpending_add(&proc.shared_pending, SIGKILL, &info, 10);
	assert_true(task_signal_pending(&task));
	assert_true(sigkill_pending(&task));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_standard_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_realtime_queue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pending_flag, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
