/*
 * Sending signals from user space (SYSCALL_SIGNAL): kill (a process, the
 * caller's group, a group, or every process), tkill and tgkill (one
 * thread), rt_sigqueueinfo and rt_tgsigqueueinfo (with the caller's own
 * siginfo, bounded by RLIMIT_SIGPENDING).
 *
 * Permission: every process runs as root, so any process may signal any
 * other; only rt_sigqueueinfo's rule on forged si_code values applies.
 * As Linux, a missing target is ESRCH before a bad signal is EINVAL.
 */
#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/uaccess.h>

/* The siginfo of kill (code SI_USER) or tkill/tgkill (SI_TKILL). */
static void user_info(struct ksiginfo *info, int sig, int code)
{
	struct process *self = current_process();

	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->kill.pid = self ? self->pid : 0;
	info->kill.uid = self ? self->uid : 0;
}

/* The process with id pid, also when pid names one of its other threads. */
static struct process *lookup_process(int pid)
{
	struct process *p = find_process(pid);
	struct task *t;

	if (p)
		return p;
	t = find_task(pid);
	return t ? t->proc : NULL;
}

/* Which processes kill(pid) with pid <= 0 reaches. */
struct kill_target {
	int pgid;		/* > 0: this group; 0: every process */
	struct process *self;	/* excluded with pgid 0 */
};

static bool kill_matches(const struct kill_target *k, struct process *p)
{
	if (k->pgid)
		return p->pgid == k->pgid;
	return p->pid > 1 && p != k->self;
}

/*
 * Sends to every process k matches, one at a time (the lock is dropped
 * between processes to report continues), in pid order. Returns 0 when
 * one send succeeded, else the last error, or -ESRCH when none matched.
 */
static long kill_many(const struct kill_target *k, int sig,
		      const struct ksiginfo *info)
{
	struct process *p, *next;
	unsigned long flags;
	bool continued, sent = false;
	long ret = -ESRCH;
	int last = 0, err;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		next = NULL;
		for_each_process(p)
			if (p->pid > last && kill_matches(k, p) &&
			    (!next || p->pid < next->pid))
				next = p;
		if (!next) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			break;
		}
		last = next->pid;
		err = send_signal_locked(next, NULL, sig, info, &continued);
		send_signal_unlock(next, err == 0 && continued, flags);
		if (err)
			ret = err;
		else
			sent = true;
	}
	return sent ? 0 : ret;
}

/* Sends to one process (thread group) or one thread of it. */
long kill_one(struct process *p, struct task *t, int sig,
	      const struct ksiginfo *info, bool queue, unsigned long flags)
{
	bool continued = false;
	int err;

	if (queue)
		err = send_signal_queue_locked(p, t, sig, info, &continued);
	else
		err = send_signal_locked(p, t, sig, info, &continued);
	send_signal_unlock(p, err == 0 && continued, flags);
	return err;
}

static long kill_pid(int pid, int sig, const struct ksiginfo *info,
		     bool queue)
{
	unsigned long flags;
	struct process *p;

	spin_lock_irqsave(&tasklist_lock, &flags);
	p = lookup_process(pid);
	if (!p) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	return kill_one(p, NULL, sig, info, queue, flags);
}

long kill_pgrp(int pgid, int sig, const struct ksiginfo *info)
{
	struct kill_target k = { .pgid = pgid };

	return kill_many(&k, sig, info);
}

long sys_kill(int pid, int sig)
{
	struct kill_target k = { .self = current_process() };
	struct ksiginfo info;

	user_info(&info, sig, SI_USER);
	if (pid > 0)
		return kill_pid(pid, sig, &info, false);
	/* -INT_MIN does not exist. */
	if (pid == INT32_MIN)
		return -ESRCH;
	if (pid == 0)
		k.pgid = k.self->pgid;
	else if (pid < -1)
		k.pgid = -pid;
	return kill_many(&k, sig, &info);
}

/* Sends to thread tid, of process tgid when tgid > 0. */
static long kill_thread(int tgid, int tid, int sig,
			const struct ksiginfo *info, bool queue)
{
	unsigned long flags;
	struct task *t;

	spin_lock_irqsave(&tasklist_lock, &flags);
	t = find_task(tid);
	if (!t || !t->proc || t->state == TASK_DEAD ||
	    (tgid > 0 && t->proc->pid != tgid)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	return kill_one(t->proc, t, sig, info, queue, flags);
}

long sys_tkill(int tid, int sig)
{
	struct ksiginfo info;

	if (tid <= 0)
		return -EINVAL;
	user_info(&info, sig, SI_TKILL);
	return kill_thread(0, tid, sig, &info, false);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	struct ksiginfo info;

	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	user_info(&info, sig, SI_TKILL);
	return kill_thread(tgid, tid, sig, &info, false);
}

/*
 * Copies the caller's siginfo. rt_sigqueueinfo(2): to anyone but itself
 * a caller may not pose as kill or tkill or the kernel (si_code >= 0 or
 * SI_TKILL): EPERM.
 */
static long queue_info(struct ksiginfo *info, const struct ksiginfo *uinfo,
		       int sig, bool to_self)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && !to_self)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

long sys_rt_sigqueueinfo(int tgid, int sig, const struct ksiginfo *uinfo)
{
	struct process *self = current_process();
	struct ksiginfo info;
	long err;

	err = queue_info(&info, uinfo, sig, self && tgid == self->pid);
	if (err)
		return err;
	return kill_pid(tgid, sig, &info, true);
}

long sys_rt_tgsigqueueinfo(int tgid, int tid, int sig,
			   const struct ksiginfo *uinfo)
{
	struct ksiginfo info;
	long err;

	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	err = queue_info(&info, uinfo, sig, tid == current->tid);
	if (err)
		return err;
	return kill_thread(tgid, tid, sig, &info, true);
}
