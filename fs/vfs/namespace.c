/*
 * Directory operations: mkdir, mknod, symlink, link, unlink, rmdir and
 * rename(2) with RENAME_NOREPLACE and RENAME_EXCHANGE. Each walks to the
 * parent, checks the last component the way Linux does (".", "..", "/",
 * trailing slashes, existence, types, mountpoints), calls the file system
 * and then brings the dentry cache in line. All under vfs_lock().
 */
#include <core/string.h>

#include "internal.h"

/* Walks to the parent of name with vfs_lock() taken; end with nd_finish(). */
static int start(struct nameidata *nd, struct fs_struct *fs,
		 const struct path *dir, const char *name, enum last_type *type)
{
	int err;

	vfs_lock();
	err = nd_init(nd, fs, dir, name);
	if (!err)
		err = walk_parent(nd, name, type);
	return err ? nd_finish(nd, err) : 0;
}

/* The last component must be new: -EEXIST for ".", "..", "/" or a name. */
static int check_new(struct nameidata *nd, enum last_type type, bool is_dir)
{
	struct dentry *d;

	if (type != LAST_NORM)
		return -EEXIST;
	d = lookup_last(nd);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (d) {
		dput(d);
		return -EEXIST;
	}
	/* "name/" asked for a directory that does not exist. */
	if (nd->trailing && !is_dir)
		return -ENOENT;
	return mnt_want_write(&nd->path);
}

/* Enters a new inode (from the file system) into the dcache. */
static int add_entry(struct nameidata *nd, struct inode *inode)
{
	struct inode *dir = path_inode(&nd->path);
	struct dentry *d = d_alloc(nd->path.dentry, nd->last, nd->last_len,
				   inode);

	if (!d) {
		iput(inode);
		return -ENOMEM;
	}
	dput(d);
	inode_touch(dir, true, true);
	return 0;
}

static int do_mknod(struct fs_struct *fs, const struct path *dir,
		    const char *name, uint32_t mode, kdev_t rdev)
{
	enum last_type type;
	struct nameidata nd;
	struct inode *pdir, *inode;
	int err;

	err = start(&nd, fs, dir, name, &type);
	if (err)
		return err;
	err = check_new(&nd, type, S_ISDIR(mode));
	if (err)
		return nd_finish(&nd, err);
	pdir = path_inode(&nd.path);
	if (!pdir->i_op->mknod)
		return nd_finish(&nd, -EPERM);
	mode = (mode & S_IFMT) | (mode & ~fs->umask & S_IALLUGO);
	err = pdir->i_op->mknod(pdir, nd.last, nd.last_len, mode, rdev, &inode);
	if (!err)
		err = add_entry(&nd, inode);
	return nd_finish(&nd, err);
}

int vfs_mkdir(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode)
{
	return do_mknod(fs, dir, name, S_IFDIR | (mode & S_IALLUGO), 0);
}

int vfs_mknod(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode, kdev_t rdev)
{
	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		rdev = 0;
	return do_mknod(fs, dir, name, mode, rdev);
}

