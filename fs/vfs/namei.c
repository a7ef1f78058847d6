/*
 * Path walk: from a starting directory (a dirfd's, the cwd, or the root
 * for absolute names) one component at a time through the dentry cache,
 * entering mounts, climbing ".." across mount roots but never above the
 * walker's root, and following symlinks (relative targets from the link's
 * directory, absolute ones from the root) up to MAXSYMLINKS in one walk,
 * then -ELOOP. A trailing slash demands a directory and follows a final
 * symlink, as in Linux. Runs under vfs_lock().
 */
#include <core/string.h>

#include "internal.h"

int nd_init(struct nameidata *nd, struct fs_struct *fs,
	    const struct path *dir, const char *name)
{
	memset(nd, 0, sizeof(*nd));
	if (!fs->root.mnt)
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	nd->fs = fs;
	nd->root = fs->root;
	nd->path = dir ? *dir : fs->cwd;
	__path_get(&nd->path);
	return 0;
}

void nd_done(struct nameidata *nd)
{
	if (nd->path.mnt)
		__path_put(&nd->path);
	nd->path.mnt = NULL;
}

/* Replaces nd->path by p (whose reference passes to nd). */
static void nd_set(struct nameidata *nd, struct path p)
{
	__path_put(&nd->path);
	nd->path = p;
}

void follow_mounts(struct path *p)
{
	struct mount *m;

	while ((m = lookup_mnt(p->mnt, p->dentry))) {
		struct path next = { m, m->mnt_root };

		__path_get(&next);
		__path_put(p);
		*p = next;
	}
}

static void step_dotdot(struct nameidata *nd)
{
	struct path p = nd->path;

	for (;;) {
		if (p.mnt == nd->root.mnt && p.dentry == nd->root.dentry)
			break;
		if (p.dentry != p.mnt->mnt_root) {
			p.dentry = p.dentry->d_parent;
			break;
		}
		if (p.mnt->mnt_parent == p.mnt)
			break;
		p = (struct path){ p.mnt->mnt_parent, p.mnt->mnt_mountpoint };
	}
	__path_get(&p);
	nd_set(nd, p);
	follow_mounts(&nd->path);
}

static bool is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static bool is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

/* Moves nd->path to its child (name, len), entering mounts. */
static int step(struct nameidata *nd, const char *name, size_t len)
{
	struct dentry *d;

	if (!S_ISDIR(path_inode(&nd->path)->i_mode))
		return -ENOTDIR;
	if (is_dot(name, len))
		return 0;
	if (is_dotdot(name, len)) {
		step_dotdot(nd);
		return 0;
	}
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	d = d_lookup(nd->path.dentry, name, len);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d)
		return -ENOENT;
	dput(nd->path.dentry);
	nd->path.dentry = d;
	follow_mounts(&nd->path);
	return 0;
}

int follow_link(struct nameidata *nd, const struct path *parent,
		const struct path *link)
{
	struct inode *inode = path_inode(link);
	const char *target;

	if (++nd->links > MAXSYMLINKS)
		return -ELOOP;
	target = inode->i_op->get_link ? inode->i_op->get_link(inode) : NULL;
	if (!target)
		return -EINVAL;
	if (IS_ERR(target))
		return PTR_ERR(target);
	__path_get(parent);
	nd_set(nd, *parent);
	return walk_path(nd, target, LOOKUP_FOLLOW);
}

/* One component; a symlink found is followed when follow is set. */
static int walk_component(struct nameidata *nd, const char *name, size_t len,
			  bool follow)
{
	struct path parent = nd->path, link;
	int err;

	__path_get(&parent);
	err = step(nd, name, len);
	if (err || !follow || !S_ISLNK(path_inode(&nd->path)->i_mode))
		goto out;
	link = nd->path;
	__path_get(&link);
	err = follow_link(nd, &parent, &link);
	__path_put(&link);
out:
	__path_put(&parent);
	return err;
}

static const char *skip_slashes(const char *s)
{
	while (*s == '/')
		s++;
	return s;
}

static void start_at_root(struct nameidata *nd)
{
	__path_get(&nd->root);
	nd_set(nd, nd->root);
}

int walk_path(struct nameidata *nd, const char *name, unsigned int flags)
{
	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (*name == '/') {
		start_at_root(nd);
		name = skip_slashes(name);
	}
	while (*name) {
		const char *end = strchr(name, '/');
		const char *next;
		bool slash;
		int err;

		if (!end)
			end = name + strlen(name);
		slash = *end == '/';
		next = skip_slashes(end);
		err = walk_component(nd, name, end - name,
				     *next || slash || (flags & LOOKUP_FOLLOW));
		if (err)
			return err;
		if (slash && !S_ISDIR(path_inode(&nd->path)->i_mode))
			return -ENOTDIR;
		name = next;
	}
	if ((flags & LOOKUP_DIRECTORY) && !S_ISDIR(path_inode(&nd->path)->i_mode))
		return -ENOTDIR;
	return 0;
}

int walk_parent(struct nameidata *nd, const char *name, enum last_type *type)
{
	if (!*name)
		return -ENOENT;
	if (*name == '/') {
		start_at_root(nd);
		name = skip_slashes(name);
	}
	nd->last = name;
	nd->last_len = 0;
	nd->trailing = false;
	*type = LAST_ROOT;
	while (*name) {
		const char *end = strchr(name, '/');
		const char *next;
		int err;

		if (!end)
			end = name + strlen(name);
		next = skip_slashes(end);
		if (!*next) {
			nd->last = name;
			nd->last_len = end - name;
			nd->trailing = *end == '/';
			break;
		}
		err = walk_component(nd, name, end - name, true);
		if (err)
			return err;
		name = next;
	}
	if (!S_ISDIR(path_inode(&nd->path)->i_mode))
		return -ENOTDIR;
	if (nd->last_len == 0)
		return 0;
	if (is_dot(nd->last, nd->last_len))
		*type = LAST_DOT;
	else if (is_dotdot(nd->last, nd->last_len))
		*type = LAST_DOTDOT;
	else if (nd->last_len > NAME_MAX)
		return -ENAMETOOLONG;
	else
		*type = LAST_NORM;
	return 0;
}

struct dentry *lookup_last(struct nameidata *nd)
{
	return d_lookup(nd->path.dentry, nd->last, nd->last_len);
}

/* Steps nd into its last component (walk_parent() done), no following. */
int walk_last(struct nameidata *nd)
{
	if (nd->last_len == 0)
		return 0;
	return step(nd, nd->last, nd->last_len);
}

int vfs_lookup(struct fs_struct *fs, const struct path *dir, const char *name,
	       unsigned int flags, struct path *out)
{
	struct nameidata nd;
	int err;

	vfs_lock();
	err = nd_init(&nd, fs, dir, name);
	if (err)
		goto out;
	err = walk_path(&nd, name, flags);
	if (!err) {
		*out = nd.path;
		nd.path.mnt = NULL;
	}
	nd_done(&nd);
out:
	vfs_unlock();
	return err;
}
