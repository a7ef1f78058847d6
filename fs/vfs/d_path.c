/*
 * Names of paths: d_path() walks from a dentry up through its parents and
 * the mounts it sits on to the walker's root, building the name from its
 * end; vfs_getcwd() is getcwd(2) on top of it. Under vfs_lock().
 */
#include <core/string.h>

#include "internal.h"

/* Puts (name, len) in front of *pos (which moves back); false: no room. */
static bool prepend(char *buf, char **pos, const char *name, size_t len)
{
	if ((size_t)(*pos - buf) < len)
		return false;
	*pos -= len;
	memcpy(*pos, name, len);
	return true;
}

char *d_path(const struct path *path, const struct path *root, char *buf,
	     size_t len)
{
	struct path p = *path;
	char *pos = buf + len;
	bool named = false;

	if (!len || !prepend(buf, &pos, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	for (;;) {
		if (p.mnt == root->mnt && p.dentry == root->dentry)
			break;
		if (p.dentry == p.mnt->mnt_root) {
			if (p.mnt->mnt_parent == p.mnt) {
				/* Outside the walker's root (after chroot). */
				if (!prepend(buf, &pos, "(unreachable)",
					     13))
					return ERR_PTR(-ENAMETOOLONG);
				return pos;
			}
			p = (struct path){ p.mnt->mnt_parent,
					   p.mnt->mnt_mountpoint };
			continue;
		}
		if (!prepend(buf, &pos, p.dentry->d_name, p.dentry->d_len) ||
		    !prepend(buf, &pos, "/", 1))
			return ERR_PTR(-ENAMETOOLONG);
		named = true;
		p.dentry = p.dentry->d_parent;
	}
	if (!named && !prepend(buf, &pos, "/", 1))
		return ERR_PTR(-ENAMETOOLONG);
	return pos;
}

ssize_t vfs_getcwd(struct fs_struct *fs, char *buf, size_t len)
{
	struct dentry *d;
	ssize_t ret;
	char *s;

	vfs_lock();
	d = fs->cwd.dentry;
	if (!d) {
		ret = -ENOENT;
		goto out;
	}
	if (!d->d_hashed && d->d_parent != d) {
		ret = -ENOENT;
		goto out;
	}
	s = d_path(&fs->cwd, &fs->root, buf, len);
	if (IS_ERR(s)) {
		ret = PTR_ERR(s);
		goto out;
	}
	ret = buf + len - s;
	memmove(buf, s, ret);
out:
	vfs_unlock();
	return ret;
}
