/*
 * Pending signals (<core/signal.h>): the sets of a thread
 * (task->sig_pending) and of a process (proc->shared_pending), each a
 * bit per signal plus a queue of siginfo entries, oldest first. A
 * standard signal is pending at most once and keeps the siginfo of its
 * first sending; a real-time signal queues one entry per sending.
 *
 * Queue entries are bounded by RLIMIT_SIGPENDING, which Linux counts per
 * user: every process is root, so one count covers the whole system.
 *
 * Also here: whether a thread has something to deliver (task->sigpending,
 * which interruptible sleeps test) and taking the next signal off the
 * sets. Callers hold tasklist_lock unless a comment says otherwise.
 */
#include "internal.h"

#include <arch/irq.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/string.h>

struct sigqueue {
	struct list_head link;	/* in sigpending.queue */
	struct ksiginfo info;
};

/* Queue entries of every process (the one user's RLIMIT_SIGPENDING). */
static uint64_t nr_queued;

void sigpending_init(struct sigpending *p)
{
	p->signal = 0;
	list_init(&p->queue);
}

static void sigqueue_free(struct sigqueue *q)
{
	unsigned long flags = arch_irq_save();

	list_del(&q->link);
	nr_queued--;
	arch_irq_restore(flags);
	kfree(q);
}

/*
 * With or without tasklist_lock (a thread or process on its way out):
 * interrupts are off throughout, so a timer cannot add meanwhile.
 */
void sigpending_flush(struct sigpending *p)
{
	unsigned long flags = arch_irq_save();
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &p->queue, link)
		sigqueue_free(q);
	p->signal = 0;
	arch_irq_restore(flags);
}

int sigpending_add(struct sigpending *set, int sig,
		   const struct ksiginfo *info, uint64_t limit)
{
	struct sigqueue *q = NULL;
	bool override;

	if (sig < SIGRTMIN && (set->signal & sigmask(sig)))
		return 0;
	/* As Linux: kill() and the kernel's standard signals always fit. */
	override = sig < SIGRTMIN && info->si_code >= 0;
	if (override || nr_queued < limit)
		q = kmalloc(sizeof(*q));
	if (q) {
		q->info = *info;
		q->info.si_signo = sig;
		list_add_tail(&q->link, &set->queue);
		nr_queued++;
	} else if (sig >= SIGRTMIN && info->si_code != SI_USER) {
		return -EAGAIN;
	}
	set->signal |= sigmask(sig);
	return 0;
}

void sigpending_discard(struct sigpending *set, ksigset_t mask)
{
	struct sigqueue *q, *n;

	if (!(set->signal & mask))
		return;
	set->signal &= ~mask;
	list_for_each_entry_safe(q, n, &set->queue, link)
		if (mask & sigmask(q->info.si_signo))
			sigqueue_free(q);
}

/*
 * Takes one instance of sig off set into *info. The bit stays while
 * other entries of sig remain (real-time signals queued more than once).
 */
static void sigpending_take(struct sigpending *set, int sig,
			    struct ksiginfo *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &set->queue, link) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		set->signal &= ~sigmask(sig);
	if (first) {
		*info = first->info;
		sigqueue_free(first);
		return;
	}
	/* Queued without an entry (the limit was reached): kill()'s info. */
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = SI_USER;
}

int dequeue_signal(struct task *t, ksigset_t excluded, struct ksiginfo *info)
{
	struct sigpending *set = &t->sig_pending;
	int sig = sig_next(set->signal, excluded);

	if (!sig && t->proc) {
		set = &t->proc->shared_pending;
		sig = sig_next(set->signal, excluded);
	}
	if (sig)
		sigpending_take(set, sig, info);
	recalc_sigpending(t);
	return sig;
}

bool sigkill_pending(struct task *t)
{
	ksigset_t pend = t->sig_pending.signal;

	if (t->proc)
		pend |= t->proc->shared_pending.signal;
	return pend & sigmask(SIGKILL);
}

bool task_signal_pending(struct task *t)
{
	struct process *p = t->proc;
	ksigset_t pend = t->sig_pending.signal;

	if (!p)
		return pend & ~t->sig_blocked;
	/* A dying or stopped process: every thread must notice at once. */
	if (p->group_exiting || p->stopped)
		return true;
	pend |= p->shared_pending.signal;
	return (pend & sigmask(SIGKILL)) || (pend & ~t->sig_blocked);
}

void recalc_sigpending(struct task *t)
{
	WRITE_ONCE(t->sigpending, task_signal_pending(t));
}
