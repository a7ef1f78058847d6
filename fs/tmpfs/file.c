/*
 * tmpfs regular files: data in a sparse page tree, read and written under
 * the inode's i_lock. A hole reads as zeros and costs nothing; a page is
 * allocated (and counted against the size limit, -ENOSPC past it) when
 * first written. SEEK_DATA/SEEK_HOLE answer at page granularity.
 */
#include <core/mm.h>
#include <core/slab.h>
#include <core/string.h>

#include "tmpfs.h"

static void update_blocks(struct inode *inode, int64_t delta_pages)
{
	struct tmpfs_sb *tsb = TSB(inode->i_sb);

	inode->i_blocks += delta_pages * (int64_t)(PAGE_SIZE / 512);
	__atomic_add_fetch(&tsb->used_pages, delta_pages, __ATOMIC_RELAXED);
}

void tmpfs_truncate_pages(struct inode *inode, int64_t size)
{
	struct tmpfs_inode *ti = TI(inode);
	uint64_t first = ALIGN_UP((uint64_t)size, PAGE_SIZE) / PAGE_SIZE;
	char *page;

	if (size % PAGE_SIZE) {
		page = pt_lookup(&ti->pages, size / PAGE_SIZE);
		if (page)
			memset(page + size % PAGE_SIZE, 0,
			       PAGE_SIZE - size % PAGE_SIZE);
	}
	update_blocks(inode, -(int64_t)pt_truncate(&ti->pages, first));
}

static ssize_t tmpfs_read(struct file *file, void *buf, size_t len,
			  int64_t *pos)
{
	struct inode *inode = file->f_inode;
	struct tmpfs_inode *ti = TI(inode);
	size_t done = 0;

	mutex_lock(&inode->i_lock);
	if (*pos < inode->i_size)
		len = MIN(len, (size_t)(inode->i_size - *pos));
	else
		len = 0;
	while (done < len) {
		uint64_t off = *pos + done;
		size_t in = off % PAGE_SIZE;
		size_t n = MIN(len - done, PAGE_SIZE - in);
		const char *page = pt_lookup(&ti->pages, off / PAGE_SIZE);

		if (page)
			memcpy((char *)buf + done, page + in, n);
		else
			memset((char *)buf + done, 0, n);
		done += n;
	}
	*pos += done;
	inode->i_atime = vfs_now();
	mutex_unlock(&inode->i_lock);
	return done;
}

/* The page at idx, allocated if absent, or ERR_PTR(-ENOSPC/-ENOMEM). */
static char *get_page(struct inode *inode, uint64_t idx)
{
	struct tmpfs_sb *tsb = TSB(inode->i_sb);
	void **slot;

	slot = pt_slot(&TI(inode)->pages, idx);
	if (!slot)
		return ERR_PTR(-ENOMEM);
	if (*slot)
		return *slot;
	if (__atomic_load_n(&tsb->used_pages, __ATOMIC_RELAXED) >=
	    tsb->max_pages)
		return ERR_PTR(-ENOSPC);
	*slot = kzalloc(PAGE_SIZE);
	if (!*slot)
		return ERR_PTR(-ENOMEM);
	update_blocks(inode, 1);
	return *slot;
}

static ssize_t tmpfs_write(struct file *file, const void *buf, size_t len,
			   int64_t *pos)
{
	struct inode *inode = file->f_inode;
	int64_t max = inode->i_sb->s_maxbytes;
	ssize_t err = 0;
	size_t done = 0;

	mutex_lock(&inode->i_lock);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (len && *pos >= max) {
		err = -EFBIG;
		goto out;
	}
	len = MIN(len, (size_t)(max - *pos));
	while (done < len) {
		uint64_t off = *pos + done;
		size_t in = off % PAGE_SIZE;
		size_t n = MIN(len - done, PAGE_SIZE - in);
		char *page = get_page(inode, off / PAGE_SIZE);

		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		memcpy(page + in, (const char *)buf + done, n);
		done += n;
	}
	if (done) {
		*pos += done;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		inode_touch(inode, true, true);
	}
out:
	mutex_unlock(&inode->i_lock);
	return done ? (ssize_t)done : err;
}

static int64_t tmpfs_llseek(struct file *file, int64_t offset, int whence)
{
	struct inode *inode = file->f_inode;
	struct tmpfs_inode *ti = TI(inode);
	uint64_t idx, first;
	int64_t pos;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_llseek(file, offset, whence);
	mutex_lock(&inode->i_lock);
	if (offset < 0 || offset >= inode->i_size) {
		pos = -ENXIO;
		goto out;
	}
	first = offset / PAGE_SIZE;
	if (whence == SEEK_DATA) {
		if (!pt_next(&ti->pages, first, &idx))
			pos = -ENXIO;
		else
			pos = MAX(offset, (int64_t)(idx * PAGE_SIZE));
	} else {
		idx = first;
		while (pt_lookup(&ti->pages, idx))
			idx++;
		pos = MAX(offset, (int64_t)(idx * PAGE_SIZE));
	}
	if (pos >= inode->i_size)
		pos = whence == SEEK_DATA ? -ENXIO : inode->i_size;
	if (pos >= 0)
		file->f_pos = pos;
out:
	mutex_unlock(&inode->i_lock);
	return pos;
}

static int tmpfs_fsync(struct file *file)
{
	return 0;
}

static int tmpfs_setattr(struct inode *inode, const struct iattr *attr)
{
	if (attr->valid & ATTR_SIZE) {
		mutex_lock(&inode->i_lock);
		if (attr->size < inode->i_size)
			tmpfs_truncate_pages(inode, attr->size);
		inode->i_size = attr->size;
		mutex_unlock(&inode->i_lock);
	}
	inode_setattr(inode, attr);
	return 0;
}

const struct inode_ops tmpfs_file_iops = {
	.setattr = tmpfs_setattr,
};

const struct file_ops tmpfs_file_fops = {
	.read = tmpfs_read,
	.write = tmpfs_write,
	.llseek = tmpfs_llseek,
	.fsync = tmpfs_fsync,
};
