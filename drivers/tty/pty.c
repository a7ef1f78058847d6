/*
 * Pseudo-terminals (Unix 98): opening /dev/ptmx (5:2) makes a pair, a
 * master (the file that open returns) and a slave terminal, /dev/pts/N
 * in devpts (devpts.c), device 136 + N / 256 : N % 256.
 *
 * Each side is a struct tty with the line discipline. Bytes written to
 * the master are the slave's received input (n_tty_receive: editing,
 * echo, signal characters); what the slave writes, after its output
 * processing, is received by the master's tty, whose termios are raw
 * (no echo, no mapping, VMIN 1), so that master reads return it as is.
 * Echo produced while the master's writer feeds the slave never blocks
 * (it is dropped when the master's buffer is full, as Linux drops echo);
 * other slave writers wait for room.
 *
 * Closing the master hangs the slave up and removes /dev/pts/N; once the
 * slave's last file is closed master reads give what is left, then EIO.
 * The number is free again when both sides are closed. This file has the
 * table of pairs, the slave's driver and the master's open and close;
 * the master's other file operations are in pty_master.c.
 */
#define pr_fmt(fmt) "pty: " fmt

#include "pty.h"
#include "tty.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/string.h>
#include <fs/chrdev.h>


/* The table of numbers; pty_lock also orders opens, closes and frees. */
static struct pty *ptys[PTY_MAX];
static struct mutex pty_lock;
static uint32_t pty_gen;

bool pty_lookup(unsigned int index, uint32_t *gen, uint32_t *uid,
		uint32_t *gid)
{
	struct pty *p;
	bool live;

	if (index >= PTY_MAX)
		return false;
	mutex_lock(&pty_lock);
	p = ptys[index];
	live = p && p->master_open;
	if (live) {
		*gen = p->gen;
		*uid = p->uid;
		*gid = p->gid;
	}
	mutex_unlock(&pty_lock);
	return live;
}

int pty_next(unsigned int from)
{
	int found = -1;

	mutex_lock(&pty_lock);
	for (unsigned int i = from; i < PTY_MAX; i++) {
		if (ptys[i] && ptys[i]->master_open) {
			found = i;
			break;
		}
	}
	mutex_unlock(&pty_lock);
	return found;
}

/* Both sides closed: the number is free. Called with pty_lock held. */
static void pty_free(struct pty *p)
{
	ptys[p->index] = NULL;
	tty_release_ctty(&p->slave);
	kfree(p);
}

/* Files are open on the slave (pty_lock held). */
static bool slave_busy(struct pty *p)
{
	unsigned long flags;
	bool busy;

	/* Also opens through /dev/tty, which pts_open() does not see. */
	spin_lock_irqsave(&p->slave.lock, &flags);
	busy = p->slave.open_count > 0;
	spin_unlock_irqrestore(&p->slave.lock, flags);
	return busy || p->slave_open;
}

/* --- the slave's driver ------------------------------------------------ */

unsigned int pty_master_room(struct pty *p)
{
	unsigned long flags;
	unsigned int used;

	spin_lock_irqsave(&p->master.lock, &flags);
	used = p->master.count;
	spin_unlock_irqrestore(&p->master.lock, flags);
	return TTY_BUF_SIZE - used;
}

/* Sleeps until the master can take bytes or closed: 0 or -ERESTARTSYS. */
static int wait_room(struct pty *p)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	int ret = 0;

	for (;;) {
		prepare_to_wait(&p->slave.write_wait, &we, true);
		if (!p->master_open || pty_master_room(p))
			break;
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&p->slave.write_wait, &we);
	return ret;
}

/*
 * Processed slave output (and echo of its input) into the master. Output
 * stopped by ^S is the terminal layer's (n_tty_write() waits).
 */
static ssize_t pty_slave_write(struct tty *tty, const char *buf, size_t len,
			       bool nonblock)
{
	struct pty *p = pty_of_slave(tty);
	bool echo = p->feeder == current;
	size_t done = 0;
	ssize_t ret = 0;

	if (!echo)
		mutex_lock(&p->out_lock);
	while (done < len) {
		unsigned int room;

		if (!p->master_open) {
			ret = -EIO;
			break;
		}
		room = pty_master_room(p);
		if (!room) {
			/* Echo is dropped, not waited for. */
			if (echo || nonblock)
				break;
			ret = wait_room(p);
			if (ret)
				break;
			continue;
		}
		room = MIN(room, len - done);
		for (unsigned int i = 0; i < room; i++)
			n_tty_receive(&p->master, buf[done + i]);
		done += room;
	}
	if (!echo)
		mutex_unlock(&p->out_lock);
	return done ? (ssize_t)done : ret;
}

/* The last file open on the slave was closed. */
static void pty_slave_close(struct tty *tty)
{
	struct pty *p = pty_of_slave(tty);

	mutex_lock(&pty_lock);
	p->slave_open = false;
	p->slave_closed = true;
	wake_up(&p->master.read_wait);
	if (!p->master_open && !p->hanging_up)
		pty_free(p);
	mutex_unlock(&pty_lock);
}

static unsigned int pty_slave_write_room(struct tty *tty)
{
	struct pty *p = pty_of_slave(tty);

	return p->master_open ? pty_master_room(p) : 0;
}

/* ^C or TCOFLUSH on the slave: what the master has not read goes. */
static void pty_slave_flush_output(struct tty *tty)
{
	struct pty *p = pty_of_slave(tty);

	n_tty_flush_input(&p->master);
	wake_up(&tty->write_wait);
}

