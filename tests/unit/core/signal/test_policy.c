/*
 * Unit tests of the pure signal rules (core/signal/policy.c): the
 * default action of every signal (signal(7)), which dispositions throw a
 * signal away, the delivery order (faults first, then lowest number),
 * rt_sigprocmask's arithmetic (KILL and STOP never blocked, EINVAL for a
 * bad how) and the syscall restart table of <core/errno.h>.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>

#include "../../../../core/signal/internal.h"

static void test_default_actions(void **state)
{
	static const int term[] = { SIGHUP, SIGINT, SIGKILL, SIGUSR1, SIGUSR2,
				    SIGPIPE, SIGALRM, SIGTERM, SIGSTKFLT,
				    SIGVTALRM, SIGPROF, SIGIO, SIGPWR };
	static const int core[] = { SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS,
				    SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS };
	static const int stop[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	size_t i;
	int sig;

	for (i = 0; i < sizeof(term) / sizeof(term[0]); i++)
		assert_int_equal(sig_default_action(term[i]), SIG_DFL_TERM);
	for (i = 0; i < sizeof(core) / sizeof(core[0]); i++)
		assert_int_equal(sig_default_action(core[i]), SIG_DFL_CORE);
	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		assert_int_equal(sig_default_action(stop[i]), SIG_DFL_STOP);
	assert_int_equal(sig_default_action(SIGCHLD), SIG_DFL_IGNORE);
	assert_int_equal(sig_default_action(SIGURG), SIG_DFL_IGNORE);
	assert_int_equal(sig_default_action(SIGWINCH), SIG_DFL_IGNORE);
	assert_int_equal(sig_default_action(SIGCONT), SIG_DFL_CONT);
	for (sig = SIGRTMIN; sig <= NSIG; sig++)
		assert_int_equal(sig_default_action(sig), SIG_DFL_TERM);
}

static void test_ignored(void **state)
{
	const uintptr_t handler = 0x401000;

	assert_true(sig_handler_ignores(SIG_IGN, SIGTERM));
	assert_true(sig_handler_ignores(SIG_DFL, SIGCHLD));
	assert_true(sig_handler_ignores(SIG_DFL, SIGWINCH));
	assert_true(sig_handler_ignores(SIG_DFL, SIGURG));
	/* SIGCONT continues at send time, then nothing is left to do. */
	assert_true(sig_handler_ignores(SIG_DFL, SIGCONT));
	assert_false(sig_handler_ignores(SIG_DFL, SIGTERM));
	assert_false(sig_handler_ignores(SIG_DFL, SIGTSTP));
	assert_false(sig_handler_ignores(handler, SIGCHLD));
	/* KILL and STOP cannot be ignored, whatever the table says. */
	assert_false(sig_handler_ignores(SIG_IGN, SIGKILL));
	assert_false(sig_handler_ignores(SIG_IGN, SIGSTOP));
}

static void test_sig_valid(void **state)
{
	assert_false(sig_valid(0));
	assert_true(sig_valid(1));
	assert_true(sig_valid(64));
	assert_false(sig_valid(65));
	assert_false(sig_valid(-1));
}

static void test_next(void **state)
{
	ksigset_t all = ~0ULL;

	assert_int_equal(sig_next(0, 0), 0);
	assert_int_equal(sig_next(sigmask(SIGTERM) | sigmask(SIGINT), 0),
			 SIGINT);
	/* A fault goes before a lower-numbered signal. */
	assert_int_equal(sig_next(sigmask(SIGHUP) | sigmask(SIGSEGV), 0),
			 SIGSEGV);
	assert_int_equal(sig_next(sigmask(SIGFPE) | sigmask(SIGILL), 0),
			 SIGILL);
	/* Blocked ones wait. */
	assert_int_equal(sig_next(sigmask(SIGINT), sigmask(SIGINT)), 0);
	assert_int_equal(sig_next(sigmask(SIGINT) | sigmask(SIGUSR1),
				  sigmask(SIGINT)), SIGUSR1);
	assert_int_equal(sig_next(sigmask(SIGHUP) | sigmask(SIGSEGV),
				  sigmask(SIGSEGV)), SIGHUP);
	/* The 64th signal is bit 63. */
	assert_int_equal(sig_next(sigmask(64), 0), 64);
	assert_int_equal(sig_next(all, all & ~sigmask(SIGRTMIN)), SIGRTMIN);
	assert_int_equal(sigmask(1), 1);
	assert_true(sigmask(64) == 1ULL << 63);
}

