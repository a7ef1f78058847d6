/*
 * Private to the per-process side of procfs (base.c, pid_*.c): how a
 * node's data names a process or a thread, how the files find it, and
 * how they hold the objects it owns.
 *
 * Data: a /proc/<pid> node carries the pid (upper half 0); a
 * /proc/<pid>/task/<tid> node carries PROC_DATA(pid, tid); the same entry
 * tables serve both, so a show() decodes with proc_pid()/proc_tid(). An
 * fd node carries PROC_DATA(id, fd), id being the directory's thread (tid)
 * or process (pid).
 *
 * Nothing here keeps a process alive: each call finds it again by id
 * under tasklist_lock and copies what it needs. Every callback runs under
 * vfs_lock() (the library calls them from the path walk, open and
 * getdents), so the references taken to another process's mm, fd table,
 * files or fs context are dropped with proc_put_*(), which hand a final
 * put (it may take vfs_lock()) to a kernel thread.
 */
#ifndef FS_PROCFS_PID_H
#define FS_PROCFS_PID_H

#include "internal.h"

#include <core/process.h>
#include <core/sched.h>

struct files;
struct file;
struct mm;
struct fs_struct;

/* The process id of data (a pid node or a thread node). */
static inline int proc_pid(uint64_t data)
{
	return data >> 32 ? PROC_PID(data) : (int)data;
}

/* The thread id of a thread node, 0 for a process node. */
static inline int proc_tid(uint64_t data)
{
	return data >> 32 ? PROC_LOW(data) : 0;
}

/*
 * What a node stands for, found under tasklist_lock: the process and the
 * thread whose view it is (the given thread; for a process node the
 * leader, or any live thread once the leader exited; NULL in a zombie).
 */
struct proc_target {
	struct process *p;
	struct task *t;
};

/*
 * Takes tasklist_lock and finds data's target. Returns 0 with the lock
 * held (release it with proc_target_unlock()), or -ESRCH without it.
 */
int proc_target_lock(uint64_t data, struct proc_target *tg,
		     unsigned long *flags);
void proc_target_unlock(unsigned long flags);

/*
 * A copy of what stat and status show of a process or thread, taken under
 * tasklist_lock (pid_info.c). Times are in ns.
 */
struct proc_info {
	int id;			/* the pid, or the tid of a thread node */
	int tgid, ppid, pgid, sid;
	char comm[TASK_NAME_LEN];
	char state;		/* R S T Z */
	bool zombie;
	int nr_threads, nice, exit_signal, exit_code;
	uint64_t utime, stime, cutime, cstime, start_ns;
	uint32_t uid[4], gid[4];	/* real, effective, saved, fs */
	uint32_t groups[NGROUPS_KEPT];
	int ngroups;
	ksigset_t pending, shpending, blocked, ignored, caught;
	unsigned int sigq;	/* queued signals */
	uint32_t umask;
	bool has_fs;
	int oom_score_adj;
	bool no_new_privs;
	uint64_t nvcsw, nivcsw;	/* the thread's context switches */
	uint64_t tty_nr;	/* controlling terminal (encoded), or 0 */
	int tpgid;		/* its foreground group; -1 without one */
	struct rlimit64 rlim[RLIM_NLIMITS];
};

/* Fills *in for data. 0, or -ESRCH when the target is gone. */
int proc_info_get(uint64_t data, struct proc_info *in);

/* "R (running)" and friends, as status names them. */
const char *proc_state_name(char state);

/* valid() of every node under /proc/<pid>: its process/thread lives. */
bool proc_pid_valid(uint64_t data);

/*
 * References to the target's objects (NULL when it is gone or has none:
 * a zombie, a kernel thread), and their release (see above).
 */
struct mm *proc_get_mm(uint64_t data);
struct files *proc_get_files(uint64_t data);
void proc_put_mm(struct mm *mm);
void proc_put_files(struct files *files);
void proc_put_file(struct file *file);

/* One line of text parsed as a decimal int (store()): 0 or -EINVAL. */
int proc_parse_int(const char *buf, size_t len, int *out);

/*
 * Figures of an address space (mm->lock taken inside): sizes in bytes.
 * Shared by stat, statm and status.
 */
struct proc_mm_stats {
	uint64_t vsize;		/* every area */
	uint64_t rss;		/* resident pages * PAGE_SIZE */
	uint64_t data;		/* private writable areas but the stack */
	uint64_t stack;		/* the area holding the initial stack */
	uint64_t exec;		/* executable areas */
	uint64_t shared;	/* VMA_SHARED areas */
	uint64_t nr_vmas;
};
void proc_mm_stats(struct mm *mm, struct proc_mm_stats *st);

/* The entry tables (base.c) and the entries of the pid_*.c files. */
extern const struct pseudo_entry proc_pid_entry;
extern const struct pseudo_entry proc_tid_entry;

int proc_show_stat(struct seq_buf *s, uint64_t data);
int proc_show_statm(struct seq_buf *s, uint64_t data);
int proc_show_status(struct seq_buf *s, uint64_t data);
int proc_show_cmdline(struct seq_buf *s, uint64_t data);
int proc_show_environ(struct seq_buf *s, uint64_t data);
int proc_show_maps(struct seq_buf *s, uint64_t data);
int proc_show_smaps_rollup(struct seq_buf *s, uint64_t data);
int proc_show_comm(struct seq_buf *s, uint64_t data);
ssize_t proc_store_comm(uint64_t data, const char *buf, size_t len);
int proc_show_limits(struct seq_buf *s, uint64_t data);
int proc_show_oom_score(struct seq_buf *s, uint64_t data);
int proc_show_oom_score_adj(struct seq_buf *s, uint64_t data);
ssize_t proc_store_oom_score_adj(uint64_t data, const char *buf, size_t len);
int proc_show_pid_mounts(struct seq_buf *s, uint64_t data);
int proc_show_pid_mountinfo(struct seq_buf *s, uint64_t data);
int proc_link_exe(uint64_t data, char *buf, size_t len);
int proc_link_cwd(uint64_t data, char *buf, size_t len);
int proc_link_root(uint64_t data, char *buf, size_t len);

extern const struct pseudo_dir_ops proc_fd_dir_ops;
extern const struct pseudo_dir_ops proc_fdinfo_dir_ops;

#endif /* FS_PROCFS_PID_H */
