/*
 * procfs, the per-process side: /proc/self/stat (52 fields, and the ones
 * ps reads agree with the syscalls), status, maps following mmap and
 * munmap, fd/ and its links, cmdline, exe, task/ with a second thread,
 * and a child's state letter when stopped (T) and when a zombie (Z).
 * The host's Linux passes every check.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static char buf[65536];

/* The whole of a file into buf, NUL-terminated: its length or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -1;
	while ((r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return r < 0 ? -1 : n;
}

/* The fields of a stat line: after "pid (comm)", split on spaces. */
static int stat_fields(char *line, char *f[64])
{
	char *close = strrchr(line, ')'), *p;
	int n = 2;

	if (!close)
		return 0;
	f[0] = line;
	f[1] = strchr(line, '(');
	*close = '\0';
	for (p = strtok(close + 2, " \n"); p && n < 64; p = strtok(NULL, " \n"))
		f[n++] = p;
	return n;
}

/* The state letter of pid from /proc/<pid>/stat, or '?'. */
static char state_of(pid_t pid)
{
	char path[64], *f[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (slurp(path) < 0 || stat_fields(buf, f) < 3)
		return '?';
	return f[2][0];
}

static void test_stat(void)
{
	char *f[64];
	int n;

	ok(slurp("/proc/self/stat") > 0, "/proc/self/stat reads");
	n = stat_fields(buf, f);
	is_long(n, 52, "stat has 52 fields");
	if (n < 52)
		return;
	is_long(atol(f[0]), getpid(), "field 1 is the pid");
	ok(strcmp(f[2], "R") == 0, "field 3: a reader is running (%s)", f[2]);
	is_long(atol(f[3]), getppid(), "field 4 is the ppid");
	is_long(atol(f[4]), getpgrp(), "field 5 is the process group");
	is_long(atol(f[5]), getsid(0), "field 6 is the session");
	is_long(atol(f[19]), 1, "field 20: one thread");
	ok(atol(f[22]) > 0, "field 23: vsize is not zero");
	ok(atol(f[23]) > 0, "field 24: rss is not zero");
}

static void test_status(void)
{
	char want[64];

	ok(slurp("/proc/self/status") > 0, "/proc/self/status reads");
	snprintf(want, sizeof(want), "\nPid:\t%d\n", getpid());
	ok(strstr(buf, want) != NULL, "status has Pid:");
	snprintf(want, sizeof(want), "\nPPid:\t%d\n", getppid());
	ok(strstr(buf, want) != NULL, "status has PPid:");
	ok(strncmp(buf, "Name:\tprocfs", 12) == 0, "status starts with Name:");
	ok(strstr(buf, "\nSigBlk:\t0000000000000000\n") != NULL,
	   "SigBlk is a 16-digit mask");
	ok(strstr(buf, "\nVmRSS:\t") != NULL, "status has VmRSS:");
}

static void test_maps(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char want[64];
	char *p = mmap(NULL, 3 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	ok(p != MAP_FAILED, "mmap 3 pages");
	snprintf(want, sizeof(want), "%lx-%lx r--p ", (unsigned long)p,
		 (unsigned long)(p + 3 * pg));
	ok(slurp("/proc/self/maps") > 0 && strstr(buf, want),
	   "maps lists the area with its permissions");
	mprotect(p + pg, pg, PROT_READ | PROT_WRITE);
	snprintf(want, sizeof(want), "%lx-%lx rw-p ", (unsigned long)p + pg,
		 (unsigned long)(p + 2 * pg));
	ok(slurp("/proc/self/maps") > 0 && strstr(buf, want),
	   "maps shows an mprotect split");
	munmap(p, 3 * pg);
	snprintf(want, sizeof(want), "%lx-", (unsigned long)p);
	ok(slurp("/proc/self/maps") > 0 && !strstr(buf, want),
	   "the area is gone after munmap");
	ok(strstr(buf, "[stack]") != NULL, "maps names the stack");
}

static void test_fd(void)
{
	const char *path = "/tmp/procfs-fd-test";
	char link[64], target[256];
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644), found = 0;
	struct dirent *e;
	DIR *d;
	ssize_t n;

	ok(fd >= 0, "open a file");
	d = opendir("/proc/self/fd");
	ok(d != NULL, "opendir /proc/self/fd");
	while (d && (e = readdir(d))) {
		if (atoi(e->d_name) == fd && e->d_name[0] != '.')
			found = 1;
	}
	if (d)
		closedir(d);
	ok(found, "fd/ lists the new fd");
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	ok(strcmp(target, path) == 0, "readlink gives the path (%s)", target);
	ok(write(fd, "hi", 2) == 2, "write 2 bytes");
	snprintf(link, sizeof(link), "/proc/self/fdinfo/%d", fd);
	ok(slurp(link) > 0 && strncmp(buf, "pos:\t2\n", 7) == 0,
	   "fdinfo shows the position");
	ok(strstr(buf, "\nflags:\t0") != NULL, "fdinfo shows flags in octal");
	close(fd);
	unlink(path);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	fails_with(readlink(link, target, sizeof(target)), ENOENT,
		   "a closed fd's link is gone");
}

static void test_cmdline(int argc, char **argv)
{
	long n = slurp("/proc/self/cmdline"), want = 0;
	int same = 1;

	for (int i = 0; i < argc; i++) {
		size_t l = strlen(argv[i]) + 1;

		if (want + (long)l > n || memcmp(buf + want, argv[i], l))
			same = 0;
		want += l;
	}
	is_long(n, want, "cmdline has argv's length");
	ok(same, "cmdline holds argv with NULs");
	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	ok(n > 0 && buf[0] == '/' && strstr(buf, "procfs"),
	   "exe names the program (%s)", buf);
	n = readlink("/proc/self", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	is_long(atol(buf), getpid(), "/proc/self is the pid");
}

static volatile int stop_thread;

static void *spin(void *arg)
{
	*(pid_t *)arg = syscall(SYS_gettid);
	while (!stop_thread)
		usleep(1000);
	return NULL;
}

static void test_task(void)
{
	volatile pid_t tid = 0;
	char want[32], path[64], *f[64];
	int count = 0, has_tid = 0;
	struct dirent *e;
	pthread_t t;
	DIR *d;

	ok(pthread_create(&t, NULL, spin, (void *)&tid) == 0, "a thread");
	while (!tid)
		usleep(1000);
	snprintf(want, sizeof(want), "%d", tid);
	d = opendir("/proc/self/task");
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		count++;
		if (strcmp(e->d_name, want) == 0)
			has_tid = 1;
	}
	if (d)
		closedir(d);
	is_long(count, 2, "task/ lists two threads");
	ok(has_tid, "task/ lists the new thread's tid");
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	ok(slurp(path) > 0 && stat_fields(buf, f) == 52 &&
	   atol(f[0]) == tid && atol(f[19]) == 2,
	   "task/<tid>/stat is the thread's");
	ok(slurp("/proc/self/stat") > 0 && stat_fields(buf, f) == 52 &&
	   atol(f[19]) == 2, "stat counts two threads");
	stop_thread = 1;
	pthread_join(t, NULL);
}

static void test_states(void)
{
	char path[64];
	siginfo_t si;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status), "the child stopped");
	is_long(state_of(pid), 'T', "a stopped child is T");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);

	pid = fork();
	if (pid == 0)
		_exit(3);
	waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	is_long(state_of(pid), 'Z', "an unreaped child is Z");
	waitpid(pid, &status, 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fails_with(open(path, O_RDONLY), ENOENT, "a reaped child is gone");
}

int main(int argc, char **argv)
{
	test_stat();
	test_status();
	test_maps();
	test_fd();
	test_cmdline(argc, argv);
	test_task();
	test_states();
	return done_testing();
}
