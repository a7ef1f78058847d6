/*
 * Spinlocks and mutexes (<core/sync.h>) on one CPU. A spinlock masks
 * interrupts and disables preemption: holding it is all the exclusion one
 * CPU needs, and finding it already held can only be a deadlock, which is
 * reported. A mutex has an owner and a wait queue; contenders sleep.
 * Misuse (unlock by a non-owner, relocking by the owner) panics, naming
 * the tasks: it is a kernel bug that would otherwise corrupt what the lock
 * protects.
 */
#define pr_fmt(fmt) "sync: " fmt

#include <core/sync.h>

#include <arch/irq.h>
#include <core/panic.h>
#include <core/sched.h>

void spin_lock_irqsave(struct spinlock *lock, unsigned long *flags)
{
	*flags = arch_irq_save();
	preempt_disable();
	if (lock->locked)
		panic("BUG: spinlock %p taken again by %s: deadlock",
		      (void *)lock, current->name);
	lock->locked = true;
}

void spin_unlock_irqrestore(struct spinlock *lock, unsigned long flags)
{
	if (!lock->locked)
		panic("BUG: spinlock %p released by %s but not held",
		      (void *)lock, current->name);
	lock->locked = false;
	arch_irq_restore(flags);
	/* After interrupts are back on, so a due switch can happen here. */
	preempt_enable();
}

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	wait_queue_init(&m->waiters);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags = arch_irq_save();
	bool got = m->owner == NULL;

	if (got)
		m->owner = current;
	arch_irq_restore(flags);
	return got;
}

static void check_relock(struct mutex *m)
{
	if (READ_ONCE(m->owner) == current)
		panic("BUG: mutex %p locked again by its owner %s (tid %d)",
		      (void *)m, current->name, current->tid);
}

void mutex_lock(struct mutex *m)
{
	if (mutex_trylock(m))
		return;
	check_relock(m);
	wait_event(&m->waiters, mutex_trylock(m));
}

int mutex_lock_interruptible(struct mutex *m)
{
	int err;

	if (mutex_trylock(m))
		return 0;
	check_relock(m);
	err = wait_event_interruptible(&m->waiters, mutex_trylock(m));
	/* We may have taken a wakeup meant for the next owner: pass it on. */
	if (err && !READ_ONCE(m->owner))
		wake_up_one(&m->waiters);
	return err;
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags = arch_irq_save();
	struct task *owner = m->owner;

	if (owner != current)
		panic("BUG: mutex %p unlocked by %s (tid %d), owner %s",
		      (void *)m, current->name, current->tid,
		      owner ? owner->name : "none");
	m->owner = NULL;
	arch_irq_restore(flags);
	wake_up_one(&m->waiters);
}
