/*
 * rt_sigtimedwait (SYSCALL_SIGNAL; sigwait, sigwaitinfo and
 * sigtimedwait in libc): takes a pending signal of a set without running
 * its handler, waiting for one up to a timeout.
 *
 * While waiting, the set is unblocked through a temporary mask, so a
 * signal of the set sent to the process picks this thread and wakes it;
 * the real mask is back before the call returns.
 */
#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/sync.h>
#include <core/time.h>
#include <core/uaccess.h>

/* struct timespec of the 64-bit ABIs. */
struct ksig_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

static int take(ksigset_t these, struct ksiginfo *info)
{
	unsigned long flags;
	int sig;

	spin_lock_irqsave(&tasklist_lock, &flags);
	sig = dequeue_signal(current, ~these, info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return sig;
}

/*
 * Returns the signal taken, -EAGAIN when the timeout passed, -EINTR when
 * another signal arrived, -EINVAL (sigsetsize, a bad timeout), -EFAULT.
 */
long sys_rt_sigtimedwait(const ksigset_t *uthese, struct ksiginfo *uinfo,
			 const struct ksig_timespec *uts, size_t sigsetsize)
{
	struct ksig_timespec ts;
	struct ksiginfo info;
	uint64_t deadline = 0, ns;
	ksigset_t these;
	bool timed_out;
	int sig;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~SIG_KERNEL_ONLY_MASK;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
		    ts.tv_nsec >= (int64_t)NSEC_PER_SEC)
			return -EINVAL;
		/* 68 years is forever enough, and cannot overflow in ns. */
		if (ts.tv_sec > INT32_MAX)
			ts.tv_sec = INT32_MAX;
		ns = (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
		deadline = clock_ns() + ns;
	}

	sig = take(these, &info);
	if (!sig) {
		if (uts && deadline <= clock_ns())
			return -EAGAIN;
		set_temporary_sigmask(current->sig_blocked & ~these);
		timed_out = signal_sleep(deadline);
		restore_temporary_sigmask();
		sig = take(these, &info);
		if (!sig)
			return timed_out ? -EAGAIN : -EINTR;
	}
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}
