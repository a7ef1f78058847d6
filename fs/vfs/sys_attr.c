/*
 * Attributes by name or fd: faccessat/faccessat2, fchmod/fchmodat,
 * fchown/fchownat, utimensat and truncate. Owners and modes are stored,
 * not enforced: every process is root, so access() grants everything to
 * an existing file except X_OK on a non-directory without any x bit
 * (EACCES), as Linux does for root.
 */
#include "sys.h"
#include "calls.h"

#include <core/uaccess.h>

#define OWNER_FLAGS	(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)

long sys_faccessat2(int dirfd, const char *pathname, int mode, int flags)
{
	struct upath p;
	struct kstat st;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = upath_get(&p, dirfd, pathname, flags & AT_EMPTY_PATH);
	if (err)
		return err;
	err = vfs_stat(cur_fs(), p.dir, p.name,
		       flags & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH), &st);
	upath_put(&p);
	if (err)
		return err;
	if ((mode & X_OK) && !S_ISDIR(st.mode) && !(st.mode & 0111))
		return -EACCES;
	return 0;
}

long sys_faccessat(int dirfd, const char *pathname, int mode)
{
	return sys_faccessat2(dirfd, pathname, mode, 0);
}

/* The f* calls: the open file itself (not O_PATH: -EBADF). */
static int file_upath(unsigned int fd, struct upath *p)
{
	int err = fd_path(fd, p);

	if (!err && (p->file->f_flags & O_PATH)) {
		upath_put(p);
		return -EBADF;
	}
	return err;
}

long sys_fchmod(unsigned int fd, uint32_t mode)
{
	struct upath p;
	int err;

	err = file_upath(fd, &p);
	if (err)
		return err;
	err = vfs_chmod(cur_fs(), p.dir, p.name, mode, AT_EMPTY_PATH);
	upath_put(&p);
	return err;
}

long sys_fchmodat(int dirfd, const char *pathname, uint32_t mode)
{
	struct upath p;
	int err;

	err = upath_get(&p, dirfd, pathname, false);
	if (err)
		return err;
	err = vfs_chmod(cur_fs(), p.dir, p.name, mode, 0);
	upath_put(&p);
	return err;
}

long sys_fchown(unsigned int fd, uint32_t uid, uint32_t gid)
{
	struct upath p;
	int err;

	err = file_upath(fd, &p);
	if (err)
		return err;
	err = vfs_chown(cur_fs(), p.dir, p.name, uid, gid, AT_EMPTY_PATH);
	upath_put(&p);
	return err;
}

long sys_fchownat(int dirfd, const char *pathname, uint32_t uid,
		  uint32_t gid, int flags)
{
	struct upath p;
	int err;

	if (flags & ~OWNER_FLAGS)
		return -EINVAL;
	err = upath_get(&p, dirfd, pathname, flags & AT_EMPTY_PATH);
	if (err)
		return err;
	err = vfs_chown(cur_fs(), p.dir, p.name, uid, gid, flags);
	upath_put(&p);
	return err;
}

/* struct timespec as user space has it (64-bit arches). */
struct user_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* Sets the times of what p names; times NULL: both now. */
int do_utimes(struct upath *p, const struct timespec64 *times, int flags)
{
	int err = vfs_utimes(cur_fs(), p->dir, p->name, times, flags);

	upath_put(p);
	return err;
}

long sys_utimensat(int dirfd, const char *pathname,
		   const struct user_timespec *utimes, int flags)
{
	struct timespec64 times[2];
	struct user_timespec t[2];
	struct upath p;
	int err;

	if (flags & ~OWNER_FLAGS)
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			times[i].tv_sec = t[i].tv_sec;
			times[i].tv_nsec = t[i].tv_nsec;
		}
	}
	/* futimens(): a NULL name means dirfd itself. */
	if (!pathname && dirfd != AT_FDCWD) {
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		err = file_upath(dirfd, &p);
		flags = AT_EMPTY_PATH;
	} else {
		err = upath_get(&p, dirfd, pathname, flags & AT_EMPTY_PATH);
	}
	if (err)
		return err;
	return do_utimes(&p, utimes ? times : NULL, flags);
}

long sys_truncate(const char *pathname, int64_t length)
{
	struct upath p;
	int err;

	if (length < 0)
		return -EINVAL;
	err = upath_get(&p, AT_FDCWD, pathname, false);
	if (err)
		return err;
	err = vfs_truncate(cur_fs(), p.dir, p.name, length);
	upath_put(&p);
	return err;
}
