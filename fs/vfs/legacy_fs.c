/*
 * x86_64's older path calls, thin wrappers onto the *at handlers: open,
 * creat, stat, lstat, access, mkdir, rmdir, unlink, link, symlink,
 * readlink, rename, mknod, chmod, chown, lchown, utime, utimes and
 * futimesat. No flag translation: x86_64 uses the generic values.
 */
#include "sys.h"
#include "calls.h"

#include <core/uaccess.h>

long sys_open(const char *filename, int flags, uint32_t mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

long sys_creat(const char *pathname, uint32_t mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			   mode);
}

long sys_stat(const char *filename, struct arch_stat *buf)
{
	return sys_newfstatat(AT_FDCWD, filename, buf, 0);
}

long sys_lstat(const char *filename, struct arch_stat *buf)
{
	return sys_newfstatat(AT_FDCWD, filename, buf, AT_SYMLINK_NOFOLLOW);
}

long sys_access(const char *pathname, int mode)
{
	return sys_faccessat2(AT_FDCWD, pathname, mode, 0);
}

long sys_mkdir(const char *pathname, uint32_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_rmdir(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

long sys_unlink(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_link(const char *oldpath, const char *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

long sys_symlink(const char *target, const char *linkpath)
{
	return sys_symlinkat(target, AT_FDCWD, linkpath);
}

long sys_readlink(const char *pathname, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, pathname, buf, bufsiz);
}

long sys_rename(const char *oldpath, const char *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

long sys_mknod(const char *pathname, uint32_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, pathname, mode, dev);
}

long sys_chmod(const char *pathname, uint32_t mode)
{
	return sys_fchmodat(AT_FDCWD, pathname, mode);
}

long sys_chown(const char *pathname, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, pathname, uid, gid, 0);
}

long sys_lchown(const char *pathname, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, pathname, uid, gid,
			    AT_SYMLINK_NOFOLLOW);
}

struct user_utimbuf {
	int64_t actime;
	int64_t modtime;
};

struct user_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

long sys_utime(const char *filename, const struct user_utimbuf *times)
{
	struct timespec64 ts[2];
	struct user_utimbuf t;
	struct upath p;
	int err;

	if (times) {
		if (copy_from_user(&t, times, sizeof(t)))
			return -EFAULT;
		ts[0] = (struct timespec64){ t.actime, 0 };
		ts[1] = (struct timespec64){ t.modtime, 0 };
	}
	err = upath_get(&p, AT_FDCWD, filename, false);
	if (err)
		return err;
	return do_utimes(&p, times ? ts : NULL, 0);
}

long sys_futimesat(int dirfd, const char *filename,
		   const struct user_timeval *utimes)
{
	struct timespec64 ts[2];
	struct user_timeval tv[2];
	struct upath p;
	int err;

	if (utimes) {
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			ts[i].tv_sec = tv[i].tv_sec;
			ts[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	err = upath_get(&p, dirfd, filename, false);
	if (err)
		return err;
	return do_utimes(&p, utimes ? ts : NULL, 0);
}

long sys_utimes(const char *filename, const struct user_timeval *utimes)
{
	return sys_futimesat(AT_FDCWD, filename, utimes);
}
