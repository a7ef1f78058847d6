/*
 * Tasks and the scheduler. A task is a kernel thread of execution with its
 * own kernel stack and saved context (<arch/context.h>); later work hangs
 * an address space, files and signal state off it. One CPU for now: the
 * running task is `current`, and the boot thread becomes the idle task,
 * which runs only when nothing else can.
 *
 * Which task runs next is the business of the scheduling class chosen at
 * build time (Kconfig "CPU scheduler": SCHED_FAIR or SCHED_RR), reached
 * through struct sched_class; the core (core/sched/core.c) does states,
 * sleeping and waking, runtime accounting, preemption and the switch.
 *
 * Preemption: the tick charges runtime to current and lets the class set
 * need_resched; the arch calls sched_irq_exit() at the end of every
 * interrupt, which switches when needed and preempt_count is 0 (kernel code
 * is preemptible too). preempt_disable() and spinlocks (<core/sync.h>)
 * hold it off.
 */
#ifndef CORE_SCHED_H
#define CORE_SCHED_H

#include <arch/context.h>
#include <arch/thread.h>
#include <core/list.h>
#include <core/rbtree.h>
#include <core/signal.h>
#include <core/types.h>

#define TASK_NAME_LEN		16
#define KTHREAD_STACK_SIZE	16384

#define NICE_MIN		(-20)
#define NICE_MAX		19

enum task_state {
	TASK_RUNNING,	/* current: on the CPU */
	TASK_READY,	/* runnable, waiting in the class's run queue */
	TASK_SLEEPING,	/* waiting for a wake_task() (or a deadline) */
	TASK_DEAD,	/* exited; freed by the next task to run */
};

/* Scheduling state of a task; the class owns the fields it uses. */
struct sched_entity {
	struct rb_node node;	/* fair: in the run queue's timeline */
	struct list_head link;	/* rr: in the run queue's FIFO */
	bool on_rq;		/* queued in the class's run queue */
	uint64_t vruntime;	/* fair: weighted runtime, ns */
	uint64_t slice_ns;	/* runtime since picked (fair) / left (rr) */
	uint64_t sum_exec_ns;	/* total CPU time */
	uint64_t exec_start_ns;	/* clock when last charged */
};

struct mm;
struct files;
struct fs_struct;
struct process;

struct task {
	struct arch_context ctx;
	enum task_state state;
	int nice;			/* NICE_MIN .. NICE_MAX */
	struct sched_entity se;
	int tid;
	char name[TASK_NAME_LEN];

	void *stack;			/* KTHREAD_STACK_SIZE bytes, or NULL */
	void (*thread_fn)(void *);
	void *thread_arg;

	/* schedule_until(): deadline and place in the sleeper list. */
	uint64_t wake_at_ns;
	struct list_head timer_link;

	/* User tasks (all NULL or 0 in kernel threads). */
	struct process *proc;		/* thread group, <core/process.h> */
	struct list_head thread_link;	/* in proc->threads */
	struct mm *mm;			/* shared by CLONE_VM */
	struct files *files;		/* fd table, shared by CLONE_FILES */
	struct fs_struct *fs;		/* root, cwd, umask; CLONE_FS */
	struct arch_thread thread;	/* FP/SIMD state, TLS (<arch/thread.h>) */
	int *set_child_tid;		/* CLONE_CHILD_SETTID */
	int *clear_child_tid;		/* set_tid_address, CLONE_CHILD_CLEARTID */
	uintptr_t robust_list;		/* set_robust_list head and length */
	size_t robust_len;
	struct task *vfork_parent;	/* sleeps until we exec or exit */
	bool vfork_done;
	uint64_t stime_ns;		/* CPU time inside syscalls */

	/* Signals (<core/signal.h>): per-thread state. */
	ksigset_t sig_blocked;
	ksigset_t sig_saved;		/* set_temporary_sigmask() */
	bool sig_restore_mask;		/* sig_saved is to be restored */
	struct sigpending sig_pending;
	struct kstack sig_altstack;

	bool sleep_interruptible;	/* a signal may end this sleep */
	bool sigpending;		/* an unblocked signal is pending */

	/* Statistics (/proc): switches away while blocking / while runnable. */
	unsigned long nvcsw, nivcsw;
	bool in_syscall;		/* ticks count as system time */
	bool load_blocked;		/* counted in the load as blocked */
};

/* The run queue: one per CPU; the class keeps its order. */
struct rq {
	struct task *curr;
	unsigned int nr_queued;		/* tasks in the queue (curr is not) */
	struct list_head fifo;		/* rr */
	struct rb_root timeline;	/* fair: by vruntime */
	uint64_t min_vruntime;		/* fair: never decreases */
	unsigned long load;		/* fair: sum of queued weights */
};

/* enqueue() flags. */
#define ENQUEUE_WAKEUP	0x1	/* the task slept: place it as a sleeper */
#define ENQUEUE_NEW	0x2	/* a new task */

