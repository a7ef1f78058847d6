/*
 * The clock and sleep syscalls (CONFIG_SYSCALL_TIME): clock_gettime,
 * clock_getres, clock_settime, gettimeofday, settimeofday, nanosleep and
 * clock_nanosleep. The interval timers are in sys_itimer.c, the x86_64
 * legacy time() and alarm() in legacy_time.c.
 *
 * Clocks: MONOTONIC is clock_ns(); BOOTTIME is the same (no suspend);
 * MONOTONIC_RAW too (nothing slews the clock); REALTIME and TAI are the
 * wall clock (<core/time.h>, from the RTC at boot; TAI's offset is 0, as
 * on Linux until adjtimex sets it); the COARSE variants are rounded down
 * to the tick. CPU-time clocks: PROCESS_CPUTIME_ID, THREAD_CPUTIME_ID and
 * the per-pid/per-tid clocks of clock_getcpuclockid(3), encoded as Linux
 * does (negative ids: ~pid << 3 | per-thread bit 2 | PROF 0, VIRT 1,
 * SCHED 2). The ALARM clocks need an RTC alarm driver: EINVAL, as Linux
 * without one.
 *
 * Sleeps are interruptible. Interrupted, a relative sleep writes the time
 * left and returns -ERESTART_RESTARTBLOCK: EINTR when a handler ran;
 * otherwise (a stop and continue, say) the call is issued again, and with
 * no restart_syscall here it sleeps its whole length again rather than
 * the remainder. An absolute sleep returns -ERESTARTNOHAND and restarts
 * exactly. The resolution of a sleep is the tick.
 */
#define pr_fmt(fmt) "time: " fmt

#include <core/time.h>

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/uaccess.h>
#include <core/wait.h>

#include "cputime.h"

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_TAI			11

#define TIMER_ABSTIME			0x01

/* Dynamic CPU clocks (linux/posix-timers.h). */
#define CPUCLOCK_PROF			0
#define CPUCLOCK_VIRT			1
#define CPUCLOCK_SCHED			2
#define CPUCLOCK_CLOCK_MASK		3
#define CPUCLOCK_PERTHREAD_MASK		4

/* The timezone of settimeofday, only stored and reported (as Linux). */
struct ktimezone {
	int tz_minuteswest;
	int tz_dsttime;
};

static struct ktimezone sys_tz;

static struct ktimespec ns_to_timespec(int64_t ns)
{
	struct ktimespec ts = { ns / (int64_t)NSEC_PER_SEC,
				ns % (int64_t)NSEC_PER_SEC };

	return ts;
}

/* A timespec as ns; -EINVAL when out of range (as nanosleep checks). */
static int timespec_to_ns(const struct ktimespec *ts, int64_t *ns)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 ||
	    ts->tv_nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	/* Far beyond any uptime: clamp rather than overflow. */
	if (ts->tv_sec >= INT64_MAX / (int64_t)NSEC_PER_SEC)
		*ns = INT64_MAX;
	else
		*ns = ts->tv_sec * (int64_t)NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

static int64_t coarse(int64_t ns)
{
	return ns - ns % (int64_t)TICK_NSEC;
}

/*
 * Reads a CPU-time clock: of process pid or (perthread) of thread pid of
 * the caller's process, 0 meaning the caller; which is CPUCLOCK_*.
 * Returns 0 or -EINVAL (no such process or thread, bad which).
 */
static int read_cpu_clock(int pid, bool perthread, int which, int64_t *ns)
{
	struct process *self = current_process(), *p = NULL;
	struct task *t = NULL;
	struct cputime ct;
	unsigned long flags;

	if (which > CPUCLOCK_SCHED || !self)
		return -EINVAL;
	if (perthread) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		t = pid ? find_task(pid) : current;
		/* Linux: only the threads of the caller's own process. */
		if (t && t->proc == self)
			task_cputime(t, &ct);
		else
			t = NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!t)
			return -EINVAL;
	} else {
		/*
		 * Preemption stays off from the lookup to the read: only a
		 * task can reap p, and none runs meanwhile on this one CPU.
		 */
		preempt_disable();
		spin_lock_irqsave(&tasklist_lock, &flags);
		p = pid ? find_process(pid) : self;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (p)
			process_cputime(p, &ct);
		preempt_enable();
		if (!p)
			return -EINVAL;
	}
	*ns = which == CPUCLOCK_VIRT ? ct.user_ns : ct.total_ns;
	return 0;
}

/* The time of clock clk, ns. Returns 0 or -EINVAL for a bad clock. */
static int clock_read(int clk, int64_t *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		*ns = clock_realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = clock_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = coarse(clock_ns()) + clock_realtime_ns() - clock_ns();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = coarse(clock_ns());
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		/* Linux's ids 2 and 3 are the dynamic clocks of pid 0. */
		return read_cpu_clock(0, false, CPUCLOCK_SCHED, ns);
	case CLOCK_THREAD_CPUTIME_ID:
		return read_cpu_clock(0, true, CPUCLOCK_SCHED, ns);
	default:
		/* clock_getcpuclockid(3): ~pid << 3 | flags. */
		if (clk < 0)
			return read_cpu_clock(~(clk >> 3),
					      clk & CPUCLOCK_PERTHREAD_MASK,
					      clk & CPUCLOCK_CLOCK_MASK, ns);
		return -EINVAL;
	}
}

long sys_clock_gettime(int clk, struct ktimespec *tp)
{
	struct ktimespec ts;
	int64_t ns;
	int err;

	err = clock_read(clk, &ns);
	if (err)
		return err;
	ts = ns_to_timespec(ns);
	return copy_to_user(tp, &ts, sizeof(ts));
}

