/*
 * Processes: fork and exit statuses, vfork, posix_spawn, waitid fields,
 * WNOHANG, rlimits, threads (CLONE_THREAD, CHILD_CLEARTID and futex),
 * process groups and sessions, times and getrusage.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define CHECK(c, ...) ok((c), __VA_ARGS__)

static void *thr(void *a) { return (void *)((long)a + 1); }

int main(void)
{
	int st = -1, pid, r;
	struct rlimit rl;
	siginfo_t si;
	void *ret;
	pthread_t th;

	printf("# pid %d ppid %d pgid %d sid %d\n", getpid(), getppid(), getpgid(0), getsid(0));
	errno = 0;
	CHECK(wait(&st) == -1 && errno == ECHILD, "wait without children: ECHILD");
	pid = fork();
	if (pid == 0)
		_exit(7);
	r = wait4(pid, &st, 0, NULL);
	CHECK(r == pid && st == 0x700, "fork/exit 7: r=%d st=%#x", r, st);
	pid = fork();
	if (pid == 0) { kill(getpid(), SIGTERM); for (;;) pause(); }
	r = waitpid(-1, &st, 0);
	CHECK(r == pid && st == SIGTERM, "killed by SIGTERM: st=%#x", st);
	pid = vfork();	/* musl: CLONE_VM|CLONE_VFORK on x86_64, a fork on aarch64 */
	if (pid == 0)
		_exit(3);
	CHECK(pid > 0, "vfork returns the child's pid");
	memset(&si, 0xff, sizeof(si));
	r = waitid(P_PID, pid, &si, WEXITED);
	CHECK(r == 0 && si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_pid == pid && si.si_status == 3,
	      "waitid: r=%d signo=%d code=%d pid=%d status=%d", r, si.si_signo, si.si_code, si.si_pid, si.si_status);
	{
		/* posix_spawn: CLONE_VM|CLONE_VFORK with its own stack, on every arch. */
		char *argv[] = { "sh", "-c", "exit 5", NULL };
		pid_t sp;

		r = posix_spawn(&sp, "/bin/sh", NULL, NULL, argv, NULL);
		CHECK(r == 0 && waitpid(sp, &st, 0) == sp && WIFEXITED(st) && WEXITSTATUS(st) == 5,
		      "posix_spawn runs a child (r=%d st=%#x)", r, st);
	}
	pid = fork();
	if (pid == 0) { for (;;) pause(); }
	memset(&si, 0xff, sizeof(si));
	r = waitid(P_ALL, 0, &si, WEXITED | WNOHANG);
	CHECK(r == 0 && si.si_pid == 0 && si.si_signo == 0, "waitid WNOHANG nothing: si_pid=%d", si.si_pid);
	r = waitpid(-1, &st, WNOHANG);
	CHECK(r == 0, "waitpid WNOHANG with a live child: %d", r);
	kill(pid, SIGKILL);
	r = waitpid(pid, &st, 0);
	CHECK(r == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "SIGKILL status %#x", st);
	CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= 3 && rl.rlim_cur <= rl.rlim_max, "NOFILE %lu/%lu", (unsigned long)rl.rlim_cur, (unsigned long)rl.rlim_max);
	rl.rlim_cur = 10; rl.rlim_max = 5; errno = 0;
	CHECK(setrlimit(RLIMIT_NOFILE, &rl) == -1 && errno == EINVAL, "setrlimit cur>max EINVAL");
	errno = 0;
	CHECK(getrlimit(99, &rl) == -1 && errno == EINVAL, "getrlimit bad resource EINVAL");
	CHECK(pthread_create(&th, NULL, thr, (void *)41) == 0 && pthread_join(th, &ret) == 0 && ret == (void *)42, "thread create/join");
	pid = fork();
	if (pid == 0) { for (;;) pause(); }
	CHECK(setpgid(pid, pid) == 0 && getpgid(pid) == pid, "setpgid child");
	errno = 0;
	CHECK(setpgid(pid, 99999) == -1 && errno == EPERM, "setpgid to missing group EPERM");
	kill(pid, SIGKILL); waitpid(pid, NULL, 0);
	struct tms t;
	CHECK(times(&t) != (clock_t)-1, "times");
	struct rusage ru;
	CHECK(getrusage(RUSAGE_SELF, &ru) == 0 && getrusage(RUSAGE_CHILDREN, &ru) == 0, "getrusage");
	errno = 0;
	CHECK(getrusage(5, &ru) == -1 && errno == EINVAL, "getrusage bad who");
	pid = fork();
	if (pid == 0) { _exit(setsid() == getpid() && getsid(0) == getpid() && getpgid(0) == getpid() ? 0 : 1); }
	waitpid(pid, &st, 0);
	CHECK(st == 0, "setsid in child");
	errno = 0;
	CHECK(getpid() != getpgid(0) || (setsid() == -1 && errno == EPERM), "setsid as group leader EPERM");
	return done_testing();
}
