/*
 * Attributes: stat, statfs, readlink, truncate, chmod, chown and utimes
 * (the *at forms: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH). Owners and modes
 * are stored, not enforced, until users and permissions exist.
 */
#include <core/compiler.h>
#include <core/string.h>
#include <core/time.h>

#include "internal.h"

int notify_change(struct inode *inode, const struct iattr *attr)
{
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(inode, attr);
	if (attr->valid & ATTR_SIZE)
		return -EPERM;
	inode_setattr(inode, attr);
	return 0;
}

int do_truncate(struct inode *inode, int64_t size)
{
	struct iattr attr = { .valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME };

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || size < 0)
		return -EINVAL;
	if (size > inode->i_sb->s_maxbytes)
		return -EFBIG;
	attr.size = size;
	attr.mtime = attr.ctime = vfs_now();
	return notify_change(inode, &attr);
}

/*
 * Walks to the file an *at call names (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 * among allowed) with vfs_lock() held; the caller ends with nd_finish().
 */
static int start(struct nameidata *nd, struct fs_struct *fs,
		 const struct path *dir, const char *name, unsigned int flags,
		 unsigned int allowed, bool follow)
{
	unsigned int lookup = 0;
	int err;

	if (flags & ~allowed)
		return -EINVAL;
	if (follow && !(flags & AT_SYMLINK_NOFOLLOW))
		lookup |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	vfs_lock();
	err = nd_init(nd, fs, dir, name);
	if (!err)
		err = walk_path(nd, name, lookup);
	return err ? nd_finish(nd, err) : 0;
}

int vfs_stat(struct fs_struct *fs, const struct path *dir, const char *name,
	     unsigned int flags, struct kstat *st)
{
	struct nameidata nd;
	int err;

	err = start(&nd, fs, dir, name, flags,
		    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, true);
	if (err)
		return err;
	generic_fillattr(path_inode(&nd.path), st);
	return nd_finish(&nd, 0);
}

int vfs_statfs(struct fs_struct *fs, const struct path *dir, const char *name,
	       struct kstatfs *st)
{
	struct nameidata nd;
	struct super_block *sb;
	int err;

	err = start(&nd, fs, dir, name, AT_EMPTY_PATH * !*name, AT_EMPTY_PATH,
		    true);
	if (err)
		return err;
	sb = nd.path.dentry->d_sb;
	memset(st, 0, sizeof(*st));
	st->type = sb->s_magic;
	st->namelen = NAME_MAX;
	st->fsid = sb->s_dev;
	err = sb->s_op->statfs ? sb->s_op->statfs(sb, st) : 0;
	return nd_finish(&nd, err);
}

ssize_t vfs_readlink(struct fs_struct *fs, const struct path *dir,
		     const char *name, char *buf, size_t len)
{
	struct nameidata nd;
	struct inode *inode;
	const char *target;
	size_t n;
	int err;

	if ((ssize_t)len <= 0)
		return -EINVAL;
	err = start(&nd, fs, dir, name, 0, 0, false);
	if (err)
		return err;
	inode = path_inode(&nd.path);
	if (!S_ISLNK(inode->i_mode) || !inode->i_op->get_link)
		return nd_finish(&nd, -EINVAL);
	target = inode->i_op->get_link(inode);
	if (IS_ERR(target))
		return nd_finish(&nd, PTR_ERR(target));
	n = MIN(len, strlen(target));
	memcpy(buf, target, n);
	nd_finish(&nd, 0);
	return n;
}

int vfs_truncate(struct fs_struct *fs, const struct path *dir,
		 const char *name, int64_t size)
{
	struct nameidata nd;
	int err;

	err = start(&nd, fs, dir, name, 0, 0, true);
	if (err)
		return err;
	err = mnt_want_write(&nd.path);
	if (!err)
		err = do_truncate(path_inode(&nd.path), size);
	return nd_finish(&nd, err);
}

int vfs_chmod(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode, unsigned int flags)
{
	struct iattr attr = { .valid = ATTR_MODE | ATTR_CTIME,
			      .mode = mode & S_IALLUGO };
	struct nameidata nd;
	int err;

	err = start(&nd, fs, dir, name, flags,
		    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, true);
	if (err)
		return err;
	/* Linux: a symlink's mode cannot change (fchmodat2). */
	if (S_ISLNK(path_inode(&nd.path)->i_mode))
		return nd_finish(&nd, -EOPNOTSUPP);
	attr.ctime = vfs_now();
	err = mnt_want_write(&nd.path);
	if (!err)
		err = notify_change(path_inode(&nd.path), &attr);
	return nd_finish(&nd, err);
}

int vfs_chown(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t uid, uint32_t gid, unsigned int flags)
{
	struct iattr attr = { .valid = ATTR_CTIME, .uid = uid, .gid = gid };
	struct nameidata nd;
	int err;

	err = start(&nd, fs, dir, name, flags,
		    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, true);
	if (err)
		return err;
	if (uid != (uint32_t)-1)
		attr.valid |= ATTR_UID;
	if (gid != (uint32_t)-1)
		attr.valid |= ATTR_GID;
	attr.ctime = vfs_now();
	err = mnt_want_write(&nd.path);
	if (!err)
		err = notify_change(path_inode(&nd.path), &attr);
	return nd_finish(&nd, err);
}

static bool valid_time(const struct timespec64 *t)
{
	return t->tv_nsec == UTIME_NOW || t->tv_nsec == UTIME_OMIT ||
	       (t->tv_nsec >= 0 && t->tv_nsec < (long)NSEC_PER_SEC);
}

int vfs_utimes(struct fs_struct *fs, const struct path *dir, const char *name,
	       const struct timespec64 times[2], unsigned int flags)
{
	struct timespec64 now = vfs_now();
	struct iattr attr = { .valid = ATTR_CTIME, .atime = now, .mtime = now,
			      .ctime = now };
	struct nameidata nd;
	int err;

	if (times && (!valid_time(&times[0]) || !valid_time(&times[1])))
		return -EINVAL;
	if (!times || times[0].tv_nsec != UTIME_OMIT)
		attr.valid |= ATTR_ATIME;
	if (!times || times[1].tv_nsec != UTIME_OMIT)
		attr.valid |= ATTR_MTIME;
	if (times && times[0].tv_nsec != UTIME_NOW)
		attr.atime = times[0];
	if (times && times[1].tv_nsec != UTIME_NOW)
		attr.mtime = times[1];
	if (!(attr.valid & (ATTR_ATIME | ATTR_MTIME)))
		attr.valid = 0;
	err = start(&nd, fs, dir, name, flags,
		    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, true);
	if (err)
		return err;
	err = mnt_want_write(&nd.path);
	if (!err)
		err = notify_change(path_inode(&nd.path), &attr);
	return nd_finish(&nd, err);
}
