/*
 * Controlling terminals and job control (tty.h), as Linux's tty_jobctrl.c
 * behaves; the rules are POSIX XBD 11.1.3-11.1.4 and tty_ioctl(4).
 *
 * A session has at most one controlling terminal and a terminal at most
 * one session: struct process.tty points at it from every process of
 * the session that inherited it, and tty->session / tty->pgrp name the
 * session and its foreground process group. All three change only under
 * tasklist_lock. A session leader gets a terminal by opening one it does
 * not have yet (not with O_NOCTTY, never through /dev/console) or with
 * TIOCSCTTY; it loses it with TIOCNOTTY, by exiting, or by a hangup.
 *
 * A process of the session outside the foreground group is in the
 * background: reading its terminal stops its group with SIGTTIN,
 * changing the terminal's settings (and writing, with TOSTOP) with
 * SIGTTOU, unless it ignores or blocks the signal or its group is
 * orphaned (then EIO, or for SIGTTOU the change is allowed).
 */
#define pr_fmt(fmt) "tty: " fmt

#include "tty.h"

#include <arch/irq.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/uaccess.h>

/* Processes signalled in one go (a larger group is signalled in turns). */
#define KILL_BATCH	32

/*
 * Sends sig to every live process with pgrp id pgid (pgid > 0), or with
 * pid -pgid (pgid < 0). Interrupts stay off from the scan to the last
 * send, so no target can be reaped in between.
 */
