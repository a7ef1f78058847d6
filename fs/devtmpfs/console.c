/*
 * /dev/console (5:1), /dev/tty (5:0) and the serial port's node (its
 * console's name and number: ttyS0 4:64 on x86_64, ttyAMA0 204:64 on
 * arm64), all the same device while the kernel is built without the TTY
 * layer: writes go to the kernel consoles (console_write).
 * Reads need the TTY layer (line discipline, blocking on input), which
 * comes with the next issue; until then they fail with -EAGAIN, so a
 * reader learns that nothing is available instead of blocking forever.
 */
#include <core/console.h>
#include <core/init.h>

#include <fs/chrdev.h>

static ssize_t console_read(struct file *f, void *buf, size_t len,
			    int64_t *pos)
{
	return -EAGAIN;
}

static ssize_t console_dev_write(struct file *f, const void *buf, size_t len,
				 int64_t *pos)
{
	console_write(buf, len);
	return len;
}

static const struct file_ops console_fops = {
	.read = console_read,
	.write = console_dev_write,
};

static struct chrdev console_dev = {
	.name = "console",
	.dev = MKDEV(5, 1),
	.mode = 0600,
	.fops = &console_fops,
	.class = "tty",
};

static struct chrdev tty_dev = {
	.name = "tty",
	.dev = MKDEV(5, 0),
	.mode = 0666,
	.fops = &console_fops,
	.class = "tty",
};

static struct chrdev serial_dev = {
	.mode = 0620, .fops = &console_fops, .class = "tty",
};

static int console_dev_init(void)
{
	const struct console *con = console_first();
	int err;

	err = chrdev_register(&console_dev);
	if (!err)
		err = chrdev_register(&tty_dev);
	if (!err && con && con->major) {
		serial_dev.name = con->name;
		serial_dev.dev = MKDEV(con->major, con->minor);
		err = chrdev_register(&serial_dev);
	}
	return err;
}
driver_initcall(console_dev_init);
