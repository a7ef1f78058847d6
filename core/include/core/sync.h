/*
 * Locks. The machine has one CPU for now, so a spinlock is "interrupts off
 * (and preemption off) while held"; its fields keep the API honest for SMP
 * later. A mutex sleeps on a wait queue when taken, so it may only be used
 * from task context, never from an interrupt handler.
 *
 *	spin_lock_irqsave(&lock, flags) ... spin_unlock_irqrestore(&lock, flags)
 *	mutex_lock(&m) ... mutex_unlock(&m)
 */
#ifndef CORE_SYNC_H
#define CORE_SYNC_H

#include <core/types.h>
#include <core/wait.h>

struct spinlock {
	bool locked;
};

#define SPINLOCK_INIT ((struct spinlock){ false })

void spin_lock_irqsave(struct spinlock *lock, unsigned long *flags);
void spin_unlock_irqrestore(struct spinlock *lock, unsigned long flags);

struct task;

struct mutex {
	struct task *owner;
	struct wait_queue waiters;
};

#define MUTEX_INIT(name) { .owner = NULL, .waiters = WAIT_QUEUE_INIT((name).waiters) }

void mutex_init(struct mutex *m);
/* Takes the mutex if it is free; returns whether it did. Never sleeps. */
bool mutex_trylock(struct mutex *m);
void mutex_lock(struct mutex *m);
/* Returns 0 with the mutex held, or -EINTR if a signal interrupted. */
int mutex_lock_interruptible(struct mutex *m);
/* Releases a mutex held by the current task; anyone else is a bug. */
void mutex_unlock(struct mutex *m);

/* Preemption off/on (nests). Spinlocks do this for you. */
void preempt_disable(void);
void preempt_enable(void);

#endif /* CORE_SYNC_H */
