/*
 * Pipes (pipe(7)): the read, write and poll rules shared by anonymous
 * pipes and FIFOs, and the anonymous pipe itself (pipe_create(), behind
 * pipe2). A pipe is a byte ring (ring.c) under a mutex, with a wait
 * queue for each side. Files reach it through private_data.
 *
 * Rules honoured, as Linux:
 *  - read returns what is there (never waits for more once it has some),
 *    0 at end of file (no writer left), EAGAIN with O_NONBLOCK;
 *  - a write of at most PIPE_BUF bytes goes in whole or not at all; a
 *    larger one may be split and interleaved, and with O_NONBLOCK writes
 *    what fits (EAGAIN when nothing does);
 *  - writing with no reader left raises SIGPIPE and fails with EPIPE;
 *  - a wait interrupted by a signal returns -ERESTARTSYS (or the count
 *    already moved).
 * The ring's bytes are kernel memory: the syscall layer copies user
 * buffers, so no user access happens under the pipe's mutex.
 */
#define pr_fmt(fmt) "pipe: " fmt

#include "pipe.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/slab.h>
#include <core/uaccess.h>
#include <fs/anon_inode.h>
#include <fs/poll.h>
#include <fs/vfs.h>

#define FIONREAD	0x541B	/* asm-generic/ioctls.h, also x86_64's */

struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	mutex_init(&p->lock);
	pipe_ring_init(&p->ring);
	wait_queue_init(&p->rd_wait);
	wait_queue_init(&p->wr_wait);
	list_init(&p->fifo_link);
	return p;
}

void pipe_free(struct pipe *p)
{
	pipe_ring_free(&p->ring);
	kfree(p);
}

bool pipe_put_end(struct pipe *p, const struct file *file)
{
	bool last;

	mutex_lock(&p->lock);
	if (file->f_mode & FMODE_READ)
		p->readers--;
	if (file->f_mode & FMODE_WRITE)
		p->writers--;
	last = !p->readers && !p->writers;
	mutex_unlock(&p->lock);
	/* Readers see EOF or HUP, writers EPIPE or ERR. */
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);
	return last;
}

static bool readable(struct pipe *p)
{
	return READ_ONCE(p->ring.len) || !READ_ONCE(p->writers);
}

/* Room for a write of `want` bytes (or no reader to write to). */
static bool writable(struct pipe *p, size_t want)
{
	return pipe_ring_space(&p->ring) >= want || !READ_ONCE(p->readers);
}

ssize_t pipe_read(struct file *file, void *buf, size_t len, int64_t *pos)
{
	struct pipe *p = file->private_data;
	ssize_t ret;

	if (!len)
		return 0;
	if (mutex_lock_interruptible(&p->lock))
		return -ERESTARTSYS;
	for (;;) {
		if (p->ring.len) {
			ret = pipe_ring_read(&p->ring, buf, len);
			break;
		}
		if (!p->writers) {
			ret = 0;
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&p->lock);
		if (wait_event_interruptible(&p->rd_wait, readable(p)) ||
		    mutex_lock_interruptible(&p->lock))
			return -ERESTARTSYS;
	}
	mutex_unlock(&p->lock);
	if (ret > 0)
		wake_up(&p->wr_wait);
	return ret;
}

ssize_t pipe_write(struct file *file, const void *buf, size_t len,
		   int64_t *pos)
{
	struct pipe *p = file->private_data;
	const char *src = buf;
	size_t done = 0, want;
	ssize_t ret = 0, n;

	if (!len)
		return 0;
	if (mutex_lock_interruptible(&p->lock))
		return -ERESTARTSYS;
	for (;;) {
		if (!p->readers) {
			send_signal_task(current, SIGPIPE, NULL);
			ret = -EPIPE;
			break;
		}
		/* Small writes go in whole; big ones in pieces. */
		want = len <= PIPE_BUF ? len : 1;
		if (pipe_ring_space(&p->ring) >= want) {
			n = pipe_ring_write(&p->ring, src + done, len - done);
			if (n < 0) {
				ret = n;
				break;
			}
			done += n;
			wake_up(&p->rd_wait);
			if (done == len)
				break;
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&p->lock);
		/* Big writes wait for a useful amount of room. */
		want = MIN(len - done, (size_t)PIPE_BUF);
		if (wait_event_interruptible(&p->wr_wait, writable(p, want)) ||
		    mutex_lock_interruptible(&p->lock))
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
	mutex_unlock(&p->lock);
	return done ? (ssize_t)done : ret;
}

/*
 * As Linux: the read side is readable with data and hung up with no
 * writer (for a FIFO, only once a writer came since this file opened:
 * f_pos holds the writer count seen at open, pipes have no position);
 * the write side is writable with room for PIPE_BUF bytes and in error
 * with no reader.
 */
unsigned int pipe_poll(struct file *file, struct poll_table *pt)
{
	struct pipe *p = file->private_data;
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &p->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &p->wr_wait, pt);
	mutex_lock(&p->lock);
	if (file->f_mode & FMODE_READ) {
		if (p->ring.len)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers && (int64_t)p->w_counter != file->f_pos)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (pipe_ring_space(&p->ring) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	mutex_unlock(&p->lock);
	return mask;
}

long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = file->private_data;
	int avail;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&p->lock);
	avail = (int)p->ring.len;
	mutex_unlock(&p->lock);
	return copy_to_user((void *)arg, &avail, sizeof(avail));
}

int64_t pipe_llseek(struct file *file, int64_t offset, int whence)
{
	return -ESPIPE;
}

static void pipe_release(struct inode *inode, struct file *file)
{
	struct pipe *p = file->private_data;

	if (pipe_put_end(p, file)) {
		anon_inode_unlink(inode);
		pipe_free(p);
	}
}

static const struct file_ops pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.llseek = pipe_llseek,
	.release = pipe_release,
};

int pipe_create(struct file *files[2], unsigned int flags)
{
	unsigned int nb = flags & O_NONBLOCK;
	struct pipe *p = pipe_alloc();
	struct path path;
	int err;

	if (!p)
		return -ENOMEM;
	err = anon_inode_create(S_IFIFO | 0600, &path);
	if (err)
		goto err_free;
	p->readers = p->writers = 1;
	p->r_counter = p->w_counter = 1;
	files[0] = anon_file_open(&path, &pipe_fops, p, O_RDONLY | nb);
	if (IS_ERR(files[0])) {
		err = PTR_ERR(files[0]);
		goto err_path;
	}
	files[1] = anon_file_open(&path, &pipe_fops, p, O_WRONLY | nb);
	if (IS_ERR(files[1])) {
		err = PTR_ERR(files[1]);
		/* The read end's release frees the pipe. */
		p->writers = 0;
		fput(files[0]);
		path_put(&path);
		return err;
	}
	path_put(&path);
	return 0;
err_path:
	anon_inode_unlink(path.dentry->d_inode);
	path_put(&path);
err_free:
	pipe_free(p);
	return err;
}
