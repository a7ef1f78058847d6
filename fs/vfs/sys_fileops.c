/*
 * The remaining calls on open files of the file I/O group: fstat,
 * getdents64, fsync, fdatasync and ftruncate. fstat answers for O_PATH
 * files too (as Linux since 3.6); the others need a file opened for I/O.
 */
#include "sys.h"
#include "abi.h"

#include <core/uaccess.h>

long sys_fstat(unsigned int fd, struct arch_stat *ubuf)
{
	struct file *file = fd_get_raw(fd);
	struct arch_stat out;
	struct kstat st;
	int err;

	if (!file)
		return -EBADF;
	err = vfs_fstat(file, &st);
	fput(file);
	if (err)
		return err;
	stat_pack(&out, &st);
	return copy_to_user(ubuf, &out, sizeof(out));
}

/* getdents64 into a bounce buffer; convert rewrites it (legacy form). */
long do_getdents(unsigned int fd, void *dirp, unsigned int count,
		 void (*convert)(void *buf, size_t len))
{
	struct file *file = fd_get(fd);
	size_t size;
	ssize_t n;
	void *buf;

	if (!file)
		return -EBADF;
	buf = bounce_alloc(count, &size);
	if (!buf) {
		fput(file);
		return -ENOMEM;
	}
	n = vfs_getdents(file, buf, MIN(size, (size_t)count));
	if (n > 0 && convert)
		convert(buf, n);
	if (n > 0 && copy_to_user(dirp, buf, n))
		n = -EFAULT;
	bounce_free(buf);
	fput(file);
	return n;
}

long sys_getdents64(unsigned int fd, void *dirp, unsigned int count)
{
	return do_getdents(fd, dirp, count, NULL);
}

long sys_fsync(unsigned int fd)
{
	struct file *file = fd_get(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = vfs_fsync(file);
	fput(file);
	return ret;
}

/* Data and metadata go together: the file systems have nothing finer. */
long sys_fdatasync(unsigned int fd)
{
	return sys_fsync(fd);
}

long sys_ftruncate(unsigned int fd, int64_t length)
{
	struct file *file;
	long ret;

	if (length < 0)
		return -EINVAL;
	file = fd_get(fd);
	if (!file)
		return -EBADF;
	ret = vfs_ftruncate(file, length);
	fput(file);
	return ret;
}
