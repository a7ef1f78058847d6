/*
 * Time, scheduling and system-information syscalls: error codes for bad
 * clocks, bad times, bad flags and bad pointers, and properties whose
 * answer is the same on any Linux (values that vary from machine to
 * machine are printed as "ok" or "yes"). Nothing here needs root.
 */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"

#define BAD_PTR ((void *)1)
#define KERNEL_PTR ((void *)0xffff800000001000UL)

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static int64_t ns_of(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static const char *yes(int cond)
{
	return cond ? "yes" : "no";
}

static void clocks(void)
{
	struct timespec ts = { 0, 0 }, res;
	struct timeval tv;
	clockid_t cpu;

	T("clock_gettime bad clock", syscall(SYS_clock_gettime, 100, &ts));
	T("clock_gettime EFAULT", syscall(SYS_clock_gettime, CLOCK_MONOTONIC,
					  KERNEL_PTR));
	T("clock_getres monotonic", clock_getres(CLOCK_MONOTONIC, &res));
	printf("monotonic resolution: %ld.%09ld\n", (long)res.tv_sec,
	       res.tv_nsec);
	T("clock_getres realtime NULL", clock_getres(CLOCK_REALTIME, NULL));
	T("clock_getres bad clock", syscall(SYS_clock_getres, 1000, &res));
	printf("realtime after 2020: %s\n",
	       yes(ns_of(CLOCK_REALTIME) > 1577836800LL * 1000000000LL));
	gettimeofday(&tv, NULL);
	printf("gettimeofday near realtime: %s\n",
	       yes(llabs(tv.tv_sec - ns_of(CLOCK_REALTIME) / 1000000000LL) <= 1));
	printf("time near realtime: %s\n",
	       yes(llabs(time(NULL) - ns_of(CLOCK_REALTIME) / 1000000000LL) <= 1));
	printf("boottime >= monotonic: %s\n",
	       yes(ns_of(CLOCK_BOOTTIME) >= ns_of(CLOCK_MONOTONIC) - 1000000));
	printf("monotonic_raw moves: %s\n", yes(ns_of(CLOCK_MONOTONIC_RAW) > 0));
	printf("coarse not ahead: %s\n",
	       yes(ns_of(CLOCK_MONOTONIC_COARSE) <= ns_of(CLOCK_MONOTONIC)));

	/*
	 * Spin until the process clock shows 50 ms (at most 10 s of wall
	 * time: a clock that never moves says "no"), whatever else shares
	 * the CPU; the thread and pid clocks must agree.
	 */
	int64_t give_up = ns_of(CLOCK_MONOTONIC) + 10000000000LL;

	while (ns_of(CLOCK_PROCESS_CPUTIME_ID) < 50000000 &&
	       ns_of(CLOCK_MONOTONIC) < give_up)
		;
	printf("process cpu time reaches 50ms: %s\n",
	       yes(ns_of(CLOCK_PROCESS_CPUTIME_ID) >= 50000000));
	printf("thread cpu time >= 40ms: %s\n",
	       yes(ns_of(CLOCK_THREAD_CPUTIME_ID) >= 40000000));
	T("clock_getcpuclockid self", clock_getcpuclockid(getpid(), &cpu));
	printf("pid cpu clock >= 40ms: %s\n", yes(ns_of(cpu) >= 40000000));

	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000;
	T("clock_settime monotonic", syscall(SYS_clock_settime,
					     CLOCK_MONOTONIC, &ts));
	tv.tv_sec = 1;
	tv.tv_usec = 1000000;
	T("settimeofday usec 1e6", syscall(SYS_settimeofday, &tv, NULL));
}

static void sleeps(void)
{
	struct timespec ts, rem;
	int64_t t0;

	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000;
	T("nanosleep nsec 1e9", nanosleep(&ts, NULL));
	ts.tv_nsec = -1;
	T("nanosleep nsec -1", nanosleep(&ts, NULL));
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	T("nanosleep sec -1", nanosleep(&ts, NULL));
	T("nanosleep EFAULT", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0,
				      BAD_PTR, NULL));

	ts.tv_sec = 0;
	ts.tv_nsec = 20000000;
	t0 = ns_of(CLOCK_MONOTONIC);
	T("nanosleep 20ms", nanosleep(&ts, &rem));
	printf("slept >= 20ms: %s\n",
	       yes(ns_of(CLOCK_MONOTONIC) - t0 >= 20000000));

	T("clock_nanosleep raw", syscall(SYS_clock_nanosleep,
					 CLOCK_MONOTONIC_RAW, 0, &ts, NULL));
	T("clock_nanosleep thread cpu", syscall(SYS_clock_nanosleep,
						CLOCK_THREAD_CPUTIME_ID, 0,
						&ts, NULL));
	T("clock_nanosleep bad clock", syscall(SYS_clock_nanosleep, 100, 0,
					       &ts, NULL));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec = (ts.tv_nsec + 20000000) % 1000000000;
	ts.tv_sec += ts.tv_nsec < 20000000;
	t0 = ns_of(CLOCK_MONOTONIC);
	T("clock_nanosleep abs +20ms", syscall(SYS_clock_nanosleep,
					       CLOCK_MONOTONIC, TIMER_ABSTIME,
					       &ts, NULL));
	printf("abs slept >= 15ms: %s\n",
	       yes(ns_of(CLOCK_MONOTONIC) - t0 >= 15000000));
	ts.tv_sec = 1;
	ts.tv_nsec = 0;
	T("clock_nanosleep abs past", syscall(SYS_clock_nanosleep,
					      CLOCK_REALTIME, TIMER_ABSTIME,
					      &ts, NULL));
}

