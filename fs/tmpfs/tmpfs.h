/*
 * Private structures of tmpfs, shared by super.c, dir.c and file.c.
 */
#ifndef FS_TMPFS_TMPFS_H
#define FS_TMPFS_TMPFS_H

#include <fs/tmpfs.h>

#include "pagetree.h"

/* Linux's BOGO_DIRENT_SIZE: a directory's size grows by this per entry. */
#define TMPFS_DIRENT_SIZE	20

struct tmpfs_sb {
	uint64_t max_pages, used_pages;		/* atomic */
	uint64_t max_inodes, inodes;
	uint64_t next_ino;
	struct list_head all;			/* every tmpfs_inode */
};

struct tmpfs_dirent {
	struct list_head link;			/* in the directory, by index */
	struct inode *inode;
	uint64_t index;				/* getdents position */
	size_t len;
	char name[];
};

struct tmpfs_inode {
	struct list_head all;
	struct inode *inode;
	struct list_head entries;		/* directory: tmpfs_dirents */
	uint64_t next_index;
	struct inode *parent;			/* directory: for ".." */
	struct pagetree pages;			/* regular file data */
	char *target;				/* symlink target */
};

static inline struct tmpfs_inode *TI(const struct inode *inode)
{
	return inode->i_private;
}

static inline struct tmpfs_sb *TSB(const struct super_block *sb)
{
	return sb->s_fs_info;
}

extern const struct inode_ops tmpfs_dir_iops;
extern const struct inode_ops tmpfs_file_iops;
extern const struct inode_ops tmpfs_symlink_iops;
extern const struct file_ops tmpfs_file_fops;
extern const struct file_ops tmpfs_dir_fops;

/* super.c: a new inode of mode (any type), or NULL (-ENOSPC/-ENOMEM). */
int tmpfs_new_inode(struct super_block *sb, uint32_t mode, kdev_t rdev,
		    struct inode **out);
/* file.c: drops pages past size; caller holds inode->i_lock. */
void tmpfs_truncate_pages(struct inode *inode, int64_t size);

#endif /* FS_TMPFS_TMPFS_H */
