/*
 * Pseudo regular files and symlinks. A file opened for reading gets a
 * snapshot of its text: show() runs once at open (with vfs_lock() held)
 * into a seq_buf that starts at a page and doubles until the text fits,
 * so reads, seeks and a later close see one consistent picture, as a
 * Linux seq_file read from the start does. A write hands its bytes to the
 * entry's store(); a file without store() refuses to open for writing
 * (EACCES), one without show() for reading. Symlinks ask link() for their
 * target at every use; the text is kept in the inode, because the VFS
 * reads it while the walk holds vfs_lock() (see pseudo_get_link()).
 */
#define pr_fmt(fmt) "pseudo: " fmt

#include <core/slab.h>
#include <core/string.h>

#include "internal.h"

/* Largest text a show() may make (a 4 MiB kmalloc is whole pages). */
#define SEQ_MAX		(4UL << 20)

static const struct pseudo_node *node_of(struct file *file)
{
	return &PI(file->f_inode)->node;
}

/* Runs show() until its text fits: the snapshot, or ERR_PTR(). */
static struct seq_buf *snapshot(const struct pseudo_node *node)
{
	struct seq_buf *s = kzalloc(sizeof(*s));
	size_t size = PAGE_SIZE;
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	for (;;) {
		s->buf = kmalloc(size);
		if (!s->buf) {
			err = -ENOMEM;
			break;
		}
		s->size = size;
		s->len = 0;
		s->overflow = false;
		err = node->entry->show(s, node->data);
		if (err || !s->overflow)
			break;
		kfree(s->buf);
		s->buf = NULL;
		size *= 2;
		if (size > SEQ_MAX) {
			err = -EFBIG;
			break;
		}
	}
	if (err) {
		kfree(s->buf);
		kfree(s);
		return ERR_PTR(err);
	}
	return s;
}

static int pseudo_open(struct inode *inode, struct file *file)
{
	const struct pseudo_node *node = &PI(inode)->node;
	const struct pseudo_entry *e = node->entry;
	struct seq_buf *s;

	if ((file->f_mode & FMODE_WRITE) && !e->store)
		return -EACCES;
	if (!(file->f_mode & FMODE_READ))
		return 0;
	if (!e->show)
		return -EACCES;
	if (!pseudo_node_valid(node))
		return -ENOENT;
	s = snapshot(node);
	if (IS_ERR(s))
		return PTR_ERR(s);
	file->private_data = s;
	return 0;
}

static void pseudo_release(struct inode *inode, struct file *file)
{
	struct seq_buf *s = file->private_data;

	(void)inode;
	if (s) {
		kfree(s->buf);
		kfree(s);
	}
}

static ssize_t pseudo_read(struct file *file, void *buf, size_t len,
			   int64_t *pos)
{
	struct seq_buf *s = file->private_data;
	size_t n;

	if (!s || *pos >= (int64_t)s->len)
		return 0;
	n = MIN(len, s->len - (size_t)*pos);
	memcpy(buf, s->buf + *pos, n);
	*pos += n;
	return n;
}

static ssize_t pseudo_write(struct file *file, const void *buf, size_t len,
			    int64_t *pos)
{
	const struct pseudo_node *node = node_of(file);
	ssize_t ret;

	if (!pseudo_node_valid(node))
		return -ESRCH;
	ret = node->entry->store(node->data, buf, len);
	if (ret > 0)
		*pos += ret;
	return ret;
}

/* SEEK_SET and SEEK_CUR, as Linux's seq_lseek. f_pos_lock is held. */
static int64_t pseudo_llseek(struct file *file, int64_t offset, int whence)
{
	int64_t pos;

	if (whence == SEEK_SET)
		pos = offset;
	else if (whence == SEEK_CUR)
		pos = file->f_pos + offset;
	else
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/*
 * Owners and modes are fixed; a size change (O_TRUNC when echo writes a
 * setting) is accepted and ignored, as Linux's sysctl files do.
 */
static int pseudo_setattr(struct inode *inode, const struct iattr *attr)
{
	struct iattr rest = *attr;

	if (attr->valid & (ATTR_MODE | ATTR_UID | ATTR_GID))
		return -EPERM;
	rest.valid &= ~ATTR_SIZE;
	inode_setattr(inode, &rest);
	return 0;
}

/*
 * The target comes from link() into a scratch page and is kept in the
 * inode. The buffer is replaced only when a longer text comes: whoever
 * still reads an older text holds vfs_lock(), so is the walk now asking
 * again, and within one walk link() gives the same text, which is then
 * written over itself.
 */
static const char *pseudo_get_link(struct inode *inode)
{
	struct pseudo_inode *pi = PI(inode);
	const struct pseudo_node *node = &pi->node;
	char *tmp;
	size_t len;
	int err;

	if (!pseudo_node_valid(node))
		return ERR_PTR(-ENOENT);
	tmp = kmalloc(PATH_MAX);
	if (!tmp)
		return ERR_PTR(-ENOMEM);
	err = node->entry->link(node->data, tmp, PATH_MAX);
	if (err) {
		kfree(tmp);
		return ERR_PTR(err);
	}
	len = strnlen(tmp, PATH_MAX - 1) + 1;
	tmp[len - 1] = '\0';
	if (len > pi->link_cap) {
		char *buf = kmalloc(len);

		if (!buf) {
			kfree(tmp);
			return ERR_PTR(-ENOMEM);
		}
		kfree(pi->link);
		pi->link = buf;
		pi->link_cap = len;
	}
	memcpy(pi->link, tmp, len);
	kfree(tmp);
	return pi->link;
}

const struct inode_ops pseudo_file_iops = {
	.setattr = pseudo_setattr,
};

const struct inode_ops pseudo_link_iops = {
	.get_link = pseudo_get_link,
	.setattr = pseudo_setattr,
};

const struct file_ops pseudo_file_fops = {
	.open = pseudo_open,
	.release = pseudo_release,
	.read = pseudo_read,
	.write = pseudo_write,
	.llseek = pseudo_llseek,
};
