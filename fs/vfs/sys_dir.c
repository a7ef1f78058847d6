/*
 * The process's place in the name space: chdir, fchdir, chroot, getcwd
 * and umask (struct fs_struct, shared by CLONE_FS threads).
 */
#include "sys.h"

#include <core/slab.h>
#include <core/uaccess.h>

long sys_chdir(const char *pathname)
{
	struct upath p;
	int err;

	err = upath_get(&p, AT_FDCWD, pathname, false);
	if (err)
		return err;
	err = vfs_chdir(cur_fs(), NULL, p.name);
	upath_put(&p);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct upath p;
	int err;

	err = fd_path(fd, &p);
	if (err)
		return err;
	err = vfs_chdir(cur_fs(), p.dir, NULL);
	upath_put(&p);
	return err;
}

long sys_chroot(const char *pathname)
{
	struct upath p;
	int err;

	err = upath_get(&p, AT_FDCWD, pathname, false);
	if (err)
		return err;
	err = vfs_chroot(cur_fs(), NULL, p.name);
	upath_put(&p);
	return err;
}

/* Returns the length written, with the NUL, as the raw syscall does. */
long sys_getcwd(char *buf, unsigned long size)
{
	ssize_t n;
	char *kbuf = kmalloc(PATH_MAX);

	if (!kbuf)
		return -ENOMEM;
	n = vfs_getcwd(cur_fs(), kbuf, PATH_MAX);
	if (n > 0 && (size_t)n > size)
		n = -ERANGE;
	if (n > 0 && copy_to_user(buf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}

long sys_umask(int mask)
{
	return __atomic_exchange_n(&cur_fs()->umask, (uint32_t)mask & 0777,
				   __ATOMIC_RELAXED);
}