static const struct tty_ops pty_slave_ops = {
	.write = pty_slave_write,
	.close = pty_slave_close,
	.write_room = pty_slave_write_room,
	.flush_output = pty_slave_flush_output,
};

/* The master's tty never writes: its termios have no echo. */
static ssize_t pty_master_write(struct tty *tty, const char *buf, size_t len,
				bool nonblock)
{
	return len;
}

static const struct tty_ops pty_master_ops = {
	.write = pty_master_write,
};

/* Opening /dev/pts/N (or 136:N anywhere, or TIOCGPTPEER). */
static int pts_open(struct inode *inode, struct file *f)
{
	unsigned int major = MAJOR(inode->i_rdev);
	unsigned int index = (major - PTY_SLAVE_MAJOR) * 256 +
			     MINOR(inode->i_rdev);
	struct pty *p;
	int err;

	if (major < PTY_SLAVE_MAJOR || index >= PTY_MAX)
		return -ENXIO;
	mutex_lock(&pty_lock);
	p = ptys[index];
	if (!p || !p->master_open || p->locked) {
		err = -EIO;
		goto out;
	}
	f->private_data = &p->slave;
	f->f_op = &tty_file_ops;
	err = tty_open_file(&p->slave, f);
	if (!err) {
		p->slave_open = true;
		p->slave_closed = false;
	}
out:
	mutex_unlock(&pty_lock);
	return err;
}

/* The slaves' numbers; the open hands the file to tty_file_ops. */
static const struct file_ops pts_fops = {
	.open = pts_open,
};

/* --- the master -------------------------------------------------------- */

/* The termios Linux gives a pty pair (the master's raw, 38400 baud). */
static void pty_termios(struct pty *p)
{
	struct ktermios *m = &p->master.termios, *s = &p->slave.termios;

	p->slave.termios.c_cflag = B38400 | CS8 | CREAD;	/* no HUPCL */
	p->slave.ispeed = p->slave.ospeed = 38400;
	memset(&p->slave.winsize, 0, sizeof(p->slave.winsize));
	*m = *s;
	m->c_iflag = m->c_oflag = m->c_lflag = 0;
	m->c_cflag = B38400 | CS8 | CREAD;
	p->master.ispeed = p->master.ospeed = 38400;
	memset(&p->master.winsize, 0, sizeof(p->master.winsize));
}

int ptmx_open(struct inode *inode, struct file *f)
{
	struct process *proc = current_process();
	struct pty *p = kzalloc(sizeof(*p));
	int index = -1;

	if (!p)
		return -ENOMEM;
	mutex_lock(&pty_lock);
	for (unsigned int i = 0; i < PTY_MAX && index < 0; i++)
		if (!ptys[i])
			index = i;
	if (index < 0) {
		mutex_unlock(&pty_lock);
		kfree(p);
		return -ENOSPC;
	}
	p->index = index;
	p->gen = ++pty_gen;
	p->uid = proc ? proc->fsuid : 0;
	p->gid = proc ? proc->fsgid : 0;
	p->locked = true;
	p->master_open = true;
	mutex_init(&p->feed_lock);
	mutex_init(&p->out_lock);
	snprintf(p->slave_name, sizeof(p->slave_name), "pts/%d", index);
	tty_init(&p->slave, p->slave_name, &pty_slave_ops);
	tty_init(&p->master, "ptm", &pty_master_ops);
	p->slave.link = &p->master;
	p->master.link = &p->slave;
	p->slave.index = p->master.index = index;
	p->slave.dev = pty_slave_dev(index);
	pty_termios(p);
	ptys[index] = p;
	mutex_unlock(&pty_lock);
	/* The slave, so that the terminal layer's ioctls act on it. */
	f->private_data = &p->slave;
	f->f_mode |= FMODE_STREAM;
	return 0;
}

/*
 * The master's close hangs the slave up; whichever of the master's and
 * the slave's last close comes second frees the pair.
 */
void ptmx_release(struct inode *inode, struct file *f)
{
	struct pty *p = pty_of_file(f);
	bool hangup;

	mutex_lock(&pty_lock);
	p->master_open = false;
	hangup = slave_busy(p);
	p->slave_open = hangup;	/* its close frees the pair */
	p->hanging_up = hangup;
	mutex_unlock(&pty_lock);
	if (hangup)
		tty_hangup(&p->slave);
	mutex_lock(&pty_lock);
	p->hanging_up = false;
	if (!p->slave_open)
		pty_free(p);
	mutex_unlock(&pty_lock);
}


static struct chrdev ptmx_dev = {
	.name = "ptmx", .dev = PTMX_DEV, .mode = 0666, .fops = &ptmx_fops,
	.class = "tty",
};

static struct chrdev pts_devs[PTY_MAX / 256];

static int pty_init(void)
{
	int err;

	mutex_init(&pty_lock);
	err = chrdev_register(&ptmx_dev);
	for (unsigned int i = 0; !err && i < ARRAY_SIZE(pts_devs); i++) {
		pts_devs[i].dev = MKDEV(PTY_SLAVE_MAJOR + i, 0);
		pts_devs[i].minors = 256;
		pts_devs[i].fops = &pts_fops;
		err = chrdev_register(&pts_devs[i]);
	}
	if (err)
		pr_err("cannot register the pty devices: %d\n", err);
	return err;
}
driver_initcall(pty_init);
