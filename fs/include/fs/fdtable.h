/*
 * File descriptor tables (fs/vfs/fdtable.c): the fds of a process, each
 * an open struct file plus its close-on-exec flag. A table is shared by
 * the threads of a process and by CLONE_FILES children, and counted.
 * The functions without a table argument work on current->files.
 */
#ifndef FS_FDTABLE_H
#define FS_FDTABLE_H

#include <core/types.h>

struct file;
struct files;

/* An empty table, or NULL. */
struct files *files_alloc(void);
/* A copy for fork without CLONE_FILES (each file gains a reference). */
struct files *files_dup(struct files *files);
struct files *files_get(struct files *files);
/* Drops a reference; the last closes every fd. */
void files_put(struct files *files);
/* execve: closes the fds marked close-on-exec. */
void files_close_on_exec(struct files *files);

/*
 * Installs file at the lowest free fd >= min, taking over the caller's
 * reference; cloexec sets FD_CLOEXEC. Returns the fd, or -EMFILE (none
 * below RLIMIT_NOFILE) or -EINVAL (min out of range). On error the
 * reference is still the caller's.
 */
int fd_install_min(struct file *file, bool cloexec, int min);
static inline int fd_install(struct file *file, bool cloexec)
{
	return fd_install_min(file, cloexec, 0);
}

/* A new reference to the file behind fd, or NULL (EBADF). */
struct file *fd_get(int fd);
/* close(): -EBADF when fd is not open. */
int fd_close(int fd);

#endif /* FS_FDTABLE_H */
