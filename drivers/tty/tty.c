/*
 * The file interface every terminal shares (tty.h): read, write, poll,
 * ioctl and release on a file whose private_data is a struct tty,
 * whatever driver serves it (the console, a pty slave) and however it
 * was opened (its own node, /dev/console, /dev/tty). Also /dev/tty
 * itself (5:0), which opens the caller's controlling terminal, and
 * hangup.
 *
 * ioctls: the termios calls (TCGETS, TCSETS[WF], TCGETS2, TCSETS[WF]2),
 * window size (SIGWINCH to the foreground group on change), TCFLSH,
 * TCXONC, TCSBRK[P], TIOCOUTQ, FIONREAD, and the controlling terminal
 * and foreground group ones of jobctl.c. TIOCSTI is refused (EIO, as
 * Linux with dev.tty.legacy_tiocsti=0). From the background, changing
 * the terminal stops the caller's group with SIGTTOU (jobctl.c);
 * through /dev/console, reads and writes never stop (Linux).
 *
 * A hung-up terminal reads end of file, fails writes and ioctls with
 * EIO (TIOCSPGRP with ENOTTY) and polls POLLHUP, as Linux's
 * hung_up_tty_fops.
 */
#define pr_fmt(fmt) "tty: " fmt

#include "n_tty.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/process.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/uaccess.h>
#include <fs/chrdev.h>
#include <fs/poll.h>

void tty_init_termios(struct ktermios *t)
{
	static const uint8_t cc[NCCS] = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021,
		[VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,
		[VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026,
	};

	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		     IEXTEN;
	memcpy(t->c_cc, cc, sizeof(cc));
}

void tty_init(struct tty *tty, const char *name, const struct tty_ops *ops)
{
	tty->name = name;
	tty->ops = ops;
	/* Linux's tty_std_termios: the console's, at 38400 and no CLOCAL. */
	tty_init_termios(&tty->termios);
	tty->termios.c_cflag = B38400 | CS8 | CREAD | HUPCL;
	tty->ispeed = tty->ospeed = 38400;
	tty->lock = SPINLOCK_INIT;
	wait_queue_init(&tty->read_wait);
	wait_queue_init(&tty->write_wait);
}

bool tty_is_console_file(const struct file *f)
{
	return f->f_inode && S_ISCHR(f->f_inode->i_mode) &&
	       f->f_inode->i_rdev == MKDEV(5, 1);
}

int tty_open_file(struct tty *tty, struct file *f)
{
	unsigned long flags;

	if (tty->hung_up)
		return -EIO;
	spin_lock_irqsave(&tty->lock, &flags);
	tty->open_count++;
	spin_unlock_irqrestore(&tty->lock, flags);
	f->f_mode |= FMODE_STREAM;
	tty_open_ctty(tty, f);
	return 0;
}

static void tty_release(struct inode *inode, struct file *f)
{
	struct tty *tty = f->private_data;
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&tty->lock, &flags);
	last = --tty->open_count == 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (last && tty->ops->close)
		tty->ops->close(tty);
}

