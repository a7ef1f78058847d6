/*
 * wait4 and waitid (<core/process.h>): a parent collects the state
 * changes of its children: exits (reaping the zombie unless WNOWAIT),
 * stops (WUNTRACED / WSTOPPED) and continues (WCONTINUED). Both calls
 * share one selector (which children, which events) and one loop that
 * sleeps interruptibly on the caller's child_wait until a child reports,
 * returning -ERESTARTSYS when a signal comes first.
 *
 * The status words and siginfo fields follow Linux kernel/exit.c: wait4
 * stores the 16-bit status word, waitid stores si_signo, si_errno,
 * si_code, si_pid, si_uid and si_status, all zero when WNOHANG found
 * nothing (and even on error, as Linux). P_PIDFD names the child by a
 * pidfd (pidfd.c).
 */
#include "internal.h"

#include <core/errno.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

struct wait_opts {
	int type;		/* P_ALL, P_PID, P_PGID */
	int id;
	unsigned int options;	/* W* of <core/process.h> */
};

struct wait_result {
	int pid;
	uint32_t uid;
	int status;		/* the wait4 status word */
	uint64_t utime, stime;	/* the child's and its children's, ns */
	struct process *reaped;	/* unlinked zombie to free, or NULL */
};

static bool child_selected(const struct process *c, const struct wait_opts *wo)
{
	if (wo->type == P_PID && c->pid != wo->id)
		return false;
	if (wo->type == P_PGID && c->pgid != wo->id)
		return false;
	/* A "clone" child reports to its parent with no or another signal. */
	if (!(wo->options & __WALL) &&
	    (c->exit_signal != SIGCHLD) != !!(wo->options & __WCLONE))
		return false;
	return true;
}

static void report(struct process *c, int status, struct wait_result *r)
{
	uint64_t utime, stime;

	process_times(c, &utime, &stime);
	r->pid = c->pid;
	r->uid = c->uid;
	r->status = status;
	r->utime = utime + c->cutime_ns;
	r->stime = stime + c->cstime_ns;
}

/*
 * Looks for a child with something to report. Returns 1 (r filled), 0
 * when selected children exist but none has news, or -ECHILD. Under
 * tasklist_lock.
 */
static int scan_children(struct process *p, const struct wait_opts *wo,
			 struct wait_result *r)
{
	bool nowait = wo->options & WNOWAIT;
	struct process *c;
	bool any = false;

	list_for_each_entry(c, &p->children, sibling) {
		if (!child_selected(c, wo))
			continue;
		any = true;
		if (c->state == PROC_ZOMBIE) {
			if (!(wo->options & WEXITED))
				continue;
			report(c, c->exit_status, r);
			if (!nowait) {
				process_unlink_zombie(c);
				r->reaped = c;
			}
			return 1;
		}
		if ((wo->options & WSTOPPED) && c->stopped &&
		    c->stop_unreported) {
			report(c, W_STOPCODE(c->stop_sig), r);
			if (!nowait)
				c->stop_unreported = false;
			return 1;
		}
		if ((wo->options & WCONTINUED) && c->continue_unreported) {
			report(c, W_CONTINUED, r);
			if (!nowait)
				c->continue_unreported = false;
			return 1;
		}
	}
	return any ? 0 : -ECHILD;
}

/*
 * Waits as wo says. Returns 1 with r filled, 0 (WNOHANG, nothing yet),
 * -ECHILD or -ERESTARTSYS.
 */
static int do_wait(const struct wait_opts *wo, struct wait_result *r)
{
	struct process *p = current_process();
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	unsigned long flags;
	int ret;

	r->reaped = NULL;
	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		ret = scan_children(p, wo, r);
		if (ret != 0 || (wo->options & WNOHANG)) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			break;
		}
		/* Queued before the lock drops: no exit can be missed. */
		prepare_to_wait(&p->child_wait, &we, true);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&p->child_wait, &we);
	if (r->reaped)
		process_free(r->reaped);
	return ret;
}

