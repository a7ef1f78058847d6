/*
 * Job control and the rest of the signal facilities: stop and continue
 * (wait4 and waitid reports, SIGCHLD siginfo, SA_NOCLDSTOP), core-dump
 * status bits, all 64 signals, real-time queueing, sigtimedwait,
 * signalfd, pidfds, and the SIGHUP + SIGCONT of orphaned process groups.
 *
 * Children that must stop put themselves in a process group of their
 * own first: a stop signal other than SIGSTOP is discarded in an
 * orphaned group, and the group this program runs in may be one.
 */
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#define CLONE_PIDFD_FLAG 0x1000
#define PIDFD_NONBLOCK_FLAG O_NONBLOCK
#define CLONE_PARENT_SETTID_FLAG 0x00100000

/* The kernel's struct sigaction (rt_sigaction), the same on both arches. */
struct ksa {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static void msleep(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static const char *codename(int code)
{
	switch (code) {
	case CLD_EXITED: return "CLD_EXITED";
	case CLD_KILLED: return "CLD_KILLED";
	case CLD_DUMPED: return "CLD_DUMPED";
	case CLD_STOPPED: return "CLD_STOPPED";
	case CLD_CONTINUED: return "CLD_CONTINUED";
	case SI_USER: return "SI_USER";
	case SI_QUEUE: return "SI_QUEUE";
	case SI_TKILL: return "SI_TKILL";
	case SI_KERNEL: return "SI_KERNEL";
	default: return "?";
	}
}

/* A child in a process group of its own that waits for signals. */
static pid_t idle_child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(pid, pid);
	return pid;
}

static void stop_with(int sig)
{
	pid_t pid = idle_child();
	int st = 0;

	kill(pid, sig);
	waitpid(pid, &st, WUNTRACED);
	printf("stop by %d: stopped %d sig %d status 0x%x\n", sig,
	       WIFSTOPPED(st), WSTOPSIG(st), st);
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	printf("continue after %d: continued %d status 0x%x\n", sig,
	       WIFCONTINUED(st), st);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	printf("kill after %d: signaled %d sig %d\n", sig, WIFSIGNALED(st),
	       WTERMSIG(st));
}

static void waitid_cases(void)
{
	pid_t pid = idle_child();
	siginfo_t si;
	int st;

	kill(pid, SIGSTOP);
	memset(&si, 0, sizeof(si));
	T("waitid WSTOPPED|WNOWAIT", waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT));
	printf("  code %s status %d pid-matches %d\n", codename(si.si_code),
	       si.si_status, si.si_pid == pid);
	memset(&si, 0, sizeof(si));
	T("waitid WSTOPPED again", waitid(P_PID, pid, &si, WSTOPPED));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	memset(&si, 0, sizeof(si));
	T("waitid WSTOPPED once reported", waitid(P_PID, pid, &si, WSTOPPED | WNOHANG));
	printf("  pid %d\n", si.si_pid);
	T("wait4 WUNTRACED once reported", waitpid(pid, &st, WUNTRACED | WNOHANG));
	kill(pid, SIGCONT);
	memset(&si, 0, sizeof(si));
	T("waitid WCONTINUED", waitid(P_PID, pid, &si, WCONTINUED));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	kill(pid, SIGCONT);
	T("SIGCONT to a running child: no report", waitpid(pid, &st, WCONTINUED | WNOHANG));
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGTERM);
	msleep(50);
	T("SIGTERM to a stopped child waits", waitpid(pid, &st, WNOHANG));
	kill(pid, SIGCONT);
	waitpid(pid, &st, 0);
	printf("  then SIGCONT: signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));

	pid = idle_child();
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGKILL);
	memset(&si, 0, sizeof(si));
	T("waitid on SIGKILL of a stopped child", waitid(P_PID, pid, &si, WEXITED));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
}

/* A child that dies of sig with RLIMIT_CORE lim (dumpable or not). */
static void core_case(int sig, rlim_t lim, int dumpable)
{
	struct rlimit rl = { lim, RLIM_INFINITY };
	siginfo_t si;
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &rl);
		if (!dumpable)
			prctl(PR_SET_DUMPABLE, 0);
		signal(sig, SIG_DFL);
		kill(getpid(), sig);
		_exit(99);
	}
	memset(&si, 0, sizeof(si));
	waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	waitpid(pid, &st, 0);
	printf("signal %d, core limit %s%s: status 0x%x core %d waitid %s %d\n",
	       sig, lim == 0 ? "0" : lim == RLIM_INFINITY ? "inf" :
	       lim < 4096 ? "<page" : "page", dumpable ? "" : " undumpable",
	       st, WCOREDUMP(st) != 0, codename(si.si_code), si.si_status);
}

