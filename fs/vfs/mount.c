/*
 * File system types, the mount table and the name-space lock.
 *
 * A mount grafts a super block's root on a directory (its mountpoint) of
 * a parent mount; the root mount is its own parent. The table is a list,
 * newest first, so the last mount stacked on a directory is the one a walk
 * enters. A mount's mnt_ref counts the table's reference plus every path
 * held outside a walk (open files, cwd and root of processes): umount
 * answers -EBUSY while any exists, or while something is mounted below.
 */
#define pr_fmt(fmt) "vfs: " fmt

#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>

#include "internal.h"

static struct mutex ns_lock;
static struct list_head fs_types = LIST_HEAD_INIT(fs_types);
static struct list_head mounts = LIST_HEAD_INIT(mounts);
static struct mount *root_mnt;

void vfs_init(void)
{
	mutex_init(&ns_lock);
	dcache_init();
}

void vfs_lock(void)
{
	mutex_lock(&ns_lock);
}

void vfs_unlock(void)
{
	mutex_unlock(&ns_lock);
}

static struct fs_type *find_fs_type(const char *name)
{
	for (struct list_head *p = fs_types.next; p != &fs_types; p = p->next) {
		struct fs_type *t = list_entry(p, struct fs_type, link);

		if (strcmp(t->name, name) == 0)
			return t;
	}
	return NULL;
}

/* Returns 0, or -EBUSY if a type of that name exists. */
int register_filesystem(struct fs_type *type)
{
	if (find_fs_type(type->name))
		return -EBUSY;
	list_add_tail(&type->link, &fs_types);
	return 0;
}

struct fs_type *fs_type_next(struct fs_type *prev)
{
	struct list_head *p = prev ? prev->link.next : fs_types.next;

	return p == &fs_types ? NULL : list_entry(p, struct fs_type, link);
}

struct mount *mntget(struct mount *mnt)
{
	mnt->mnt_ref++;
	return mnt;
}

void mntput(struct mount *mnt)
{
	mnt->mnt_ref--;
}

void __path_get(const struct path *p)
{
	mntget(p->mnt);
	dget(p->dentry);
}

void __path_put(const struct path *p)
{
	dput(p->dentry);
	mntput(p->mnt);
}

void path_get(const struct path *p)
{
	vfs_lock();
	__path_get(p);
	vfs_unlock();
}

void path_put(const struct path *p)
{
	vfs_lock();
	__path_put(p);
	vfs_unlock();
}

struct mount *lookup_mnt(struct mount *mnt, struct dentry *d)
{
	if (!d->d_mounted)
		return NULL;
	for (struct list_head *p = mounts.next; p != &mounts; p = p->next) {
		struct mount *m = list_entry(p, struct mount, mnt_link);

		if (m->mnt_parent == mnt && m->mnt_mountpoint == d &&
		    m != root_mnt)
			return m;
	}
	return NULL;
}

/* A mount of a new (or shared) super block of fstype, with mnt_ref 1. */
static struct mount *mount_new(const char *fstype, const char *data,
			       const char *source)
{
	static int next_id = 1;
	struct fs_type *type = find_fs_type(fstype);
	struct super_block *sb;
	struct mount *mnt;

	if (!type)
		return ERR_PTR(-ENODEV);
	mnt = kzalloc(sizeof(*mnt));
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	if (source) {
		size_t n = strlen(source) + 1;

		mnt->mnt_devname = kmalloc(n);
		if (!mnt->mnt_devname) {
			kfree(mnt);
			return ERR_PTR(-ENOMEM);
		}
		memcpy(mnt->mnt_devname, source, n);
	}
	sb = type->mount(type, data);
	if (IS_ERR(sb)) {
		kfree(mnt->mnt_devname);
		kfree(mnt);
		return (struct mount *)sb;
	}
	mnt->mnt_id = next_id++;
	sb->s_active++;
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	mnt->mnt_ref = 1;
	return mnt;
}

