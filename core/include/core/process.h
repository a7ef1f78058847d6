/*
 * Processes: thread groups of user tasks, their ids, their tree, exit and
 * wait, process groups and sessions, resource limits and usage
 * (core/proc/).
 *
 * A user task (struct task, <core/sched.h>) belongs to a struct process,
 * the thread group: its tid is the thread's id, proc->pid the group's
 * (the tid of the first thread). The process outlives its tasks: after
 * the last thread exits it is a zombie that holds the pid, the exit
 * status and the usage figures until the parent reaps it with wait4 or
 * waitid. Orphans are handed to init (pid 1).
 *
 * Locking: tasklist_lock (a spinlock, interrupts off) guards the pid
 * table, the tree, thread lists, process and signal states; it is never
 * held across anything that sleeps.
 */
#ifndef CORE_PROCESS_H
#define CORE_PROCESS_H

#include <core/list.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/sync.h>
#include <core/timer.h>
#include <core/types.h>
#include <core/wait.h>

#define PID_MAX		32768	/* pids are 1..PID_MAX - 1, as Linux's default */
/* Supplementary groups a process keeps (Linux allows 65536: EINVAL past ours). */
#define NGROUPS_KEPT	32

/* Resource limits: Linux's numbering, the same on both arches. */
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0ULL)

struct rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

/* clone() flags (linux/sched.h). The low byte is the exit signal. */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000

enum proc_state {
	PROC_RUNNING,		/* has live threads */
	PROC_ZOMBIE,		/* all threads gone, waiting to be reaped */
};

struct tty;

struct process {
	int pid;			/* == tid of the first thread */
	int pgid;			/* process group */
	int sid;			/* session */
	/* Controlling terminal (drivers/tty), under tasklist_lock; forked. */
	struct tty *tty;
	enum proc_state state;
	struct process *parent;		/* init once orphaned */
	struct list_head children;	/* struct process.sibling */
	struct list_head sibling;
	struct list_head link;		/* all processes (for_each_process) */
	struct list_head threads;	/* struct task.thread_link */
	unsigned int nr_threads;	/* live threads */

	struct sighand *sighand;
	struct sigpending shared_pending;
	int exit_signal;		/* sent to the parent at exit (SIGCHLD) */
	bool group_exiting;		/* exit_group or a fatal signal began */
	int exit_status;		/* the wait status word (<core/process.h>) */
	/* execve's exec_kill_other_threads() runs: the others exit alone. */
	struct task *group_exec_task;
	bool did_exec;			/* setpgid() by the parent: EACCES */

	/* Job control: stopped by a signal, and what wait has not yet seen. */
	bool stopped;
	int stop_sig;
	bool stop_unreported;		/* for WUNTRACED / WSTOPPED */
	bool continue_unreported;	/* for WCONTINUED */

	struct wait_queue child_wait;	/* parents sleeping in wait4/waitid */

	struct rlimit64 rlim[RLIM_NLIMITS];

	/* prctl (core/sys_prctl.c). */
	int pdeath_signal;		/* sent to us when the parent exits */
	bool pdeath_pending;		/* ...which just happened (exit.c) */
	bool not_dumpable;		/* PR_SET_DUMPABLE 0 (default: 1) */
	bool no_new_privs;		/* PR_SET_NO_NEW_PRIVS, never unset */

	/* CPU time of threads that exited, and of reaped children, ns. */
	uint64_t utime_ns, stime_ns;
	uint64_t cutime_ns, cstime_ns;
	uint64_t start_ns;		/* clock_ns() at fork */

	/* Credentials: stored and reported; everything runs as root. */
	uint32_t uid, euid, suid, fsuid;
	uint32_t gid, egid, sgid, fsgid;
	uint32_t groups[NGROUPS_KEPT];	/* supplementary groups (setgroups) */
	int ngroups;

	/* procfs: the last thread's name (a zombie's comm), oom_score_adj. */
	char comm[TASK_NAME_LEN];
	int oom_score_adj;		/* -1000..1000, inherited by fork */

	/* ITIMER_REAL / alarm: SIGALRM when it fires. */
	struct ktimer real_timer;
	uint64_t real_interval_ns;
	/*
	 * ITIMER_VIRTUAL / ITIMER_PROF (SIGVTALRM / SIGPROF): the expiry in
	 * the process's user / total CPU time, ns, 0 when disarmed; checked
	 * by each tick (core/sys_itimer.c). Zero in a new process (fork).
	 */
	uint64_t it_virt_expires_ns, it_virt_interval_ns;
	uint64_t it_prof_expires_ns, it_prof_interval_ns;
};

/* Wait status words, as <sys/wait.h> decodes them. */
#define W_EXITCODE(code, sig)	(((code) & 0xff) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0x7f)
#define W_CONTINUED		0xffff
#define WCOREFLAG		0x80

