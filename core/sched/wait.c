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

void add_wait_entry(struct wait_queue *wq, struct wait_entry *we)
{
	unsigned long flags = arch_irq_save();

	if (list_empty(&we->link))
		list_add_tail(&we->link, &wq->waiters);
	arch_irq_restore(flags);
}

void remove_wait_entry(struct wait_queue *wq, struct wait_entry *we)
{
	unsigned long flags = arch_irq_save();

	(void)wq;
	list_del(&we->link);
	arch_irq_restore(flags);
}

/*
 * Wakes the entries of wq: callback entries are told and stay queued;
 * task entries are unqueued and their task woken, all of them, or with
 * one set only until one sleeper really wakes. Interrupts off.
 */
static void wake_entries(struct wait_queue *wq, bool one)
{
	struct list_head *pos = wq->waiters.next, *next;
	struct wait_entry *we;

	for (; pos != &wq->waiters; pos = next) {
		next = pos->next;
		we = list_entry(pos, struct wait_entry, link);
		if (we->wake) {
			we->wake(we);
			continue;
		}
		list_del(&we->link);
		/*
		 * An entry whose task is not asleep (woken by its deadline,
		 * say) will re-check its condition anyway; keep going until
		 * one sleeper really wakes, so the event is not lost on a
		 * task that may leave.
		 */
		if (wake_task(we->task) && one)
			break;
	}
}

void wake_up(struct wait_queue *wq)
{
	unsigned long flags = arch_irq_save();

	wake_entries(wq, false);
	arch_irq_restore(flags);
	/* wake_task() could not switch with interrupts off; now it can. */
	preempt_disable();
	preempt_enable();
}

void wake_up_one(struct wait_queue *wq)
{
	unsigned long flags = arch_irq_save();

	wake_entries(wq, true);
	arch_irq_restore(flags);
	preempt_disable();
	preempt_enable();
}

bool signal_pending_current(void)
{
	return READ_ONCE(current->sigpending);
}
