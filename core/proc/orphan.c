/*
 * Orphaned process groups (<core/process.h>; POSIX XBD 3.254, XSH
 * _exit()): a group is orphaned when no member has a parent in another
 * group of the same session, so no shell is left to continue its
 * stopped jobs. When an exit orphans a group that has a stopped member,
 * every member gets SIGHUP, then SIGCONT, as Linux's
 * kill_orphaned_pgrp() does: for the exiting process's own group (it
 * may have been the last link outside) and for its children's groups
 * (they go to init, which links nothing).
 *
 * pgrp_is_orphaned() serves the tty layer: a background read or write
 * from an orphaned group gets EIO instead of SIGTTIN/SIGTTOU.
 *
 * As Linux's will_become_orphaned_pgrp(), members that are zombies and
 * members whose parent is init do not count.
 */
#include "internal.h"

/*
 * Whether group pgid is orphaned once leaving (or NULL) has exited:
 * leaving does not count, nor do its children, which go to init.
 * Under tasklist_lock.
 */
static bool orphaned_locked(int pgid, const struct process *leaving)
{
	struct process *q, *parent;

	for_each_process(q) {
		if (q->pgid != pgid || q == leaving || q->state == PROC_ZOMBIE)
			continue;
		parent = q->parent;
		if (!parent || parent == init_process || parent == leaving)
			continue;
		if (parent->pgid != pgid && parent->sid == q->sid)
			return false;
	}
	return true;
}

/* A member of group pgid is stopped (and not on its way out). Locked. */
static bool has_stopped(int pgid)
{
	struct process *q;

	for_each_process(q) {
		if (q->pgid == pgid && q->stopped && !q->group_exiting &&
		    q->state != PROC_ZOMBIE)
			return true;
	}
	return false;
}

/*
 * Group pgid, which contains a process of session sid whose parent is
 * parent, loses its link outside when leaving exits. Locked.
 */
static bool kill_due(int pgid, int sid, const struct process *parent,
		     const struct process *leaving)
{
	return parent && parent->pgid != pgid && parent->sid == sid &&
	       orphaned_locked(pgid, leaving) && has_stopped(pgid);
}

/* A group that p's exit orphans with a stopped member, or 0. Locked. */
static int next_group(struct process *p)
{
	struct process *c;

	if (kill_due(p->pgid, p->sid, p->parent, p))
		return p->pgid;
	list_for_each_entry(c, &p->children, sibling) {
		if (kill_due(c->pgid, c->sid, p, p))
			return c->pgid;
	}
	return 0;
}

/* Sends sig (SI_KERNEL) to every member of group pgid but skip. */
static void signal_group(int pgid, int sig, const struct process *skip)
{
	struct process *q, *next;
	unsigned long flags;
	int last = 0;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		next = NULL;
		for_each_process(q) {
			if (q->pgid == pgid && q != skip && q->pid > last &&
			    (!next || q->pid < next->pid))
				next = q;
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!next)
			break;
		last = next->pid;
		/* Preemption is off: next cannot be reaped meanwhile. */
		send_signal_process(next, sig, NULL);
	}
}

/*
 * SIGCONT clears every non-exiting member's stop, so a group is found
 * by next_group() once only and the loop ends.
 */
void orphan_pgrps_on_exit(struct process *p)
{
	unsigned long flags;
	int pgid;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		pgid = next_group(p);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!pgid)
			break;
		signal_group(pgid, SIGHUP, p);
		signal_group(pgid, SIGCONT, p);
	}
}

bool pgrp_is_orphaned(int pgid)
{
	unsigned long flags;
	bool orphaned;

	spin_lock_irqsave(&tasklist_lock, &flags);
	orphaned = orphaned_locked(pgid, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}
