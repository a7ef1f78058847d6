/*
 * Syscall fuzz smoke: children issue random system calls (every number
 * up to 512, with random, edge-case, kernel and unmapped addresses as
 * arguments) until 200000 have been made in all, as counted by the
 * children themselves; a child that dies or hangs is replaced. The
 * kernel must stay up: this program passes when it gets to the end and
 * the system still forks, runs and waits.
 *
 * It belongs in the guest only: never run it on a host, where it would
 * make the same random calls to the host's kernel.
 *
 * Calls that would end the test rather than the kernel are skipped:
 * reboot, the process-wide kills and stops, fork bombs, exec,
 * and blocking forever is cut short by an alarm (SIGALRM kills the
 * child) and, when the child blocks that, a watchdog.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define TOTAL		200000
#define PER_CHILD	5000
#define MAX_CHILDREN	5000
#define REPORT_FD	900	/* out of reach of most random fd numbers */
#define WATCHDOG_S	5	/* a child takes well under a second */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long arg(void)
{
	static const unsigned long edge[] = {
		0, 1, 2, 3, 4095, 4096, 65536, (unsigned long)-1,
		(unsigned long)-4096, 0x7fffffff, 0x80000000UL,
		0xffff800000000000UL, 0xffffffff80000000UL,
		0x0000800000000000UL, 0x10, (unsigned long)-100 /* AT_FDCWD */,
	};

	switch (next() % 4) {
	case 0:
		return edge[next() % (sizeof(edge) / sizeof(edge[0]))];
	case 1:
		return next() % 64;		/* small numbers, fds */
	case 2:
		return next();
	default:
		return 0x10000 + (next() % 0x100000) * 8;	/* low, unmapped */
	}
}

static int forbidden(long nr)
{
	static const long bad[] = {
		SYS_reboot, SYS_kill, SYS_tkill, SYS_tgkill, SYS_clone,
		SYS_execve, SYS_execveat, SYS_exit_group, SYS_exit,
		SYS_rt_sigqueueinfo, SYS_rt_tgsigqueueinfo, SYS_setsid,
		SYS_clone3, SYS_setpgid, SYS_umount2, SYS_mount, SYS_chroot,
		SYS_pivot_root, SYS_setrlimit, SYS_prlimit64, SYS_munmap,
		SYS_mremap, SYS_mprotect, SYS_brk, SYS_sethostname, SYS_unlinkat,
		SYS_renameat2, SYS_set_tid_address, SYS_ptrace, SYS_vhangup,
		SYS_settimeofday, SYS_clock_settime, SYS_swapoff, SYS_swapon,
#ifdef SYS_fork
		SYS_fork, SYS_vfork, SYS_unlink, SYS_rmdir, SYS_rename,
		SYS_renameat, SYS_arch_prctl,
#endif
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (nr == bad[i])
			return 1;
	return 0;
}

/* Issues PER_CHILD calls, writing one byte to REPORT_FD per 100 made. */
static void child(unsigned int seed)
{
	rng ^= seed * 0x2545f4914f6cdd1dULL;
	chdir("/tmp");
	for (int i = 1; i <= PER_CHILD; i++) {
		long nr = next() % 512;

		if (forbidden(nr)) {
			i--;
			continue;
		}
		ualarm(20000, 0);	/* a blocking call ends in 20 ms */
		syscall(nr, arg(), arg(), arg(), arg(), arg(), arg());
		if (i % 100 == 0)
			write(REPORT_FD, "", 1);
	}
	_exit(0);
}

int main(void)
{
	int done = 0, children = 0, signalled = 0, status;
	unsigned int seed = 1;

	while (done < TOTAL && children < MAX_CHILDREN) {
		struct timespec t0, t;
		int report[2], hung = 0;
		char buf[PER_CHILD / 100 + 1];
		ssize_t n;
		pid_t pid;

		if (pipe(report) < 0)
			break;
		pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			int null = open("/dev/null", O_RDWR);

			/* Random writes and ioctls must not reach the console. */
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
			close(report[0]);
			dup2(report[1], REPORT_FD);
			close(report[1]);
			child(seed);
		}
		close(report[1]);
		seed++;
		children++;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (;;) {
			pid_t r = waitpid(pid, &status, WNOHANG | WUNTRACED);

			if (r == pid && WIFSTOPPED(status)) {
				kill(pid, SIGKILL);
				continue;
			}
			if (r == pid)
				break;
			clock_gettime(CLOCK_MONOTONIC, &t);
			if (t.tv_sec - t0.tv_sec > WATCHDOG_S && !hung) {
				printf("# child %d (seed %u) hung: killed\n",
				       children, seed - 1);
				kill(pid, SIGKILL);
				hung = 1;
			}
			usleep(10000);
		}
		if (WIFSIGNALED(status))
			signalled++;
		while ((n = read(report[0], buf, sizeof(buf))) > 0)
			done += 100 * n;
		close(report[0]);
	}
	printf("# %d children, %d ended by a signal\n", children, signalled);
	ok(done >= TOTAL, "%d random syscalls issued from children", done);

	pid_t pid = fork();
	if (pid == 0)
		_exit(33);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 33,
	   "the system still forks and waits afterwards");
	return done_testing();
}
