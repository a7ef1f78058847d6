/*
 * /dev/random (1:8) and /dev/urandom (1:9): reads are bytes of the
 * kernel generator (get_random_bytes), which never blocks once seeded
 * at boot, as Linux's since 5.6; writes are accepted and dropped (Linux
 * mixes them in without crediting entropy; this generator takes no
 * input from user space).
 */
#include <core/compiler.h>
#include <core/init.h>
#include <core/random.h>

#include <fs/chrdev.h>

#define MEM_MAJOR	1

static ssize_t random_read(struct file *f, void *buf, size_t len,
			   int64_t *pos)
{
	get_random_bytes(buf, len);
	return len;
}

static ssize_t random_write(struct file *f, const void *buf, size_t len,
			    int64_t *pos)
{
	return len;
}

static int64_t random_llseek(struct file *f, int64_t offset, int whence)
{
	f->f_pos = 0;
	return 0;
}

static const struct file_ops random_fops = {
	.read = random_read,
	.write = random_write,
	.llseek = random_llseek,
};

static struct chrdev random_devs[] = {
	{ .name = "random", .dev = MKDEV(MEM_MAJOR, 8), .mode = 0666,
	  .fops = &random_fops, .class = "mem" },
	{ .name = "urandom", .dev = MKDEV(MEM_MAJOR, 9), .mode = 0666,
	  .fops = &random_fops, .class = "mem" },
};

static int random_devs_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(random_devs); i++) {
		int err = chrdev_register(&random_devs[i]);

		if (err)
			return err;
	}
	return 0;
}
driver_initcall(random_devs_init);
