/*
 * mount, umount2, sync and syncfs.
 *
 * mount(2) creates a new instance of the named file system type on a
 * directory. MS_RDONLY makes the mount read-only (changes answer EROFS;
 * device nodes and FIFOs on it stay writable), MS_NOSUID is honoured
 * trivially (nothing is set-id yet), MS_NODEV and MS_NOEXEC are kept on
 * the mount (open refuses device nodes; execve asks path_noexec()),
 * MS_SILENT and the atime options other than MS_STRICTATIME are accepted
 * (access times are never updated on read). MS_REMOUNT gives an existing
 * mount the new set of those flags (read-only and back), its file
 * system's own options unchanged. MS_PRIVATE alone (with MS_REC)
 * succeeds: every mount is private, there being no propagation. Not
 * implemented, and so -EINVAL: MS_BIND, MS_MOVE, MS_SHARED, MS_SLAVE,
 * MS_UNBINDABLE, MS_STRICTATIME, MS_SYNCHRONOUS, MS_DIRSYNC,
 * MS_MANDLOCK, MS_NOSYMFOLLOW.
 *
 * umount2: MNT_FORCE and MNT_DETACH unmount as a plain umount does (a
 * busy mount stays -EBUSY: lazy detaching is not implemented),
 * UMOUNT_NOFOLLOW does not follow a final symlink; MNT_EXPIRE is -EINVAL.
 *
 * sync and syncfs have nothing to write back while every file system
 * lives in memory.
 */
#include "sys.h"

#include <core/slab.h>
#include <core/string.h>
#include <core/uaccess.h>

#define MS_ACCEPTED	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | \
			 MS_SILENT | MS_REMOUNT | \
			 MS_NOATIME | MS_NODIRATIME | MS_RELATIME | \
			 MS_LAZYTIME)
#define MS_PROPAGATION	(MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED)

#define FSTYPE_MAX	64

static unsigned int mnt_flags_of(unsigned long flags)
{
	return ((flags & MS_RDONLY) ? MNTF_RDONLY : 0) |
	       ((flags & MS_NOSUID) ? MNTF_NOSUID : 0) |
	       ((flags & MS_NODEV) ? MNTF_NODEV : 0) |
	       ((flags & MS_NOEXEC) ? MNTF_NOEXEC : 0);
}

/* A propagation change: only "private" is true of our mounts. */
static long change_type(const char *name, unsigned long flags)
{
	struct path path;
	int err;

	if ((flags & ~(MS_REC | MS_SILENT)) != MS_PRIVATE)
		return -EINVAL;
	err = vfs_lookup(cur_fs(), NULL, name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	path_put(&path);
	return 0;
}

long sys_mount(const char *source, const char *target, const char *fstype,
	       unsigned long flags, const void *data)
{
	char type[FSTYPE_MAX];
	char *kdata = NULL, *ksource = NULL;
	struct upath p;
	long err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~(unsigned long)MS_MGC_MSK;
	err = upath_get(&p, AT_FDCWD, target, false);
	if (err)
		return err;
	if (flags & MS_PROPAGATION) {
		err = change_type(p.name, flags);
		goto out;
	}
	err = -EINVAL;
	if (flags & ~(unsigned long)MS_ACCEPTED)
		goto out;
	/* The options of the file system itself (data) do not change. */
	if (flags & MS_REMOUNT) {
		err = vfs_remount(cur_fs(), NULL, p.name, mnt_flags_of(flags));
		goto out;
	}
	err = fstype ? strncpy_from_user(type, fstype, sizeof(type)) : -EFAULT;
	if (err == -ENAMETOOLONG)
		err = -ENODEV;
	if (err < 0)
		goto out;
	if (data) {
		err = -ENOMEM;
		kdata = kmalloc(PAGE_SIZE);
		if (!kdata)
			goto out;
		/* Options longer than a page are cut there, as Linux does. */
		err = strncpy_from_user(kdata, data, PAGE_SIZE);
		if (err < 0 && err != -ENAMETOOLONG)
			goto out;
	}
	if (source) {
		/* Kept for /proc/mounts; Linux copies it for every type. */
		err = -ENOMEM;
		ksource = kmalloc(PATH_MAX);
		if (!ksource)
			goto out;
		err = strncpy_from_user(ksource, source, PATH_MAX);
		if (err < 0)
			goto out;
	}
	err = vfs_mount_dev(cur_fs(), NULL, p.name, ksource ? ksource : "none",
			    type, kdata, mnt_flags_of(flags));
out:
	kfree(ksource);
	kfree(kdata);
	upath_put(&p);
	return err;
}

long sys_umount2(const char *target, int flags)
{
	struct upath p;
	struct path path;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & MNT_EXPIRE)
		return -EINVAL;
	err = upath_get(&p, AT_FDCWD, target, false);
	if (err)
		return err;
	if (flags & UMOUNT_NOFOLLOW) {
		err = vfs_lookup(cur_fs(), NULL, p.name, 0, &path);
		if (!err) {
			if (S_ISLNK(path.dentry->d_inode->i_mode))
				err = -EINVAL;
			path_put(&path);
		}
		if (err)
			goto out;
	}
	err = vfs_umount(cur_fs(), NULL, p.name);
out:
	upath_put(&p);
	return err;
}

long sys_sync(void)
{
	return 0;
}

long sys_syncfs(int fd)
{
	struct file *file = fd_get(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}
