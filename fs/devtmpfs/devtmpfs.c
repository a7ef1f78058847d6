/*
 * devtmpfs: a tmpfs (mode 0755) that starts with a node for every
 * character device registered with a name (<fs/chrdev.h>) and the links
 * /dev/fd -> /proc/self/fd and stdin, stdout, stderr -> /proc/self/fd/0..2
 * (dangling until procfs is mounted on /proc). Each mount is
 * a new instance populated from the table as it is then; devices register
 * at driver initcalls, before the boot mount on /dev. (Linux shares one
 * instance and adds nodes as devices appear; that comes with hotplug.)
 */
#define pr_fmt(fmt) "devtmpfs: " fmt

#include <core/init.h>
#include <core/printk.h>
#include <core/string.h>

#include <fs/chrdev.h>
#include <fs/tmpfs.h>

struct populate {
	struct inode *root;
	int err;
};

/* Runs inside vfs_mount() (vfs_lock() held), before the root is visible. */
static void add_node(const struct chrdev *cdev, void *arg)
{
	struct populate *p = arg;
	struct inode *dir = p->root, *inode;
	int err;

	if (!cdev->name)
		return;
	err = dir->i_op->mknod(dir, cdev->name, strlen(cdev->name),
			       S_IFCHR | (cdev->mode & S_IALLUGO), cdev->dev,
			       &inode);
	if (err) {
		pr_err("cannot create %s: %d\n", cdev->name, err);
		p->err = err;
		return;
	}
	iput(inode);
}

static const struct { const char *name, *target; } links[] = {
	{ "fd", "/proc/self/fd" },
	{ "stdin", "/proc/self/fd/0" },
	{ "stdout", "/proc/self/fd/1" },
	{ "stderr", "/proc/self/fd/2" },
};

static void add_links(struct populate *p)
{
	struct inode *dir = p->root, *inode;

	for (size_t i = 0; i < ARRAY_SIZE(links); i++) {
		int err = dir->i_op->symlink(dir, links[i].name,
					     strlen(links[i].name),
					     links[i].target, &inode);

		if (err) {
			pr_err("cannot create %s: %d\n", links[i].name, err);
			p->err = err;
			continue;
		}
		iput(inode);
	}
}

static struct super_block *devtmpfs_mount(struct fs_type *type,
					  const char *data)
{
	struct super_block *sb = tmpfs_new_sb(type, data ? data : "mode=0755");
	struct populate p = { 0 };

	if (IS_ERR(sb))
		return sb;
	p.root = sb->s_root->d_inode;
	chrdev_for_each(add_node, &p);
	add_links(&p);
	return sb;
}

static struct fs_type devtmpfs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount,
};

static int devtmpfs_init(void)
{
	return register_filesystem(&devtmpfs_type);
}
core_initcall(devtmpfs_init);
