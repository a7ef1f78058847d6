/*
 * CPU time from user space (<core/process.h>): getrusage and times.
 * A task's system time is the time it spent in syscalls, its user time
 * the rest of its run time (task_times()); a process sums its live
 * threads and the ones that exited; reaped children add theirs to the
 * parent's children times (wait.c).
 */
#include "internal.h"

#include <core/errno.h>
#include <core/uaccess.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

/* struct tms: clock_t (long) fields, in USER_HZ ticks. */
struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

long sys_getrusage(int who, struct rusage *ru)
{
	struct process *p = current_process();
	struct rusage k;
	unsigned long flags;
	uint64_t utime, stime;

	switch (who) {
	case RUSAGE_SELF:
		spin_lock_irqsave(&tasklist_lock, &flags);
		process_times(p, &utime, &stime);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		break;
	case RUSAGE_CHILDREN:
		spin_lock_irqsave(&tasklist_lock, &flags);
		utime = p->cutime_ns;
		stime = p->cstime_ns;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		break;
	case RUSAGE_THREAD:
		task_times(current, &utime, &stime);
		break;
	default:
		return -EINVAL;
	}
	rusage_fill(&k, utime, stime);
	if (copy_to_user(ru, &k, sizeof(k)))
		return -EFAULT;
	return 0;
}

long sys_times(struct tms *buf)
{
	struct process *p = current_process();
	struct tms k;
	unsigned long flags;
	uint64_t utime, stime;

	if (buf) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		process_times(p, &utime, &stime);
		k.tms_utime = utime / NS_PER_CLOCK_TICK;
		k.tms_stime = stime / NS_PER_CLOCK_TICK;
		k.tms_cutime = p->cutime_ns / NS_PER_CLOCK_TICK;
		k.tms_cstime = p->cstime_ns / NS_PER_CLOCK_TICK;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (copy_to_user(buf, &k, sizeof(k)))
			return -EFAULT;
	}
	return clock_ns() / NS_PER_CLOCK_TICK;
}
