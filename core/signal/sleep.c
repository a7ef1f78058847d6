/*
 * Sleeping on signal state: until a signal arrives (sigsuspend, pause,
 * sigtimedwait), and the job-control stop, where every thread of a
 * stopped process parks in do_signal() until SIGCONT or SIGKILL.
 *
 * No wait queue: a sender marks the thread (task->sigpending, or the
 * process state) and wakes it directly when it sleeps interruptibly
 * (signal_wake(), send.c). The state is set to sleeping before the
 * condition is tested, with interrupts off, as prepare_to_wait() does,
 * so a wakeup between the test and schedule() is never lost.
 */
#include "internal.h"

#include <arch/irq.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/time.h>
#include <core/wait.h>

bool signal_sleep(uint64_t deadline_ns)
{
	struct task *t = current;
	unsigned long flags;

	for (;;) {
		flags = arch_irq_save();
		t->sleep_interruptible = true;
		t->state = TASK_SLEEPING;
		if (READ_ONCE(t->sigpending)) {
			t->state = TASK_RUNNING;
			arch_irq_restore(flags);
			return false;
		}
		if (deadline_ns && clock_ns() >= deadline_ns) {
			t->state = TASK_RUNNING;
			arch_irq_restore(flags);
			return true;
		}
		arch_irq_restore(flags);
		if (deadline_ns)
			schedule_until(deadline_ns);
		else
			schedule();
	}
}

/*
 * Parks the current thread while its process is stopped. Returns when it
 * is continued, killed or exiting. Interrupts on, no lock held.
 */
void signal_stop_wait(void)
{
	struct task *t = current;
	struct process *p = t->proc;
	unsigned long flags;
	bool go;

	for (;;) {
		flags = arch_irq_save();
		t->sleep_interruptible = true;
		t->state = TASK_SLEEPING;
		go = !READ_ONCE(p->stopped) || READ_ONCE(p->group_exiting) ||
		     sigkill_pending(t);
		if (go) {
			t->state = TASK_RUNNING;
			arch_irq_restore(flags);
			return;
		}
		arch_irq_restore(flags);
		schedule();
	}
}
