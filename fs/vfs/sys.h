/*
 * Helpers shared by the file syscalls of fs/vfs/sys_*.c and legacy_*.c
 * (sys_common.c): the caller's fs_struct, the starting point of an *at
 * call, and bounded kernel bounce buffers for data crossing the user
 * boundary. Private to fs/vfs/.
 */
#ifndef FS_VFS_SYS_H
#define FS_VFS_SYS_H

#include <core/errno.h>
#include <fs/fdtable.h>
#include <fs/user.h>
#include <fs/vfs.h>

/* The largest bounce buffer one call allocates. */
#define BOUNCE_MAX	(64 * 1024)

/* Linux's MAX_RW_COUNT: one call moves at most this much. */
#define MAX_RW_COUNT	(0x7fffffffL & ~4095L)

/* The calling task's root, cwd and umask. */
struct fs_struct *cur_fs(void);

/*
 * A path name from user space with the directory it is relative to: what
 * every *at call starts from. dir is NULL for AT_FDCWD and for absolute
 * names (dirfd is then ignored, as Linux), else the path of dirfd's file,
 * held open until upath_put().
 */
struct upath {
	char *name;
	bool copied;		/* name came from getname() */
	struct file *file;
	const struct path *dir;
};

/*
 * Copies uname in and resolves dirfd for it. An empty name is -ENOENT
 * unless empty_ok (AT_EMPTY_PATH), when it stands for dirfd's file itself
 * (any type; AT_FDCWD: the cwd). Otherwise a relative name needs dirfd to
 * be open (-EBADF) and a directory (-ENOTDIR). uname NULL with empty_ok
 * is taken as "" (Linux 6.11). Returns 0 or -errno (nothing to put).
 */
int upath_get(struct upath *p, int dirfd, const char *uname, bool empty_ok);
void upath_put(struct upath *p);

/* The path an fd stands for (O_PATH files too): for f* calls on names. */
int fd_path(int fd, struct upath *p);

/*
 * A kernel buffer for up to want bytes (at least 1, at most BOUNCE_MAX;
 * one page if memory is short). *size is what it holds. NULL: -ENOMEM.
 */
void *bounce_alloc(size_t want, size_t *size);
void bounce_free(void *buf);

/* A file may be read in several steps without blocking between them. */
static inline bool file_may_loop(const struct file *file)
{
	uint32_t mode = file->f_inode->i_mode;

	return S_ISREG(mode) || S_ISBLK(mode);
}

/*
 * getdents64 of fd into the user's dirp; convert (NULL for none) rewrites
 * the records first (the legacy getdents layout). sys_fileops.c.
 */
long do_getdents(unsigned int fd, void *dirp, unsigned int count,
		 void (*convert)(void *buf, size_t len));

#endif /* FS_VFS_SYS_H */