/*
 * A scheduling class. The running task (rq->curr) is not in the queue:
 * pick_next() takes the next task out, put_prev() puts a still runnable
 * one back. All ops run with interrupts off. Exactly one class is built,
 * and it defines `sched_class` (see docs/scheduler.md).
 */
struct sched_class {
	const char *name;
	void (*enqueue)(struct rq *rq, struct task *t, unsigned int flags);
	void (*dequeue)(struct rq *rq, struct task *t);
	/* The task to run next, removed from the queue; NULL when empty. */
	struct task *(*pick_next)(struct rq *rq);
	/* curr stops running but stays runnable: back into the queue. */
	void (*put_prev)(struct rq *rq, struct task *curr);
	/* Charges delta_ns of CPU time to curr. */
	void (*charge)(struct rq *rq, struct task *curr, uint64_t delta_ns);
	/* Once per tick after charge(): true when curr should be preempted. */
	bool (*tick)(struct rq *rq, struct task *curr);
	/* True when woken (just enqueued) should preempt curr at once. */
	bool (*wakeup_preempt)(struct rq *rq, struct task *curr,
			       struct task *woken);
	/* curr gives up the CPU: it should run after the others queued now. */
	void (*yield)(struct rq *rq, struct task *curr);
};

extern const struct sched_class sched_class;

/* The running task. */
struct task *sched_current(void);
#define current (sched_current())

/*
 * Creates a kernel thread that runs fn(arg) with interrupts on and exits
 * (and is freed) when fn returns. The thread is runnable at once. The
 * pointer is valid until the thread exits: callers that wait for a thread
 * do it through their own wait queue. Returns the task or ERR_PTR(-ENOMEM).
 */
struct task *kthread_create(void (*fn)(void *), void *arg, const char *name);

/* Ends the current kernel thread. */
void task_exit(void) __noreturn;

/*
 * For the process code: a task with a zeroed struct, a kernel stack and
 * the name, not yet runnable (its tid and context are the caller's to
 * set), or NULL. task_free() frees one that never ran; task_start() makes
 * it runnable. A user task's struct pt_regs (<arch/user.h>) sits at the
 * top of its kernel stack: task_pt_regs().
 */
struct task *task_alloc(const char *name);
void task_free(struct task *t);
void task_start(struct task *t);

/*
 * The first thing a task created by task_alloc() does when it first
 * runs (its context entry calls it): finishes the switch that started it
 * and enables preemption and interrupts.
 */
void schedule_tail(void);

/* The user-mode registers of t, at the top of its kernel stack. */
#define task_pt_regs(t) \
	((struct pt_regs *)((char *)(t)->stack + KTHREAD_STACK_SIZE) - 1)

/*
 * Makes a sleeping task runnable. Returns true when it was sleeping. May
 * be called from interrupt handlers.
 */
bool wake_task(struct task *t);

/* Gives the CPU to the other runnable tasks (the class decides order). */
void sched_yield(void);

/* Sets t's nice value (clamped to NICE_MIN..NICE_MAX). */
void sched_set_nice(struct task *t, int nice);

/* Sleeps (not interruptibly) until clock_ns() >= deadline_ns. */
void sleep_until(uint64_t deadline_ns);

/* CPU time used by t, ns, as of the last tick or switch. */
uint64_t task_runtime_ns(const struct task *t);

/* Number of tasks that exist, the idle task included. */
unsigned int sched_nr_tasks(void);

/* True when the running task should give up the CPU (exit_to_user_mode). */
bool sched_need_resched(void);

/* Called by timer_tick() (<core/time.h>), interrupts off. */
void sched_tick(void);

/* --- statistics (/proc/stat, /proc/loadavg, sysinfo) ------------------ */

/* Context switches since boot. */
uint64_t sched_nr_switches(void);
/* Runnable tasks (the running one included, the idle task not). */
unsigned int sched_nr_running(void);
/* User tasks in an uninterruptible sleep (Linux's "D" state). */
unsigned int sched_nr_blocked(void);

/*
 * The load averages over 1, 5 and 15 minutes, as Linux's avenrun: fixed
 * point with LOAD_FSHIFT fraction bits, an exponential decay of
 * sched_nr_running() + sched_nr_blocked() sampled every 5 seconds.
 */
#define LOAD_FSHIFT	11
#define LOAD_FIXED_1	(1UL << LOAD_FSHIFT)
void sched_loadavg(unsigned long loads[3]);

/* Time the CPU spent since boot, ns, by tick sampling (core/cputime.c). */
struct cpu_times {
	uint64_t user, nice, system, idle;
};
void cpu_times_read(struct cpu_times *ct);
/* Charges one tick to the bucket of t (the idle task when idle). */
void cputime_tick(const struct task *t, bool idle);

/*
 * Called by the arch at the end of every interrupt, interrupts still off,
 * on the interrupted task's stack: switches to another task when the tick
 * or a wakeup asked for it and preempt_count is 0.
 */
void sched_irq_exit(void);

#endif /* CORE_SCHED_H */
