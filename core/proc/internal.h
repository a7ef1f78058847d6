/*
 * Private to core/proc/: how the files of the process code share the
 * process objects (allocation, release, the tree) and the helpers the
 * syscall files use. Everything here runs in task context.
 */
#ifndef CORE_PROC_INTERNAL_H
#define CORE_PROC_INTERNAL_H

#include <core/process.h>

struct rusage;

/* clone3-only flags and the namespace flags (linux/sched.h). */
#define CLONE_NEWTIME		0x00000080ULL
#define CLONE_NEWCGROUP		0x02000000ULL
#define CLONE_NEWUTS		0x04000000ULL
#define CLONE_NEWIPC		0x08000000ULL
#define CLONE_NEWUSER		0x10000000ULL
#define CLONE_NEWPID		0x20000000ULL
#define CLONE_NEWNET		0x40000000ULL
#define CLONE_IO		0x80000000ULL
#define CLONE_CLEAR_SIGHAND	0x100000000ULL
#define CLONE_INTO_CGROUP	0x200000000ULL

/* Marks id taken (init's 1, never handed out). Under tasklist_lock. */
void pid_reserve(int pid);

/* Linux's limits for init, inherited by everything. */
extern const struct rlimit64 rlimit_defaults[RLIM_NLIMITS];

/* init (pid 1), once process_init_first() made it. */
extern struct process *init_process;

/*
 * A new process: zeroed, lists and wait queue initialized, no pid, no
 * parent, rlimits infinite, RUNNING with no threads. NULL when out of
 * memory. Not yet visible: the caller links it (process_link()).
 */
struct process *process_alloc(void);

/*
 * Puts p into process_list and under its parent's children (p->parent
 * set). Under tasklist_lock.
 */
void process_link(struct process *p);

/*
 * Unlinks a zombie from the tree and the process list, adds its times to
 * the parent's children times and frees its pid: after this p is
 * invisible and only the caller holds it. Under tasklist_lock.
 */
void process_unlink_zombie(struct process *p);

/*
 * Frees what p still holds (handlers, queued signals) and p itself.
 * Called without tasklist_lock, on a process nobody else can see (never
 * linked, or after process_unlink_zombie()).
 */
void process_free(struct process *p);

/*
 * Tells p's parent that p changed state (exited, stopped, continued):
 * sends sig (when non-zero) with a SIGCHLD-style siginfo of code and
 * status, and wakes the parent's waiters. Call with preemption disabled
 * and without tasklist_lock, so that p and the parent stay valid.
 */
void notify_parent(struct process *p, struct process *parent, int sig,
		   int code, int status);

/*
 * The SIGCHLD disposition of parent: whether a child that exits is
 * reaped at once (SIG_IGN or SA_NOCLDWAIT), and whether stops and
 * continues are reported (no SA_NOCLDSTOP). Under tasklist_lock.
 */
bool parent_autoreaps(const struct process *parent);
bool parent_wants_stops(const struct process *parent);

/* Task time split into user and system ns (system: time in syscalls). */
void task_times(const struct task *t, uint64_t *utime, uint64_t *stime);

/*
 * CPU time of p: its exited threads plus the live ones (self), or of
 * its reaped children (children). Under tasklist_lock.
 */
void process_times(const struct process *p, uint64_t *utime,
		   uint64_t *stime);

/* clock_t units of times() and siginfo: USER_HZ, 100 on both arches. */
#define USER_HZ		100
#define NS_PER_CLOCK_TICK	(NSEC_PER_SEC / USER_HZ)

/* Linux's struct rusage (64-bit: 144 bytes on both arches). */
struct k_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct rusage {
	struct k_timeval ru_utime;
	struct k_timeval ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	long ru_nsignals, ru_nvcsw, ru_nivcsw;
};

_Static_assert(sizeof(struct rusage) == 144, "struct rusage is 144 bytes");

/* Fills ru (zeroed) with the user and system times given in ns. */
void rusage_fill(struct rusage *ru, uint64_t utime_ns, uint64_t stime_ns);

/*
 * The CLD_* code and the si_status of a wait status word (waitid,
 * SIGCHLD). status.c.
 */
void wait_status_decode(int status, int *code, int *si_status);

/*
 * pidfds (pidfd.c, SYSCALL_PIDFD). pidfd_wait is woken whenever a
 * process becomes a zombie (notify.c): pidfd pollers sleep there.
 * pidfd_file_alloc(): a pidfd file bound to no process yet (flags:
 * O_NONBLOCK), or ERR_PTR(-ENOMEM); pidfd_file_bind() points it at p
 * (p's pid is set; any lock or none: the file is not yet visible).
 */
extern struct wait_queue pidfd_wait;
struct file *pidfd_file_alloc(unsigned int flags);
void pidfd_file_bind(struct file *file, const struct process *p);

/*
 * Orphaned process groups (orphan.c). Called by exit_notify() with
 * preemption off, before p becomes a zombie and its children go to
 * init: every process group that p's exit orphans and that has a
 * stopped member gets SIGHUP, then SIGCONT (POSIX; Linux's
 * kill_orphaned_pgrp()), p's own group and its children's groups.
 */
void orphan_pgrps_on_exit(struct process *p);

/* One wake-up point for tasks waiting for threads to exit (exec). */
extern struct wait_queue thread_exit_wait;

#endif /* CORE_PROC_INTERNAL_H */
