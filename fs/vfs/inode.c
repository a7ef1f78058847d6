/*
 * Inodes and super blocks: allocation, reference counting, attributes and
 * timestamps. An inode lives while it is referenced (by dentries, open
 * files) or linked (i_nlink > 0, the file system's directories own it);
 * when both end, the file system's evict_inode frees its data and the VFS
 * frees the inode. Reference counts change under vfs_lock().
 */
#include <core/slab.h>
#include <core/string.h>
#include <core/time.h>

#include "internal.h"

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_ref = 1;
	mutex_init(&inode->i_lock);
	inode->i_atime = inode->i_mtime = inode->i_ctime = vfs_now();
	return inode;
}

struct inode *iget(struct inode *inode)
{
	inode->i_ref++;
	return inode;
}

void iput(struct inode *inode)
{
	const struct super_ops *sop = inode->i_sb->s_op;

	if (--inode->i_ref > 0)
		return;
	if (inode->i_nlink > 0 && !(sop && sop->drop_inode &&
				      sop->drop_inode(inode)))
		return;
	if (sop->evict_inode)
		sop->evict_inode(inode);
	inode_free(inode);
}

void inode_free(struct inode *inode)
{
	kfree(inode);
}

/*
 * File times come from the monotonic clock until CLOCK_REALTIME exists
 * (it will start from the RTC); this is the one place to change then.
 */
struct timespec64 vfs_now(void)
{
	uint64_t ns = clock_realtime_ns();	/* the wall clock, as Linux */

	return (struct timespec64){ .tv_sec = (int64_t)(ns / NSEC_PER_SEC),
				    .tv_nsec = (long)(ns % NSEC_PER_SEC) };
}

void inode_touch(struct inode *inode, bool mtime, bool ctime)
{
	struct timespec64 now = vfs_now();

	if (mtime)
		inode->i_mtime = now;
	if (ctime)
		inode->i_ctime = now;
}

void inode_setattr(struct inode *inode, const struct iattr *attr)
{
	if (attr->valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->mode & S_IALLUGO);
	if (attr->valid & ATTR_UID)
		inode->i_uid = attr->uid;
	if (attr->valid & ATTR_GID)
		inode->i_gid = attr->gid;
	if (attr->valid & ATTR_ATIME)
		inode->i_atime = attr->atime;
	if (attr->valid & ATTR_MTIME)
		inode->i_mtime = attr->mtime;
	if (attr->valid & ATTR_CTIME)
		inode->i_ctime = attr->ctime;
}

void generic_fillattr(struct inode *inode, struct kstat *st)
{
	memset(st, 0, sizeof(*st));
	st->ino = inode->i_ino;
	st->dev = inode->i_sb->s_dev;
	st->mode = inode->i_mode;
	st->nlink = inode->i_nlink;
	st->uid = inode->i_uid;
	st->gid = inode->i_gid;
	st->rdev = inode->i_rdev;
	st->size = inode->i_size;
	st->blocks = inode->i_blocks;
	st->blksize = 4096;
	st->atime = inode->i_atime;
	st->mtime = inode->i_mtime;
	st->ctime = inode->i_ctime;
}

struct super_block *sb_alloc(struct fs_type *type)
{
	static unsigned int next_anon_minor = 1;
	struct super_block *sb = kzalloc(sizeof(*sb));

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_dev = MKDEV(0, next_anon_minor++);
	sb->s_maxbytes = INT64_MAX;
	list_init(&sb->s_dentries);
	return sb;
}
