/*
 * Sending signals (<core/signal.h>): to a process (kill: any thread that
 * does not block the signal takes it) or to one thread (tgkill, faults).
 *
 * What happens at send time, as Linux: an ignored signal is thrown away
 * at once; a stop signal discards a pending SIGCONT and SIGCONT discards
 * pending stop signals and continues a stopped process; SIGKILL wakes
 * every thread. Then the signal is added to the pending set and a thread
 * that can take it is marked (task->sigpending) and woken from an
 * interruptible sleep, so that it delivers the signal on its way back
 * to user mode (do_signal(), deliver.c). Every queued signal also wakes
 * signalfd_wait, where signalfd readers and pollers sleep.
 *
 * Everything runs under tasklist_lock with interrupts off, so timers may
 * send from interrupt context. Reporting a continue to the parent takes
 * the lock itself: it happens after the lock is dropped, preemption
 * still off so that the process cannot be reaped meanwhile.
 */
#define pr_fmt(fmt) "signal: " fmt

#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/wait.h>

struct wait_queue signalfd_wait = WAIT_QUEUE_INIT(signalfd_wait);

void signal_wake(struct task *t)
{
	WRITE_ONCE(t->sigpending, true);
	if (t->state == TASK_SLEEPING && t->sleep_interruptible)
		wake_task(t);
}

/* t blocks sig, counting the real mask of a sigtimedwait/sigsuspend. */
static bool task_blocks(const struct task *t, int sig)
{
	ksigset_t blocked = t->sig_blocked;

	if (t->sig_restore_mask)
		blocked |= t->sig_saved;
	return blocked & sigmask(sig);
}

/*
 * An ignored signal is thrown away, unless it is blocked: the handler
 * may change before it is unblocked, and sigwait may want it.
 */
static bool discarded(struct process *p, struct task *t, int sig,
		      bool force)
{
	uintptr_t handler = p->sighand->action[sig - 1].handler;
	struct task *x;

	if (t) {
		if (task_blocks(t, sig))
			return false;
	} else {
		for_each_thread(p, x)
			if (task_blocks(x, sig))
				return false;
	}
	/*
	 * init takes only the signals it blocks (to wait for them) or has
	 * handlers for, even SIGKILL, as Linux's SIGNAL_UNKILLABLE; its own
	 * faults still kill it. A blocked SIG_DFL signal it later unblocks
	 * is dropped at delivery (deliver.c).
	 */
	if (p->pid == 1 && handler == SIG_DFL && !force)
		return true;
	return sig_handler_ignores(handler, sig);
}

/*
 * The job-control side effects of sending sig to p. Returns true when p
 * was stopped and is now continued.
 */
static bool job_control(struct process *p, int sig)
{
	struct task *x;

	if (sigmask(sig) & SIG_STOP_MASK) {
		sigpending_discard(&p->shared_pending, sigmask(SIGCONT));
		for_each_thread(p, x)
			sigpending_discard(&x->sig_pending, sigmask(SIGCONT));
		return false;
	}
	if (sig != SIGCONT)
		return false;
	sigpending_discard(&p->shared_pending, SIG_STOP_MASK);
	for_each_thread(p, x)
		sigpending_discard(&x->sig_pending, SIG_STOP_MASK);
	if (!p->stopped)
		return false;
	p->stopped = false;
	for_each_thread(p, x) {
		recalc_sigpending(x);
		/* Threads parked in do_signal() re-check and run on. */
		if (x->state == TASK_SLEEPING && x->sleep_interruptible)
			wake_task(x);
	}
	return true;
}

/* The thread of p that takes a process-wide sig, or NULL (all block it). */
static struct task *pick_thread(struct process *p, int sig)
{
	struct task *x, *cur = current;

	if (cur->proc == p && !(cur->sig_blocked & sigmask(sig)))
		return cur;
	for_each_thread(p, x)
		if (!(x->sig_blocked & sigmask(sig)))
			return x;
	return NULL;
}

