/*
 * Blocked signals (<core/signal.h>): a thread's mask, and the temporary
 * mask of sigsuspend, ppoll, pselect6 and epoll_pwait, which stays in
 * force until the next delivery: a handler's frame then saves the
 * original mask (sigreturn puts it back), and when no handler runs
 * do_signal() restores it.
 *
 * A thread that starts blocking a signal pending on its process hands
 * it over to a sibling that does not, so it is not stranded.
 */
#include "internal.h"

#include <core/process.h>
#include <core/sched.h>
#include <core/sync.h>

void set_blocked_locked(struct task *t, ksigset_t mask)
{
	ksigset_t newly = mask & ~t->sig_blocked;
	struct process *p = t->proc;
	struct task *x;

	t->sig_blocked = mask & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending(t);
	if (!p || !(newly & p->shared_pending.signal))
		return;
	newly &= p->shared_pending.signal;
	for_each_thread(p, x)
		if (x != t && (newly & ~x->sig_blocked))
			signal_wake(x);
}

void set_current_blocked(ksigset_t mask)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, &flags);
	set_blocked_locked(current, mask);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void set_temporary_sigmask(ksigset_t mask)
{
	struct task *t = current;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (!t->sig_restore_mask) {
		t->sig_saved = t->sig_blocked;
		t->sig_restore_mask = true;
	}
	set_blocked_locked(t, mask);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void restore_temporary_sigmask(void)
{
	struct task *t = current;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (t->sig_restore_mask) {
		t->sig_restore_mask = false;
		set_blocked_locked(t, t->sig_saved);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
