/*
 * The console terminal: one struct tty over the kernel consoles
 * (<core/console.h>), reached as /dev/console (5:1) and as the serial
 * device's own node (/dev/ttyS0 4:64, /dev/ttyAMA0 204:64, as the first
 * console names it). Both kinds of file are the same terminal; only
 * /dev/console is exempt from job control and never becomes a
 * controlling terminal by open (tty.c, jobctl.c), as in Linux.
 *
 * Output goes to every console unchanged (the line discipline did the
 * output processing). Input: a kernel thread drains the consoles'
 * receive registers every tick into the line discipline (n_tty.c).
 * Serial receive interrupts would cut the latency below a tick; polling
 * keeps the drivers simple and loses nothing on QEMU, whose UARTs hold
 * input back while their FIFO is full.
 */
#define pr_fmt(fmt) "console: " fmt

#include "tty.h"

#include <core/console.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/sched.h>
#include <core/time.h>
#include <fs/chrdev.h>

#define TTY_POLL_NS	(1000000000ULL / CONFIG_HZ)

static ssize_t console_tty_write(struct tty *tty, const char *buf, size_t len,
				 bool nonblock)
{
	console_write_raw(buf, len);
	return len;
}

static const struct tty_ops console_tty_ops = {
	.write = console_tty_write,
};

static struct tty console_tty;

static int console_open(struct inode *inode, struct file *f)
{
	f->private_data = &console_tty;
	f->f_op = &tty_file_ops;
	return tty_open_file(&console_tty, f);
}

static const struct file_ops console_fops = {
	.open = console_open,
};

static struct chrdev console_dev = {
	.name = "console", .dev = MKDEV(5, 1), .mode = 0600, .class = "tty",
	.fops = &console_fops,
};

static struct chrdev serial_dev = {
	.mode = 0620, .class = "tty", .fops = &console_fops,
};

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

	tty_init(&console_tty, "console", &console_tty_ops);
	tty_init_termios(&console_tty.termios);
	console_tty.ispeed = console_tty.ospeed = 115200;
	console_tty.winsize.ws_row = 24;
	console_tty.winsize.ws_col = 80;
	err = chrdev_register(&console_dev);
	if (!err && con && con->major) {
		serial_dev.name = con->name;
		serial_dev.dev = MKDEV(con->major, con->minor);
		console_tty.dev = serial_dev.dev;
		err = chrdev_register(&serial_dev);
	}
	if (err)
		return err;
	t = kthread_create(input_pump, NULL, "tty-input");
	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
driver_initcall(console_tty_setup);
