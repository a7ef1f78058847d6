/*
 * The per-process directories of procfs: /proc/<pid> for every process
 * (zombies included) in pid order after the system files, the links
 * /proc/self and /proc/thread-self, the table of files in a process's
 * directory, and task/<tid>/ with the per-thread files.
 *
 * The files themselves are in pid_*.c; pid.h says how a node's data names
 * its process or thread. A directory is owned by the process's effective
 * uid and gid, as on Linux.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/string.h>
#include <fs/uapi.h>

#define DIR_MODE	(S_IFDIR | 0555)
#define REG_MODE	(S_IFREG | 0444)
#define LNK_MODE	(S_IFLNK | 0777)

/* "<pid>" of len bytes: the number, or 0 when it is not a plain one. */
static int parse_id(const char *name, size_t len)
{
	int v = 0;

	if (!len || len > 5 || name[0] == '0')
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		v = v * 10 + (name[i] - '0');
	}
	return v < PID_MAX ? v : 0;
}

static void set_owner(struct pseudo_node *out, const struct process *p)
{
	out->uid = p->euid;
	out->gid = p->egid;
}

/* --- /proc/<pid> ------------------------------------------------------ */

static int pid_lookup(uint64_t dir, const char *name, size_t len,
		      struct pseudo_node *out)
{
	int pid = parse_id(name, len);
	unsigned long flags;
	struct process *p;
	int err = -ENOENT;

