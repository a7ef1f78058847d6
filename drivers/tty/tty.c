/*
 * The console terminal: one struct tty over the kernel consoles, reached
 * as /dev/console (5:1), /dev/tty (5:0, the controlling terminal, which
 * is always this one until pseudo-terminals exist) and the serial
 * device's own node (/dev/ttyS0 4:64, /dev/ttyAMA0 204:64).
 *
 * Input: a kernel thread drains the consoles' receive registers every
 * tick into the line discipline (n_tty.c). Serial receive interrupts
 * would cut the latency below a tick; polling keeps the drivers simple
 * and loses nothing on QEMU, whose UARTs hold input back while their
 * FIFO is full.
 *
 * ioctls: the termios calls (TCGETS, TCSETS[WF], TCGETS2, TCSETS[WF]2),
 * window size, the foreground process group, the controlling terminal,
 * TCFLSH, TCXONC, TCSBRK, TIOCOUTQ, FIONREAD. TIOCSTI is refused (EIO,
 * as Linux with dev.tty.legacy_tiocsti=0).
 */
#define pr_fmt(fmt) "tty: " fmt

#include "tty.h"

#include <arch/irq.h>
#include <core/console.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <fs/chrdev.h>
#include <fs/poll.h>

#define TTY_POLL_NS	(1000000000ULL / CONFIG_HZ)

static struct tty console_tty = {
	.name = "console",
	.winsize = { .ws_row = 24, .ws_col = 80 },
	.read_wait = WAIT_QUEUE_INIT(console_tty.read_wait),
};

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

void tty_signal_pgrp(struct tty *tty, int sig)
{
	struct process *p, *targets[64];
	unsigned int n = 0;
	unsigned long flags;

	if (tty->pgrp <= 0)
		return;
	/*
	 * Interrupts stay off from the scan to the last send: no process can
	 * be reaped in between on this one CPU.
	 */
	spin_lock_irqsave(&tasklist_lock, &flags);
	for_each_process(p) {
		if (p->pgid == tty->pgrp && p->state == PROC_RUNNING &&
		    n < ARRAY_SIZE(targets))
			targets[n++] = p;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	flags = arch_irq_save();
	for (unsigned int i = 0; i < n; i++)
		send_signal_process(targets[i], sig, NULL);
	arch_irq_restore(flags);
}

static ssize_t tty_read(struct file *f, void *buf, size_t len, int64_t *pos)
{
	return n_tty_read(&console_tty, buf, len, f->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *f, const void *buf, size_t len,
			 int64_t *pos)
{
	n_tty_write(&console_tty, buf, len);
	return len;
}

static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(f, &console_tty.read_wait, pt);
	if (n_tty_readable(&console_tty) ||
	    (console_tty.termios.c_lflag & ICANON ? console_tty.lines :
						    console_tty.count))
		mask |= POLLIN | POLLRDNORM;
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

static long termios_ioctl(struct tty *tty, unsigned int cmd, void *arg)
{
	struct ktermios2 t2;

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
		if (copy_from_user(&t2.t, arg, sizeof(t2.t)))
			return -EFAULT;
		/* Output is written synchronously: nothing to drain (W). */
		return set_termios(tty, &t2.t, cmd == TCSETSF);
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		if (copy_from_user(&t2, arg, sizeof(t2)))
			return -EFAULT;
		tty->ispeed = t2.c_ispeed;
		tty->ospeed = t2.c_ospeed;
		return set_termios(tty, &t2.t, cmd == TCSETSF2);
	}
	return -ENOTTY;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty *tty = &console_tty;
	void *uarg = (void *)arg;
	struct process *p = current_process();
	int v;

	switch (cmd) {
	case TIOCGWINSZ:
		return copy_to_user(uarg, &tty->winsize, sizeof(tty->winsize));
	case TIOCSWINSZ: {
		struct kwinsize ws;

		if (copy_from_user(&ws, uarg, sizeof(ws)))
			return -EFAULT;
		if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
			tty->winsize = ws;
			tty_signal_pgrp(tty, SIGWINCH);
		}
		return 0;
	}
	case TIOCGPGRP:
		return copy_to_user(uarg, &tty->pgrp, sizeof(int));
	case TIOCSPGRP:
		if (copy_from_user(&v, uarg, sizeof(v)))
			return -EFAULT;
		if (v < 0)
			return -EINVAL;
		tty->pgrp = v;
		return 0;
	case TIOCGSID:
		if (!tty->session)
			return -ENOTTY;
		return copy_to_user(uarg, &tty->session, sizeof(int));
	case TIOCSCTTY:
		if (!p || p->sid != p->pid)
			return -EPERM;
		tty->session = p->sid;
		tty->pgrp = p->pgid;
		return 0;
	case TIOCNOTTY:
		if (p && tty->session == p->sid && p->sid == p->pid) {
			tty->session = 0;
			tty->pgrp = 0;
		}
		return 0;
	case FIONREAD:
		v = n_tty_readable(tty);
		return copy_to_user(uarg, &v, sizeof(v));
	case TIOCOUTQ:
		v = 0;		/* output is written synchronously */
		return copy_to_user(uarg, &v, sizeof(v));
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	case TCXONC:
		if (arg > TCION)
			return -EINVAL;
		if (arg == TCOOFF)
			tty->stopped = true;
		else if (arg == TCOON)
			tty->stopped = false;
		return 0;
	case TCSBRK:
	case TCSBRKP:
		return 0;	/* nothing queued to drain; breaks not sent */
	case TIOCSTI:
		return -EIO;
	}
	return termios_ioctl(tty, cmd, uarg);
}

static const struct file_ops tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

static struct chrdev console_dev = {
	.name = "console", .dev = MKDEV(5, 1), .mode = 0600, .fops = &tty_fops,
};

static struct chrdev tty_dev = {
	.name = "tty", .dev = MKDEV(5, 0), .mode = 0666, .fops = &tty_fops,
};

static struct chrdev serial_dev = { .mode = 0620, .fops = &tty_fops };

static void input_pump(void *unused)
{
	int c;

	for (;;) {
		while ((c = console_getc()) >= 0)
			n_tty_receive(&console_tty, c);
		sleep_until(clock_ns() + TTY_POLL_NS);
	}
}

static int console_tty_setup(void)
{
	const struct console *con = console_first();
	struct task *t;
	int err;

	tty_init_termios(&console_tty.termios);
	console_tty.ispeed = console_tty.ospeed = 115200;
	console_tty.lock = SPINLOCK_INIT;
	err = chrdev_register(&console_dev);
	if (!err)
		err = chrdev_register(&tty_dev);
	if (!err && con && con->major) {
		serial_dev.name = con->name;
		serial_dev.dev = MKDEV(con->major, con->minor);
		err = chrdev_register(&serial_dev);
	}
	if (err)
		return err;
	t = kthread_create(input_pump, NULL, "tty-input");
	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
driver_initcall(console_tty_setup);
