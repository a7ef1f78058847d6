/*
 * CPU time of threads and processes (cputime.h). The scheduler counts a
 * task's CPU time (task_runtime_ns(), as of the last tick or switch); the
 * syscall layer counts the time spent inside syscalls (task->stime_ns);
 * user time is the difference. A process adds the figures its exited
 * threads left in proc->utime_ns and proc->stime_ns.
 *
 * The CPU's own split (/proc/stat's cpu line, /proc/uptime's idle time)
 * is sampled by the tick as Linux does: each tick goes to the idle, user
 * (nice when the task's nice value is positive) or system bucket of the
 * task it interrupted; system when that task was in a syscall or is a
 * kernel thread.
 */
#include "cputime.h"

#include <core/process.h>
#include <core/sched.h>
#include <core/sync.h>
#include <core/time.h>

#include <arch/irq.h>

static struct cpu_times cpu_times;

void cputime_tick(const struct task *t, bool idle)
{
	if (idle)
		cpu_times.idle += TICK_NSEC;
	else if (!t->proc || t->in_syscall)
		cpu_times.system += TICK_NSEC;
	else if (t->nice > 0)
		cpu_times.nice += TICK_NSEC;
	else
		cpu_times.user += TICK_NSEC;
}

void cpu_times_read(struct cpu_times *ct)
{
	unsigned long flags = arch_irq_save();

	*ct = cpu_times;
	arch_irq_restore(flags);
}

void task_cputime(const struct task *t, struct cputime *ct)
{
	uint64_t run = task_runtime_ns(t);
	uint64_t sys = READ_ONCE(t->stime_ns);

	ct->total_ns = run;
	/* stime_ns is measured by the clock, runtime by the scheduler. */
	ct->user_ns = run > sys ? run - sys : 0;
}

void process_cputime(struct process *p, struct cputime *ct)
{
	struct cputime one;
	unsigned long flags;
	struct task *t;

	spin_lock_irqsave(&tasklist_lock, &flags);
	ct->user_ns = p->utime_ns;
	ct->total_ns = p->utime_ns + p->stime_ns;
	for_each_thread(p, t) {
		task_cputime(t, &one);
		ct->user_ns += one.user_ns;
		ct->total_ns += one.total_ns;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
