/*
 * Pseudo super blocks: a root node, a magic number for statfs, and the
 * dcache policy. Inodes are made on lookup and freed with their last
 * dentry (drop_inode); a dentry whose node's object has gone is dropped
 * when a lookup finds it (d_revalidate); in a PSEUDO_NOCACHE super block
 * every dentry is freed at its last use (d_delete).
 */
#include <core/slab.h>

#include "internal.h"

static int pseudo_statfs(struct super_block *sb, struct kstatfs *st)
{
	(void)sb;
	st->bsize = PAGE_SIZE;
	st->frsize = PAGE_SIZE;
	return 0;
}

static void pseudo_evict(struct inode *inode)
{
	struct pseudo_inode *pi = PI(inode);

	if (pi) {
		kfree(pi->link);
		kfree(pi);
		inode->i_private = NULL;
	}
}

static bool pseudo_drop_inode(struct inode *inode)
{
	(void)inode;
	return true;
}

static bool pseudo_d_revalidate(struct dentry *d)
{
	return !d->d_inode || pseudo_node_valid(&PI(d->d_inode)->node);
}

static bool pseudo_d_delete(const struct dentry *d)
{
	(void)d;
	return true;
}

static const struct super_ops pseudo_sops = {
	.statfs = pseudo_statfs,
	.evict_inode = pseudo_evict,
	.drop_inode = pseudo_drop_inode,
	.d_revalidate = pseudo_d_revalidate,
};

static const struct super_ops pseudo_nocache_sops = {
	.statfs = pseudo_statfs,
	.evict_inode = pseudo_evict,
	.drop_inode = pseudo_drop_inode,
	.d_revalidate = pseudo_d_revalidate,
	.d_delete = pseudo_d_delete,
};

struct super_block *pseudo_new_sb(struct fs_type *type,
				  const struct pseudo_entry *root,
				  uint64_t data, uint64_t magic,
				  unsigned int flags)
{
	struct pseudo_node node = { .entry = root, .data = data };
	struct super_block *sb = sb_alloc(type);
	struct inode *inode;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_op = (flags & PSEUDO_NOCACHE) ? &pseudo_nocache_sops
					    : &pseudo_sops;
	sb->s_magic = magic;
	inode = pseudo_make_inode(sb, &node, true);
	if (!inode)
		goto err;
	sb->s_root = d_make_root(sb, inode);
	if (!sb->s_root)
		goto err;
	return sb;
err:
	kfree(sb);
	return ERR_PTR(-ENOMEM);
}
