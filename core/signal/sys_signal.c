/*
 * Signal syscalls of the current thread's own state: rt_sigaction,
 * rt_sigprocmask, rt_sigpending, rt_sigsuspend, rt_sigreturn and
 * sigaltstack (SYSCALL_SIGNAL). Sending lives in sys_kill.c, waiting
 * for a signal in sys_sigwait.c.
 *
 * The sigset arguments are the kernel's 64-bit sigset_t: a sigsetsize
 * other than 8 is EINVAL. struct sigaction is struct k_sigaction on both
 * arches (handler, flags, restorer, mask).
 */
#include "internal.h"

#include <arch/user.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/uaccess.h>

long sys_rt_sigaction(int sig, const struct k_sigaction *act,
		      struct k_sigaction *oact, size_t sigsetsize)
{
	struct k_sigaction new, old;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (!sig_valid(sig) || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	sigaction_set(sig, act ? &new : NULL, &old);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const ksigset_t *set, ksigset_t *oset,
			size_t sigsetsize)
{
	ksigset_t old = current->sig_blocked, in, mask;
	int err;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&in, set, sizeof(in)))
			return -EFAULT;
		err = sig_mask_apply(old, how, in, &mask);
		if (err)
			return err;
		set_current_blocked(mask);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The blocked signals pending on the thread or its process. */
long sys_rt_sigpending(ksigset_t *set, size_t sigsetsize)
{
	struct task *t = current;
	unsigned long flags;
	ksigset_t pend;

	/* Linux accepts a shorter set here and copies that much. */
	if (sigsetsize > sizeof(ksigset_t))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, &flags);
	pend = (t->sig_pending.signal | t->proc->shared_pending.signal) &
	       t->sig_blocked;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (copy_to_user(set, &pend, sigsetsize))
		return -EFAULT;
	return 0;
}

/*
 * Waits with mask blocked until a signal is delivered. The handler's
 * frame keeps the original mask; when no handler runs (a stop and
 * continue) the call starts again.
 */
long sys_rt_sigsuspend(const ksigset_t *mask, size_t sigsetsize)
{
	ksigset_t m;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&m, mask, sizeof(m)))
		return -EFAULT;
	set_temporary_sigmask(m);
	signal_sleep(0);
	return -ERESTARTNOHAND;
}

/*
 * Returns from a handler: the arch restores the registers and hands back
 * the saved mask and uc_stack. The return value is the restored return
 * register, so that the syscall path stores it back unchanged.
 */
long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct kstack ss;
	ksigset_t mask;

	if (arch_rt_sigreturn(regs, &mask, &ss)) {
		force_sig(SIGSEGV);
		return arch_syscall_return(regs);
	}
	set_current_blocked(mask);
	/* As Linux: a bad uc_stack is ignored. */
	altstack_set(&ss, arch_user_sp(regs));
	return arch_syscall_return(regs);
}

long sys_sigaltstack(const struct kstack *uss, struct kstack *uoss)
{
	uintptr_t sp = arch_user_sp(task_pt_regs(current));
	struct kstack ss, old;
	int err;

	memset(&old, 0, sizeof(old));
	altstack_get(current, sp, &old);
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		err = altstack_set(&ss, sp);
		if (err)
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