static void core_cases(void)
{
	static const int sigs[] = { SIGQUIT, SIGILL, SIGABRT, SIGFPE, SIGSEGV,
				    SIGBUS, SIGSYS, SIGTRAP, SIGXCPU, SIGXFSZ };
	char dir[] = "/tmp/abi-coreXXXXXX";

	/*
	 * Undumpable, so that no core_pattern of the host (a pipe to a
	 * crash collector dumps even with a limit of 0) changes the answer.
	 */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		core_case(sigs[i], 0, 0);
	core_case(SIGQUIT, RLIM_INFINITY, 0);
	core_case(SIGQUIT, 1, 1);
	/*
	 * Dumpable with a limit of a page or more: Linux writes a core here
	 * (core_pattern "core") or hands it to the pattern's pipe.
	 */
	if (!mkdtemp(dir) || chdir(dir))
		return;
	core_case(SIGQUIT, 4096, 1);
	core_case(SIGSEGV, RLIM_INFINITY, 1);
	unlink("core");
	chdir("/");
	rmdir(dir);
}

static void sigchld_cases(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	struct timespec to = { 5, 0 };
	sigset_t set, pend;
	siginfo_t si;
	pid_t pid;
	int st;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = idle_child();
	kill(pid, SIGTSTP);
	memset(&si, 0, sizeof(si));
	T("SIGCHLD for a stop", sigtimedwait(&set, &si, &to));
	printf("  code %s status %d pid-matches %d\n", codename(si.si_code),
	       si.si_status, si.si_pid == pid);
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGCONT);
	memset(&si, 0, sizeof(si));
	T("SIGCHLD for a continue", sigtimedwait(&set, &si, &to));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	waitpid(pid, &st, WCONTINUED);

	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	sigpending(&pend);
	printf("SA_NOCLDSTOP: SIGCHLD pending after stop and continue %d\n",
	       sigismember(&pend, SIGCHLD));
	kill(pid, SIGKILL);
	memset(&si, 0, sizeof(si));
	T("SA_NOCLDSTOP still reports the death", sigtimedwait(&set, &si, &to));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	waitpid(pid, &st, 0);
	sa.sa_flags = 0;
	sigaction(SIGCHLD, &sa, NULL);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static int pipefd[2];

static void note(int sig)
{
	char c = sig == SIGHUP ? 'H' : sig == SIGCONT ? 'C' :
		 sig == SIGTSTP ? 'Z' : 'x';

	write(pipefd[1], &c, 1);
}

/* Stop signals that are ignored or caught do not stop; raise() returns. */
static void stop_disposition(void)
{
	char buf[8] = "";
	int st;

	pipe(pipefd);
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGTTIN, SIG_IGN);
		raise(SIGTTIN);
		write(pipefd[1], "i", 1);
		signal(SIGTSTP, note);
		raise(SIGTSTP);
		signal(SIGCONT, note);
		raise(SIGCONT);
		write(pipefd[1], "e", 1);
		_exit(0);
	}
	waitpid(pid, &st, WUNTRACED);
	read(pipefd[0], buf, 4);
	printf("ignored SIGTTIN, caught SIGTSTP and SIGCONT: %s, exited %d\n",
	       buf, WIFEXITED(st));
	close(pipefd[0]);
	close(pipefd[1]);
}

static volatile int caught[65];

static void count(int sig)
{
	caught[sig]++;
}

