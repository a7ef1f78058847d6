/*
 * Signals: handlers with siginfo, masks, pending sets, SA_RESTART versus
 * EINTR, sigsuspend, the alternate stack, default actions seen by wait.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static volatile sig_atomic_t hits, last_sig, last_code, last_pid;
static volatile uintptr_t handler_sp;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	hits++;
	last_sig = sig;
	last_code = si->si_code;
	last_pid = si->si_pid;
	handler_sp = (uintptr_t)&sig;
}

static void on_plain(int sig)
{
	hits++;
	last_sig = sig;
}

static void set(int sig, void (*h)(int), int flags)
{
	struct sigaction sa = { .sa_handler = h, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_info, .sa_flags = SA_SIGINFO };
	sigset_t set_, old, pend;
	int fds[2], status;
	char c;
	pid_t pid;

	sigemptyset(&sa.sa_mask);
	ok(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction installs a handler");
	kill(getpid(), SIGUSR1);
	is_long(hits, 1, "kill to self runs the handler before kill returns");
	is_long(last_sig, SIGUSR1, "handler gets the signal number");
	is_long(last_code, SI_USER, "si_code is SI_USER for kill");
	is_long(last_pid, getpid(), "si_pid is the sender");
	raise(SIGUSR1);
	is_long(last_code, SI_TKILL, "raise sends with SI_TKILL");

	sigemptyset(&set_);
	sigaddset(&set_, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set_, &old);
	hits = 0;
	kill(getpid(), SIGUSR1);
	is_long(hits, 0, "a blocked signal is not delivered");
	sigpending(&pend);
	ok(sigismember(&pend, SIGUSR1), "a blocked signal is pending");
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	is_long(hits, 1, "unblocking delivers it once (standard signals do not queue)");

	sigprocmask(SIG_BLOCK, &set_, &old);
	hits = 0;
	if ((pid = fork()) == 0) {
		usleep(100000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigsuspend(&old);
	is_long(hits, 1, "sigsuspend returns after the handler");
	sigprocmask(SIG_SETMASK, &old, NULL);
	waitpid(pid, NULL, 0);

	/* SA_RESTART: a blocking read continues after the handler. */
	set(SIGALRM, on_plain, SA_RESTART);
	pipe(fds);
	if ((pid = fork()) == 0) {
		usleep(300000);
		write(fds[1], "x", 1);
		_exit(0);
	}
	ualarm(100000, 0);
	errno = 0;
	is_long(read(fds[0], &c, 1), 1, "read restarts after an SA_RESTART handler");
	waitpid(pid, NULL, 0);

	set(SIGALRM, on_plain, 0);
	ualarm(100000, 0);
	fails_with(read(fds[0], &c, 1), EINTR, "read fails with EINTR without SA_RESTART");
	alarm(0);

	/* The alternate stack. */
	static char altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	ok(sigaltstack(&ss, NULL) == 0, "sigaltstack sets a stack");
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	ok(handler_sp >= (uintptr_t)altstack &&
	   handler_sp < (uintptr_t)altstack + sizeof(altstack),
	   "SA_ONSTACK handler runs on the alternate stack");
	ss.ss_size = 100;
	fails_with(sigaltstack(&ss, NULL), ENOMEM, "a tiny alternate stack is refused");

	fails_with(sigaction(SIGKILL, &sa, NULL), EINVAL, "SIGKILL cannot be caught");
	fails_with(sigaction(65, &sa, NULL), EINVAL, "signal 65 does not exist");
	fails_with(kill(getpid(), 65), EINVAL, "kill with a bad signal");
	fails_with(kill(999999, 0), ESRCH, "kill to a missing pid");

	/* Default actions, as wait reports them. */
	if ((pid = fork()) == 0) {
		raise(SIGTERM);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "default SIGTERM terminates");
	if ((pid = fork()) == 0) {
		signal(SIGTERM, SIG_IGN);
		raise(SIGTERM);
		_exit(5);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 5, "an ignored signal does nothing");
	if ((pid = fork()) == 0) {
		raise(SIGCHLD);
		raise(SIGWINCH);
		_exit(6);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 6, "SIGCHLD and SIGWINCH are ignored by default");
	if ((pid = fork()) == 0) {
		pause();
		_exit(0);
	}
	usleep(100000);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP, "SIGSTOP stops (WUNTRACED)");
	kill(pid, SIGCONT);
	waitpid(pid, &status, WCONTINUED);
	ok(WIFCONTINUED(status), "SIGCONT continues (WCONTINUED)");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "SIGKILL ends it");
	if ((pid = fork()) == 0) {
		abort();
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort() dies of SIGABRT");

	/* Real-time signals queue. */
	sigemptyset(&set_);
	sigaddset(&set_, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set_, &old);
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN, &sa, NULL);
	hits = 0;
	union sigval v = { .sival_int = 7 };
	sigqueue(getpid(), SIGRTMIN, v);
	sigqueue(getpid(), SIGRTMIN, v);
	sigqueue(getpid(), SIGRTMIN, v);
	sigprocmask(SIG_SETMASK, &old, NULL);
	is_long(hits, 3, "real-time signals queue every instance");
	is_long(last_code, SI_QUEUE, "sigqueue sets SI_QUEUE");

	struct timespec ts = { 0, 50000000 };
	sigprocmask(SIG_BLOCK, &set_, &old);
	fails_with(sigtimedwait(&set_, NULL, &ts), EAGAIN, "sigtimedwait times out");
	sigqueue(getpid(), SIGRTMIN, v);
	siginfo_t si;
	is_long(sigtimedwait(&set_, &si, &ts), SIGRTMIN, "sigtimedwait takes a pending signal");
	is_long(si.si_value.sival_int, 7, "with its value");
	sigprocmask(SIG_SETMASK, &old, NULL);

	return done_testing();
}
