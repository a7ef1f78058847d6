/*
 * /dev/console (5:1): writes go to the kernel consoles (console_write).
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
};

static int console_dev_init(void)
{
	return chrdev_register(&console_dev);
}
driver_initcall(console_dev_init);
