/*
 * The pty master's file (see pty.c): reads return what the slave wrote
 * (the master's raw tty), writes are the slave's input (waiting while the
 * slave's input is full), poll, and the ioctls: TIOCGPTN, TIOCSPTLCK,
 * TIOCGPTLCK, TIOCGPTPEER, FIONREAD, TIOCGPGRP/TIOCGSID and TCFLSH of
 * the master; the others act on the slave through tty_ioctl(), as Linux
 * hands them to the pair's slave.
 */
#define pr_fmt(fmt) "pty: " fmt

#include "pty.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/poll.h>

static ssize_t ptmx_read(struct file *f, void *buf, size_t len, int64_t *pos)
{
	struct pty *p = pty_of_file(f);
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	ssize_t ret;

	if (!len)
		return 0;
	for (;;) {
		prepare_to_wait(&p->master.read_wait, &we, true);
		if (n_tty_readable(&p->master)) {
			ret = n_tty_read(&p->master, buf, len, true);
			if (ret != -EAGAIN)
				break;
			continue;	/* another reader took it */
		}
		if (p->slave_closed) {
			ret = -EIO;
			break;
		}
		if (f->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&p->master.read_wait, &we);
	if (ret > 0)
		wake_up(&p->slave.write_wait);
	return ret;
}

/* Room in the slave's input for one more byte. */
static bool slave_room(struct pty *p)
{
	struct tty *s = &p->slave;
	unsigned long flags;
	unsigned int used;

	spin_lock_irqsave(&s->lock, &flags);
	used = s->count + ((s->termios.c_lflag & ICANON) ? s->line_len + 1 : 0);
	spin_unlock_irqrestore(&s->lock, flags);
	return used < TTY_BUF_SIZE;
}

/*
 * Sleeps until the slave's input has room (n_tty_unthrottle() wakes the
 * master's write_wait when the slave reads or flushes): 0, -EAGAIN for a
 * nonblocking file, -ERESTARTSYS for a signal.
 */
static int wait_slave_room(struct pty *p, struct file *f)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	int ret = 0;

	for (;;) {
		prepare_to_wait(&p->master.write_wait, &we, true);
		if (slave_room(p))
			break;
		if (f->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&p->master.write_wait, &we);
	return ret;
}

/* Master writes are the slave's input; a full input waits for readers. */
static ssize_t ptmx_write(struct file *f, const void *buf, size_t len,
			  int64_t *pos)
{
	struct pty *p = pty_of_file(f);
	const unsigned char *c = buf;
	size_t done = 0;
	ssize_t ret = 0;

	if (mutex_lock_interruptible(&p->feed_lock))
		return -ERESTARTSYS;
	p->feeder = current;
	while (done < len) {
		ret = wait_slave_room(p, f);
		if (ret)
			break;
		n_tty_receive(&p->slave, c[done++]);
	}
	p->feeder = NULL;
	mutex_unlock(&p->feed_lock);
	return done ? (ssize_t)done : ret;
}

static unsigned int ptmx_poll(struct file *f, struct poll_table *pt)
{
	struct pty *p = pty_of_file(f);
	unsigned int mask = 0;

	poll_wait(f, &p->master.read_wait, pt);
	poll_wait(f, &p->master.write_wait, pt);
	if (n_tty_readable(&p->master))
		mask |= POLLIN | POLLRDNORM;
	if (p->slave_closed)
		mask |= POLLHUP;
	if (slave_room(p))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

/* TIOCGPTPEER: opens the slave through the devpts instance of /dev/ptmx. */
static long open_peer(struct file *f, struct pty *p, unsigned long flags)
{
	struct path dir = f->f_path, slave;
	struct file *sf;
	char name[24];
	int err, fd;

	if (devpts_sb(dir.mnt->mnt_sb)) {
		dir.dentry = dir.mnt->mnt_root;
		snprintf(name, sizeof(name), "%u", p->index);
	} else {
		dir.dentry = dir.dentry->d_parent;
		snprintf(name, sizeof(name), "pts/%u", p->index);
	}
	err = vfs_lookup(current->fs ? current->fs : &init_fs, &dir, name,
			 LOOKUP_FOLLOW, &slave);
	if (err)
		return err;
	if (!devpts_sb(slave.mnt->mnt_sb) ||
	    slave.dentry->d_inode->i_rdev != pty_slave_dev(p->index)) {
		path_put(&slave);
		return -ENODEV;
	}
	sf = vfs_open_path(&slave, flags & ~O_CLOEXEC);
	path_put(&slave);
	if (IS_ERR(sf))
		return PTR_ERR(sf);
	fd = fd_install(sf, flags & O_CLOEXEC);
	if (fd < 0)
		fput(sf);
	return fd;
}

/*
 * The master's ioctls; the rest go to the terminal layer with the slave
 * as the file's tty (termios, window size, process group), as Linux
 * hands them to the pair's slave.
 */
static long ptmx_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pty *p = pty_of_file(f);
	void *uarg = (void *)arg;
	unsigned long flags;
	int v;

	switch (cmd) {
	case TIOCGPTN:
		v = p->index;
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCSPTLCK:
		if (copy_from_user(&v, uarg, sizeof(v)))
			return -EFAULT;
		p->locked = v != 0;
		return 0;
	case TIOCGPTLCK:
		v = p->locked;
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCGPTPEER:
		return open_peer(f, p, arg);
	case FIONREAD:
		v = n_tty_readable(&p->master);
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCGPGRP:
	case TIOCGSID:
		/* Linux answers for the master without the ctty check. */
		spin_lock_irqsave(&tasklist_lock, &flags);
		v = cmd == TIOCGPGRP ? p->slave.pgrp : p->slave.session;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (cmd == TIOCGSID && !v)
			return -ENOTTY;
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCNOTTY:		/* the master is never a controlling tty */
	case TIOCPKT:		/* packet mode: not implemented */
		return -ENOTTY;
	case TCFLSH:
		/* The master's input is what the slave wrote. */
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCIFLUSH)
			n_tty_flush_input(&p->slave);
		if (arg != TCOFLUSH) {
			n_tty_flush_input(&p->master);
			wake_up(&p->slave.write_wait);
		}
		return 0;
	}
	return tty_ioctl(f, cmd, arg);
}

const struct file_ops ptmx_fops = {
	.open = ptmx_open,
	.release = ptmx_release,
	.read = ptmx_read,
	.write = ptmx_write,
	.poll = ptmx_poll,
	.ioctl = ptmx_ioctl,
};
