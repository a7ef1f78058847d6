/*
 * The data syscalls: read, write, readv, writev, pread64, pwrite64,
 * preadv, pwritev, preadv2, pwritev2, lseek and sendfile.
 *
 * Data crosses the user boundary through a kernel bounce buffer of at
 * most BOUNCE_MAX bytes. A regular file is read or written one buffer at
 * a time until the request is done or a step comes up short; any other
 * file (pipe, terminal, device) is read with one call of at most one
 * buffer, since a second step could block although data was already
 * returned, while writes go on step by step (a blocking write writes
 * everything, a non-blocking one stops at -EAGAIN). A call that moved
 * some bytes returns their count; its error is then dropped, as Linux.
 *
 * Without a position argument each step goes through f_pos under the
 * file's f_pos_lock, so concurrent readers of one file may interleave
 * between steps of a large request (Linux holds the lock for the whole
 * call).
 */
#include "sys.h"

#include <core/compiler.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/uaccess.h>

#define UIO_MAXIOV	1024

/* RWF_* flags of preadv2/pwritev2: none is supported yet. */
#define RWF_SUPPORTED	0

struct iovec {
	void *iov_base;
	size_t iov_len;
};

/* A position in an array of user iovecs (the array itself is kernel). */
struct iov_iter {
	const struct iovec *iov;
	unsigned long nr;
	unsigned long idx;
	size_t off;
};

/* Copies n bytes between buf and the iovecs; returns how many moved. */
static size_t iter_copy(struct iov_iter *it, void *buf, size_t n, bool to_user)
{
	size_t done = 0;

	while (done < n && it->idx < it->nr) {
		const struct iovec *v = &it->iov[it->idx];
		size_t chunk = MIN(n - done, v->iov_len - it->off);
		char *u = (char *)v->iov_base + it->off;
		int err = to_user ? copy_to_user(u, (char *)buf + done, chunk)
				  : copy_from_user((char *)buf + done, u, chunk);

		if (err)
			break;
		done += chunk;
		it->off += chunk;
		if (it->off == v->iov_len) {
			it->idx++;
			it->off = 0;
		}
	}
	return done;
}

/*
 * Moves up to total bytes between the iovecs and file, at *pos (advanced)
 * or at f_pos when pos is NULL. The caller holds a reference to file.
 */
static ssize_t do_rw(struct file *file, bool writing, struct iov_iter *it,
		     size_t total, int64_t *pos)
{
	size_t size, done = 0;
	ssize_t err = 0;
	char *buf;

	total = MIN(total, (size_t)MAX_RW_COUNT);
	buf = bounce_alloc(total, &size);
	if (!buf)
		return -ENOMEM;
	do {
		size_t n = MIN(total - done, size), got = n;
		ssize_t r;

		if (writing) {
			got = iter_copy(it, buf, n, false);
			if (got == 0 && n) {
				err = -EFAULT;
				break;
			}
			r = vfs_write(file, buf, got, pos);
		} else {
			r = vfs_read(file, buf, n, pos);
		}
		if (r < 0) {
			err = r;
			break;
		}
		if (!writing) {
			size_t copied = iter_copy(it, buf, r, true);

			if (copied < (size_t)r) {
				/* Undelivered bytes stay unread (Linux). */
				if (!pos && !file_is_stream(file))
					vfs_lseek(file, (int64_t)copied - r,
						  SEEK_CUR);
				done += copied;
				if (pos)
					*pos += copied;
				err = -EFAULT;
				break;
			}
		}
		done += r;
		if (pos)
			*pos += r;
		if ((size_t)r < n || r == 0)
			break;
		if (!writing && !file_may_loop(file))
			break;
	} while (done < total);
	bounce_free(buf);
	return done ? (ssize_t)done : err;
}

/*
 * Copies the user's iovec array in: EINVAL for a bad count or a total
 * past SSIZE_MAX. Returns the total length; *out is freed with kfree.
 */
static ssize_t import_iovec(const struct iovec *uvec, int cnt,
			    struct iovec **out)
{
	struct iovec *iov;
	size_t total = 0;

	if (cnt < 0 || cnt > UIO_MAXIOV)
		return -EINVAL;
	iov = kmalloc(MAX(cnt, 1) * sizeof(*iov));
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uvec, cnt * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (int i = 0; i < cnt; i++) {
		if ((ssize_t)iov[i].iov_len < 0 ||
		    iov[i].iov_len > (size_t)INT64_MAX - total) {
			kfree(iov);
			return -EINVAL;
		}
		total += iov[i].iov_len;
	}
	*out = iov;
	return total;
}

/* The file for fd if it was opened for mode (FMODE_READ/WRITE). */
static struct file *get_rw(int fd, unsigned int mode, long *err)
{
	struct file *file = fd_get(fd);

	*err = -EBADF;
	if (file && !(file->f_mode & mode)) {
		fput(file);
		return NULL;
	}
	return file;
}

/* read/write/pread/pwrite on one buffer; pos NULL: at f_pos. */
static long rw_one(int fd, bool writing, void *ubuf, size_t count,
		   int64_t *pos)
{
	struct iovec v = { ubuf, count };
	struct iov_iter it = { &v, 1, 0, 0 };
	struct file *file;
	long ret;

	file = get_rw(fd, writing ? FMODE_WRITE : FMODE_READ, &ret);
	if (!file)
		return ret;
	if (pos && file_is_stream(file))
		ret = -ESPIPE;
	else if (pos && *pos < 0)
		ret = -EINVAL;
	else
		ret = do_rw(file, writing, &it, count, pos);
	fput(file);
	return ret;
}