	(void)dir;
	if (!pid)
		return -ENOENT;
	spin_lock_irqsave(&tasklist_lock, &flags);
	p = find_process(pid);
	if (p) {
		out->entry = &proc_pid_entry;
		out->data = (uint64_t)pid;
		set_owner(out, p);
		err = 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* The process with the lowest pid >= *cursor, in pid order. */
static int pid_next(uint64_t dir, uint64_t *cursor, char *name,
		    size_t namelen, struct pseudo_node *out)
{
	struct process *p, *best = NULL;
	unsigned long flags;
	int pid = 0;

	(void)dir;
	if (*cursor >= PID_MAX)
		return 0;
	spin_lock_irqsave(&tasklist_lock, &flags);
	for_each_process(p) {
		if ((uint64_t)p->pid >= *cursor &&
		    (!best || p->pid < best->pid))
			best = p;
	}
	if (best) {
		pid = best->pid;
		out->entry = &proc_pid_entry;
		out->data = (uint64_t)pid;
		set_owner(out, best);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!pid)
		return 0;
	*cursor = (uint64_t)pid + 1;
	return snprintf(name, namelen, "%d", pid);
}

const struct pseudo_dir_ops proc_pid_dir_ops = {
	.lookup = pid_lookup,
	.next = pid_next,
};

/* --- /proc/self, /proc/thread-self ------------------------------------ */

static int self_link(uint64_t data, char *buf, size_t len)
{
	struct process *p = current_process();

	(void)data;
	if (!p)
		return -ENOENT;
	if ((size_t)snprintf(buf, len, "%d", p->pid) >= len)
		return -ENAMETOOLONG;
	return 0;
}

static int thread_self_link(uint64_t data, char *buf, size_t len)
{
	struct process *p = current_process();

	(void)data;
	if (!p)
		return -ENOENT;
	if ((size_t)snprintf(buf, len, "%d/task/%d", p->pid, current->tid) >=
	    len)
		return -ENAMETOOLONG;
	return 0;
}

const struct pseudo_entry proc_self_entry = {
	.name = "self",
	.mode = LNK_MODE,
	.link = self_link,
};

const struct pseudo_entry proc_thread_self_entry = {
	.name = "thread-self",
	.mode = LNK_MODE,
	.link = thread_self_link,
};

/* --- task/ -------------------------------------------------------------- */

static int task_lookup(uint64_t dir, const char *name, size_t len,
		       struct pseudo_node *out)
{
	int tid = parse_id(name, len), pid = proc_pid(dir);
	struct proc_target tg;
	unsigned long flags;

	if (!tid)
		return -ENOENT;
	if (proc_target_lock(PROC_DATA(pid, tid), &tg, &flags))
		return -ENOENT;
	out->entry = &proc_tid_entry;
	out->data = PROC_DATA(pid, tid);
	set_owner(out, tg.p);
	proc_target_unlock(flags);
	return 0;
}

/* The thread with the lowest tid >= *cursor. */
static int task_next(uint64_t dir, uint64_t *cursor, char *name,
		     size_t namelen, struct pseudo_node *out)
{
	int pid = proc_pid(dir), tid = 0;
	struct proc_target tg;
	unsigned long flags;
	struct task *t;

	if (*cursor >= PID_MAX || proc_target_lock(pid, &tg, &flags))
		return 0;
	for_each_thread(tg.p, t) {
		if ((uint64_t)t->tid >= *cursor && (!tid || t->tid < tid))
			tid = t->tid;
	}
	if (!tid && tg.p->state == PROC_ZOMBIE && (uint64_t)pid >= *cursor)
		tid = pid;
	if (tid) {
		out->entry = &proc_tid_entry;
		out->data = PROC_DATA(pid, tid);
		set_owner(out, tg.p);
	}
	proc_target_unlock(flags);
	if (!tid)
		return 0;
	*cursor = (uint64_t)tid + 1;
	return snprintf(name, namelen, "%d", tid);
}

static const struct pseudo_dir_ops task_dir_ops = {
	.lookup = task_lookup,
	.next = task_next,
};

/* --- the entry tables ------------------------------------------------- */

#define FILE(n, fn) \
	{ .name = n, .mode = REG_MODE, .show = fn, .valid = proc_pid_valid }
#define FILE_MODE(n, m, fn) \
	{ .name = n, .mode = S_IFREG | (m), .show = fn, .valid = proc_pid_valid }
#define WFILE(n, fn, st) \
	{ .name = n, .mode = S_IFREG | 0644, .show = fn, .store = st, \
	  .valid = proc_pid_valid }
#define LINK(n, fn) \
	{ .name = n, .mode = LNK_MODE, .link = fn, .valid = proc_pid_valid }
#define DIR(n, m, ops) \
	{ .name = n, .mode = S_IFDIR | (m), .dir_ops = ops, \
	  .valid = proc_pid_valid }

/* Both a process's and a thread's directory hold these. */
#define COMMON_ENTRIES							\
	FILE("cmdline", proc_show_cmdline),				\
	WFILE("comm", proc_show_comm, proc_store_comm),			\
	LINK("cwd", proc_link_cwd),					\
	FILE_MODE("environ", 0400, proc_show_environ),			\
	LINK("exe", proc_link_exe),					\
	DIR("fd", 0500, &proc_fd_dir_ops),				\
	DIR("fdinfo", 0500, &proc_fdinfo_dir_ops),			\
	FILE("limits", proc_show_limits),				\
	FILE("maps", proc_show_maps),					\
	FILE("mountinfo", proc_show_pid_mountinfo),			\
	FILE("mounts", proc_show_pid_mounts),				\
	FILE("oom_score", proc_show_oom_score),				\
	WFILE("oom_score_adj", proc_show_oom_score_adj,			\
	      proc_store_oom_score_adj),				\
	LINK("root", proc_link_root),					\
	FILE("smaps_rollup", proc_show_smaps_rollup),			\
	FILE("stat", proc_show_stat),					\
	FILE("statm", proc_show_statm),					\
	FILE("status", proc_show_status)

static const struct pseudo_entry tid_entries[] = {
	COMMON_ENTRIES,
	{ .name = NULL },
};

static const struct pseudo_entry pid_entries[] = {
	COMMON_ENTRIES,
	DIR("task", 0555, &task_dir_ops),
	{ .name = NULL },
};

/* A process's directory: the name is the pid, given by the lookup. */
const struct pseudo_entry proc_pid_entry = {
	.name = "<pid>",
	.mode = DIR_MODE,
	.children = pid_entries,
	.valid = proc_pid_valid,
};

const struct pseudo_entry proc_tid_entry = {
	.name = "<tid>",
	.mode = DIR_MODE,
	.children = tid_entries,
	.valid = proc_pid_valid,
};