int vfs_symlink(struct fs_struct *fs, const char *target,
		const struct path *dir, const char *name)
{
	enum last_type type;
	struct nameidata nd;
	struct inode *pdir, *inode;
	int err;

	if (!*target)
		return -ENOENT;
	if (strnlen(target, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	err = start(&nd, fs, dir, name, &type);
	if (err)
		return err;
	err = check_new(&nd, type, false);
	if (err)
		return nd_finish(&nd, err);
	pdir = path_inode(&nd.path);
	if (!pdir->i_op->symlink)
		return nd_finish(&nd, -EPERM);
	err = pdir->i_op->symlink(pdir, nd.last, nd.last_len, target, &inode);
	if (!err)
		err = add_entry(&nd, inode);
	return nd_finish(&nd, err);
}

int vfs_link(struct fs_struct *fs, const struct path *olddir,
	     const char *oldname, const struct path *newdir,
	     const char *newname, unsigned int flags)
{
	unsigned int lookup = 0;
	struct nameidata old, nd;
	enum last_type type;
	struct inode *inode, *pdir;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		lookup |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	vfs_lock();
	err = nd_init(&old, fs, olddir, oldname);
	if (err)
		goto out_unlock;
	err = walk_path(&old, oldname, lookup);
	if (err)
		goto out_old;
	err = nd_init(&nd, fs, newdir, newname);
	if (err)
		goto out_old;
	err = walk_parent(&nd, newname, &type);
	if (!err)
		err = check_new(&nd, type, false);
	if (err)
		goto out;
	inode = path_inode(&old.path);
	pdir = path_inode(&nd.path);
	if (old.path.mnt != nd.path.mnt) {
		err = -EXDEV;
		goto out;
	}
	if (S_ISDIR(inode->i_mode)) {
		err = -EPERM;
		goto out;
	}
	if (!pdir->i_op->link) {
		err = -EPERM;
		goto out;
	}
	err = pdir->i_op->link(inode, pdir, nd.last, nd.last_len);
	if (!err) {
		inode_touch(inode, false, true);
		err = add_entry(&nd, iget(inode));
	}
out:
	nd_done(&nd);
out_old:
	nd_done(&old);
out_unlock:
	vfs_unlock();
	return err;
}

/* The existing last component for removal, or ERR_PTR(). */
static struct dentry *lookup_victim(struct nameidata *nd)
{
	struct dentry *d = lookup_last(nd);

	if (!d)
		return ERR_PTR(-ENOENT);
	if (!IS_ERR(d) && d->d_mounted) {
		dput(d);
		return ERR_PTR(-EBUSY);
	}
	return d;
}

int vfs_unlink(struct fs_struct *fs, const struct path *dir, const char *name)
{
	enum last_type type;
	struct nameidata nd;
	struct inode *pdir;
	struct dentry *d;
	int err;

	err = start(&nd, fs, dir, name, &type);
	if (err)
		return err;
	if (type != LAST_NORM)
		return nd_finish(&nd, -EISDIR);
	d = lookup_victim(&nd);
	if (IS_ERR(d))
		return nd_finish(&nd, PTR_ERR(d));
	pdir = path_inode(&nd.path);
	if (S_ISDIR(d->d_inode->i_mode))
		err = -EISDIR;
	else if (nd.trailing)
		err = -ENOTDIR;
	else if (!pdir->i_op->unlink)
		err = -EPERM;
	else
		err = mnt_want_write(&nd.path) ?:
		      pdir->i_op->unlink(pdir, nd.last, nd.last_len);
	if (!err) {
		d_drop(d);
		inode_touch(d->d_inode, false, true);
		inode_touch(pdir, true, true);
	}
	dput(d);
	return nd_finish(&nd, err);
}

int vfs_rmdir(struct fs_struct *fs, const struct path *dir, const char *name)
{
	static const int last_err[] = { [LAST_ROOT] = -EBUSY,
					[LAST_DOT] = -EINVAL,
					[LAST_DOTDOT] = -ENOTEMPTY };
	enum last_type type;
	struct nameidata nd;
	struct inode *pdir;
	struct dentry *d;
	int err;

	err = start(&nd, fs, dir, name, &type);
	if (err)
		return err;
	if (type != LAST_NORM)
		return nd_finish(&nd, last_err[type]);
	d = lookup_victim(&nd);
	if (IS_ERR(d))
		return nd_finish(&nd, PTR_ERR(d));
	pdir = path_inode(&nd.path);
	if (!S_ISDIR(d->d_inode->i_mode))
		err = -ENOTDIR;
	else if (!pdir->i_op->rmdir)
		err = -EPERM;
	else
		err = mnt_want_write(&nd.path) ?:
		      pdir->i_op->rmdir(pdir, nd.last, nd.last_len);
	if (!err) {
		d_drop(d);
		inode_touch(pdir, true, true);
	}
	dput(d);
	return nd_finish(&nd, err);
}
