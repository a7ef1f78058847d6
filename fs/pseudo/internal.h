/*
 * Private interfaces between the files of fs/pseudo/: the per-inode data
 * and the ops tables. Everything named here runs under vfs_lock() unless
 * its comment says otherwise.
 */
#ifndef FS_PSEUDO_INTERNAL_H
#define FS_PSEUDO_INTERNAL_H

#include <fs/pseudo.h>

/* The private part of a pseudo inode (inode->i_private). */
struct pseudo_inode {
	struct pseudo_node node;
	char *link;		/* S_IFLNK: the last target get_link made */
	size_t link_cap;	/* bytes allocated for it */
};

static inline struct pseudo_inode *PI(const struct inode *inode)
{
	return inode->i_private;
}

/* inode.c */
/* The inode number of (entry, data); the root of a super block is 1. */
uint64_t pseudo_ino(const struct pseudo_node *node, bool root);
/* A new inode of sb for node (one reference), or NULL. */
struct inode *pseudo_make_inode(struct super_block *sb,
				const struct pseudo_node *node, bool root);
/* False when node's object is gone (its entry's valid() says so). */
bool pseudo_node_valid(const struct pseudo_node *node);

extern const struct inode_ops pseudo_dir_iops;
extern const struct file_ops pseudo_dir_fops;

/* file.c */
extern const struct inode_ops pseudo_file_iops;
extern const struct inode_ops pseudo_link_iops;
extern const struct file_ops pseudo_file_fops;

#endif /* FS_PSEUDO_INTERNAL_H */