/* SIGKILL: thread t, or every thread of p, runs to its death. */
static void wake_fatal(struct process *p, struct task *t)
{
	struct task *x;

	if (t) {
		signal_wake(t);
		return;
	}
	for_each_thread(p, x)
		signal_wake(x);
}

static int send_locked(struct process *p, struct task *t, int sig,
		       const struct ksiginfo *info, uint64_t limit, bool force,
		       bool *continued)
{
	struct ksiginfo kinfo;
	int err;

	*continued = false;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;
	/* Zombies and dying processes take nothing (not an error)... */
	if (p->state == PROC_ZOMBIE)
		return 0;
	if (p->group_exiting) {
		/* ...but the group exit's SIGKILL must wake its threads. */
		if (sig == SIGKILL)
			wake_fatal(p, t);
		return 0;
	}
	*continued = job_control(p, sig);
	if (discarded(p, t, sig, force))
		return 0;
	if (!info) {
		memset(&kinfo, 0, sizeof(kinfo));
		kinfo.si_signo = sig;
		kinfo.si_code = SI_KERNEL;
		info = &kinfo;
	}
	err = sigpending_add(t ? &t->sig_pending : &p->shared_pending, sig,
			     info, limit);
	if (err)
		return err;
	/* signalfd readers and pollers of any process re-check. */
	wake_up(&signalfd_wait);
	if (sig == SIGKILL) {
		wake_fatal(p, t);
		return 0;
	}
	if (!t)
		t = pick_thread(p, sig);
	if (t && !(t->sig_blocked & sigmask(sig)))
		signal_wake(t);
	return 0;
}

int send_signal_locked(struct process *p, struct task *t, int sig,
		       const struct ksiginfo *info, bool *continued)
{
	return send_locked(p, t, sig, info, RLIM_INFINITY, false, continued);
}

int send_signal_queue_locked(struct process *p, struct task *t, int sig,
			     const struct ksiginfo *info, bool *continued)
{
	return send_locked(p, t, sig, info,
			   p->rlim[RLIMIT_SIGPENDING].rlim_cur, false, continued);
}

void send_signal_unlock(struct process *p, bool continued,
			unsigned long flags)
{
	preempt_disable();
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (continued)
		process_continued(p);
	preempt_enable();
}

int send_signal_process(struct process *p, int sig,
			const struct ksiginfo *info)
{
	unsigned long flags;
	bool continued;
	int err;

	spin_lock_irqsave(&tasklist_lock, &flags);
	err = send_signal_locked(p, NULL, sig, info, &continued);
	send_signal_unlock(p, continued, flags);
	return err;
}

int send_signal_task(struct task *t, int sig, const struct ksiginfo *info)
{
	struct process *p = t->proc;
	unsigned long flags;
	bool continued;
	int err;

	if (!p)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (t->state == TASK_DEAD)
		err = -ESRCH;
	else
		err = send_signal_locked(p, t, sig, info, &continued);
	send_signal_unlock(p, err == 0 && continued, flags);
	return err;
}

/*
 * A signal the current thread cannot escape (Linux's force_sig_info):
 * blocked or ignored, it is unblocked and its handler reset to SIG_DFL.
 */
static void force_sig_info(const struct ksiginfo *info)
{
	struct task *t = current;
	struct process *p = t->proc;
	int sig = info->si_signo;
	struct k_sigaction *ka;
	unsigned long flags;
	bool blocked, continued;

	if (!p)
		return;
	spin_lock_irqsave(&tasklist_lock, &flags);
	ka = &p->sighand->action[sig - 1];
	blocked = t->sig_blocked & sigmask(sig);
	if (blocked || ka->handler == SIG_IGN) {
		ka->handler = SIG_DFL;
		if (blocked)
			t->sig_blocked &= ~sigmask(sig);
	}
	send_locked(p, t, sig, info, RLIM_INFINITY, true, &continued);
	send_signal_unlock(p, continued, flags);
}

void force_sig_fault(int sig, int code, uintptr_t addr)
{
	struct ksiginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.fault.addr = addr;
	force_sig_info(&info);
}

void force_sig(int sig)
{
	struct ksiginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	force_sig_info(&info);
}
