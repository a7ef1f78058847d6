/*
 * FIFOs (fifo(7)): named pipes. An S_IFIFO inode of any file system gets
 * a pipe while at least one file has it open; the table below maps
 * inodes to their pipes (file systems keep i_private for themselves).
 *
 * open() rules, as Linux: O_RDONLY waits for a writer, O_WRONLY for a
 * reader (both interruptibly, -ERESTARTSYS); with O_NONBLOCK a reader
 * opens at once and a writer fails with ENXIO when no reader is there;
 * O_RDWR never waits. The open path of the VFS routes S_IFIFO inodes to
 * fifo_fops (see fs/include/fs/pipe.h).
 *
 * Lock order: vfs_lock(), then fifo_lock, then a pipe's lock.
 */
#define pr_fmt(fmt) "fifo: " fmt

#include "pipe.h"

#include <core/errno.h>
#include <core/list.h>
#include <core/sync.h>
#include <fs/vfs.h>

static struct mutex fifo_lock = MUTEX_INIT(fifo_lock);
static struct list_head fifos = LIST_HEAD_INIT(fifos);

/* The pipe of inode, made when absent. Caller holds fifo_lock. */
static struct pipe *fifo_get(struct inode *inode)
{
	struct pipe *p;

	for (struct list_head *l = fifos.next; l != &fifos; l = l->next) {
		p = list_entry(l, struct pipe, fifo_link);
		if (p->inode == inode)
			return p;
	}
	p = pipe_alloc();
	if (!p)
		return NULL;
	p->inode = inode;
	list_add(&p->fifo_link, &fifos);
	return p;
}

/* Drops the pipe when no end is open. Caller holds fifo_lock. */
static void fifo_put_if_unused(struct pipe *p)
{
	if (p->readers || p->writers)
		return;
	list_del(&p->fifo_link);
	pipe_free(p);
}

/*
 * Sleeps until *counter moves from seen; -ERESTARTSYS on a signal.
 * ->open runs under the VFS name-space lock (do_open() in
 * fs/vfs/open.c), which the partner's open needs for its path walk: it is
 * let go for the wait. Our file holds its path, so nothing we use goes
 * away meanwhile.
 */
static int wait_counter(struct wait_queue *wq, unsigned int *counter,
			unsigned int seen)
{
	int err;

	mutex_unlock(&fifo_lock);
	vfs_unlock();
	err = wait_event_interruptible(wq, READ_ONCE(*counter) != seen);
	vfs_lock();
	mutex_lock(&fifo_lock);
	return err ? -ERESTARTSYS : 0;
}

static int fifo_open(struct inode *inode, struct file *file)
{
	bool rd = file->f_mode & FMODE_READ, wr = file->f_mode & FMODE_WRITE;
	bool nonblock = file->f_flags & O_NONBLOCK;
	unsigned int seen;
	struct pipe *p;
	int err = 0;

	mutex_lock(&fifo_lock);
	p = fifo_get(inode);
	if (!p) {
		err = -ENOMEM;
		goto out;
	}
	file->private_data = p;
	if (wr && !rd && nonblock && !p->readers) {
		err = -ENXIO;
		goto out_put;
	}
	mutex_lock(&p->lock);
	if (rd) {
		p->readers++;
		p->r_counter++;
	}
	if (wr) {
		p->writers++;
		p->w_counter++;
	}
	/* HUP only after a writer that came after us (pipe_poll()). */
	file->f_pos = p->writers ? 0 : p->w_counter;
	mutex_unlock(&p->lock);
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);

	if (rd && !wr && !nonblock && !p->writers) {
		seen = p->w_counter;
		err = wait_counter(&p->rd_wait, &p->w_counter, seen);
	} else if (wr && !rd && !p->readers) {
		seen = p->r_counter;
		err = wait_counter(&p->wr_wait, &p->r_counter, seen);
	}
	if (err) {
		mutex_lock(&p->lock);
		if (rd)
			p->readers--;
		if (wr)
			p->writers--;
		mutex_unlock(&p->lock);
		wake_up(&p->rd_wait);
		wake_up(&p->wr_wait);
		goto out_put;
	}
	goto out;
out_put:
	fifo_put_if_unused(p);
out:
	mutex_unlock(&fifo_lock);
	return err;
}

static void fifo_release(struct inode *inode, struct file *file)
{
	struct pipe *p = file->private_data;

	mutex_lock(&fifo_lock);
	pipe_put_end(p, file);
	fifo_put_if_unused(p);
	mutex_unlock(&fifo_lock);
}

const struct file_ops fifo_fops = {
	.open = fifo_open,
	.release = fifo_release,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.llseek = pipe_llseek,
};
