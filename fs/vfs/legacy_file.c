/*
 * x86_64's older fd calls, thin wrappers onto the generic handlers:
 * dup2 (dup3 without flags, but dup2(fd, fd) is fd when it is open) and
 * getdents (the linux_dirent layout: d_type in the record's last byte).
 */
#include "sys.h"
#include "abi.h"

#include "calls.h"

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct file *file;

	if (oldfd == newfd) {
		file = fd_get_raw(oldfd);
		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

long sys_getdents(unsigned int fd, void *dirp, unsigned int count)
{
	return do_getdents(fd, dirp, count, dirent64_to_legacy);
}
