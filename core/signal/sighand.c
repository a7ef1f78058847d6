/*
 * Signal handlers (<core/signal.h>): the table of 64 actions a process
 * holds (shared between processes created with CLONE_SIGHAND, counted),
 * changing one (rt_sigaction), and what execve does to them (caught
 * signals go back to SIG_DFL, ignored ones stay ignored).
 */
#include "internal.h"

#include <arch/irq.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>

struct sighand *sighand_alloc(void)
{
	struct sighand *sh = kzalloc(sizeof(*sh));

	/* SIG_DFL is 0: a zeroed table is all default actions. */
	if (sh)
		sh->ref = 1;
	return sh;
}

struct sighand *sighand_dup(struct sighand *sh)
{
	struct sighand *copy = kmalloc(sizeof(*copy));

	if (!copy)
		return NULL;
	memcpy(copy->action, sh->action, sizeof(copy->action));
	copy->ref = 1;
	return copy;
}

/* Any context, with or without tasklist_lock. */
void sighand_put(struct sighand *sh)
{
	unsigned long flags;
	bool last;

	if (!sh)
		return;
	flags = arch_irq_save();
	last = --sh->ref == 0;
	arch_irq_restore(flags);
	if (last)
		kfree(sh);
}

void sigaction_set(int sig, const struct k_sigaction *act,
		   struct k_sigaction *old)
{
	struct process *p = current_process();
	struct k_sigaction *ka = &p->sighand->action[sig - 1];
	unsigned long flags;
	struct task *x;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (old)
		*old = *ka;
	if (act) {
		*ka = *act;
		ka->mask &= ~SIG_KERNEL_ONLY_MASK;
		/*
		 * POSIX: setting an ignoring action discards the pending
		 * instances, blocked or not.
		 */
		if (sig_handler_ignores(ka->handler, sig)) {
			sigpending_discard(&p->shared_pending, sigmask(sig));
			for_each_thread(p, x) {
				sigpending_discard(&x->sig_pending, sigmask(sig));
				recalc_sigpending(x);
			}
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * execve, after the other threads are gone: a table shared with another
 * process is copied first (the other keeps its handlers); pending
 * signals and the mask survive, as POSIX says.
 */
void signal_exec_reset(void)
{
	struct task *t = current;
	struct process *p = t->proc;
	struct sighand *sh = p->sighand, *copy = NULL;
	struct k_sigaction *ka;
	unsigned long flags;
	int i;

	if (sh->ref > 1)
		copy = sighand_dup(sh);
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (copy && sh->ref > 1) {
		p->sighand = copy;
		sh->ref--;
		sh = copy;
		copy = NULL;
	}
	for (i = 0; i < NSIG; i++) {
		ka = &sh->action[i];
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
	t->sig_altstack.ss_sp = 0;
	t->sig_altstack.ss_size = 0;
	t->sig_altstack.ss_flags = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	/* The other sharer went away meanwhile. */
	if (copy)
		kfree(copy);
}