static void kill_ids(int pgid, int sig)
{
	struct process *p, *targets[KILL_BATCH];
	unsigned int n, skip = 0, seen;
	unsigned long flags, irq;

	if (!pgid)
		return;
	irq = arch_irq_save();
	do {
		n = seen = 0;
		spin_lock_irqsave(&tasklist_lock, &flags);
		for_each_process(p) {
			if (p->state != PROC_RUNNING || !p->nr_threads)
				continue;
			if (pgid > 0 ? p->pgid != pgid : p->pid != -pgid)
				continue;
			if (seen++ >= skip && n < KILL_BATCH)
				targets[n++] = p;
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		for (unsigned int i = 0; i < n; i++)
			send_signal_process(targets[i], sig, NULL);
		skip += n;
	} while (n == KILL_BATCH && seen > skip);
	arch_irq_restore(irq);
}

void tty_kill_pgrp(int pgid, int sig)
{
	if (pgid > 0)
		kill_ids(pgid, sig);
}

void tty_signal_pgrp(struct tty *tty, int sig)
{
	tty_kill_pgrp(tty->pgrp, sig);
}

/* Linux's capable(CAP_SYS_ADMIN): the effective user is root. */
static bool capable_admin(const struct process *p)
{
	return p->euid == 0;
}

static bool is_leader(const struct process *p)
{
	return p->sid == p->pid;
}

/* Every process forgets tty; it has no session. Under tasklist_lock. */
static void clear_ctty_locked(struct tty *tty)
{
	struct process *q;

	for_each_process(q) {
		if (q->tty == tty)
			q->tty = NULL;
	}
	tty->session = 0;
	tty->pgrp = 0;
}

/* p's session takes tty, p's group in the foreground. Under the lock. */
static void set_ctty_locked(struct process *p, struct tty *tty)
{
	tty->session = p->sid;
	tty->pgrp = p->pgid;
	p->tty = tty;
}

void tty_release_ctty(struct tty *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, &flags);
	clear_ctty_locked(tty);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

struct tty *tty_current_ctty(void)
{
	struct process *p = current_process();
	struct tty *tty;
	unsigned long flags;

	if (!p)
		return NULL;
	spin_lock_irqsave(&tasklist_lock, &flags);
	tty = p->tty;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return tty;
}

void tty_open_ctty(struct tty *tty, struct file *f)
{
	struct process *p = current_process();
	unsigned long flags;

	if (!p || (f->f_flags & O_NOCTTY) || !(f->f_mode & FMODE_READ) ||
	    tty_is_console_file(f))
		return;
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (is_leader(p) && !p->tty && !tty->session)
		set_ctty_locked(p, tty);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* sig is ignored or blocked by the calling thread. */
static bool sig_ignored(int sig)
{
	struct process *p = current_process();

	return (current->sig_blocked & sigmask(sig)) ||
	       p->sighand->action[sig - 1].handler == SIG_IGN;
}

int tty_check_change(struct tty *tty, int sig)
{
	struct process *p = current_process();
	unsigned long flags;
	int pgid, fg;

	if (!p)
		return 0;
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (p->tty != tty) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	}
	pgid = p->pgid;
	fg = tty->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!fg || fg == pgid)
		return 0;
	if (sig_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (pgrp_is_orphaned(pgid))
		return -EIO;
	tty_kill_pgrp(pgid, sig);
	return -ERESTARTSYS;
}

/*
 * The session leader's session gives up tty: SIGHUP (and SIGCONT when
 * cont) to its foreground group, no process keeps it. on_exit: the
 * leader is exiting and not yet a zombie.
 */
static void disassociate(struct tty *tty, int sid, bool cont)
{
	unsigned long flags;
	int fg = 0;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (tty->session == sid) {
		fg = tty->pgrp;
		clear_ctty_locked(tty);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	tty_kill_pgrp(fg, SIGHUP);
	if (cont)
		tty_kill_pgrp(fg, SIGCONT);
}

uint32_t tty_devnum(const struct tty *tty)
{
	return tty->dev;
}

int tty_foreground_pgrp(const struct tty *tty)
{
	return tty->pgrp;
}

void tty_exit_session(struct process *p)
{
	struct tty *tty;
	unsigned long flags;
	bool leader;

	spin_lock_irqsave(&tasklist_lock, &flags);
	tty = p->tty;
	p->tty = NULL;
	leader = is_leader(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tty && leader)
		disassociate(tty, p->sid, true);
}

void tty_hangup_session(struct tty *tty)
{
	unsigned long flags;
	int sid, fg;

	spin_lock_irqsave(&tasklist_lock, &flags);
	sid = tty->session;
	fg = tty->pgrp;
	clear_ctty_locked(tty);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	/* The session leader, as Linux, and the foreground group. */
	kill_ids(-sid, SIGHUP);
	kill_ids(-sid, SIGCONT);
	tty_kill_pgrp(fg, SIGHUP);
	tty_kill_pgrp(fg, SIGCONT);
}

static long tiocsctty(struct tty *tty, struct file *f, unsigned long arg)
{
	struct process *p = current_process(), *q;
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (is_leader(p) && tty->session == p->sid)
		goto out;		/* already ours */
	ret = -EPERM;
	if (!is_leader(p) || p->tty)
		goto out;
	if (tty->session) {
		/* Another session's terminal: only root steals it (arg 1). */
		if (arg != 1 || !capable_admin(p))
			goto out;
		for_each_process(q) {
			if (q->sid == tty->session && q->tty == tty)
				q->tty = NULL;
		}
	}
	if (!(f->f_mode & FMODE_READ) && !capable_admin(p))
		goto out;
	set_ctty_locked(p, tty);
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static long tiocnotty(struct tty *tty)
{
	struct process *p = current_process();
	unsigned long flags;
	bool leader;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (p->tty != tty) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ENOTTY;
	}
	leader = is_leader(p);
	if (!leader)
		p->tty = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (leader)
		disassociate(tty, p->sid, true);
	return 0;
}

/* The session of process group (or, failing that, process) id; 0: none. */
static int session_of(int id)
{
	struct process *q, *byid = NULL;

	for_each_process(q) {
		if (q->state != PROC_RUNNING)
			continue;
		if (q->pgid == id)
			return q->sid;
		if (q->pid == id)
			byid = q;
	}
	return byid ? byid->sid : 0;
}

static long tiocspgrp(struct tty *tty, int *uarg)
{
	struct process *p = current_process();
	unsigned long flags;
	int v, sid;
	long ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (copy_from_user(&v, uarg, sizeof(v)))
		return -EFAULT;
	if (v < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, &flags);
	ret = -ENOTTY;
	if (p->tty != tty || tty->session != p->sid)
		goto out;
	sid = session_of(v);
	ret = -ESRCH;
	if (!sid)
		goto out;
	ret = -EPERM;
	if (sid != p->sid)
		goto out;
	tty->pgrp = v;
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* TIOCGPGRP / TIOCGSID: the caller's own controlling terminal only. */
static long get_id(struct tty *tty, int *uarg, bool session)
{
	struct process *p = current_process();
	unsigned long flags;
	int v;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (p->tty != tty || (session && !tty->session)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ENOTTY;
	}
	v = session ? tty->session : tty->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return copy_to_user(uarg, &v, sizeof(v));
}

long tty_jobctl_ioctl(struct tty *tty, struct file *f, unsigned int cmd,
		      unsigned long arg)
{
	if (!current_process())
		return -ENOTTY;
	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty, f, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		return get_id(tty, (int *)arg, false);
	case TIOCGSID:
		return get_id(tty, (int *)arg, true);
	case TIOCSPGRP:
		return tiocspgrp(tty, (int *)arg);
	}
	return -ENOTTY;
}
