/*
 * Private to core/signal/: how the files of the signal code share their
 * helpers. Two layers:
 *
 *   policy.c   pure decisions (default actions, mask arithmetic, the
 *              order of delivery, the syscall restart table); no state,
 *              tested on the host;
 *   the rest   the state of <core/signal.h>, changed under tasklist_lock
 *              (<core/process.h>) unless a comment says otherwise.
 */
#ifndef CORE_SIGNAL_INTERNAL_H
#define CORE_SIGNAL_INTERNAL_H

#include <core/signal.h>
#include <core/types.h>

struct process;
struct task;

/* --- policy.c: pure ------------------------------------------------------ */

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_STOP_MASK		(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
/* Faults of the thread itself: delivered before anything else. */
#define SIG_SYNC_MASK		(sigmask(SIGSEGV) | sigmask(SIGBUS) | \
				 sigmask(SIGILL) | sigmask(SIGTRAP) | \
				 sigmask(SIGFPE) | sigmask(SIGSYS))

/* What SIG_DFL does (signal(7)). */
enum sig_dfl {
	SIG_DFL_TERM,		/* the process dies */
	SIG_DFL_CORE,		/* dies "with a core dump" (none is written) */
	SIG_DFL_IGNORE,
	SIG_DFL_STOP,
	SIG_DFL_CONT,		/* continue (at send time); then ignored */
};

/* What to do with a syscall a signal interrupted. */
enum sig_restart {
	SIG_RESTART_NONE,	/* not an -ERESTART* return: leave it */
	SIG_RESTART_EINTR,	/* report -EINTR */
	SIG_RESTART_REWIND,	/* issue the same syscall again */
};

static inline bool sig_valid(int sig)
{
	return sig >= 1 && sig <= NSIG;
}

enum sig_dfl sig_default_action(int sig);
/* A signal with this handler is thrown away (SIG_IGN, ignoring SIG_DFL). */
bool sig_handler_ignores(uintptr_t handler, int sig);
/*
 * The signal to deliver next out of pending minus blocked: the lowest
 * synchronous fault first, then the lowest number; 0 when none.
 */
int sig_next(ksigset_t pending, ksigset_t blocked);
/*
 * rt_sigprocmask arithmetic: the blocked set after how/set applied to
 * old, KILL and STOP never in it. Returns 0 or -EINVAL (bad how).
 */
int sig_mask_apply(ksigset_t old, int how, ksigset_t set, ksigset_t *out);
/*
 * ret: what the syscall returned; handler: a handler runs now (with
 * sa_flags). The decision of <core/errno.h>'s ERESTART* table.
 */
enum sig_restart sig_restart_action(long ret, bool handler,
				    unsigned long sa_flags);

/* --- pending.c ----------------------------------------------------------- */

/*
 * Adds sig with info to set. A standard signal already pending is
 * dropped (0); a queue entry is allocated unless limit entries are
 * already queued (standard signals from the kernel or kill ignore the
 * limit). Without an entry only the bit is set, except for a real-time
 * signal that is not from kill: -EAGAIN.
 */
int sigpending_add(struct sigpending *set, int sig,
		   const struct ksiginfo *info, uint64_t limit);
/* Drops every signal of mask from set, with its queued entries. */
void sigpending_discard(struct sigpending *set, ksigset_t mask);
/*
 * Takes the next signal of t not in excluded (the thread's set first,
 * then the process's), with its siginfo, and recomputes t->sigpending.
 * Returns the signal or 0.
 */
int dequeue_signal(struct task *t, ksigset_t excluded, struct ksiginfo *info);
/* SIGKILL is pending on t or its process. */
bool sigkill_pending(struct task *t);

/* --- send.c -------------------------------------------------------------- */

/*
 * Sends sig to p (t NULL) or to thread t of p, under tasklist_lock;
 * queue entries are not bounded (kill, the kernel). Returns 0, -EINVAL
 * (bad sig), -EAGAIN (queue full, sigqueue only). *continued is set when the signal continued a stopped p: the caller
 * calls process_continued(p) once the lock is dropped.
 */
