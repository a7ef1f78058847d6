/*
 * I/O on open files: read/write (at f_pos or at a given offset, as
 * pread/pwrite), lseek, getdents64, fsync, ioctl, fstat and ftruncate.
 * f_pos is guarded by the file's f_pos_lock; the file system guards the
 * data (inode->i_lock) and handles O_APPEND under it.
 */
#include <core/compiler.h>
#include <core/string.h>

#include "internal.h"

/* Linux's MAX_RW_COUNT: one call moves at most this much. */
#define MAX_RW_COUNT	(0x7fffffffL & ~4095L)

/*
 * Moves data through the file's write op (writing) or read op, at *pos
 * when given (pread/pwrite: f_pos untouched) or else at f_pos, which
 * advances under f_pos_lock. The caller has checked the file's mode.
 */
static ssize_t rw(struct file *file, bool writing, void *rbuf,
		  const void *wbuf, size_t len, int64_t *pos)
{
	uint32_t mode = file->f_inode->i_mode;
	/*
	 * As Linux's FMODE_ATOMIC_POS: only regular files and directories
	 * serialize on f_pos. A terminal or pipe read may block for ever, and
	 * must not hold up writers sharing the file (stdin and stdout of a
	 * shell are often one open file).
	 */
	bool atomic = !pos && (S_ISREG(mode) || S_ISDIR(mode));
	int64_t p;
	ssize_t ret;

	len = MIN(len, (size_t)MAX_RW_COUNT);
	if (pos) {
		if (*pos < 0)
			return -EINVAL;
		p = *pos;
	} else {
		if (atomic)
			mutex_lock(&file->f_pos_lock);
		p = file->f_pos;
	}
	ret = writing ? file->f_op->write(file, wbuf, len, &p)
		   : file->f_op->read(file, rbuf, len, &p);
	if (!pos) {
		if (ret >= 0)
			file->f_pos = p;
		if (atomic)
			mutex_unlock(&file->f_pos_lock);
	}
	return ret;
}

ssize_t vfs_read(struct file *file, void *buf, size_t len, int64_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op->read)
		return -EINVAL;
	return rw(file, false, buf, NULL, len, pos);
}

ssize_t vfs_write(struct file *file, const void *buf, size_t len, int64_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	return rw(file, true, NULL, buf, len, pos);
}

int64_t generic_llseek(struct file *file, int64_t offset, int whence)
{
	int64_t size = file->f_inode->i_size;
	int64_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = size + offset;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		pos = offset;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		pos = size;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

int64_t vfs_lseek(struct file *file, int64_t offset, int whence)
{
	int64_t ret;

	if (!file->f_op)
		return -EBADF;
	if (file_is_stream(file))
		return -ESPIPE;
	mutex_lock(&file->f_pos_lock);
	if (file->f_op->llseek)
		ret = file->f_op->llseek(file, offset, whence);
	else
		ret = generic_llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t len, used;
	bool full;		/* an entry did not fit */
};

static bool fill_dirent(struct dir_context *ctx, const char *name, size_t len,
			uint64_t ino, unsigned int type, int64_t next_pos)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) +
				 len + 1, 8);
	struct linux_dirent64 *de;

	if (g->used + reclen > g->len) {
		g->full = true;
		return false;
	}
	de = (struct linux_dirent64 *)(g->buf + g->used);
	memset(de, 0, reclen);
	de->d_ino = ino;
	de->d_off = next_pos;
	de->d_reclen = reclen;
	de->d_type = type;
	memcpy(de->d_name, name, len);
	g->used += reclen;
	return true;
}

ssize_t vfs_getdents(struct file *file, void *buf, size_t len)
{
	struct getdents_ctx g = { .ctx.actor = fill_dirent, .buf = buf,
				  .len = len };
	int err;

	if (!file->f_op)
		return -EBADF;
	if (!file->f_op->iterate)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	vfs_lock();
	g.ctx.pos = file->f_pos;
	err = file->f_op->iterate(file, &g.ctx);
	file->f_pos = g.ctx.pos;
	vfs_unlock();
	mutex_unlock(&file->f_pos_lock);
	if (err)
		return err;
	/* Entries remain but the first did not fit: the buffer is too small. */
	if (g.used == 0 && g.full)
		return -EINVAL;
	return g.used;
}

int vfs_fsync(struct file *file)
{
	if (!file->f_op)
		return -EBADF;
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file);
}

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op)
		return -EBADF;
	if (!file->f_op->ioctl)
		return -ENOTTY;
	return file->f_op->ioctl(file, cmd, arg);
}

int vfs_fstat(struct file *file, struct kstat *st)
{
	vfs_lock();
	generic_fillattr(file->f_inode, st);
	vfs_unlock();
	return 0;
}

int vfs_ftruncate(struct file *file, int64_t size)
{
	int err;

	if (!file->f_op)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE) || !S_ISREG(file->f_inode->i_mode))
		return -EINVAL;
	vfs_lock();
	err = do_truncate(file->f_inode, size);
	vfs_unlock();
	return err;
}
