/*
 * tmpfs directories: a list of entries (name -> inode) in creation order,
 * each with a getdents position that never changes, so a listing in
 * progress survives entries added or removed around it. A directory's
 * link count is 2 plus its subdirectories; its size grows by 20 bytes an
 * entry, like Linux's tmpfs. The VFS has checked names, existence and
 * types before calling, under vfs_lock().
 */
#include <core/slab.h>
#include <core/string.h>

#include "tmpfs.h"

static struct tmpfs_dirent *find(struct inode *dir, const char *name,
				 size_t len)
{
	struct list_head *head = &TI(dir)->entries;

	for (struct list_head *p = head->next; p != head; p = p->next) {
		struct tmpfs_dirent *de = list_entry(p, struct tmpfs_dirent,
						     link);

		if (de->len == len && memcmp(de->name, name, len) == 0)
			return de;
	}
	return NULL;
}

static struct tmpfs_dirent *new_dirent(const char *name, size_t len,
				       struct inode *inode)
{
	struct tmpfs_dirent *de = kmalloc(sizeof(*de) + len + 1);

	if (!de)
		return NULL;
	memcpy(de->name, name, len);
	de->name[len] = '\0';
	de->len = len;
	de->inode = inode;
	return de;
}

static void insert(struct inode *dir, struct tmpfs_dirent *de)
{
	struct tmpfs_inode *ti = TI(dir);

	de->index = ti->next_index++;
	list_add_tail(&de->link, &ti->entries);
	dir->i_size += TMPFS_DIRENT_SIZE;
	if (S_ISDIR(de->inode->i_mode)) {
		dir->i_nlink++;
		TI(de->inode)->parent = dir;
	}
}

static void remove(struct inode *dir, struct tmpfs_dirent *de)
{
	list_del(&de->link);
	dir->i_size -= TMPFS_DIRENT_SIZE;
	if (S_ISDIR(de->inode->i_mode))
		dir->i_nlink--;
}

static struct inode *tmpfs_lookup(struct inode *dir, const char *name,
				  size_t len)
{
	struct tmpfs_dirent *de = find(dir, name, len);

	return de ? iget(de->inode) : NULL;
}

static int add_new(struct inode *dir, const char *name, size_t len,
		   struct inode *inode, struct inode **out)
{
	struct tmpfs_dirent *de = new_dirent(name, len, inode);

	if (!de) {
		inode->i_nlink = 0;
		iput(inode);
		return -ENOMEM;
	}
	insert(dir, de);
	*out = inode;
	return 0;
}

static int tmpfs_mknod(struct inode *dir, const char *name, size_t len,
		       uint32_t mode, kdev_t rdev, struct inode **out)
{
	struct inode *inode;
	int err = tmpfs_new_inode(dir->i_sb, mode, rdev, &inode);

	if (err)
		return err;
	return add_new(dir, name, len, inode, out);
}

static int tmpfs_symlink(struct inode *dir, const char *name, size_t len,
			 const char *target, struct inode **out)
{
	size_t tlen = strlen(target);
	struct inode *inode;
	int err;

	err = tmpfs_new_inode(dir->i_sb, S_IFLNK | 0777, 0, &inode);
	if (err)
		return err;
	TI(inode)->target = kmalloc(tlen + 1);
	if (!TI(inode)->target) {
		inode->i_nlink = 0;
		iput(inode);
		return -ENOMEM;
	}
	memcpy(TI(inode)->target, target, tlen + 1);
	inode->i_size = tlen;
	return add_new(dir, name, len, inode, out);
}

static int tmpfs_link(struct inode *inode, struct inode *dir,
		      const char *name, size_t len)
{
	struct tmpfs_dirent *de = new_dirent(name, len, inode);

	if (!de)
		return -ENOMEM;
	inode->i_nlink++;
	insert(dir, de);
	return 0;
}

static int tmpfs_unlink(struct inode *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *de = find(dir, name, len);

	remove(dir, de);
	de->inode->i_nlink--;
	kfree(de);
	return 0;
}

static bool is_empty(struct inode *dir)
{
	return list_empty(&TI(dir)->entries);
}

static int tmpfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *de = find(dir, name, len);

	if (!is_empty(de->inode))
		return -ENOTEMPTY;
	remove(dir, de);
	de->inode->i_nlink = 0;
	kfree(de);
	return 0;
}

/* RENAME_EXCHANGE: the entries keep their places and swap inodes. */
static int exchange(struct inode *odir, struct tmpfs_dirent *od,
		    struct inode *ndir, struct tmpfs_dirent *nd)
{
	struct inode *a = od->inode, *b = nd->inode;

	od->inode = b;
	nd->inode = a;
	if (odir == ndir)
		return 0;
	if (S_ISDIR(a->i_mode)) {
		odir->i_nlink--;
		ndir->i_nlink++;
		TI(a)->parent = ndir;
	}
	if (S_ISDIR(b->i_mode)) {
		ndir->i_nlink--;
		odir->i_nlink++;
		TI(b)->parent = odir;
	}
	return 0;
}

static int tmpfs_rename(struct inode *odir, const char *oname, size_t olen,
			struct inode *ndir, const char *nname, size_t nlen,
			unsigned int flags)
{
	struct tmpfs_dirent *od = find(odir, oname, olen);
	struct tmpfs_dirent *nd = find(ndir, nname, nlen);
	struct tmpfs_dirent *moved;
	struct inode *victim;

	if (flags & RENAME_EXCHANGE)
		return exchange(odir, od, ndir, nd);
	if (nd && S_ISDIR(nd->inode->i_mode) && !is_empty(nd->inode))
		return -ENOTEMPTY;
	moved = new_dirent(nname, nlen, od->inode);
	if (!moved)
		return -ENOMEM;
	if (nd) {
		victim = nd->inode;
		remove(ndir, nd);
		if (S_ISDIR(victim->i_mode))
			victim->i_nlink = 0;
		else
			victim->i_nlink--;
		kfree(nd);
	}
	remove(odir, od);
	kfree(od);
	insert(ndir, moved);
	return 0;
}

static const char *tmpfs_get_link(struct inode *inode)
{
	return TI(inode)->target;
}

/* getdents: ".", "..", then the entries from position ctx->pos on. */
static int tmpfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	struct list_head *head = &TI(dir)->entries;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, dir->i_ino, DT_DIR, 1))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, TI(dir)->parent->i_ino, DT_DIR, 2))
			return 0;
		ctx->pos = 2;
	}
	for (struct list_head *p = head->next; p != head; p = p->next) {
		struct tmpfs_dirent *de = list_entry(p, struct tmpfs_dirent,
						     link);

		if ((int64_t)de->index < ctx->pos)
			continue;
		if (!ctx->actor(ctx, de->name, de->len, de->inode->i_ino,
				mode_to_dtype(de->inode->i_mode),
				de->index + 1))
			return 0;
		ctx->pos = de->index + 1;
	}
	return 0;
}

static int tmpfs_dir_fsync(struct file *file)
{
	return 0;
}

const struct inode_ops tmpfs_dir_iops = {
	.lookup = tmpfs_lookup,
	.mknod = tmpfs_mknod,
	.symlink = tmpfs_symlink,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.rmdir = tmpfs_rmdir,
	.rename = tmpfs_rename,
};

const struct inode_ops tmpfs_symlink_iops = {
	.get_link = tmpfs_get_link,
};

const struct file_ops tmpfs_dir_fops = {
	.iterate = tmpfs_iterate,
	.fsync = tmpfs_dir_fsync,
};