static ssize_t tty_read(struct file *f, void *buf, size_t len, int64_t *pos)
{
	struct tty *tty = f->private_data;
	int err;

	if (tty->hung_up)
		return 0;
	if (!tty_is_console_file(f)) {
		err = tty_check_change(tty, SIGTTIN);
		if (err)
			return err;
	}
	return n_tty_read(tty, buf, len, f->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *f, const void *buf, size_t len,
			 int64_t *pos)
{
	struct tty *tty = f->private_data;
	int err;

	if (tty->hung_up)
		return -EIO;
	if ((tty->termios.c_lflag & TOSTOP) && !tty_is_console_file(f)) {
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
	}
	/* Output stopped (^S): a driver would take nothing now. */
	if (tty->stopped && (f->f_flags & O_NONBLOCK))
		return -EAGAIN;
	return n_tty_write(tty, buf, len, f->f_flags & O_NONBLOCK);
}

static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	struct tty *tty = f->private_data;
	unsigned int mask = 0;

	poll_wait(f, &tty->read_wait, pt);
	poll_wait(f, &tty->write_wait, pt);
	if (tty->hung_up)
		return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM |
		       POLLWRNORM;
	if (n_tty_input_ready(tty))
		mask |= POLLIN | POLLRDNORM;
	if (!tty->stopped && (!tty->ops->write_room || tty->ops->write_room(tty)))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static long set_termios(struct tty *tty, const struct ktermios *t, bool flush)
{
	struct ktermios old = tty->termios;

	if (flush)
		n_tty_flush_input(tty);
	tty->termios = *t;
	n_tty_set_termios(tty, &old);
	return 0;
}

/* The termios calls; settings change only from the foreground. */
static long termios_ioctl(struct tty *tty, unsigned int cmd, void *arg)
{
	struct ktermios2 t2;
	long err;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(arg, &tty->termios, sizeof(tty->termios));
	case TCGETS2:
		t2.t = tty->termios;
		t2.c_ispeed = tty->ispeed;
		t2.c_ospeed = tty->ospeed;
		return copy_to_user(arg, &t2, sizeof(t2));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
		if (copy_from_user(&t2.t, arg, sizeof(t2.t)))
			return -EFAULT;
		/* Output is written synchronously: nothing to drain (W). */
		return set_termios(tty, &t2.t, cmd == TCSETSF);
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
		if (copy_from_user(&t2, arg, sizeof(t2)))
			return -EFAULT;
		tty->ispeed = t2.c_ispeed;
		tty->ospeed = t2.c_ospeed;
		return set_termios(tty, &t2.t, cmd == TCSETSF2);
	}
	return -ENOTTY;
}

/* TCXONC: suspend or restart output, or send STOP / START. */
static long flow_ioctl(struct tty *tty, unsigned long arg)
{
	char c;

	switch (arg) {
	case TCOOFF:
		tty->stopped = tty->tco_stopped = true;
		return 0;
	case TCOON:
		tty->stopped = tty->tco_stopped = false;
		n_tty_restart_output(tty);
		return 0;
	case TCIOFF:
	case TCION:
		c = tty->termios.c_cc[arg == TCIOFF ? VSTOP : VSTART];
		if (c)
			n_tty_echo(tty, &c, 1);
		return 0;
	}
	return -EINVAL;
}

long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty *tty = f->private_data;
	void *uarg = (void *)arg;
	struct kwinsize ws;
	long err;
	int v;

	if (tty->hung_up)
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	switch (cmd) {
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		return tty_jobctl_ioctl(tty, f, cmd, arg);
	case TIOCGWINSZ:
		return copy_to_user(uarg, &tty->winsize, sizeof(tty->winsize));
	case TIOCSWINSZ:
		/* Linux does not stop a background caller here. */
		if (copy_from_user(&ws, uarg, sizeof(ws)))
			return -EFAULT;
		if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
			tty->winsize = ws;
			tty_signal_pgrp(tty, SIGWINCH);
		}
		return 0;
	case FIONREAD:
		v = n_tty_readable(tty);
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCOUTQ:
		v = 0;		/* output is written synchronously */
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCSTI:
		return -EIO;
	case TCFLSH:
	case TCXONC:
	case TCSBRK:
	case TCSBRKP:
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
		break;
	default:
		return termios_ioctl(tty, cmd, uarg);
	}
	switch (cmd) {
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			n_tty_flush_input(tty);
		if (arg == TCOFLUSH || arg == TCIOFLUSH)
			n_tty_flush_output(tty);
		return 0;
	case TCXONC:
		return flow_ioctl(tty, arg);
	default:
		return 0;	/* TCSBRK: nothing queued to drain, no break */
	}
}

const struct file_ops tty_file_ops = {
	.release = tty_release,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

void tty_hangup(struct tty *tty)
{
	tty->hung_up = true;
	tty_hangup_session(tty);
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);
}

/* /dev/tty: the caller's controlling terminal, as a file of its own. */
static int devtty_open(struct inode *inode, struct file *f)
{
	struct tty *tty = tty_current_ctty();

	if (!tty)
		return -ENXIO;
	f->private_data = tty;
	f->f_op = &tty_file_ops;
	return tty_open_file(tty, f);
}

static const struct file_ops devtty_fops = {
	.open = devtty_open,
};

static struct chrdev devtty_dev = {
	.name = "tty", .dev = MKDEV(5, 0), .mode = 0666, .class = "tty",
	.fops = &devtty_fops,
};

static int devtty_setup(void)
{
	return chrdev_register(&devtty_dev);
}
driver_initcall(devtty_setup);
