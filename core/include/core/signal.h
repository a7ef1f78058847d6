/*
 * Signals: the Linux ABI values and structures (identical on x86_64 and
 * arm64 except the frame, which is arch code), and the kernel API that
 * sends, blocks and delivers them (core/signal/).
 *
 * Pending signals live per thread (task->sig_pending: tgkill, faults) and
 * per process (proc->shared_pending: kill). Standard signals (1-31) are
 * pending at most once; real-time ones (32-64) queue with their siginfo.
 * Delivery happens on the way back to user mode: exit_to_user_mode()
 * calls do_signal(), which runs the default action or builds a frame
 * through the arch (<arch/user.h>) so that the handler runs next.
 *
 * Locking: signal state of every process is changed under
 * tasklist_lock (<core/process.h>), with interrupts off, so that timers
 * may send signals from interrupt context.
 */
#ifndef CORE_SIGNAL_H
#define CORE_SIGNAL_H

#include <core/list.h>
#include <core/types.h>

#define NSIG		64	/* signals are 1..NSIG */

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32

/* A set of signals: bit sig - 1 (the kernel's 64-bit sigset_t). */
typedef uint64_t ksigset_t;

static inline ksigset_t sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/* Handlers and flags (rt_sigaction). */
#define SIG_DFL		((uintptr_t)0)
#define SIG_IGN		((uintptr_t)1)

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* rt_sigprocmask how. */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* The struct rt_sigaction reads and writes: the same on both arches. */
struct k_sigaction {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	ksigset_t mask;
};

/* si_code values. */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)
#define SI_TIMER	(-2)
#define SI_TKILL	(-6)
#define ILL_ILLOPC	1
#define FPE_INTDIV	1
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* siginfo_t as user space sees it: 128 bytes on both arches. */
struct ksiginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int _pad0;
	union {
		struct {		/* kill, tgkill, sigqueue */
			int32_t pid;
			uint32_t uid;
			uint64_t value;	/* sigval (sigqueue) */
		} kill;
		struct {		/* POSIX timers, itimers */
			int32_t tid;
			int32_t overrun;
			uint64_t value;
		} timer;
		struct {		/* SIGCHLD */
			int32_t pid;
			uint32_t uid;
			int32_t status;
			int32_t _pad;
			int64_t utime;	/* clock ticks */
			int64_t stime;
		} chld;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			uint64_t addr;
		} fault;
		uint8_t _bytes[128 - 16];
	};
};

_Static_assert(sizeof(struct ksiginfo) == 128, "siginfo_t is 128 bytes");

/* stack_t (sigaltstack). */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)

struct kstack {
	uintptr_t ss_sp;
	int ss_flags;
	size_t ss_size;
};

/* Signals pending on a thread or a process. */
struct sigpending {
	ksigset_t signal;
	struct list_head queue;	/* struct sigqueue, oldest first */
};

struct task;
struct process;
struct pt_regs;

/* The handlers of a process (shared by CLONE_SIGHAND), counted. */
struct sighand {
	int ref;
	struct k_sigaction action[NSIG];	/* index sig - 1 */
};

struct sighand *sighand_alloc(void);		/* all SIG_DFL, or NULL */
struct sighand *sighand_dup(struct sighand *sh);	/* a copy, or NULL */
void sighand_put(struct sighand *sh);

void sigpending_init(struct sigpending *p);
/* Drops every queued entry (thread or process exit). */
void sigpending_flush(struct sigpending *p);

/*
 * Sends sig to a process (kill: any thread not blocking it takes it) or to
 * one thread (tgkill, faults). info NULL: SI_KERNEL. sig 0 only checks.
 * Ignored signals are discarded at once, as Linux; SIGKILL and SIGCONT
 * act on a stopped process immediately. May be called from interrupt
 * context. Returns 0 or -EINVAL (bad sig), -ESRCH (dead target).
 */
int send_signal_process(struct process *p, int sig,
			const struct ksiginfo *info);
int send_signal_task(struct task *t, int sig, const struct ksiginfo *info);

/*
 * A synchronous fault of the current thread (SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE, SIGTRAP) with si_code code at addr: a blocked or ignored signal
 * is unblocked and reset to SIG_DFL first, so the fault cannot loop.
 */
void force_sig_fault(int sig, int code, uintptr_t addr);

/*
 * On the way back to user mode (exit_to_user_mode()): runs the default
 * action of, or sets up the handler frame for, the next deliverable
 * signal, and completes or restarts an interrupted syscall (the
 * -ERESTART* returns of <core/errno.h>). Interrupts on.
 */
void do_signal(struct pt_regs *regs);

/* True when t has an unblocked signal pending (or a fatal one). */
bool task_signal_pending(struct task *t);
/* Recomputes t->sigpending after its mask or pending sets changed. */
void recalc_sigpending(struct task *t);

/*
 * For sigsuspend, ppoll, pselect6, epoll_pwait: installs mask as the
 * current thread's blocked set until the next signal delivery, which
 * saves the old mask in the frame (or restores it when no handler runs).
 */
void set_temporary_sigmask(ksigset_t mask);
/* Undoes set_temporary_sigmask() when the call returns without EINTR. */
void restore_temporary_sigmask(void);

/* execve: handlers reset to SIG_DFL (SIG_IGN stays), altstack cleared. */
void signal_exec_reset(void);

#endif /* CORE_SIGNAL_H */
