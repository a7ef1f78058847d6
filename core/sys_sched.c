/*
 * Scheduling syscalls (CONFIG_SYSCALL_SCHED), answering as Linux does on
 * one CPU: sched_yield, getpriority/setpriority (nice values, which the
 * fair scheduler weighs), the affinity calls (the only CPU is 0), and the
 * policy calls.
 *
 * Policies: every task is SCHED_OTHER. The real-time policies (FIFO,
 * RR) are not implemented: setting one answers EPERM, as Linux does for
 * a caller without CAP_SYS_NICE or RLIMIT_RTPRIO (we run as root, so
 * Linux would act; refusing is the honest answer), and an out-of-range
 * priority for them EINVAL. SCHED_BATCH and SCHED_IDLE, which Linux
 * would accept, are EINVAL here: there is nowhere to keep a policy.
 *
 * As on Linux, PRIO_PROCESS and the sched_* calls name a thread (a tid;
 * 0 is the caller); PRIO_PGRP and PRIO_USER reach every thread of the
 * matching processes.
 */
#define pr_fmt(fmt) "sched: " fmt

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/sync.h>
#include <core/time.h>
#include <core/uaccess.h>

#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2

#define SCHED_OTHER		0
#define SCHED_FIFO		1
#define SCHED_RR		2
#define SCHED_BATCH		3
#define SCHED_IDLE		5
#define SCHED_DEADLINE		6
#define SCHED_RESET_ON_FORK	0x40000000

#define RT_PRIO_MIN	1
#define RT_PRIO_MAX	99

/* The kernel's cpu_set_t as the syscalls copy it: one long for CPU 0. */
#define CPUMASK_BYTES	sizeof(unsigned long)

struct sched_param {
	int sched_priority;
};

long sys_sched_yield(void)
{
	sched_yield();
	return 0;
}

/* --- nice values ------------------------------------------------------ */

/* Does thread t match (which, who)? Under tasklist_lock. */
static bool prio_match(struct task *t, int which, int who)
{
	struct process *self = current_process();

	switch (which) {
	case PRIO_PROCESS:
		return who ? t->tid == who : t == current;
	case PRIO_PGRP:
		return t->proc->pgid == (who ? who : self->pgid);
	case PRIO_USER:
		return t->proc->uid == (uint32_t)(who ? who : (int)self->uid);
	}
	return false;
}

