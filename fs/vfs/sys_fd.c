/*
 * The fd syscalls: close, close_range, dup, dup3, fcntl and ioctl, over
 * the fd table (fdtable.c).
 *
 * fcntl: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL and F_SETFL
 * (O_APPEND and O_NONBLOCK change; the other bits Linux lets F_SETFL
 * change, O_ASYNC, O_DIRECT and O_NOATIME, are ignored). Record locks
 * (F_GETLK, F_SETLK, F_SETLKW and the OFD forms) are not implemented:
 * they fail with ENOLCK, never pretending a lock was taken. Owner and
 * signal commands (F_SETOWN, F_SETSIG...), leases, notifications, pipe
 * sizes and seals answer EINVAL, as an unknown command.
 *
 * ioctl: FIOCLEX, FIONCLEX and FIONBIO act on the fd and file here;
 * everything else (FIOASYNC included) goes to the file's ioctl, -ENOTTY
 * when it has none.
 */
#include "sys.h"
#include "calls.h"
#include "abi.h"

#include <core/uaccess.h>

/* The F_SETFL bits that take effect. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

long sys_close(int fd)
{
	return fd_close(fd);
}

long sys_close_range(unsigned int first, unsigned int last,
		     unsigned int flags)
{
	int err;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (first > last)
		return -EINVAL;
	if (flags & CLOSE_RANGE_UNSHARE) {
		err = files_unshare();
		if (err)
			return err;
	}
	fd_close_range(first, last, flags & CLOSE_RANGE_CLOEXEC);
	return 0;
}

long sys_dup(unsigned int oldfd)
{
	struct file *file = fd_get_raw(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_install(file, false);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	int fd;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	file = fd_get_raw(oldfd);
	if (!file)
		return -EBADF;
	fd = fd_install_at(file, flags & O_CLOEXEC, newfd);
	if (fd < 0)
		fput(file);
	return fd;
}

static long dupfd(struct file *file, unsigned long min, bool cloexec)
{
	int fd;

	if (min > INT32_MAX)
		return -EINVAL;
	fd = fd_install_min(fget(file), cloexec, (int)min);
	if (fd < 0)
		fput(file);
	return fd;
}

static long setfl(struct file *file, unsigned long arg)
{
	unsigned int flags = oflags_from_user(arg);

	__atomic_store_n(&file->f_flags,
			 (file->f_flags & ~SETFL_MASK) | (flags & SETFL_MASK),
			 __ATOMIC_RELAXED);
	return 0;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fd_get_raw(fd);
	long ret;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = dupfd(file, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = fd_get_cloexec(fd);
		if (ret > 0)
			ret = FD_CLOEXEC;
		break;
	case F_SETFD:
		ret = fd_set_cloexec(fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		/* Per fd, not per file: close-on-exec is not reported. */
		ret = oflags_to_user(file->f_flags & ~O_CLOEXEC);
		break;
	case F_SETFL:
		ret = (file->f_flags & O_PATH) ? -EBADF : setfl(file, arg);
		break;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		ret = (file->f_flags & O_PATH) ? -EBADF : -ENOLCK;
		break;
	default:
		ret = (file->f_flags & O_PATH) ? -EBADF : -EINVAL;
		break;
	}
	fput(file);
	return ret;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fd_get(fd);
	long ret;
	int on;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		ret = fd_set_cloexec(fd, cmd == FIOCLEX);
		break;
	case FIONBIO:
		ret = -EFAULT;
		if (copy_from_user(&on, (const void *)arg, sizeof(on)))
			break;
		if (on)
			__atomic_or_fetch(&file->f_flags, O_NONBLOCK,
					  __ATOMIC_RELAXED);
		else
			__atomic_and_fetch(&file->f_flags, ~O_NONBLOCK,
					   __ATOMIC_RELAXED);
		ret = 0;
		break;
	default:
		ret = vfs_ioctl(file, cmd, arg);
		break;
	}
	fput(file);
	return ret;
}
