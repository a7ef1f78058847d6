/*
 * Wait queues (<core/wait.h>): a queue is a list of wait entries, one per
 * sleeping task, each living on its task's stack for the duration of a
 * wait_event*() loop. Waking removes the entry and makes the task
 * runnable; the task re-checks its condition and re-queues itself if it
 * must sleep again, so spurious wakeups are harmless.
 */
#include <core/wait.h>

#include <arch/irq.h>
#include <core/sched.h>
#include <core/sync.h>

void wait_queue_init(struct wait_queue *wq)
{
	list_init(&wq->waiters);
}

void prepare_to_wait(struct wait_queue *wq, struct wait_entry *we,
		     bool interruptible)
{
	unsigned long flags = arch_irq_save();

	we->task = current;
	if (list_empty(&we->link))
		list_add_tail(&we->link, &wq->waiters);
	current->sleep_interruptible = interruptible;
	current->state = TASK_SLEEPING;
	arch_irq_restore(flags);
}

void finish_wait(struct wait_queue *wq, struct wait_entry *we)
{
	unsigned long flags = arch_irq_save();

	current->state = TASK_RUNNING;
	list_del(&we->link);
	arch_irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	unsigned long flags = arch_irq_save();
	struct wait_entry *we;

	while (!list_empty(&wq->waiters)) {
		we = list_first_entry(&wq->waiters, struct wait_entry, link);
		list_del(&we->link);
		wake_task(we->task);
	}
	arch_irq_restore(flags);
	/* wake_task() could not switch with interrupts off; now it can. */
	preempt_disable();
	preempt_enable();
}

void wake_up_one(struct wait_queue *wq)
{
	unsigned long flags = arch_irq_save();
	struct wait_entry *we;

	/*
	 * An entry whose task is not asleep (woken by its deadline, say)
	 * will re-check its condition anyway; keep going until one sleeper
	 * really wakes, so the event is not lost on a task that may leave.
	 */
	while (!list_empty(&wq->waiters)) {
		we = list_first_entry(&wq->waiters, struct wait_entry, link);
		list_del(&we->link);
		if (wake_task(we->task))
			break;
	}
	arch_irq_restore(flags);
	preempt_disable();
	preempt_enable();
}

bool signal_pending_current(void)
{
	return READ_ONCE(current->sigpending);
}