long sys_getpriority(int which, int who)
{
	struct process *p;
	struct task *t;
	unsigned long flags;
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, &flags);
	for_each_process(p) {
		for_each_thread(p, t) {
			/* The raw syscall answers 20 - nice: 1..40, never < 0. */
			if (prio_match(t, which, who))
				best = MAX(best, (long)(20 - t->nice));
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* Linux's set_one_prio() checks, for a caller whose ids are self's. */
static int may_renice(const struct process *self, const struct task *t,
		      int nice)
{
	if (self->euid == 0)
		return 0;
	if (t->proc->uid != self->euid && t->proc->euid != self->euid)
		return -EPERM;
	/* Raising priority needs CAP_SYS_NICE (or RLIMIT_NICE). */
	if (nice < t->nice && 20 - nice > (long)rlimit(RLIMIT_NICE))
		return -EACCES;
	return 0;
}

long sys_setpriority(int which, int who, int niceval)
{
	struct process *self = current_process(), *p;
	struct task *t;
	unsigned long flags;
	bool found = false;
	int err = 0, e;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	niceval = MAX(NICE_MIN, MIN(NICE_MAX, niceval));
	spin_lock_irqsave(&tasklist_lock, &flags);
	for_each_process(p) {
		for_each_thread(p, t) {
			if (!prio_match(t, which, who))
				continue;
			found = true;
			e = may_renice(self, t, niceval);
			if (e)
				err = e;
			else
				sched_set_nice(t, niceval);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found ? err : -ESRCH;
}

/* --- affinity ----------------------------------------------------------- */

/* True when thread pid exists (0: the caller). */
static bool thread_exists(int pid)
{
	unsigned long flags;
	bool found;

	if (pid <= 0)
		return pid == 0;
	spin_lock_irqsave(&tasklist_lock, &flags);
	found = find_task(pid) != NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* The sched_* calls: a negative pid is EINVAL, a missing one ESRCH. */
static int check_thread(int pid)
{
	if (pid < 0)
		return -EINVAL;
	return thread_exists(pid) ? 0 : -ESRCH;
}

/*
 * Returns the size of the kernel's mask in bytes (sched_setaffinity(2),
 * NOTES: the raw call returns it, glibc and musl hide it), having copied
 * that many bytes: CPU 0 only.
 */
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long *mask)
{
	unsigned long m = 1;

	/* Linux: at least nr_cpu_ids bits, a whole number of longs. */
	if (len * 8 < 1 || len % sizeof(unsigned long))
		return -EINVAL;
	/* The affinity calls: a negative pid is simply not found. */
	if (!thread_exists(pid))
		return -ESRCH;
	if (copy_to_user(mask, &m, CPUMASK_BYTES))
		return -EFAULT;
	return CPUMASK_BYTES;
}

long sys_sched_setaffinity(int pid, unsigned int len,
			   const unsigned long *mask)
{
	unsigned long m = 0;

	/* A shorter mask is zero-extended, a longer one cut (Linux). */
	if (copy_from_user(&m, mask, MIN(len, CPUMASK_BYTES)))
		return -EFAULT;
	if (!thread_exists(pid))
		return -ESRCH;
	/* CPUs that do not exist are ignored; one that does must remain. */
	if (!(m & 1))
		return -EINVAL;
	return 0;
}

/* --- policies ----------------------------------------------------------- */

static int check_param(int policy, const struct sched_param *sp)
{
	policy &= ~SCHED_RESET_ON_FORK;
	switch (policy) {
	case SCHED_OTHER:
		return sp->sched_priority == 0 ? 0 : -EINVAL;
	case SCHED_FIFO:
	case SCHED_RR:
		if (sp->sched_priority < RT_PRIO_MIN ||
		    sp->sched_priority > RT_PRIO_MAX)
			return -EINVAL;
		return -EPERM;
	default:
		return -EINVAL;
	}
}

long sys_sched_getscheduler(int pid)
{
	int err = check_thread(pid);

	return err ? err : SCHED_OTHER;
}

long sys_sched_setscheduler(int pid, int policy,
			    const struct sched_param *param)
{
	struct sched_param sp;
	int err;

	if (pid < 0 || !param)
		return -EINVAL;
	if (copy_from_user(&sp, param, sizeof(sp)))
		return -EFAULT;
	err = check_thread(pid);
	if (err)
		return err;
	return check_param(policy, &sp);
}

long sys_sched_getparam(int pid, struct sched_param *param)
{
	struct sched_param sp = { 0 };
	int err;

	if (pid < 0 || !param)
		return -EINVAL;
	err = check_thread(pid);
	if (err)
		return err;
	return copy_to_user(param, &sp, sizeof(sp));
}

long sys_sched_setparam(int pid, const struct sched_param *param)
{
	struct sched_param sp;
	int err;

	if (pid < 0 || !param)
		return -EINVAL;
	if (copy_from_user(&sp, param, sizeof(sp)))
		return -EFAULT;
	err = check_thread(pid);
	if (err)
		return err;
	/* The policy stays SCHED_OTHER, whose only priority is 0. */
	return check_param(SCHED_OTHER, &sp);
}

long sys_sched_get_priority_max(int policy)
{
	switch (policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return RT_PRIO_MAX;
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
		return 0;
	}
	return -EINVAL;
}

long sys_sched_get_priority_min(int policy)
{
	switch (policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return RT_PRIO_MIN;
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
		return 0;
	}
	return -EINVAL;
}

/*
 * SCHED_OTHER has no fixed quantum; like Linux for a task that shares
 * the CPU fairly, we may answer 0 ("infinite").
 */
long sys_sched_rr_get_interval(int pid, struct ktimespec *interval)
{
	struct ktimespec ts = { 0, 0 };
	int err = check_thread(pid);

	if (err)
		return err;
	return copy_to_user(interval, &ts, sizeof(ts));
}