long sys_clock_getres(int clk, struct ktimespec *res)
{
	struct ktimespec ts = { 0, 1 };
	int64_t ns;
	int err;

	err = clock_read(clk, &ns);
	if (err)
		return err;
	if (clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = TICK_NSEC;
	if (!res)
		return 0;
	return copy_to_user(res, &ts, sizeof(ts));
}

/* Root may set the wall clock (CAP_SYS_TIME); others get EPERM. */
static int may_set_time(void)
{
	struct process *p = current_process();

	return p && p->euid == 0 ? 0 : -EPERM;
}

long sys_clock_settime(int clk, const struct ktimespec *tp)
{
	struct ktimespec ts;
	int64_t ns;
	int err;

	/* Linux: clocks that cannot be set are EINVAL, before the copy. */
	if (clk != CLOCK_REALTIME)
		return -EINVAL;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	err = timespec_to_ns(&ts, &ns);
	if (err)
		return err;
	err = may_set_time();
	if (err)
		return err;
	clock_set_realtime_ns(ns);
	return 0;
}

long sys_gettimeofday(struct ktimeval *tv, struct ktimezone *tz)
{
	int64_t ns = clock_realtime_ns();
	struct ktimeval v = { ns / (int64_t)NSEC_PER_SEC,
			      ns % (int64_t)NSEC_PER_SEC / NSEC_PER_USEC };

	if (tv && copy_to_user(tv, &v, sizeof(v)))
		return -EFAULT;
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

long sys_settimeofday(const struct ktimeval *tv, const struct ktimezone *tz)
{
	struct ktimezone z;
	struct ktimeval v;
	int err;

	if (tv) {
		if (copy_from_user(&v, tv, sizeof(v)))
			return -EFAULT;
		if (v.tv_sec < 0 || v.tv_usec < 0 || v.tv_usec >= 1000000)
			return -EINVAL;
	}
	if (tz) {
		if (copy_from_user(&z, tz, sizeof(z)))
			return -EFAULT;
		/* Linux: minutes west within +-15 hours. */
		if (z.tz_minuteswest < -15 * 60 || z.tz_minuteswest > 15 * 60)
			return -EINVAL;
	}
	err = may_set_time();
	if (err)
		return err;
	if (tz)
		sys_tz = z;
	if (tv)
		clock_set_realtime_ns(v.tv_sec * (int64_t)NSEC_PER_SEC +
				      v.tv_usec * (int64_t)NSEC_PER_USEC);
	return 0;
}

/*
 * Sleeps interruptibly until clock clk (REALTIME or MONOTONIC timeline)
 * reads at least until_ns. The wall clock is re-read after each wakeup,
 * so an absolute REALTIME sleep follows settimeofday. Returns 0, or
 * -EINTR with *left_ns set when a signal is pending.
 */
static int sleep_on(bool realtime, int64_t until_ns, int64_t *left_ns)
{
	struct wait_queue wq;
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	int64_t now;
	int ret = 0;

	wait_queue_init(&wq);
	for (;;) {
		/* Marks us sleeping (interruptibly) before the checks. */
		prepare_to_wait(&wq, &we, true);
		now = realtime ? clock_realtime_ns() : (int64_t)clock_ns();
		if (now >= until_ns)
			break;
		if (signal_pending_current()) {
			*left_ns = until_ns - now;
			ret = -EINTR;
			break;
		}
		if (until_ns - now > INT64_MAX - (int64_t)clock_ns())
			schedule_until(UINT64_MAX);
		else
			schedule_until(clock_ns() + (until_ns - now));
	}
	finish_wait(&wq, &we);
	return ret;
}

/* Relative sleep of req; writes the time left to rem when interrupted. */
static long sleep_relative(int64_t req_ns, struct ktimespec *rem)
{
	int64_t start = clock_ns(), left = 0;
	struct ktimespec ts;
	int64_t until;

	until = req_ns > INT64_MAX - start ? INT64_MAX : start + req_ns;
	if (!sleep_on(false, until, &left))
		return 0;
	if (rem) {
		ts = ns_to_timespec(left);
		if (copy_to_user(rem, &ts, sizeof(ts)))
			return -EFAULT;
	}
	return -ERESTART_RESTARTBLOCK;
}

long sys_nanosleep(const struct ktimespec *req, struct ktimespec *rem)
{
	struct ktimespec ts;
	int64_t ns;
	int err;

	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	err = timespec_to_ns(&ts, &ns);
	if (err)
		return err;
	return sleep_relative(ns, rem);
}

long sys_clock_nanosleep(int clk, int flags, const struct ktimespec *req,
			 struct ktimespec *rem)
{
	struct ktimespec ts;
	int64_t ns, left;
	bool realtime;
	int err;

	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		realtime = true;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		realtime = false;
		break;
	default:
		/*
		 * Linux: an unknown clock is EINVAL; a known one that cannot
		 * be slept on (MONOTONIC_RAW, the COARSE ones, the thread
		 * CPU clock) EOPNOTSUPP. Sleeping on a process CPU clock,
		 * which Linux does, is not implemented: EOPNOTSUPP as well.
		 */
		if (clock_read(clk, &ns))
			return -EINVAL;
		return -EOPNOTSUPP;
	}
	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	err = timespec_to_ns(&ts, &ns);
	if (err)
		return err;
	if (!(flags & TIMER_ABSTIME))
		return sleep_relative(ns, rem);
	if (sleep_on(realtime, ns, &left))
		return -ERESTARTNOHAND;
	return 0;
}