static void itimers(void)
{
	struct itimerval it = { { 0, 0 }, { 1, 0 } }, old;
	struct sigaction sa = { .sa_handler = on_alarm };

	T("getitimer bad which", syscall(SYS_getitimer, 5, &old));
	T("getitimer EFAULT", syscall(SYS_getitimer, ITIMER_REAL, KERNEL_PTR));
	T("setitimer real 1s", setitimer(ITIMER_REAL, &it, NULL));
	T("getitimer real", getitimer(ITIMER_REAL, &old));
	printf("real left in (0, 1s]: %s\n",
	       yes(old.it_value.tv_sec * 1000000 + old.it_value.tv_usec > 0 &&
		   old.it_value.tv_sec * 1000000 + old.it_value.tv_usec <=
			   1000000));
	it.it_value.tv_sec = 0;
	T("setitimer real off", setitimer(ITIMER_REAL, &it, &old));
	printf("old value was set: %s\n", yes(old.it_value.tv_sec ||
					      old.it_value.tv_usec));
	getitimer(ITIMER_REAL, &old);
	printf("real now off: %s\n", yes(!old.it_value.tv_sec &&
					 !old.it_value.tv_usec));
	it.it_value.tv_usec = 1000000;
	T("setitimer usec 1e6", setitimer(ITIMER_REAL, &it, NULL));

	T("alarm 5", alarm(5));
	T("alarm 0", alarm(0));

	sigaction(SIGALRM, &sa, NULL);
	it.it_value.tv_sec = 0;
	it.it_value.tv_usec = 30000;
	setitimer(ITIMER_REAL, &it, NULL);
	while (!alarms)
		pause();
	printf("SIGALRM delivered: %s\n", yes(alarms == 1));

	sa.sa_handler = on_alarm;
	sigaction(SIGPROF, &sa, NULL);
	alarms = 0;
	it.it_value.tv_usec = 20000;
	T("setitimer prof 20ms", setitimer(ITIMER_PROF, &it, NULL));
	/* Spin until it fires, or 10 s of wall time for a timer that never does. */
	int64_t give_up = ns_of(CLOCK_MONOTONIC) + 10000000000LL;

	while (!alarms && ns_of(CLOCK_MONOTONIC) < give_up)
		;
	printf("SIGPROF delivered: %s\n", yes(alarms == 1));
}

