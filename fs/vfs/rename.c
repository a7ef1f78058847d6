/*
 * rename(2)/renameat2(2): moves or swaps two names, with Linux's checks in
 * Linux's order: flags, ".", ".." and "/" (-EBUSY), mounts (-EXDEV), the
 * source (-ENOENT), the target (RENAME_NOREPLACE: -EEXIST; EXCHANGE:
 * -ENOENT), trailing slashes on non-directories (-ENOTDIR), a directory
 * moved into itself (-EINVAL) or over its own ancestor (-ENOTEMPTY),
 * type mismatches (-ENOTDIR, -EISDIR) and mountpoints (-EBUSY). Renaming
 * a file onto another name of the same inode does nothing, successfully.
 */
#include "internal.h"

struct rename_side {
	struct nameidata nd;
	enum last_type type;
	struct dentry *d;	/* the entry, or NULL when absent */
};

static bool is_dir(const struct dentry *d)
{
	return S_ISDIR(d->d_inode->i_mode);
}

static int check(struct rename_side *o, struct rename_side *n,
		 unsigned int flags)
{
	bool exchange = flags & RENAME_EXCHANGE;

	if (o->nd.path.mnt != n->nd.path.mnt)
		return -EXDEV;
	if (!o->d)
		return -ENOENT;
	if (n->d && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if (!n->d && exchange)
		return -ENOENT;
	if (!is_dir(o->d) && (o->nd.trailing || (n->nd.trailing && !exchange)))
		return -ENOTDIR;
	if (exchange && n->nd.trailing && !is_dir(n->d))
		return -ENOTDIR;
	if (n->d && o->d->d_inode == n->d->d_inode)
		return 1;
	if (d_is_ancestor(o->d, n->nd.path.dentry))
		return -EINVAL;
	if (n->d && d_is_ancestor(n->d, o->nd.path.dentry))
		return exchange ? -EINVAL : -ENOTEMPTY;
	if (n->d && !exchange) {
		if (is_dir(o->d) && !is_dir(n->d))
			return -ENOTDIR;
		if (!is_dir(o->d) && is_dir(n->d))
			return -EISDIR;
	}
	if (o->d->d_mounted || (n->d && n->d->d_mounted))
		return -EBUSY;
	return mnt_want_write(&o->nd.path);
}

static int lookup_side(struct rename_side *s, struct fs_struct *fs,
		       const struct path *dir, const char *name)
{
	int err = nd_init(&s->nd, fs, dir, name);

	if (!err)
		err = walk_parent(&s->nd, name, &s->type);
	if (!err && s->type != LAST_NORM)
		err = -EBUSY;
	if (err)
		return err;
	s->d = lookup_last(&s->nd);
	if (IS_ERR(s->d)) {
		err = PTR_ERR(s->d);
		s->d = NULL;
	}
	return err;
}

static void put_side(struct rename_side *s)
{
	if (s->d)
		dput(s->d);
	nd_done(&s->nd);
}

/*
 * The dcache after a successful rename of o to n. Without memory for a
 * new name, the dentries are dropped: the next lookup asks the fs again.
 */
static void move_dentries(struct rename_side *o, struct rename_side *n,
			  unsigned int flags)
{
	if (n->d && !(flags & RENAME_EXCHANGE))
		d_drop(n->d);
	if (d_move(o->d, n->nd.path.dentry, n->nd.last, n->nd.last_len))
		d_drop(o->d);
	if (n->d && (flags & RENAME_EXCHANGE) &&
	    d_move(n->d, o->nd.path.dentry, o->nd.last, o->nd.last_len))
		d_drop(n->d);
}

int vfs_rename(struct fs_struct *fs, const struct path *olddir,
	       const char *oldname, const struct path *newdir,
	       const char *newname, unsigned int flags)
{
	struct rename_side o = { 0 }, n = { 0 };
	struct inode *odir, *ndir;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	vfs_lock();
	err = lookup_side(&o, fs, olddir, oldname);
	if (!err)
		err = lookup_side(&n, fs, newdir, newname);
	if (!err)
		err = check(&o, &n, flags);
	if (err)
		goto out;
	odir = path_inode(&o.nd.path);
	ndir = path_inode(&n.nd.path);
	if (!odir->i_op->rename) {
		err = -EPERM;
		goto out;
	}
	err = odir->i_op->rename(odir, o.nd.last, o.nd.last_len, ndir,
				 n.nd.last, n.nd.last_len, flags);
	if (err)
		goto out;
	move_dentries(&o, &n, flags);
	inode_touch(o.d->d_inode, false, true);
	inode_touch(odir, true, true);
	inode_touch(ndir, true, true);
out:
	put_side(&n);
	put_side(&o);
	vfs_unlock();
	return err < 0 ? err : 0;
}