/* The vector forms; pos NULL or -1 (preadv2): at f_pos. */
static long rw_vec(int fd, bool writing, const struct iovec *uvec, int cnt,
		   int64_t pos, bool positional)
{
	struct iovec *iov;
	struct iov_iter it = { 0 };
	struct file *file;
	ssize_t total;
	long ret;

	file = get_rw(fd, writing ? FMODE_WRITE : FMODE_READ, &ret);
	if (!file)
		return ret;
	total = import_iovec(uvec, cnt, &iov);
	if (total < 0) {
		fput(file);
		return total;
	}
	it.iov = iov;
	it.nr = cnt;
	if (positional && file_is_stream(file))
		ret = -ESPIPE;
	else if (positional && pos < 0)
		ret = -EINVAL;
	else
		ret = do_rw(file, writing, &it, total, positional ? &pos : NULL);
	kfree(iov);
	fput(file);
	return ret;
}

long sys_read(int fd, void *buf, size_t count)
{
	return rw_one(fd, false, buf, count, NULL);
}

long sys_write(int fd, const void *buf, size_t count)
{
	return rw_one(fd, true, (void *)buf, count, NULL);
}

long sys_pread64(int fd, void *buf, size_t count, int64_t pos)
{
	return rw_one(fd, false, buf, count, &pos);
}

long sys_pwrite64(int fd, const void *buf, size_t count, int64_t pos)
{
	return rw_one(fd, true, (void *)buf, count, &pos);
}

long sys_readv(int fd, const struct iovec *iov, int cnt)
{
	return rw_vec(fd, false, iov, cnt, 0, false);
}

long sys_writev(int fd, const struct iovec *iov, int cnt)
{
	return rw_vec(fd, true, iov, cnt, 0, false);
}

/* On 64-bit arches pos_l holds the whole offset; pos_h is ignored. */
long sys_preadv(int fd, const struct iovec *iov, int cnt, unsigned long pos_l,
		unsigned long pos_h)
{
	return rw_vec(fd, false, iov, cnt, (int64_t)pos_l, true);
}

long sys_pwritev(int fd, const struct iovec *iov, int cnt,
		 unsigned long pos_l, unsigned long pos_h)
{
	return rw_vec(fd, true, iov, cnt, (int64_t)pos_l, true);
}

long sys_preadv2(int fd, const struct iovec *iov, int cnt,
		 unsigned long pos_l, unsigned long pos_h, int flags)
{
	if (flags & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	return rw_vec(fd, false, iov, cnt, (int64_t)pos_l,
		      (int64_t)pos_l != -1);
}

long sys_pwritev2(int fd, const struct iovec *iov, int cnt,
		  unsigned long pos_l, unsigned long pos_h, int flags)
{
	if (flags & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	return rw_vec(fd, true, iov, cnt, (int64_t)pos_l,
		      (int64_t)pos_l != -1);
}

long sys_lseek(int fd, int64_t offset, unsigned int whence)
{
	struct file *file = fd_get(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = whence > SEEK_HOLE ? -EINVAL : vfs_lseek(file, offset, whence);
	fput(file);
	return ret;
}

/*
 * sendfile: from in_fd (at *offset, which is updated, or at its f_pos)
 * to out_fd, through one bounce buffer. Linux refuses an O_APPEND output.
 */
long sys_sendfile(int out_fd, int in_fd, int64_t *offset, size_t count)
{
	struct file *in, *out = NULL;
	int64_t pos = 0, *ppos = NULL;
	size_t size, done = 0;
	long err;
	char *buf = NULL;

	in = get_rw(in_fd, FMODE_READ, &err);
	if (!in)
		return err;
	out = get_rw(out_fd, FMODE_WRITE, &err);
	if (!out)
		goto out;
	err = -EINVAL;
	if (out->f_flags & O_APPEND)
		goto out;
	if (offset) {
		err = -EFAULT;
		if (copy_from_user(&pos, offset, sizeof(pos)))
			goto out;
		err = file_is_stream(in) ? -ESPIPE : -EINVAL;
		if (file_is_stream(in) || pos < 0)
			goto out;
		ppos = &pos;
	}
	count = MIN(count, (size_t)MAX_RW_COUNT);
	err = -ENOMEM;
	buf = bounce_alloc(count, &size);
	if (!buf)
		goto out;
	err = 0;
	while (done < count) {
		size_t n = MIN(count - done, size);
		int64_t rpos = ppos ? *ppos : 0;
		ssize_t r, w;

		r = vfs_read(in, buf, n, ppos ? &rpos : NULL);
		if (r <= 0) {
			err = r;
			break;
		}
		w = vfs_write(out, buf, r, NULL);
		if (w < 0) {
			err = w;
			/* Put back what was read but not written. */
			if (!ppos && !file_is_stream(in))
				vfs_lseek(in, -r, SEEK_CUR);
			break;
		}
		if (w < r && !ppos && !file_is_stream(in))
			vfs_lseek(in, w - r, SEEK_CUR);
		done += w;
		if (ppos)
			*ppos += w;
		if (w < r || (size_t)r < n || !file_may_loop(in))
			break;
	}
	if (ppos && copy_to_user(offset, ppos, sizeof(*ppos)))
		err = -EFAULT;
	else if (done)
		err = done;
out:
	bounce_free(buf);
	if (out)
		fput(out);
	fput(in);
	return err;
}
