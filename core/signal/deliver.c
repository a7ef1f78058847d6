/*
 * Delivery (<core/signal.h>): do_signal(), called by exit_to_user_mode()
 * on the way back to user mode. It takes the next deliverable signal
 * (the thread's faults first, then the thread's set, then the
 * process's) and acts on it: ignore it, run its default action
 * (terminate, stop, continue, ignore) or have the arch build a handler
 * frame so that the handler runs next. Every deliverable signal is taken
 * in one pass, as Linux: each handler's frame goes on top of the last,
 * so the last one taken runs first.
 *
 * A syscall interrupted by a signal returned one of the ERESTART* codes
 * (<core/errno.h>): here it becomes -EINTR or is issued again
 * (arch_syscall_rewind()), depending on whether a handler runs and its
 * SA_RESTART (policy.c has the table).
 */
#define pr_fmt(fmt) "signal: " fmt

#include "internal.h"

#include <arch/user.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/sync.h>

/*
 * Begins a job-control stop of the current process with sig: the other
 * threads are told to park, and the parent is told once. Then parks.
 */
static void do_stop(int sig)
{
	struct task *t = current, *x;
	struct process *p = t->proc;
	unsigned long flags;
	bool first = false;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (!p->stopped && !p->group_exiting && !sigkill_pending(t)) {
		p->stopped = true;
		p->stop_sig = sig;
		first = true;
		for_each_thread(p, x)
			if (x != t)
				signal_wake(x);
	}
	preempt_disable();
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (first)
		process_stopped(p, sig);
	preempt_enable();
	signal_stop_wait();
}

/* Linux's ELF min_coredump (ELF_EXEC_PAGESIZE): smaller limits dump nothing. */
#define CORE_MIN_SIZE	4096

/*
 * The wait status bit of a "core" death. No core file is written; the
 * bit is reported where Linux (core_pattern a file name) would write
 * one: RLIMIT_CORE of at least a page and a dumpable process. With
 * Linux's default limit (0) the status words are Linux's.
 */
static int core_flag(struct process *p)
{
	if (p->not_dumpable || p->rlim[RLIMIT_CORE].rlim_cur < CORE_MIN_SIZE)
		return 0;
	return WCOREFLAG;
}

/* A frame could not be written: the process dies of SIGSEGV. */
static void __noreturn frame_fault(int sig)
{
	pr_debug("%s[%d]: bad signal frame for signal %d: SIGSEGV\n",
		 current->name, current->tid, sig);
	do_group_exit(SIGSEGV | core_flag(current_process()));
}

/*
 * Runs the handler ka of sig: completes or rewinds the interrupted
 * syscall, builds the frame (on the alternate stack when asked) and
 * blocks what the handler blocks. nr and ret: the syscall state do_signal
 * started from (nr < 0: not in a syscall).
 */
static void handle_signal(struct pt_regs *regs, int sig,
			  const struct ksiginfo *info,
			  const struct k_sigaction *ka, long nr, long ret)
{
	struct task *t = current;
	struct kstack uc_stack;
	ksigset_t oldmask, mask;
	uintptr_t sp;
	unsigned long flags;

	if (nr >= 0) {
		switch (sig_restart_action(ret, true, ka->flags)) {
		case SIG_RESTART_EINTR:
			arch_syscall_set_return(regs, -EINTR);
			break;
		case SIG_RESTART_REWIND:
			arch_syscall_rewind(regs);
			break;
		case SIG_RESTART_NONE:
			break;
		}
	}

	/* Only this thread changes its mask and altstack: no lock needed to read. */
	oldmask = t->sig_restore_mask ? t->sig_saved : t->sig_blocked;
	sp = arch_user_sp(regs);
	altstack_get(t, sp, &uc_stack);
	sp = altstack_frame_sp(t, ka->flags, sp);
	if (arch_setup_rt_frame(regs, sig, info, ka, oldmask, &uc_stack, sp))
		frame_fault(sig);
	if (t->sig_altstack.ss_flags & SS_AUTODISARM) {
		t->sig_altstack.ss_sp = 0;
		t->sig_altstack.ss_size = 0;
		t->sig_altstack.ss_flags = 0;
	}

	mask = t->sig_blocked | ka->mask;
	if (!(ka->flags & SA_NODEFER))
		mask |= sigmask(sig);
	spin_lock_irqsave(&tasklist_lock, &flags);
	t->sig_restore_mask = false;
	set_blocked_locked(t, mask);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void do_signal(struct pt_regs *regs)
{
	struct task *t = current;
	struct process *p = t->proc;
	long nr = arch_syscall_nr(regs);
	long ret = nr >= 0 ? arch_syscall_return(regs) : 0;
	struct k_sigaction ka;
	struct ksiginfo info;
	unsigned long flags;
	int sig;

	if (!p)
		return;
	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		if (p->group_exiting) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			do_exit(p->exit_status);
		}
		if (sigkill_pending(t)) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			do_group_exit(SIGKILL);
		}
		if (p->stopped) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			signal_stop_wait();
			continue;
		}
		sig = dequeue_signal(t, t->sig_blocked, &info);
		if (!sig) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			break;
		}
		ka = p->sighand->action[sig - 1];
		if (ka.handler != SIG_DFL && ka.handler != SIG_IGN &&
		    (ka.flags & SA_RESETHAND))
			p->sighand->action[sig - 1].handler = SIG_DFL;
		spin_unlock_irqrestore(&tasklist_lock, flags);

		if (ka.handler == SIG_IGN)
			continue;
		if (ka.handler != SIG_DFL) {
			handle_signal(regs, sig, &info, &ka, nr, ret);
			/*
			 * As Linux, the next unblocked signal gets its frame
			 * on top of this one: its handler runs first.
			 */
			nr = -1;
			continue;
		}
		/*
		 * Its handler gone meanwhile, or a blocked SIG_DFL signal it
		 * let through: init ignores all but its faults.
		 */
		if (p->pid == 1 && !(sigmask(sig) & SIG_SYNC_MASK))
			continue;
		switch (sig_default_action(sig)) {
		case SIG_DFL_IGNORE:
		case SIG_DFL_CONT:
			continue;
		case SIG_DFL_STOP:
			/* No one would continue an orphaned group (POSIX). */
			if (sig != SIGSTOP && pgrp_is_orphaned(p->pgid))
				continue;
			do_stop(sig);
			continue;
		case SIG_DFL_TERM:
			do_group_exit(sig);
		case SIG_DFL_CORE:
			do_group_exit(sig | core_flag(p));
		}
	}

	/* No handler ran (nr still set): a restartable syscall is issued again. */
	if (nr >= 0 && sig_restart_action(ret, false, 0) == SIG_RESTART_REWIND)
		arch_syscall_rewind(regs);
	if (t->sig_restore_mask)
		restore_temporary_sigmask();
}