static void scheduling(void)
{
	unsigned long mask[16];
	struct sched_param sp = { 0 };

	T("sched_yield", sched_yield());
	T("getpriority bad which", getpriority(99, 0));
	T("getpriority no such pid", getpriority(PRIO_PROCESS, 999999));
	T("setpriority 5", setpriority(PRIO_PROCESS, 0, 5));
	T("getpriority raw", syscall(SYS_getpriority, PRIO_PROCESS, 0));
	T("getpriority", getpriority(PRIO_PROCESS, 0));
	/* A group of our own, so that no other process's nice counts. */
	setpgid(0, 0);
	T("getpriority pgrp", getpriority(PRIO_PGRP, 0));

	T("sched_getaffinity len 0", syscall(SYS_sched_getaffinity, 0, 0, mask));
	T("sched_getaffinity len 4", syscall(SYS_sched_getaffinity, 0, 4, mask));
	/* The raw call returns the kernel's mask size: it varies. */
	printf("sched_getaffinity raw returns a size: %s\n",
	       yes(({ long n = syscall(SYS_sched_getaffinity, 0, sizeof(mask),
				       mask);
		      n > 0 && n % sizeof(long) == 0; })));
	printf("cpu 0 allowed: %s\n", yes(mask[0] & 1));
	T("sched_getaffinity no pid", syscall(SYS_sched_getaffinity, 999999,
					      sizeof(mask), mask));
	mask[0] = 0;
	T("sched_setaffinity empty", syscall(SYS_sched_setaffinity, 0,
					     sizeof(long), mask));
	mask[0] = 1;
	T("sched_setaffinity cpu 0", syscall(SYS_sched_setaffinity, 0,
					     sizeof(long), mask));

	/* musl's sched_getscheduler() is ENOSYS by design: the raw call. */
	T("sched_getscheduler", syscall(SYS_sched_getscheduler, 0));
	T("sched_getscheduler -1", syscall(SYS_sched_getscheduler, -1));
	T("sched_getparam", syscall(SYS_sched_getparam, 0, &sp));
	printf("priority: %d\n", sp.sched_priority);
	sp.sched_priority = 5;
	T("sched_setscheduler other prio 5", syscall(SYS_sched_setscheduler,
						     0, SCHED_OTHER, &sp));
	T("sched_setscheduler bad policy", syscall(SYS_sched_setscheduler, 0,
						   77, &sp));
	T("sched_setscheduler NULL", syscall(SYS_sched_setscheduler, 0,
					     SCHED_OTHER, NULL));
	T("max fifo", sched_get_priority_max(SCHED_FIFO));
	T("min rr", sched_get_priority_min(SCHED_RR));
	T("max other", sched_get_priority_max(SCHED_OTHER));
	T("max bad", sched_get_priority_max(77));
}

static void information(void)
{
	struct utsname u;
	struct sysinfo si;
	unsigned char a[16], b[16];
	char name[32];
	int sig = 0;

	T("uname", uname(&u));
	printf("sysname: %s\n", u.sysname);
#if defined(__x86_64__)
	printf("machine matches: %s\n", yes(!strcmp(u.machine, "x86_64")));
#else
	printf("machine matches: %s\n", yes(!strcmp(u.machine, "aarch64")));
#endif
	printf("release starts with a digit: %s\n",
	       yes(u.release[0] >= '1' && u.release[0] <= '9'));
	T("uname EFAULT", syscall(SYS_uname, KERNEL_PTR));

	T("sysinfo", sysinfo(&si));
	printf("sysinfo ram: %s\n", yes(si.totalram * si.mem_unit > 0 &&
					si.freeram <= si.totalram));
	printf("sysinfo procs: %s\n", yes(si.procs >= 1));

	T("getrandom 16", getrandom(a, sizeof(a), 0));
	T("getrandom nonblock", getrandom(b, sizeof(b), GRND_NONBLOCK));
	printf("draws differ: %s\n", yes(memcmp(a, b, sizeof(a)) != 0));
	T("getrandom bad flag", getrandom(a, sizeof(a), 0x100));
	T("getrandom random|insecure", getrandom(a, sizeof(a), 6));
	T("getrandom EFAULT", getrandom(KERNEL_PTR, 16, 0));
	T("getrandom 0 bytes", getrandom(a, 0, 0));

	T("prctl set name", prctl(PR_SET_NAME, "abitest-long-name-here"));
	T("prctl get name", prctl(PR_GET_NAME, name));
	printf("name: %s\n", name);
	T("prctl bad option", prctl(9999, 0, 0, 0, 0));
	T("prctl get dumpable", prctl(PR_GET_DUMPABLE));
	T("prctl set dumpable 2", prctl(PR_SET_DUMPABLE, 2));
	T("prctl set pdeathsig 9", prctl(PR_SET_PDEATHSIG, 9));
	T("prctl get pdeathsig", prctl(PR_GET_PDEATHSIG, &sig));
	printf("pdeathsig: %d\n", sig);
	T("prctl set pdeathsig 100", prctl(PR_SET_PDEATHSIG, 100));
	T("prctl no_new_privs 2", prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0));

	T("setuid -1", syscall(SYS_setuid, -1));
	T("getgroups -1", syscall(SYS_getgroups, -1, NULL));
	printf("getuid matches getresuid: %s\n", ({
		       uid_t r, e, s;
		       getresuid(&r, &e, &s);
		       yes(r == getuid() && e == geteuid());
	       }));
}

int main(void)
{
	clocks();
	sleeps();
	itimers();
	scheduling();
	information();
	return 0;
}
