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

/*
 * A new reference to the file behind fd, or NULL (EBADF). fd_get() also
 * answers NULL for an O_PATH file, which only the calls that accept one
 * (fstat, fchdir, *at dirfds, fcntl, dup) reach, through fd_get_raw().
 */
struct file *fd_get(int fd);
struct file *fd_get_raw(int fd);
/* close(): -EBADF when fd is not open. */
int fd_close(int fd);

/*
 * dup2/dup3: installs file at exactly fd (closing what was there), taking
 * over the caller's reference. Returns fd, or -EBADF when fd is negative
 * or not below RLIMIT_NOFILE, -ENOMEM (the reference stays the caller's).
 */
int fd_install_at(struct file *file, bool cloexec, int fd);
/* FD_CLOEXEC of fd: 0 or 1, or -EBADF. */
int fd_get_cloexec(int fd);
int fd_set_cloexec(int fd, bool cloexec);
/*
 * close_range(): closes (or with cloexec, marks close-on-exec) every open
 * fd in [first, last]. Never fails.
 */
void fd_close_range(unsigned int first, unsigned int last, bool cloexec);
/* CLOSE_RANGE_UNSHARE: current gets a private copy of its table. */
int files_unshare(void);

/* The file at fd of files (a new reference), or NULL; for procfs. */
struct file *files_lookup(struct files *files, int fd);
/* The lowest open fd >= fd in files, or -1. */
int files_next_fd(struct files *files, int fd);

#endif /* FS_FDTABLE_H */
