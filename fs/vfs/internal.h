/*
 * Private interfaces between the files of fs/vfs/: the dentry cache, the
 * mount table and the path walk. Everything here runs under vfs_lock().
 */
#ifndef FS_VFS_INTERNAL_H
#define FS_VFS_INTERNAL_H

#include <fs/vfs.h>

/* dcache.c */
void dcache_init(void);
/* The child of parent named (name, len), a new reference, or NULL. */
struct dentry *d_lookup(struct dentry *parent, const char *name, size_t len);
/* A hashed dentry for inode (its reference passes to the dentry). */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len,
		       struct inode *inode);
/* Unhashes d: later lookups miss it; freed at its last dput(). */
void d_drop(struct dentry *d);
/* Renames d to (name, len) under new_parent. 0 or -ENOMEM. */
int d_move(struct dentry *d, struct dentry *new_parent, const char *name,
	   size_t len);
/* True when d is anc or below it (following d_parent). */
bool d_is_ancestor(struct dentry *anc, struct dentry *d);
/* Frees every dentry of sb (umount; none may be in use). */
void d_kill_sb(struct super_block *sb);

/* inode.c */
void generic_fillattr(struct inode *inode, struct kstat *st);

/* attr.c */
/* Applies attr through the file system (i_op->setattr) or generically. */
int notify_change(struct inode *inode, const struct iattr *attr);
/* truncate() checks and the size change: -EISDIR, -EINVAL, -EFBIG. */
int do_truncate(struct inode *inode, int64_t size);

/* mount.c */
/* The mount on (mnt, d) on top of any others, or NULL. */
struct mount *lookup_mnt(struct mount *mnt, struct dentry *d);
struct mount *mntget(struct mount *mnt);
void mntput(struct mount *mnt);
void __path_get(const struct path *p);
void __path_put(const struct path *p);

/* namei.c */
struct nameidata {
	struct fs_struct *fs;
	struct path path;	/* where the walk is; a reference */
	struct path root;	/* where "/" and ".." stop; borrowed */
	int links;		/* symlinks followed so far */
	/* set by walk_parent(): the last component */
	const char *last;
	size_t last_len;
	bool trailing;		/* a '/' followed the last component */
};

/* The kinds of last component walk_parent() finds. */
enum last_type { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* Starts a walk from dir (or fs's cwd); name checked for length. */
int nd_init(struct nameidata *nd, struct fs_struct *fs,
	    const struct path *dir, const char *name);
void nd_done(struct nameidata *nd);

/* Ends a walk begun under vfs_lock(): releases nd, then the lock; gives err. */
static inline int nd_finish(struct nameidata *nd, int err)
{
	nd_done(nd);
	vfs_unlock();
	return err;
}
/* Full resolution of name into nd->path (LOOKUP_* flags). */
int walk_path(struct nameidata *nd, const char *name, unsigned int flags);
/* Resolves all but the last component, which nd->last describes. */
int walk_parent(struct nameidata *nd, const char *name, enum last_type *type);
/* The child (nd->last) of nd->path without following it, or NULL. */
struct dentry *lookup_last(struct nameidata *nd);
/* Steps into nd->last (after walk_parent()) without following it. */
int walk_last(struct nameidata *nd);
/* Follows the mounts stacked on *p (a reference is moved along). */
void follow_mounts(struct path *p);
/* Resolves the symlink at *link (child of *parent) into nd->path. */
int follow_link(struct nameidata *nd, const struct path *parent,
		const struct path *link);

/* The inode a path stands for. */
static inline struct inode *path_inode(const struct path *p)
{
	return p->dentry->d_inode;
}

#endif /* FS_VFS_INTERNAL_H */
