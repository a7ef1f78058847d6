/*
 * Ids as seen from user space (<core/process.h>): getpid, getppid,
 * gettid, process groups (getpgid, setpgid) and sessions (getsid,
 * setsid), and the per-thread words the C library registers at start:
 * set_tid_address and the robust futex list.
 *
 * setpgid follows POSIX and Linux kernel/sys.c: the target is the caller
 * or one of its children that has not yet called execve (else EACCES)
 * and is in the caller's session (else EPERM); a session leader cannot
 * move; the group joined must exist in the caller's session, or be the
 * target's own id.
 */
#include "internal.h"

#include <core/errno.h>
#include <core/uaccess.h>

/* struct robust_list_head: list, futex_offset, list_op_pending. */
#define ROBUST_LIST_HEAD_SIZE	(3 * sizeof(uint64_t))

long sys_getpid(void)
{
	return current_process()->pid;
}

long sys_gettid(void)
{
	return current->tid;
}

long sys_getppid(void)
{
	struct process *parent;
	unsigned long flags;
	int ppid;

	spin_lock_irqsave(&tasklist_lock, &flags);
	parent = current_process()->parent;
	ppid = parent ? parent->pid : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}

/* The pgid (or sid) of process pid (0: the caller), or -ESRCH. */
static long get_id(int pid, bool session)
{
	struct process *p;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, &flags);
	p = pid ? find_process(pid) : current_process();
	if (p)
		ret = session ? p->sid : p->pgid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_getpgid(int pid)
{
	return get_id(pid, false);
}

long sys_getsid(int pid)
{
	return get_id(pid, true);
}

/* Whether a process of session sid is in group pgid. Under the lock. */
static bool group_in_session(int pgid, int sid)
{
	struct process *q;

	for_each_process(q) {
		if (q->pgid == pgid && q->sid == sid)
			return true;
	}
	return false;
}

long sys_setpgid(int pid, int pgid)
{
	struct process *me = current_process(), *p;
	unsigned long flags;
	long ret;

	if (pid == 0)
		pid = me->pid;
	if (pgid == 0)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;

	spin_lock_irqsave(&tasklist_lock, &flags);
	ret = -ESRCH;
	p = find_process(pid);
	if (!p)
		goto out;
	if (p->parent == me) {
		ret = -EPERM;
		if (p->sid != me->sid)
			goto out;
		ret = -EACCES;
		if (p->did_exec)
			goto out;
	} else if (p != me) {
		goto out;
	}
	ret = -EPERM;
	if (p->sid == p->pid)
		goto out;
	if (pgid != pid && !group_in_session(pgid, me->sid))
		goto out;
	p->pgid = pgid;
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_setsid(void)
{
	struct process *me = current_process(), *q;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, &flags);
	/* A group named after the caller already exists: EPERM. */
	for_each_process(q) {
		if (q->pgid == me->pid) {
			ret = -EPERM;
			goto out;
		}
	}
	me->sid = me->pgid = me->pid;
	me->tty = NULL;		/* a new session has no terminal */
	ret = me->sid;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->tid;
}

long sys_set_robust_list(void *head, size_t len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = (uintptr_t)head;
	current->robust_len = len;
	return 0;
}

long sys_get_robust_list(int pid, void **head_ptr, size_t *len_ptr)
{
	struct task *t;
	unsigned long flags;
	uintptr_t head;
	size_t len;

	spin_lock_irqsave(&tasklist_lock, &flags);
	t = pid ? find_task(pid) : current;
	if (t) {
		head = t->robust_list;
		len = ROBUST_LIST_HEAD_SIZE;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!t)
		return -ESRCH;
	if (copy_to_user(len_ptr, &len, sizeof(len)) ||
	    copy_to_user(head_ptr, &head, sizeof(head)))
		return -EFAULT;
	return 0;
}