/* Signals 1..64: sent, blocked (pending), taken in order, caught. */
static void all_signals(void)
{
	struct ksa ka, old;
	uint64_t all = ~0ULL, pending = 0, none = 0;
	struct timespec zero = { 0, 0 };
	char order[400] = "";
	int n = 0, sig;
	pid_t pid = fork();

	if (pid != 0) {
		int st;

		waitpid(pid, &st, 0);
		printf("all-signals child exited %d code %d\n", WIFEXITED(st),
		       WEXITSTATUS(st));
		return;
	}
	/* A restorer as the C library sets it (x86_64 requires one). */
	signal(SIGUSR1, count);
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, NULL, 8);
	for (sig = 1; sig <= 64; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			syscall(SYS_tgkill, getpid(), gettid(), sig);
	syscall(SYS_rt_sigpending, &pending, 8);
	for (sig = 1; sig <= 64; sig++)
		n += (pending >> (sig - 1)) & 1;
	printf("pending after sending 1..64 blocked: %d (CONT %d TSTP %d)\n",
	       n, (int)(pending >> (SIGCONT - 1)) & 1,
	       (int)(pending >> (SIGTSTP - 1)) & 1);
	while ((sig = syscall(SYS_rt_sigtimedwait, &all, NULL, &zero, 8)) > 0)
		snprintf(order + strlen(order), sizeof(order) - strlen(order),
			 " %d", sig);
	printf("sigtimedwait order:%s\n", order);
	for (sig = 1; sig <= 64; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		ka = old;
		ka.handler = count;
		ka.mask = 0;
		if (syscall(SYS_rt_sigaction, sig, &ka, NULL, 8))
			printf("rt_sigaction %d failed\n", sig);
	}
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
	for (sig = 1; sig <= 64; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			syscall(SYS_tgkill, getpid(), gettid(), sig);
	n = 0;
	for (sig = 1; sig <= 64; sig++)
		n += caught[sig] == 1;
	printf("caught once each: %d of 62 (32 %d 33 %d 34 %d 64 %d)\n", n,
	       caught[32], caught[33], caught[34], caught[64]);
	fflush(stdout);
	_exit(0);
}

static void rt_queue(void)
{
	sigset_t set;
	siginfo_t si;
	struct timespec zero = { 0, 0 }, short_wait = { 0, 20000000 };
	int lo = SIGRTMIN + 1, hi = SIGRTMIN + 2, sig;

	sigemptyset(&set);
	sigaddset(&set, lo);
	sigaddset(&set, hi);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigqueue(getpid(), hi, (union sigval){ .sival_int = 1 });
	sigqueue(getpid(), lo, (union sigval){ .sival_int = 2 });
	sigqueue(getpid(), hi, (union sigval){ .sival_int = 3 });
	sigqueue(getpid(), lo, (union sigval){ .sival_int = 4 });
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);
	printf("rt queue:");
	while ((sig = sigtimedwait(&set, &si, &zero)) > 0)
		printf(" %s/%s/%d", sig == lo ? "lo" : sig == hi ? "hi" :
		       sig == SIGUSR2 ? "USR2" : "?", codename(si.si_code),
		       si.si_code == SI_QUEUE ? si.si_value.sival_int : -1);
	printf("\n");
	T("sigtimedwait times out", sigtimedwait(&set, &si, &short_wait));
	T("rt_sigtimedwait zero timeout", syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 8));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void print_ssi(const char *what, const struct signalfd_siginfo *s)
{
	printf("%s: signo %u code %s errno %d pid-self %d uid %u int %d ptr %llu status %d"
	       " addr 0x%llx band %u fd %d syscall %d arch 0x%x\n", what,
	       s->ssi_signo, codename(s->ssi_code), s->ssi_errno,
	       s->ssi_pid == (uint32_t)getpid(), s->ssi_uid, s->ssi_int,
	       (unsigned long long)s->ssi_ptr, s->ssi_status,
	       (unsigned long long)s->ssi_addr, s->ssi_band, s->ssi_fd,
	       s->ssi_syscall, s->ssi_arch);
}