static int write_rusage(struct rusage *ru, const struct wait_result *r)
{
	struct rusage k;

	if (!ru)
		return 0;
	rusage_fill(&k, r->utime, r->stime);
	return copy_to_user(ru, &k, sizeof(k));
}

long sys_wait4(int pid, int *wstatus, int options, struct rusage *ru)
{
	struct wait_opts wo = { .type = P_ALL };
	struct wait_result r;
	int ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	/* -INT_MIN is not a process group. */
	if (pid == INT32_MIN)
		return -ESRCH;
	if (pid < -1) {
		wo.type = P_PGID;
		wo.id = -pid;
	} else if (pid == 0) {
		wo.type = P_PGID;
		wo.id = current_process()->pgid;
	} else if (pid > 0) {
		wo.type = P_PID;
		wo.id = pid;
	}
	wo.options = (unsigned int)options | WEXITED;

	ret = do_wait(&wo, &r);
	if (ret <= 0)
		return ret;
	if (wstatus && copy_to_user(wstatus, &r.status, sizeof(r.status)))
		return -EFAULT;
	if (write_rusage(ru, &r))
		return -EFAULT;
	return r.pid;
}

/* The part of siginfo_t that waitid writes: signo, errno, code... */
struct waitid_head {
	int32_t si_signo, si_errno, si_code;
};
/* ...and, at offset 16, pid, uid and status. */
struct waitid_chld {
	int32_t pid;
	uint32_t uid;
	int32_t status;
};

/*
 * waitid(P_PIDFD): the pid of the process behind pidfd fd (0, which no
 * child has, once it was reaped) and whether the pidfd is non-blocking.
 * -EBADF when fd is not an open pidfd.
 */
static int pidfd_target(int fd, int *pid, bool *nonblock)
{
	struct file *file = fd_get(fd);
	struct process *p;
	unsigned long flags;
	int err;

	if (!file)
		return -EBADF;
	spin_lock_irqsave(&tasklist_lock, &flags);
	err = pidfd_lookup(file, &p);
	*pid = err ? 0 : p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	*nonblock = file->f_flags & O_NONBLOCK;
	fput(file);
	return err == -ESRCH ? 0 : err;
}

long sys_waitid(int which, int upid, struct ksiginfo *infop, int options,
		struct rusage *ru)
{
	struct wait_opts wo = { .type = which, .id = upid };
	struct wait_result r;
	struct waitid_head head = { 0 };
	struct waitid_chld chld = { 0 };
	bool nonblock = false;
	int ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		if (upid == 0)
			wo.id = current_process()->pgid;
		break;
	case P_PIDFD:
		if (upid < 0)
			return -EINVAL;
		if (!IS_ENABLED(CONFIG_SYSCALL_PIDFD))
			return -EBADF;
		ret = pidfd_target(upid, &wo.id, &nonblock);
		if (ret)
			return ret;
		wo.type = P_PID;
		break;
	default:
		return -EINVAL;
	}
	wo.options = options;
	if (nonblock)
		wo.options |= WNOHANG;

	ret = do_wait(&wo, &r);
	/* A non-blocking pidfd without WNOHANG: EAGAIN, not 0 (Linux). */
	if (ret == 0 && nonblock && !(options & WNOHANG))
		ret = -EAGAIN;
	if (ret > 0) {
		head.si_signo = SIGCHLD;
		wait_status_decode(r.status, &head.si_code, &chld.status);
		chld.pid = r.pid;
		chld.uid = r.uid;
		ret = 0;
		if (write_rusage(ru, &r))
			return -EFAULT;
	}
	if (!infop)
		return ret;
	if (copy_to_user(infop, &head, sizeof(head)) ||
	    copy_to_user(&infop->chld, &chld, sizeof(chld)))
		return -EFAULT;
	return ret;
}
