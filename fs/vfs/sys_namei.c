/*
 * The *at calls that create, remove and rename names: mkdirat, mknodat,
 * unlinkat, symlinkat, linkat, renameat, renameat2 and readlinkat. Each
 * resolves its dirfd (sys.h: upath_get) and calls the VFS operation.
 *
 * mknodat stores FIFOs and sockets; opening such a node answers ENXIO
 * until the pipe layer serves FIFOs.
 */
#include "sys.h"
#include "calls.h"

#include <core/slab.h>
#include <core/uaccess.h>

long sys_mkdirat(int dirfd, const char *pathname, uint32_t mode)
{
	struct upath p;
	long err;

	err = upath_get(&p, dirfd, pathname, false);
	if (err)
		return err;
	err = vfs_mkdir(cur_fs(), p.dir, p.name, mode);
	upath_put(&p);
	return err;
}

long sys_mknodat(int dirfd, const char *pathname, uint32_t mode,
		 unsigned int dev)
{
	struct upath p;
	long err;

	err = upath_get(&p, dirfd, pathname, false);
	if (err)
		return err;
	err = vfs_mknod(cur_fs(), p.dir, p.name, mode, new_decode_dev(dev));
	upath_put(&p);
	return err;
}

long sys_unlinkat(int dirfd, const char *pathname, int flags)
{
	struct upath p;
	long err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	err = upath_get(&p, dirfd, pathname, false);
	if (err)
		return err;
	if (flags & AT_REMOVEDIR)
		err = vfs_rmdir(cur_fs(), p.dir, p.name);
	else
		err = vfs_unlink(cur_fs(), p.dir, p.name);
	upath_put(&p);
	return err;
}

long sys_symlinkat(const char *target, int newdirfd, const char *linkpath)
{
	struct upath p;
	char *t;
	long err;

	t = getname(target);
	if (IS_ERR(t))
		return PTR_ERR(t);
	err = upath_get(&p, newdirfd, linkpath, false);
	if (!err) {
		err = vfs_symlink(cur_fs(), t, p.dir, p.name);
		upath_put(&p);
	}
	putname(t);
	return err;
}

long sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
		const char *newpath, int flags)
{
	struct upath o, n;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = upath_get(&o, olddirfd, oldpath, flags & AT_EMPTY_PATH);
	if (err)
		return err;
	err = upath_get(&n, newdirfd, newpath, false);
	if (!err) {
		err = vfs_link(cur_fs(), o.dir, o.name, n.dir, n.name, flags);
		upath_put(&n);
	}
	upath_put(&o);
	return err;
}

long sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
		   const char *newpath, unsigned int flags)
{
	struct upath o, n;
	long err;

	err = upath_get(&o, olddirfd, oldpath, false);
	if (err)
		return err;
	err = upath_get(&n, newdirfd, newpath, false);
	if (!err) {
		err = vfs_rename(cur_fs(), o.dir, o.name, n.dir, n.name, flags);
		upath_put(&n);
	}
	upath_put(&o);
	return err;
}

long sys_renameat(int olddirfd, const char *oldpath, int newdirfd,
		  const char *newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

long sys_readlinkat(int dirfd, const char *pathname, char *buf, int bufsiz)
{
	struct upath p;
	ssize_t n;
	char *kbuf;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = upath_get(&p, dirfd, pathname, false);
	if (err)
		return err;
	kbuf = kmalloc(PATH_MAX);
	if (!kbuf) {
		upath_put(&p);
		return -ENOMEM;
	}
	n = vfs_readlink(cur_fs(), p.dir, p.name, kbuf,
			 MIN((size_t)bufsiz, (size_t)PATH_MAX));
	upath_put(&p);
	if (n > 0 && copy_to_user(buf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}