int vfs_mount_root(const char *fstype, const char *data)
{
	struct mount *mnt;
	struct path root;
	int err = 0;

	vfs_lock();
	if (root_mnt) {
		err = -EBUSY;
		goto out;
	}
	mnt = mount_new(fstype, data, "rootfs");
	if (IS_ERR(mnt)) {
		err = PTR_ERR(mnt);
		goto out;
	}
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = dget(mnt->mnt_root);
	list_add(&mnt->mnt_link, &mounts);
	root_mnt = mnt;
	root = (struct path){ mnt, mnt->mnt_root };
	__path_get(&root);
	__path_get(&root);
	init_fs.root = root;
	init_fs.cwd = root;
	init_fs.ref = 1;
	init_fs.umask = 022;
out:
	vfs_unlock();
	return err;
}

int vfs_mount(struct fs_struct *fs, const struct path *dir, const char *name,
	      const char *fstype, const char *data)
{
	return vfs_mount_flags(fs, dir, name, fstype, data, 0);
}

int vfs_mount_flags(struct fs_struct *fs, const struct path *dir,
		    const char *name, const char *fstype, const char *data,
		    unsigned int mnt_flags)
{
	return vfs_mount_dev(fs, dir, name, fstype, fstype, data, mnt_flags);
}

int vfs_mount_dev(struct fs_struct *fs, const struct path *dir,
		  const char *name, const char *source, const char *fstype,
		  const char *data, unsigned int mnt_flags)
{
	struct nameidata nd;
	struct mount *mnt;
	int err;

	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (err)
		goto out_unlock;
	err = walk_path(&nd, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
	if (err)
		goto out;
	mnt = mount_new(fstype, data, source);
	if (IS_ERR(mnt)) {
		err = PTR_ERR(mnt);
		goto out;
	}
	mnt->mnt_flags = mnt_flags;
	mnt->mnt_parent = mntget(nd.path.mnt);
	mnt->mnt_mountpoint = dget(nd.path.dentry);
	nd.path.dentry->d_mounted++;
	list_add(&mnt->mnt_link, &mounts);
out:
	nd_done(&nd);
out_unlock:
	vfs_unlock();
	return err;
}

struct mount *mount_next(struct mount *prev)
{
	struct list_head *p = prev ? prev->mnt_link.prev : mounts.prev;

	return p == &mounts ? NULL : list_entry(p, struct mount, mnt_link);
}

static bool has_children(struct mount *mnt)
{
	for (struct list_head *p = mounts.next; p != &mounts; p = p->next) {
		struct mount *m = list_entry(p, struct mount, mnt_link);

		if (m->mnt_parent == mnt && m != mnt)
			return true;
	}
	return false;
}

static void sb_deactivate(struct super_block *sb)
{
	if (--sb->s_active > 0)
		return;
	d_kill_sb(sb);
	if (sb->s_op->put_super)
		sb->s_op->put_super(sb);
	kfree(sb);
}

int vfs_remount(struct fs_struct *fs, const struct path *dir,
		const char *name, unsigned int mnt_flags)
{
	struct nameidata nd;
	int err;

	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (!err)
		err = walk_path(&nd, name, LOOKUP_FOLLOW);
	if (!err && nd.path.dentry != nd.path.mnt->mnt_root)
		err = -EINVAL;
	if (!err)
		nd.path.mnt->mnt_flags = mnt_flags;
	return nd_finish(&nd, err);
}

int vfs_umount(struct fs_struct *fs, const struct path *dir, const char *name)
{
	struct nameidata nd;
	struct mount *mnt;
	int err;

	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (err)
		goto out_unlock;
	err = walk_path(&nd, name, LOOKUP_FOLLOW);
	if (err)
		goto out;
	mnt = nd.path.mnt;
	if (nd.path.dentry != mnt->mnt_root) {
		err = -EINVAL;
		goto out;
	}
	/* The table's reference and the walk's: anything more is a user. */
	if (mnt == root_mnt || mnt->mnt_ref > 2 || has_children(mnt)) {
		err = -EBUSY;
		goto out;
	}
	list_del(&mnt->mnt_link);
	mnt->mnt_mountpoint->d_mounted--;
	dput(mnt->mnt_mountpoint);
	mntput(mnt->mnt_parent);
	nd_done(&nd);
	dput(mnt->mnt_root);
	sb_deactivate(mnt->mnt_sb);
	kfree(mnt->mnt_devname);
	kfree(mnt);
	vfs_unlock();
	return 0;
out:
	nd_done(&nd);
out_unlock:
	vfs_unlock();
	return err;
}
