/*
 * More signals: siginfo from kill, sigqueue and tgkill, masks and pending
 * sets, real-time queueing order, sigtimedwait, sigsuspend, SA_RESTART
 * and EINTR, SA_RESETHAND, SA_NODEFER, the alternate stack, wait statuses
 * of stopped, continued and killed children, and the error cases.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define CHECK(c, ...) ok((c), __VA_ARGS__)

static volatile sig_atomic_t got, got_code, got_val, got_pid, depth, maxdepth, calls;
static volatile void *got_sp;
static char altstack[65536];
static sigjmp_buf jb;

static void h_count(int sig) { got++; }
static void h_info(int sig, siginfo_t *si, void *uc)
{
	got = sig; got_code = si->si_code; got_val = si->si_value.sival_int; got_pid = si->si_pid;
}
static void h_sp(int sig) { int x; got_sp = &x; got++; }
static void h_segv(int sig, siginfo_t *si, void *uc) { got_code = si->si_code; siglongjmp(jb, 1); }
static void h_nest(int sig)
{
	depth++;
	if (depth > maxdepth) maxdepth = depth;
	if (++calls < 3) raise(sig);
	depth--;
}

int main(void)
{
	struct sigaction sa;
	sigset_t set, old;
	siginfo_t si;
	int st, fd[2];
	pid_t pid;
	char c;

	/* handler and SA_SIGINFO */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = h_info; sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction");
	got = 0; kill(getpid(), SIGUSR1);
	CHECK(got == SIGUSR1 && got_code == SI_USER && got_pid == getpid(), "kill self: handler with SI_USER info (%d %d)", got, got_code);
	union sigval v = { .sival_int = 42 };
	got = 0; sigqueue(getpid(), SIGUSR1, v);
	CHECK(got == SIGUSR1 && got_code == SI_QUEUE && got_val == 42, "sigqueue value");
	got = 0; syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	CHECK(got == SIGUSR1 && got_code == SI_TKILL, "tgkill SI_TKILL");

	/* blocking and pending */
	sigemptyset(&set); sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	got = 0; raise(SIGUSR1); raise(SIGUSR1);
	sigpending(&old);
	CHECK(got == 0 && sigismember(&old, SIGUSR1), "blocked signal pending");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	CHECK(got == SIGUSR1, "delivered on unblock");
	sigemptyset(&set); sigaddset(&set, SIGKILL); sigaddset(&set, SIGSTOP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigprocmask(SIG_BLOCK, NULL, &old);
	CHECK(!sigismember(&old, SIGKILL) && !sigismember(&old, SIGSTOP), "KILL/STOP not blockable");
	CHECK(sigprocmask(7, &set, NULL) == -1 && errno == EINVAL, "bad how EINVAL");
	CHECK(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL, "sigaction SIGKILL EINVAL");
	CHECK(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4) == -1 && errno == EINVAL, "sigsetsize 4 EINVAL");

	/* real-time queueing */
	sigemptyset(&set); sigaddset(&set, SIGRTMIN + 1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < 3; i++) { v.sival_int = i; sigqueue(getpid(), SIGRTMIN + 1, v); }
	int in_order = 1;
	for (int i = 0; i < 3; i++) {
		struct timespec ts = { 0, 0 };
		if (sigtimedwait(&set, &si, &ts) != SIGRTMIN + 1 || si.si_value.sival_int != i) in_order = 0;
	}
	CHECK(in_order, "rt signals queued in order, taken by sigtimedwait");
	struct timespec ts = { 0, 50000000 };
	CHECK(sigtimedwait(&set, &si, &ts) == -1 && errno == EAGAIN, "sigtimedwait timeout EAGAIN");

	/* sigsuspend with alarm */
	signal(SIGALRM, h_count);
	sigemptyset(&set); sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, &old);
	got = 0; alarm(1);
	sigemptyset(&set);
	CHECK(sigsuspend(&set) == -1 && errno == EINTR && got == 1, "sigsuspend EINTR after handler");
	sigprocmask(SIG_BLOCK, NULL, &set);
	CHECK(sigismember(&set, SIGALRM), "sigsuspend restores mask");
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigemptyset(&set); sigaddset(&set, SIGALRM); sigprocmask(SIG_UNBLOCK, &set, NULL);

	/* EINTR vs SA_RESTART on a pipe read */
	pipe(fd);
	memset(&sa, 0, sizeof(sa)); sa.sa_handler = h_count;
	sigaction(SIGALRM, &sa, NULL);
	got = 0; alarm(1);
	CHECK(read(fd[0], &c, 1) == -1 && errno == EINTR && got, "read EINTR without SA_RESTART");
	sa.sa_flags = SA_RESTART; sigaction(SIGALRM, &sa, NULL);
	pid = fork();
	if (pid == 0) { sleep(2); write(fd[1], "x", 1); _exit(0); }
	got = 0; alarm(1);
	CHECK(read(fd[0], &c, 1) == 1 && got == 1, "read restarted with SA_RESTART");
	waitpid(pid, &st, 0);

	/* altstack */
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 };
	CHECK(sigaltstack(&ss, NULL) == 0, "sigaltstack");
	stack_t small = { .ss_sp = altstack, .ss_size = 100, .ss_flags = 0 };
	CHECK(sigaltstack(&small, NULL) == -1 && errno == ENOMEM, "small altstack ENOMEM");
	sa.sa_handler = h_sp; sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR2, &sa, NULL);
	got = 0; raise(SIGUSR2);
	CHECK(got && (char *)got_sp > altstack && (char *)got_sp < altstack + sizeof(altstack), "SA_ONSTACK handler on altstack");
	stack_t cur;
	sigaltstack(NULL, &cur);
	CHECK(cur.ss_flags == 0 && cur.ss_size == sizeof(altstack), "altstack reported");

	/* SA_RESETHAND, SA_NODEFER */
	sa.sa_handler = h_count; sa.sa_flags = SA_RESETHAND;
	sigaction(SIGUSR2, &sa, NULL);
	got = 0; raise(SIGUSR2);
	sigaction(SIGUSR2, NULL, &sa);
	CHECK(got == 1 && sa.sa_handler == SIG_DFL, "SA_RESETHAND");
	sa.sa_handler = h_nest; sa.sa_flags = SA_NODEFER;
	sigaction(SIGUSR2, &sa, NULL);
	depth = maxdepth = calls = 0; raise(SIGUSR2);
	CHECK(maxdepth == 3, "SA_NODEFER nests (%d)", maxdepth);
	sa.sa_flags = 0; sigaction(SIGUSR2, &sa, NULL);
	depth = maxdepth = calls = 0; raise(SIGUSR2);
	CHECK(maxdepth == 1 && calls == 3, "without SA_NODEFER no nesting (%d)", maxdepth);

	/* SIGSEGV handler */
	sa.sa_sigaction = h_segv; sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	got_code = 0;
	if (!sigsetjmp(jb, 1))
		*(volatile int *)0 = 1;
	CHECK(got_code == SEGV_MAPERR, "SIGSEGV handler, SEGV_MAPERR (%d)", got_code);

	/* children: death by signal, stop and continue */
	pid = fork();
	if (pid == 0) { for (;;) pause(); }
	kill(pid, SIGTERM);
	waitpid(pid, &st, 0);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "child killed by SIGTERM (0x%x)", st);
	pid = fork();
	if (pid == 0) { signal(SIGSEGV, SIG_DFL); *(volatile int *)0 = 1; _exit(0); }
	waitpid(pid, &st, 0);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "child dies of SIGSEGV (0x%x)", st);
	pid = fork();
	if (pid == 0) { for (;;) pause(); }
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "child stopped (0x%x)", st);
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	CHECK(WIFCONTINUED(st), "child continued (0x%x)", st);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "child killed by SIGKILL (0x%x)", st);
	pid = fork();
	if (pid == 0) { raise(SIGSTOP); _exit(7); }
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "stopped child killed (0x%x)", st);

	/* errors */
	CHECK(kill(99999, SIGTERM) == -1 && errno == ESRCH, "kill ESRCH");
	CHECK(kill(getpid(), 999) == -1 && errno == EINVAL, "kill bad sig EINVAL");
	CHECK(kill(getpid(), 0) == 0, "kill sig 0");
	CHECK(syscall(SYS_tgkill, 0, 1, SIGTERM) == -1 && errno == EINVAL, "tgkill tgid 0 EINVAL");
	si.si_code = SI_USER;
	CHECK(syscall(SYS_rt_sigqueueinfo, 1, SIGUSR1, &si) == -1 && errno == EPERM, "rt_sigqueueinfo SI_USER to other EPERM");
	signal(SIGCHLD, SIG_DFL);
	CHECK(kill(getpid(), SIGCHLD) == 0, "SIGCHLD default ignored");

	return done_testing();
}
