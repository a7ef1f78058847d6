/*
 * The memory devices of major 1 (Linux's numbers): /dev/null (reads end
 * at once, writes vanish), /dev/zero (reads zeros, writes vanish) and
 * /dev/full (reads zeros, writes fail with ENOSPC).
 */
#include <core/init.h>
#include <core/string.h>

#include <fs/chrdev.h>

#define MEM_MAJOR	1

static ssize_t read_null(struct file *f, void *buf, size_t len, int64_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *f, const void *buf, size_t len,
			  int64_t *pos)
{
	return len;
}

static ssize_t read_zero(struct file *f, void *buf, size_t len, int64_t *pos)
{
	memset(buf, 0, len);
	return len;
}

static ssize_t write_full(struct file *f, const void *buf, size_t len,
			  int64_t *pos)
{
	return -ENOSPC;
}

/* Seeking these devices always lands at 0, as Linux's null_lseek. */
static int64_t seek_zero(struct file *f, int64_t offset, int whence)
{
	f->f_pos = 0;
	return 0;
}

static const struct file_ops null_fops = {
	.read = read_null,
	.write = write_null,
	.llseek = seek_zero,
};

static const struct file_ops zero_fops = {
	.read = read_zero,
	.write = write_null,
	.llseek = seek_zero,
};

static const struct file_ops full_fops = {
	.read = read_zero,
	.write = write_full,
	.llseek = seek_zero,
};

static struct chrdev mem_devs[] = {
	{ .name = "null", .dev = MKDEV(MEM_MAJOR, 3), .mode = 0666,
	  .fops = &null_fops, .class = "mem" },
	{ .name = "zero", .dev = MKDEV(MEM_MAJOR, 5), .mode = 0666,
	  .fops = &zero_fops, .class = "mem" },
	{ .name = "full", .dev = MKDEV(MEM_MAJOR, 7), .mode = 0666,
	  .fops = &full_fops, .class = "mem" },
};

static int mem_devs_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(mem_devs); i++) {
		int err = chrdev_register(&mem_devs[i]);

		if (err)
			return err;
	}
	return 0;
}
driver_initcall(mem_devs_init);
