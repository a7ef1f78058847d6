/*
 * Wait queues: a task that must wait for an event puts itself on the
 * event's queue and sleeps; whoever causes the event wakes the queue.
 * Nothing in the kernel waits by spinning or by yielding in a loop.
 *
 *	wait_event(&wq, condition);            sleeps until condition holds
 *	err = wait_event_interruptible(...);   -EINTR when a signal arrives
 *	ret = wait_event_timeout(&wq, cond, ns);  0 on timeout, else > 0
 *	wake_up(&wq);                          wakes every waiter
 *
 * wake_up() may be called from interrupt handlers.
 */
#ifndef CORE_WAIT_H
#define CORE_WAIT_H

#include <core/errno.h>
#include <core/time.h>
#include <core/list.h>
#include <core/types.h>

struct wait_queue {
	struct list_head waiters;
};

#define WAIT_QUEUE_INIT(name) { LIST_HEAD_INIT((name).waiters) }

void wait_queue_init(struct wait_queue *wq);
void wake_up(struct wait_queue *wq);
void wake_up_one(struct wait_queue *wq);

/*
 * The building blocks of the wait_event macros (implemented by the
 * scheduler): enqueue the current task and mark it sleeping, then either
 * schedule() away or, if the condition already holds, finish at once.
 */
struct wait_entry {
	struct list_head link;
	struct task *task;
	/*
	 * NULL: wake_up() unqueues the entry and wakes task. Else wake_up()
	 * calls wake(we) (interrupts off) and leaves the entry queued: its
	 * owner removes it with remove_wait_entry(). poll and epoll use it
	 * to watch many queues at once.
	 */
	void (*wake)(struct wait_entry *we);
};

/* A wait entry starts unqueued (its link points to itself). */
#define WAIT_ENTRY_INIT(name) { .link = LIST_HEAD_INIT((name).link) }

/* Queues / unqueues an entry with a wake callback (any task context). */
void add_wait_entry(struct wait_queue *wq, struct wait_entry *we);
void remove_wait_entry(struct wait_queue *wq, struct wait_entry *we);

void prepare_to_wait(struct wait_queue *wq, struct wait_entry *we,
		     bool interruptible);
void finish_wait(struct wait_queue *wq, struct wait_entry *we);
/* True when the current task has a signal that interrupts a sleep. */
bool signal_pending_current(void);
/*
 * schedule() with a deadline: a caller that is sleeping (prepare_to_wait)
 * is also woken once the monotonic clock reaches deadline_ns. May return
 * early (woken, preempted on the way); callers loop on their condition.
 */
void schedule_until(uint64_t deadline_ns);
void schedule(void);

#define wait_event(wq, cond)                                              \
	do {                                                              \
		struct wait_entry __we = WAIT_ENTRY_INIT(__we);                                   \
		for (;;) {                                                \
			prepare_to_wait(wq, &__we, false);                \
			if (cond)                                         \
				break;                                    \
			schedule();                                       \
		}                                                         \
		finish_wait(wq, &__we);                                   \
	} while (0)

#define wait_event_interruptible(wq, cond)                                \
	({                                                                \
		struct wait_entry __we = WAIT_ENTRY_INIT(__we);                                   \
		int __ret = 0;                                            \
		for (;;) {                                                \
			prepare_to_wait(wq, &__we, true);                 \
			if (cond)                                         \
				break;                                    \
			if (signal_pending_current()) {                   \
				__ret = -EINTR;                           \
				break;                                    \
			}                                                 \
			schedule();                                       \
		}                                                         \
		finish_wait(wq, &__we);                                   \
		__ret;                                                    \
	})

/*
 * Returns 0 when timeout_ns passed with cond still false, else the time
 * left in ns (at least 1).
 */
#define wait_event_timeout(wq, cond, timeout_ns)                          \
	({                                                                \
		struct wait_entry __we = WAIT_ENTRY_INIT(__we);           \
		uint64_t __deadline = clock_ns() + (timeout_ns), __now;   \
		uint64_t __left;                                          \
		for (;;) {                                                \
			prepare_to_wait(wq, &__we, false);                \
			__now = clock_ns();                               \
			if (cond) {                                       \
				__left = __deadline > __now ?             \
					 __deadline - __now : 1;          \
				break;                                    \
			}                                                 \
			if (__now >= __deadline) {                        \
				__left = 0;                               \
				break;                                    \
			}                                                 \
			schedule_until(__deadline);                       \
		}                                                         \
		finish_wait(wq, &__we);                                   \
		__left;                                                   \
	})

#endif /* CORE_WAIT_H */
