/*
 * Telling a parent about its child (<core/process.h>): SIGCHLD with the
 * CLD_* siginfo and a wake-up of the parent's waiters, for exits
 * (exit.c), stops and continues (process_stopped / process_continued,
 * called by the signal code). The parent's SIGCHLD disposition decides
 * what is sent, as Linux's do_notify_parent(): an ignored SIGCHLD or
 * SA_NOCLDWAIT reaps an exiting child at once, SA_NOCLDSTOP suppresses
 * the signal (not the wake-up) for stops and continues. An exit also
 * wakes pidfd_wait, for pidfd pollers.
 */
#include "internal.h"

#include <core/string.h>

struct wait_queue pidfd_wait = WAIT_QUEUE_INIT(pidfd_wait);

static const struct k_sigaction *chld_action(const struct process *parent)
{
	if (!parent || !parent->sighand)
		return NULL;
	return &parent->sighand->action[SIGCHLD - 1];
}

bool parent_autoreaps(const struct process *parent)
{
	const struct k_sigaction *ka = chld_action(parent);

	return ka && (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT));
}

bool parent_wants_stops(const struct process *parent)
{
	const struct k_sigaction *ka = chld_action(parent);

	return ka && !(ka->flags & SA_NOCLDSTOP);
}

void notify_parent(struct process *p, struct process *parent, int sig,
		   int code, int status)
{
	struct ksiginfo info;
	unsigned long flags;
	uint64_t utime, stime;

	if (READ_ONCE(p->state) == PROC_ZOMBIE)
		wake_up(&pidfd_wait);
	if (!parent)
		return;
	if (sig > 0 && sig <= NSIG) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		process_times(p, &utime, &stime);
		spin_unlock_irqrestore(&tasklist_lock, flags);

		memset(&info, 0, sizeof(info));
		info.si_signo = sig;
		info.si_code = code;
		info.chld.pid = p->pid;
		info.chld.uid = p->uid;
		info.chld.status = status;
		info.chld.utime = utime / NS_PER_CLOCK_TICK;
		info.chld.stime = stime / NS_PER_CLOCK_TICK;
		send_signal_process(parent, sig, &info);
	}
	wake_up(&parent->child_wait);
}

void process_stopped(struct process *p, int sig)
{
	struct process *parent;
	unsigned long flags;
	bool tell;

	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, &flags);
	p->stopped = true;
	p->stop_sig = sig;
	p->stop_unreported = true;
	p->continue_unreported = false;
	parent = p->parent;
	tell = parent_wants_stops(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	notify_parent(p, parent, tell ? SIGCHLD : 0, CLD_STOPPED, sig);
	preempt_enable();
}

void process_continued(struct process *p)
{
	struct process *parent;
	unsigned long flags;
	bool tell;

	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, &flags);
	p->stopped = false;
	p->stop_unreported = false;
	p->continue_unreported = true;
	parent = p->parent;
	tell = parent_wants_stops(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	notify_parent(p, parent, tell ? SIGCHLD : 0, CLD_CONTINUED, SIGCONT);
	preempt_enable();
}