static void signalfd_cases(void)
{
	struct signalfd_siginfo ssi[3];
	struct pollfd pfd;
	sigset_t set, other;
	siginfo_t qi;
	int sfd, p[2], st;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGSEGV);
	sigaddset(&set, SIGSYS);
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_BLOCK, &set, NULL);

	T("signalfd4 bad flags", syscall(SYS_signalfd4, -1, &set, 8, 1));
	T("signalfd4 bad size", syscall(SYS_signalfd4, -1, &set, 4, 0));
	T("signalfd4 bad mask pointer", syscall(SYS_signalfd4, -1, (void *)8, 8, 0));
	T("signalfd on a bad fd", signalfd(999, &set, 0));
	T("signalfd on fd -2", signalfd(-2, &set, 0));
	pipe(p);
	T("signalfd on a pipe", signalfd(p[0], &set, 0));
	close(p[0]);
	close(p[1]);
	sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	S("signalfd", sfd);
	printf("signalfd flags %s cloexec %d\n", oflags(fcntl(sfd, F_GETFL)),
	       fcntl(sfd, F_GETFD));
	T("read short buffer", read(sfd, ssi, 100));
	T("read with nothing pending", read(sfd, ssi, sizeof(ssi)));
	pfd = (struct pollfd){ .fd = sfd, .events = POLLIN };
	T("poll with nothing pending", poll(&pfd, 1, 0));
	kill(getpid(), SIGUSR1);
	T("poll after kill", poll(&pfd, 1, 0));
	printf("  revents 0x%x\n", pfd.revents);
	T("read one", read(sfd, ssi, sizeof(ssi)));
	print_ssi("kill", &ssi[0]);
	sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 42 });
	sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 43 });
	T("read two queued", read(sfd, ssi, sizeof(ssi)));
	print_ssi("sigqueue 1", &ssi[0]);
	print_ssi("sigqueue 2", &ssi[1]);

	/* Siginfo layouts by si_code, queued to self with rt_sigqueueinfo. */
	memset(&qi, 0, sizeof(qi));
	qi.si_code = SEGV_MAPERR;
	qi.si_addr = (void *)0x1234;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGSEGV, &qi);
	memset(&qi, 0, sizeof(qi));
	qi.si_code = 1;		/* SYS_SECCOMP */
	qi.si_call_addr = (void *)0x5678;
	qi.si_syscall = 77;
	qi.si_arch = 0xc000003e;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGSYS, &qi);
	memset(&qi, 0, sizeof(qi));
	qi.si_code = 3;		/* past SIGWINCH's codes: the SIGPOLL layout */
	qi.si_band = 5;
	qi.si_fd = 6;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGWINCH, &qi);
	T("read three layouts", read(sfd, ssi, sizeof(ssi)));
	print_ssi("fault", &ssi[0]);
	print_ssi("sys", &ssi[1]);
	print_ssi("poll", &ssi[2]);

	pid = fork();
	if (pid == 0)
		_exit(5);
	pfd.revents = 0;
	T("poll for SIGCHLD", poll(&pfd, 1, 5000));
	T("read SIGCHLD", read(sfd, ssi, sizeof(ssi)));
	printf("  code %s status %d pid-matches %d\n", codename(ssi[0].ssi_code),
	       ssi[0].ssi_status, ssi[0].ssi_pid == (uint32_t)pid);
	waitpid(pid, &st, 0);

	sigemptyset(&other);
	sigaddset(&other, SIGUSR2);
	sigaddset(&other, SIGKILL);
	sigaddset(&other, SIGSTOP);
	sigprocmask(SIG_BLOCK, &other, NULL);
	T("signalfd update returns the fd", signalfd(sfd, &other, 0) == sfd);
	kill(getpid(), SIGUSR1);
	T("poll after a signal out of the new mask", poll(&pfd, 1, 0));
	kill(getpid(), SIGUSR2);
	T("read after update", read(sfd, ssi, sizeof(ssi)));
	printf("  signo %d\n", ssi[0].ssi_signo);
	close(sfd);

	/* Blocking: another process sends while we sleep in read(). */
	sfd = signalfd(-1, &set, 0);
	T("read takes the SIGUSR1 sent before", read(sfd, ssi, sizeof(ssi)));
	printf("  signo %d\n", ssi[0].ssi_signo);
	pid = fork();
	if (pid == 0) {
		msleep(100);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	T("blocking read", read(sfd, ssi, sizeof(ssi[0])));
	printf("  signo %d code %s\n", ssi[0].ssi_signo, codename(ssi[0].ssi_code));
	waitpid(pid, &st, 0);
	T("read the exit's SIGCHLD", read(sfd, ssi, sizeof(ssi)));
	printf("  signo %d\n", ssi[0].ssi_signo);
	close(sfd);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigprocmask(SIG_UNBLOCK, &other, NULL);
}

static int pidfd_open(pid_t pid, unsigned int flags)
{
	return syscall(SYS_pidfd_open, pid, flags);
}

static int pidfd_send(int fd, int sig, siginfo_t *info, unsigned int flags)
{
	return syscall(SYS_pidfd_send_signal, fd, sig, info, flags);
}

