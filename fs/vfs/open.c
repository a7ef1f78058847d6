/*
 * open(): the last step of the walk for vfs_open(), with the O_CREAT,
 * O_EXCL, O_NOFOLLOW, O_DIRECTORY, O_TRUNC and O_PATH rules of Linux,
 * and the struct file it returns (reference counted; fput() releases).
 * Regular files and directories use their inode's file ops; character
 * devices are routed by device number through the chrdev table (and
 * refused on a nodev mount). Block devices, FIFOs and sockets answer
 * -ENXIO until their layers exist.
 */
#include <core/slab.h>

#include <fs/chrdev.h>

#include <fs/pipe.h>

#include "internal.h"

static const struct file_ops *open_fops(struct inode *inode)
{
	const struct chrdev *cdev;

	switch (inode->i_mode & S_IFMT) {
	case S_IFREG:
	case S_IFDIR:
		return inode->i_fop;
	case S_IFCHR:
		cdev = chrdev_find(inode->i_rdev);
		return cdev ? cdev->fops : NULL;
	case S_IFIFO:
		return IS_ENABLED(CONFIG_PIPE) ? &fifo_fops : NULL;
	default:
		return NULL;
	}
}

/* A file on path (the reference passes to the file on success). */
static struct file *do_open(const struct path *path, unsigned int flags)
{
	struct inode *inode = path_inode(path);
	unsigned int acc = flags & O_ACCMODE;
	struct file *file;
	int err;

	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	file = kzalloc(sizeof(*file));
	if (!file)
		return ERR_PTR(-ENOMEM);
	file->f_ref = 1;
	file->f_path = *path;
	file->f_inode = inode;
	/* O_NOCTTY is for the open op (a terminal's) only: dropped after. */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC);
	mutex_init(&file->f_pos_lock);
	if (flags & O_PATH) {
		file->f_flags &= ~O_NOCTTY;
		return file;
	}

	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC))) {
		err = -EISDIR;
		goto err_free;
	}
	/* Devices, FIFOs and sockets on a read-only mount stay writable. */
	if ((S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)) &&
	    (acc != O_RDONLY || (flags & O_TRUNC))) {
		err = mnt_want_write(path);
		if (err)
			goto err_free;
	}
	if ((S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode)) &&
	    (path->mnt->mnt_flags & MNTF_NODEV)) {
		err = -EACCES;
		goto err_free;
	}
	file->f_op = open_fops(inode);
	if (!file->f_op) {
		err = -ENXIO;
		goto err_free;
	}
	if (acc == O_RDONLY || acc == O_RDWR)
		file->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		file->f_mode |= FMODE_WRITE;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode)) {
		err = do_truncate(inode, 0);
		if (err)
			goto err_free;
	}
	if (file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err)
			goto err_free;
	}
	file->f_flags &= ~O_NOCTTY;
	return file;
err_free:
	kfree(file);
	return ERR_PTR(err);
}

/* Creates the regular file nd->last in nd->path and steps into it. */
static int create_last(struct nameidata *nd, uint32_t mode)
{
	struct inode *dir = path_inode(&nd->path);
	struct inode *inode;
	struct dentry *d;
	int err;

	if (!dir->i_op->mknod)
		return -EPERM;
	err = mnt_want_write(&nd->path);
	if (err)
		return err;
	mode = S_IFREG | (mode & ~nd->fs->umask & S_IALLUGO);
	err = dir->i_op->mknod(dir, nd->last, nd->last_len, mode, 0, &inode);
	if (err)
		return err;
	d = d_alloc(nd->path.dentry, nd->last, nd->last_len, inode);
	if (!d) {
		iput(inode);
		return -ENOMEM;
	}
	inode_touch(dir, true, true);
	dput(nd->path.dentry);
	nd->path.dentry = d;
	return 0;
}

/*
 * Resolves name for open into nd->path, creating it for O_CREAT. A final
 * symlink is followed (even to create its target) unless O_NOFOLLOW or
 * O_EXCL says otherwise.
 */
static int open_walk(struct nameidata *nd, const char *name,
		     unsigned int flags, uint32_t mode)
{
	struct path parent, link;
	enum last_type type;
	const char *target;
	struct dentry *d;
	bool trailing;
	int err;

	err = walk_parent(nd, name, &type);
	if (err)
		return err;
	if (type != LAST_NORM) {
		if (flags & O_CREAT)
			return -EISDIR;
		return walk_last(nd);
	}
	d = lookup_last(nd);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d) {
		if (!(flags & O_CREAT))
			return -ENOENT;
		if (nd->trailing)
			return -EISDIR;
		return create_last(nd, mode);
	}
	dput(d);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if ((flags & O_CREAT) && nd->trailing)
		return -EISDIR;
	trailing = nd->trailing;
	parent = nd->path;
	__path_get(&parent);
	err = walk_last(nd);
	if (err || !S_ISLNK(path_inode(&nd->path)->i_mode))
		goto out;
	if ((flags & O_NOFOLLOW) && !trailing) {
		err = (flags & O_PATH) ? 0 : -ELOOP;
		goto out;
	}
	if (++nd->links > MAXSYMLINKS) {
		err = -ELOOP;
		goto out;
	}
	target = path_inode(&nd->path)->i_op->get_link(path_inode(&nd->path));
	if (IS_ERR(target)) {
		err = PTR_ERR(target);
		goto out;
	}
	link = nd->path;
	__path_get(&link);
	__path_get(&parent);
	__path_put(&nd->path);
	nd->path = parent;
	err = open_walk(nd, target, flags, mode);
	__path_put(&link);
out:
	__path_put(&parent);
	if (!err && trailing && !S_ISDIR(path_inode(&nd->path)->i_mode))
		err = -ENOTDIR;
	return err;
}

struct file *vfs_open(struct fs_struct *fs, const struct path *dir,
		      const char *name, unsigned int flags, uint32_t mode)
{
	struct nameidata nd;
	struct file *file;
	int err;

	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (err)
		goto out;
	err = open_walk(&nd, name, flags, mode);
	if (err)
		goto out_done;
	if ((flags & O_CREAT) && S_ISDIR(path_inode(&nd.path)->i_mode)) {
		err = -EISDIR;
		goto out_done;
	}
	file = do_open(&nd.path, flags);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_done;
	}
	nd.path.mnt = NULL;
	vfs_unlock();
	return file;
out_done:
	nd_done(&nd);
out:
	vfs_unlock();
	return ERR_PTR(err);
}

struct file *vfs_open_path(const struct path *path, unsigned int flags)
{
	struct file *file;

	vfs_lock();
	__path_get(path);
	file = do_open(path, flags);
	if (IS_ERR(file))
		__path_put(path);
	vfs_unlock();
	return file;
}

struct file *fget(struct file *file)
{
	__atomic_add_fetch(&file->f_ref, 1, __ATOMIC_RELAXED);
	return file;
}

void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_ref, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	kfree(file);
}