int send_signal_locked(struct process *p, struct task *t, int sig,
		       const struct ksiginfo *info, bool *continued);
/* The same, with p's RLIMIT_SIGPENDING enforced (sigqueue: EAGAIN). */
int send_signal_queue_locked(struct process *p, struct task *t, int sig,
			     const struct ksiginfo *info, bool *continued);
/*
 * Drops tasklist_lock (taken with flags) and reports a continue when
 * the send did one; p stays valid throughout (preemption off).
 */
void send_signal_unlock(struct process *p, bool continued,
			unsigned long flags);
/*
 * Woken whenever a signal is queued (under tasklist_lock): signalfd
 * readers and pollers sleep here and re-check their own pending sets.
 */
extern struct wait_queue signalfd_wait;
/* Marks t as having a signal and wakes it from an interruptible sleep. */
void signal_wake(struct task *t);
/* A SIGKILL-like signal to the current thread (frames, sigreturn). */
void force_sig(int sig);

/* --- sys_kill.c (SYSCALL_SIGNAL) ----------------------------------------- */

/*
 * Sends sig with info to every process of group pgid (pgid > 0).
 * Returns 0 when one send succeeded, else the last error, or -ESRCH.
 */
long kill_pgrp(int pgid, int sig, const struct ksiginfo *info);
/*
 * sys_kill.c: sends sig to p (t NULL) or its thread t, with tasklist_lock
 * held since the caller found them (flags from spin_lock_irqsave); drops
 * the lock. queue: rt_sigqueueinfo rules for info.
 */
long kill_one(struct process *p, struct task *t, int sig,
	      const struct ksiginfo *info, bool queue, unsigned long flags);

/* --- mask.c -------------------------------------------------------------- */

/*
 * Sets t's blocked set (KILL, STOP dropped) and hands shared signals it
 * now blocks to threads that can take them. Under tasklist_lock.
 */
void set_blocked_locked(struct task *t, ksigset_t mask);
/* The same for the current thread, taking the lock. */
void set_current_blocked(ksigset_t mask);

/* --- sighand.c ----------------------------------------------------------- */

/*
 * rt_sigaction for the current process: *old gets the action of sig,
 * act (if not NULL) replaces it; a new ignoring action discards the
 * pending instances of sig. sig is valid and not KILL/STOP when act.
 */
void sigaction_set(int sig, const struct k_sigaction *act,
		   struct k_sigaction *old);

/* --- altstack.c ---------------------------------------------------------- */

/* sp lies on t's alternate stack. */
bool altstack_on(const struct task *t, uintptr_t sp);
/*
 * The stack_t that sigaltstack and a frame's uc_stack report for t with
 * the user stack pointer at sp.
 */
void altstack_get(const struct task *t, uintptr_t sp, struct kstack *out);
/*
 * sigaltstack: installs ss for the current thread, whose user sp is sp.
 * Returns 0, -EPERM (running on the current one), -EINVAL (bad flags),
 * -ENOMEM (smaller than ARCH_MINSIGSTKSZ).
 */
int altstack_set(const struct kstack *ss, uintptr_t sp);
/* The stack pointer a handler frame goes below (SA_ONSTACK honoured). */
uintptr_t altstack_frame_sp(struct task *t, unsigned long sa_flags,
			    uintptr_t sp);

/* --- sleep.c ------------------------------------------------------------- */

/*
 * Sleeps interruptibly until the current thread has a signal pending
 * (returns false) or clock_ns() reaches deadline_ns (0: never; returns
 * true).
 */
bool signal_sleep(uint64_t deadline_ns);
/* Parks the current thread while its process is stopped. */
void signal_stop_wait(void);

#endif /* CORE_SIGNAL_INTERNAL_H */