static void pidfd_cases(void)
{
	struct pollfd pfd;
	siginfo_t si;
	sigset_t set;
	int fd, self, st, child_fd = -1;
	pid_t pid;

	T("pidfd_open pid 0", pidfd_open(0, 0));
	T("pidfd_open pid -1", pidfd_open(-1, 0));
	T("pidfd_open bad flags", pidfd_open(getpid(), 1));
	T("pidfd_open missing", pidfd_open(999999, 0));
	self = pidfd_open(getpid(), 0);
	S("pidfd_open self", self);
	printf("pidfd cloexec %d\n", fcntl(self, F_GETFD));
	T("pidfd_send_signal bad fd", pidfd_send(999, SIGUSR1, NULL, 0));
	T("pidfd_send_signal not a pidfd", pidfd_send(0, SIGUSR1, NULL, 0));
	T("pidfd_send_signal bad flags", pidfd_send(self, 0, NULL, 8));
	T("pidfd_send_signal two scopes", pidfd_send(self, 0, NULL, 3));
	T("pidfd_send_signal signal 0", pidfd_send(self, 0, NULL, 0));
	T("pidfd_send_signal signal 65", pidfd_send(self, 65, NULL, 0));
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_USER;
	T("pidfd_send_signal si_signo mismatch", pidfd_send(self, SIGUSR1, &si, 0));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	T("pidfd_send_signal SI_USER info to self", pidfd_send(self, SIGUSR2, &si, 0));
	T("pidfd_send_signal bad info pointer", pidfd_send(self, SIGUSR2, (void *)8, 0));
	memset(&si, 0, sizeof(si));
	T("  taken", sigwaitinfo(&set, &si));
	printf("  code %s\n", codename(si.si_code));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	T("waitid P_PIDFD on self", waitid(P_PIDFD, self, &si, WEXITED | WNOHANG));
	T("waitid P_PIDFD bad fd", waitid(P_PIDFD, 999, &si, WEXITED));
	T("waitid P_PIDFD fd -1", waitid(P_PIDFD, -1, &si, WEXITED));
	T("waitid P_PIDFD not a pidfd", waitid(P_PIDFD, 0, &si, WEXITED));
	pfd = (struct pollfd){ .fd = self, .events = POLLIN };
	T("poll pidfd of a live process", poll(&pfd, 1, 0));

	/* A child that reports the siginfo value it gets. */
	pid = fork();
	if (pid == 0) {
		sigprocmask(SIG_BLOCK, &set, NULL);
		sigaddset(&set, SIGUSR1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		kill(getpid(), SIGSTOP);
		memset(&si, 0, sizeof(si));
		sigwaitinfo(&set, &si);
		_exit(si.si_code == SI_QUEUE ? si.si_value.sival_int : 100);
	}
	waitpid(pid, &st, WUNTRACED);
	fd = pidfd_open(pid, PIDFD_NONBLOCK_FLAG);
	S("pidfd_open nonblocking child", fd);
	printf("nonblocking pidfd flags %s\n", oflags(fcntl(fd, F_GETFL)));
	T("waitid P_PIDFD nonblocking, nothing yet", waitid(P_PIDFD, fd, &si, WEXITED));
	T("waitid P_PIDFD WNOHANG", waitid(P_PIDFD, fd, &si, WEXITED | WNOHANG));
	T("waitid P_PIDFD WSTOPPED", waitid(P_PIDFD, fd, &si, WSTOPPED));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	T("pidfd_send_signal forged SI_USER", pidfd_send(fd, SIGUSR1, &si, 0));
	si.si_code = SI_QUEUE;
	si.si_value.sival_int = 21;
	T("pidfd_send_signal SI_QUEUE to a stopped child", pidfd_send(fd, SIGUSR1, &si, 0));
	T("pidfd_send_signal SIGCONT", pidfd_send(fd, SIGCONT, NULL, 0));
	pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
	T("poll pidfd until exit", poll(&pfd, 1, 5000));
	printf("  revents 0x%x\n", pfd.revents);
	memset(&si, 0, sizeof(si));
	T("waitid P_PIDFD", waitid(P_PIDFD, fd, &si, WEXITED));
	printf("  code %s status %d pid-matches %d\n", codename(si.si_code),
	       si.si_status, si.si_pid == pid);
	T("poll pidfd after reap", poll(&pfd, 1, 0));
	printf("  revents 0x%x\n", pfd.revents);
	T("pidfd_send_signal after reap", pidfd_send(fd, SIGTERM, NULL, 0));
	T("waitid P_PIDFD after reap", waitid(P_PIDFD, fd, &si, WEXITED));
	close(fd);

	/* Killed through a pidfd. */
	pid = idle_child();
	fd = pidfd_open(pid, 0);
	T("pidfd_send_signal SIGTERM", pidfd_send(fd, SIGTERM, NULL, 0));
	memset(&si, 0, sizeof(si));
	T("waitid P_PIDFD kill", waitid(P_PIDFD, fd, &si, WEXITED));
	printf("  code %s status %d\n", codename(si.si_code), si.si_status);
	close(fd);

	/* CLONE_PIDFD, as clone() (through parent_tid) and clone3. */
	T("clone CLONE_PIDFD|CLONE_PARENT_SETTID",
	  syscall(SYS_clone, CLONE_PIDFD_FLAG | CLONE_PARENT_SETTID_FLAG | SIGCHLD,
		  0, &child_fd, 0, 0));
	pid = syscall(SYS_clone, CLONE_PIDFD_FLAG | SIGCHLD, 0, &child_fd, 0, 0);
	if (pid == 0)
		_exit(3);
	printf("clone CLONE_PIDFD: pidfd %s cloexec %d\n",
	       child_fd >= 0 ? "set" : "missing", fcntl(child_fd, F_GETFD));
	memset(&si, 0, sizeof(si));
	T("waitid P_PIDFD clone", waitid(P_PIDFD, child_fd, &si, WEXITED));
	printf("  code %s status %d pid-matches %d\n", codename(si.si_code),
	       si.si_status, si.si_pid == pid);
	close(child_fd);
	child_fd = -1;
	uint64_t args[8] = { CLONE_PIDFD_FLAG, (uintptr_t)&child_fd, 0, 0,
			     SIGCHLD, 0, 0, 0 };
	pid = syscall(SYS_clone3, args, sizeof(args));
	if (pid == 0)
		_exit(4);
	memset(&si, 0, sizeof(si));
	T("waitid P_PIDFD clone3", waitid(P_PIDFD, child_fd, &si, WEXITED));
	printf("  code %s status %d pid-matches %d\n", codename(si.si_code),
	       si.si_status, si.si_pid == pid);
	close(child_fd);
	close(self);
}

/*
 * A stopped process in a group that an exit orphans: SIGHUP, then
 * SIGCONT. child_group: the stopped process is a child of the exiting
 * one in a group of its own; else it shares the exiting one's group.
 */
static void orphan_case(int child_group)
{
	struct pollfd pfd;
	char buf[16] = "";
	size_t got = 0;
	int st;

	pipe(pipefd);
	pid_t leader = fork();

	if (leader == 0) {
		setsid();
		pid_t mid = fork();

		if (mid == 0) {
			if (!child_group)
				setpgid(0, 0);
			pid_t stopper = fork();

			if (stopper == 0) {
				if (child_group)
					setpgid(0, 0);
				signal(SIGHUP, note);
				signal(SIGCONT, note);
				raise(SIGSTOP);
				write(pipefd[1], "R", 1);
				/* Orphaned now: SIGTSTP is discarded. */
				raise(SIGTSTP);
				write(pipefd[1], "T", 1);
				_exit(0);
			}
			waitpid(stopper, &st, WUNTRACED);
			_exit(0);
		}
		waitpid(mid, &st, 0);
		_exit(0);
	}
	close(pipefd[1]);
	pfd = (struct pollfd){ .fd = pipefd[0], .events = POLLIN };
	while (got < 4 && poll(&pfd, 1, 5000) > 0) {
		ssize_t r = read(pipefd[0], buf + got, sizeof(buf) - 1 - got);

		if (r <= 0)
			break;
		got += r;
	}
	waitpid(leader, &st, 0);
	printf("orphaned %s group: %s\n", child_group ? "child's" : "own", buf);
	close(pipefd[0]);
}

int main(void)
{
	alarm(60);
	setvbuf(stdout, NULL, _IOLBF, 0);
	stop_with(SIGSTOP);
	stop_with(SIGTSTP);
	stop_with(SIGTTIN);
	stop_with(SIGTTOU);
	waitid_cases();
	sigchld_cases();
	stop_disposition();
	core_cases();
	all_signals();
	rt_queue();
	signalfd_cases();
	pidfd_cases();
	orphan_case(0);
	orphan_case(1);
	return 0;
}