static void test_mask_apply(void **state)
{
	ksigset_t old = sigmask(SIGINT) | sigmask(SIGUSR1), out = 0;

	assert_int_equal(sig_mask_apply(old, SIG_BLOCK, sigmask(SIGTERM), &out),
			 0);
	assert_true(out == (old | sigmask(SIGTERM)));
	assert_int_equal(sig_mask_apply(old, SIG_UNBLOCK, sigmask(SIGINT),
					&out), 0);
	assert_true(out == sigmask(SIGUSR1));
	assert_int_equal(sig_mask_apply(old, SIG_SETMASK, sigmask(SIGHUP),
					&out), 0);
	assert_true(out == sigmask(SIGHUP));
	/* KILL and STOP are never blocked. */
	assert_int_equal(sig_mask_apply(0, SIG_SETMASK, ~0ULL, &out), 0);
	assert_true(out == (~0ULL & ~(sigmask(SIGKILL) | sigmask(SIGSTOP))));
	assert_int_equal(sig_mask_apply(0, SIG_BLOCK, sigmask(SIGKILL), &out),
			 0);
	assert_true(out == 0);
	/* A bad how changes nothing. */
	out = 42;
	assert_int_equal(sig_mask_apply(old, 3, 0, &out), -EINVAL);
	assert_int_equal(sig_mask_apply(old, -1, 0, &out), -EINVAL);
	assert_true(out == 42);
}

static void test_restart(void **state)
{
	/* ERESTARTNOINTR: always issued again. */
	assert_int_equal(sig_restart_action(-ERESTARTNOINTR, true, 0),
			 SIG_RESTART_REWIND);
	assert_int_equal(sig_restart_action(-ERESTARTNOINTR, false, 0),
			 SIG_RESTART_REWIND);
	/* ERESTARTSYS: EINTR only for a handler without SA_RESTART. */
	assert_int_equal(sig_restart_action(-ERESTARTSYS, true, 0),
			 SIG_RESTART_EINTR);
	assert_int_equal(sig_restart_action(-ERESTARTSYS, true, SA_RESTART),
			 SIG_RESTART_REWIND);
	assert_int_equal(sig_restart_action(-ERESTARTSYS, false, 0),
			 SIG_RESTART_REWIND);
	/* ERESTARTNOHAND and RESTARTBLOCK: EINTR for any handler. */
	assert_int_equal(sig_restart_action(-ERESTARTNOHAND, true, SA_RESTART),
			 SIG_RESTART_EINTR);
	assert_int_equal(sig_restart_action(-ERESTARTNOHAND, false, 0),
			 SIG_RESTART_REWIND);
	assert_int_equal(sig_restart_action(-ERESTART_RESTARTBLOCK, true,
					    SA_RESTART), SIG_RESTART_EINTR);
	assert_int_equal(sig_restart_action(-ERESTART_RESTARTBLOCK, false, 0),
			 SIG_RESTART_REWIND);
	/* Anything else is left alone. */
	assert_int_equal(sig_restart_action(-EINTR, true, 0), SIG_RESTART_NONE);
	assert_int_equal(sig_restart_action(0, true, 0), SIG_RESTART_NONE);
	assert_int_equal(sig_restart_action(-ERESTART, false, 0),
			 SIG_RESTART_NONE);
	assert_int_equal(sig_restart_action(512, false, 0), SIG_RESTART_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_actions),
		cmocka_unit_test(test_ignored),
		cmocka_unit_test(test_sig_valid),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_mask_apply),
		cmocka_unit_test(test_restart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