/* wait4 / waitid options. */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* waitid idtype. */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define P_PIDFD		3

extern struct spinlock tasklist_lock;

/* Runs with tasklist_lock held: every process, then every thread of p. */
#define for_each_process(p) \
	list_for_each_entry(p, &process_list, link)
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->threads, thread_link)
extern struct list_head process_list;

/*
 * Ids. pid_alloc() returns a free id (never 1, which is init's) for a new
 * task, or -EAGAIN when all are taken; pid_free() gives it back once
 * neither a task nor a zombie uses it. Under tasklist_lock.
 */
int pid_alloc(void);
void pid_free(int pid);
/* Ids pid_alloc() handed out since boot: tasks created (/proc/stat). */
uint64_t pid_nr_allocated(void);
/* The id pid_alloc() handed out last (/proc/loadavg). */
int pid_last(void);
/* The process with id pid / the task with id tid, or NULL. Under the lock. */
struct process *find_process(int pid);
struct task *find_task(int tid);

/*
 * Turns the current kernel thread into init (pid 1, pgid 1, sid 1): a
 * process with an empty address space, the boot fs_struct, and fds 0, 1
 * and 2 open on /dev/console when it exists. execve follows.
 */
int process_init_first(void);

/*
 * clone: a new thread or process sharing what flags say, running
 * user-mode regs copied from the caller's (the return value 0, the stack
 * newsp when non-zero, the TLS tls with CLONE_SETTLS). With CLONE_VFORK
 * the caller sleeps until the child execs or exits. Returns the child's
 * tid or -errno (EINVAL for bad combinations, ENOMEM, EAGAIN).
 */
long do_clone(unsigned long flags, uintptr_t newsp, int *parent_tid,
	      int *child_tid, uintptr_t tls);
/*
 * do_clone() that, with CLONE_PIDFD, stores the child's pidfd (an
 * O_CLOEXEC fd) at pidfd (clone: parent_tid; clone3: its own field).
 */
long do_clone_pidfd(unsigned long flags, uintptr_t newsp, int *parent_tid,
		    int *child_tid, uintptr_t tls, int *pidfd);

/*
 * Ends the current thread: its mm, files and fs are released, the
 * clear_child_tid word is cleared and woken (futex), and when it was the
 * last thread the process becomes a zombie and its parent gets
 * exit_signal. status is the wait status word for a last thread.
 */
void do_exit(int status) __noreturn;
/* exit_group / a fatal signal: every thread of the process exits. */
void do_group_exit(int status) __noreturn;

/* execve: the other threads exit; a vfork parent is released. */
void exec_kill_other_threads(void);
void vfork_release(struct task *child);

/*
 * Job control, for the signal code: p stopped with sig / continued. They
 * set p's stop fields and tell the parent (SIGCHLD unless SA_NOCLDSTOP,
 * waiters woken). Call without tasklist_lock: they take it and send
 * SIGCHLD through send_signal_process().
 */
void process_stopped(struct process *p, int sig);
void process_continued(struct process *p);

/*
 * POSIX orphaned process group: no member has a parent in another group
 * of the same session (members whose parent is init do not count). The
 * tty layer answers EIO instead of SIGTTIN/SIGTTOU to such a group.
 * Takes tasklist_lock; true for an empty group, as Linux.
 */
bool pgrp_is_orphaned(int pgid);

struct file;
/*
 * The process a pidfd refers to (core/proc/pidfd.c, SYSCALL_PIDFD),
 * under tasklist_lock: 0 with *out set (a zombie too), -ESRCH once it
 * was reaped, -EBADF when file is not a pidfd.
 */
int pidfd_lookup(struct file *file, struct process **out);

/*
 * The tty layer (drivers/tty/tty.c), for exit: the last thread of p is
 * gone; p forgets its controlling terminal, and a session leader's
 * terminal is hung up for its session (SIGHUP and SIGCONT to the
 * foreground group, the session loses it). Without tasklist_lock.
 */
/*
 * For /proc/<pid>/stat: the device number of tty and its foreground
 * process group (0 when none). Under tasklist_lock.
 */
#ifdef CONFIG_TTY
void tty_exit_session(struct process *p);
uint32_t tty_devnum(const struct tty *tty);
int tty_foreground_pgrp(const struct tty *tty);
#else
static inline void tty_exit_session(struct process *p) { (void)p; }
static inline uint32_t tty_devnum(const struct tty *tty) { return 0; }
static inline int tty_foreground_pgrp(const struct tty *tty) { return 0; }
#endif

/* The current task's process (NULL in kernel threads). */
#define current_process() (current->proc)

/* Resource limit r of the current process (its soft value). */
uint64_t rlimit(int r);

#endif /* CORE_PROCESS_H */
