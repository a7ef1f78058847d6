/*
 * procfs's private interfaces (fs/procfs/), built on <fs/pseudo.h>.
 *
 * The root directory (root.c) holds the system files as static entries
 * and lists a directory per process after them. The per-process side
 * (base.c and the pid_*.c files) provides the entries and the dynamic
 * lookup of pids; the system side (root.c and the other files) provides
 * the mount views that /proc/<pid>/mounts shares.
 *
 * Node data: a process directory and its files carry the pid; a thread's
 * directory under task/ and its files carry PROC_DATA(pid, tid); an fd
 * link carries PROC_DATA(pid, fd).
 */
#ifndef FS_PROCFS_INTERNAL_H
#define FS_PROCFS_INTERNAL_H

#include <fs/pseudo.h>

#define PROC_SUPER_MAGIC	0x9fa0

#define PROC_DATA(pid, x)	((uint64_t)(uint32_t)(pid) << 32 | (uint32_t)(x))
#define PROC_PID(data)		((int)((data) >> 32))
#define PROC_LOW(data)		((int)(uint32_t)(data))

/* base.c: /proc/<pid> (data: the pid), /proc/self, /proc/thread-self. */
extern const struct pseudo_entry proc_self_entry;
extern const struct pseudo_entry proc_thread_self_entry;
extern const struct pseudo_dir_ops proc_pid_dir_ops;

/*
 * mounts.c: the mount table as the process pid sees it (from its root),
 * in the formats of /proc/<pid>/mounts and mountinfo. -ESRCH when the
 * process is gone.
 */
int proc_show_mounts(struct seq_buf *s, uint64_t pid);
int proc_show_mountinfo(struct seq_buf *s, uint64_t pid);

#endif /* FS_PROCFS_INTERNAL_H */
