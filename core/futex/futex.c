/*
 * Futexes (<core/futex.h>, futex(2)): tasks sleeping on a 32-bit user
 * word, keyed by (address space, address). Private and shared futexes
 * are keyed the same way, so a futex in memory shared between two
 * processes (MAP_SHARED after fork) is not matched across them yet.
 *
 * Waiters sit in a hash bucket, each with a struct futex_q on its stack.
 * The bucket's mutex is held while a waiter reads the user word and
 * queues itself, and while a waker looks for waiters, so a wake that
 * follows a change of the word can never miss a waiter that saw the old
 * value. A mutex (not a spinlock) because reading the word may fault and
 * page in. A woken waiter is unqueued by its waker; one that leaves for
 * a signal or a time-out unqueues itself, under the lock of the bucket it
 * is in now (requeue moves waiters between buckets).
 */
#define pr_fmt(fmt) "futex: " fmt

#include "futex_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/list.h>
#include <core/sched.h>
#include <core/sync.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <core/wait.h>

#define FUTEX_HASH_SIZE	64

struct futex_bucket {
	struct mutex lock;
	struct list_head waiters;	/* struct futex_q.link */
};

struct futex_q {
	struct list_head link;		/* empty once unqueued */
	struct futex_bucket *bucket;	/* changes only under both locks */
	struct mm *mm;
	uintptr_t uaddr;
	uint32_t bitset;
	bool woken;
	struct wait_queue wq;		/* only the waiter sleeps here */
};

static struct futex_bucket buckets[FUTEX_HASH_SIZE];

static int futex_init(void)
{
	for (size_t i = 0; i < FUTEX_HASH_SIZE; i++) {
		mutex_init(&buckets[i].lock);
		list_init(&buckets[i].waiters);
	}
	return 0;
}
core_initcall(futex_init);

static struct futex_bucket *bucket_of(struct mm *mm, uintptr_t uaddr)
{
	uint64_t h = (uint64_t)(uintptr_t)mm ^ (uint64_t)uaddr;

	h ^= h >> 29;
	h *= 0x9e3779b97f4a7c15ULL;
	return &buckets[(h >> 40) % FUTEX_HASH_SIZE];
}

static bool match(const struct futex_q *q, struct mm *mm, uintptr_t uaddr)
{
	return q->mm == mm && q->uaddr == uaddr;
}

/* Takes q off its bucket and wakes it. Caller holds q's bucket lock. */
static void wake_q(struct futex_q *q)
{
	list_del(&q->link);
	WRITE_ONCE(q->woken, true);
	wake_up(&q->wq);
}

/* Unqueues q unless a waker did. Returns true when it was still queued. */
static bool unqueue(struct futex_q *q)
{
	struct futex_bucket *b;
	bool queued;

	for (;;) {
		b = READ_ONCE(q->bucket);
		mutex_lock(&b->lock);
		if (b == q->bucket)
			break;
		mutex_unlock(&b->lock);
	}
	queued = !list_empty(&q->link);
	if (queued)
		list_del(&q->link);
	mutex_unlock(&b->lock);
	return queued;
}

int futex_wait(uint32_t *uaddr, uint32_t val, uint32_t bitset,
	       uint64_t deadline)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	struct futex_q q = {
		.link = LIST_HEAD_INIT(q.link),
		.mm = current->mm,
		.uaddr = (uintptr_t)uaddr,
		.bitset = bitset,
		.wq = WAIT_QUEUE_INIT(q.wq),
	};
	uint32_t cur;
	int ret;

	if (!bitset || !IS_ALIGNED(q.uaddr, sizeof(uint32_t)))
		return -EINVAL;
	q.bucket = bucket_of(q.mm, q.uaddr);
	mutex_lock(&q.bucket->lock);
	ret = copy_from_user(&cur, uaddr, sizeof(cur));
	if (!ret && cur != val)
		ret = -EAGAIN;
	if (ret) {
		mutex_unlock(&q.bucket->lock);
		return ret;
	}
	list_add_tail(&q.link, &q.bucket->waiters);
	mutex_unlock(&q.bucket->lock);

	for (;;) {
		prepare_to_wait(&q.wq, &we, true);
		if (READ_ONCE(q.woken) || signal_pending_current() ||
		    clock_ns() >= deadline)
			break;
		if (deadline == FUTEX_INFINITE)
			schedule();
		else
			schedule_until(deadline);
	}
	finish_wait(&q.wq, &we);
	if (!unqueue(&q))
		return 0;
	return signal_pending_current() ? -EINTR : -ETIMEDOUT;
}

int futex_wake(uint32_t *uaddr, int nr, uint32_t bitset)
{
	struct mm *mm = current->mm;
	uintptr_t addr = (uintptr_t)uaddr;
	struct futex_bucket *b;
	struct futex_q *q, *next;
	int woken = 0;

	if (!bitset || !IS_ALIGNED(addr, sizeof(uint32_t)))
		return -EINVAL;
	b = bucket_of(mm, addr);
	mutex_lock(&b->lock);
	list_for_each_entry_safe(q, next, &b->waiters, link) {
		if (!match(q, mm, addr) || !(q->bitset & bitset))
			continue;
		wake_q(q);
		/* As Linux: nr 0 still wakes one. */
		if (++woken >= nr)
			break;
	}
	mutex_unlock(&b->lock);
	return woken;
}

/* Locks two buckets in address order (once when they are the same). */
static void lock_two(struct futex_bucket *a, struct futex_bucket *b)
{
	if (a > b) {
		struct futex_bucket *t = a;

		a = b;
		b = t;
	}
	mutex_lock(&a->lock);
	if (a != b)
		mutex_lock(&b->lock);
}

static void unlock_two(struct futex_bucket *a, struct futex_bucket *b)
{
	mutex_unlock(&a->lock);
	if (a != b)
		mutex_unlock(&b->lock);
}

int futex_requeue(uint32_t *uaddr, uint32_t *uaddr2, int nr_wake,
		  int nr_requeue, bool cmp, uint32_t cmpval)
{
	struct mm *mm = current->mm;
	uintptr_t a1 = (uintptr_t)uaddr, a2 = (uintptr_t)uaddr2;
	struct list_head moving = LIST_HEAD_INIT(moving);
	struct futex_bucket *b1, *b2;
	struct futex_q *q, *next;
	int woken = 0, moved = 0, ret = 0;
	uint32_t cur;

	if (!IS_ALIGNED(a1, sizeof(uint32_t)) ||
	    !IS_ALIGNED(a2, sizeof(uint32_t)) || nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	b1 = bucket_of(mm, a1);
	b2 = bucket_of(mm, a2);
	lock_two(b1, b2);
	if (cmp) {
		ret = copy_from_user(&cur, uaddr, sizeof(cur));
		if (!ret && cur != cmpval)
			ret = -EAGAIN;
		if (ret)
			goto out;
	}
	list_for_each_entry_safe(q, next, &b1->waiters, link) {
		if (!match(q, mm, a1))
			continue;
		if (woken < nr_wake) {
			wake_q(q);
			woken++;
			continue;
		}
		if (moved >= nr_requeue)
			break;
		list_del(&q->link);
		list_add_tail(&q->link, &moving);
		moved++;
	}
	/* Moved after the walk, so a requeue onto the same word ends. */
	list_for_each_entry_safe(q, next, &moving, link) {
		list_del(&q->link);
		q->uaddr = a2;
		WRITE_ONCE(q->bucket, b2);
		list_add_tail(&q->link, &b2->waiters);
	}
	ret = woken + moved;
out:
	unlock_two(b1, b2);
	return ret;
}
