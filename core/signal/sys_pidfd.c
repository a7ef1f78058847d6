/*
 * pidfd_send_signal (SYSCALL_PIDFD): kill through a pidfd
 * (core/proc/pidfd.c), to the process it names (the default), its first
 * thread only, or the process group named by its pid, as Linux's
 * PIDFD_SIGNAL_* scopes. With a siginfo it is rt_sigqueueinfo's
 * (sys_kill.c): si_signo must equal sig, and only a first thread
 * signalling its own process or itself may pose as kill, tkill or the
 * kernel.
 *
 * The process is looked up and signalled under one hold of
 * tasklist_lock, so a pidfd never reaches a process that reused its pid.
 */
#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

#define PIDFD_SIGNAL_THREAD		(1U << 0)
#define PIDFD_SIGNAL_THREAD_GROUP	(1U << 1)
#define PIDFD_SIGNAL_PROCESS_GROUP	(1U << 2)
#define PIDFD_SIGNAL_SCOPES		(PIDFD_SIGNAL_THREAD | \
					 PIDFD_SIGNAL_THREAD_GROUP | \
					 PIDFD_SIGNAL_PROCESS_GROUP)

long sys_pidfd_send_signal(int pidfd, int sig, const struct ksiginfo *uinfo,
			   unsigned int flags);

/*
 * The siginfo to send: the caller's, checked, or kill's (tkill's for
 * one thread). to_self: the caller is the first thread of the target.
 */
static long make_info(struct ksiginfo *info, const struct ksiginfo *uinfo,
		      int sig, unsigned int scope, bool to_self)
{
	struct process *self = current_process();

	if (uinfo) {
		if (copy_from_user(info, uinfo, sizeof(*info)))
			return -EFAULT;
		if (info->si_signo != sig)
			return -EINVAL;
		if (!to_self &&
		    (info->si_code >= 0 || info->si_code == SI_TKILL))
			return -EPERM;
		return 0;
	}
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = scope == PIDFD_SIGNAL_THREAD ? SI_TKILL : SI_USER;
	info->kill.pid = self->pid;
	info->kill.uid = self->uid;
	return 0;
}

/*
 * Sends to the process behind file (t NULL) or to its first thread,
 * under one hold of the lock. -ESRCH once it was reaped (or its first
 * thread is gone), -EINVAL (bad sig), -EAGAIN (queue full).
 */
static long send_to(struct file *file, bool thread, int sig,
		    const struct ksiginfo *info, bool queue)
{
	struct process *p;
	struct task *t = NULL;
	unsigned long flags;
	long err;

	spin_lock_irqsave(&tasklist_lock, &flags);
	err = pidfd_lookup(file, &p);
	if (!err && thread) {
		t = find_task(p->pid);
		if (!t || t->proc != p || t->state == TASK_DEAD)
			err = -ESRCH;
	}
	if (err) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return err;
	}
	return kill_one(p, t, sig, info, queue, flags);
}

/*
 * Returns 0, -EINVAL (flags, more than one scope, sig, si_signo), -EBADF
 * (not an open pidfd), -EFAULT, -EPERM (forged si_code), -ESRCH (the
 * process was reaped, or no process is in the group), -EAGAIN.
 */
long sys_pidfd_send_signal(int pidfd, int sig, const struct ksiginfo *uinfo,
			   unsigned int flags)
{
	struct process *p;
	struct ksiginfo info;
	struct file *file;
	unsigned long irq;
	bool to_self;
	int pid;
	long err;

	if (flags & ~PIDFD_SIGNAL_SCOPES)
		return -EINVAL;
	if (flags & (flags - 1))
		return -EINVAL;
	file = fd_get(pidfd);
	if (!file)
		return -EBADF;
	spin_lock_irqsave(&tasklist_lock, &irq);
	err = pidfd_lookup(file, &p);
	pid = err ? 0 : p->pid;
	/* Linux compares the caller's thread id with the pidfd's pid. */
	to_self = !err && current->tid == p->pid;
	spin_unlock_irqrestore(&tasklist_lock, irq);
	if (err == -EBADF)
		goto out;
	err = make_info(&info, uinfo, sig, flags,
			to_self && flags != PIDFD_SIGNAL_PROCESS_GROUP);
	if (err)
		goto out;
	if (flags == PIDFD_SIGNAL_PROCESS_GROUP) {
		err = pid ? kill_pgrp(pid, sig, &info) : -ESRCH;
		goto out;
	}
	err = send_to(file, flags == PIDFD_SIGNAL_THREAD, sig, &info,
		      uinfo != NULL);
out:
	fput(file);
	return err;
}
