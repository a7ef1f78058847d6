/*
 * struct fs_struct: a process's root and current directory and its umask.
 * Threads created with CLONE_FS share one (fs_struct_get); fork copies it
 * (fs_struct_copy). The count is atomic; the paths change under vfs_lock().
 */
#include <core/slab.h>

#include "internal.h"

struct fs_struct init_fs;

struct fs_struct *fs_struct_get(struct fs_struct *fs)
{
	__atomic_add_fetch(&fs->ref, 1, __ATOMIC_RELAXED);
	return fs;
}

void fs_struct_put(struct fs_struct *fs)
{
	if (__atomic_sub_fetch(&fs->ref, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	vfs_lock();
	__path_put(&fs->root);
	__path_put(&fs->cwd);
	vfs_unlock();
	if (fs != &init_fs)
		kfree(fs);
}

struct fs_struct *fs_struct_copy(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	vfs_lock();
	fs->ref = 1;
	fs->umask = old->umask;
	fs->root = old->root;
	fs->cwd = old->cwd;
	__path_get(&fs->root);
	__path_get(&fs->cwd);
	vfs_unlock();
	return fs;
}

/* Resolves a directory and stores it in *slot (cwd or root). */
static int set_dir(struct fs_struct *fs, const struct path *dir,
		   const char *name, struct path *slot)
{
	unsigned int flags = LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
	struct nameidata nd;
	int err;

	if (!name) {
		name = "";
		flags |= LOOKUP_EMPTY;
	}
	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (err)
		goto out;
	err = walk_path(&nd, name, flags);
	if (!err) {
		struct path old = *slot;

		*slot = nd.path;
		nd.path = old;
	}
	nd_done(&nd);
out:
	vfs_unlock();
	return err;
}

int vfs_chdir(struct fs_struct *fs, const struct path *dir, const char *name)
{
	return set_dir(fs, dir, name, &fs->cwd);
}

int vfs_chroot(struct fs_struct *fs, const struct path *dir, const char *name)
{
	return set_dir(fs, dir, name, &fs->root);
}
