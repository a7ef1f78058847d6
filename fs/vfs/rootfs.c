/*
 * The root file system at boot: the VFS is initialized early; once the
 * drivers and the initramfs file list are ready (late initcall), a tmpfs
 * is mounted as "/", the initramfs is unpacked into it, and devtmpfs is
 * mounted on /dev (created if the initramfs had none), the order Linux
 * follows. "vfs.list" on the command line prints the resulting tree.
 */
#define pr_fmt(fmt) "vfs: " fmt

#include <core/cmdline.h>
#include <core/init.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>

#include "internal.h"
#include "rootfs.h"

static int vfs_early_init(void)
{
	vfs_init();
	return 0;
}
early_initcall(vfs_early_init);

static void print_entry(const char *path, const struct kstat *st)
{
	char *target;
	ssize_t n;

	if (S_ISCHR(st->mode) || S_ISBLK(st->mode)) {
		pr_notice("list %06o %u %u %s [%u,%u]\n", st->mode, st->uid,
			  st->gid, path, MAJOR(st->rdev), MINOR(st->rdev));
		return;
	}
	if (!S_ISLNK(st->mode)) {
		pr_notice("list %06o %u %u %s\n", st->mode, st->uid, st->gid,
			  path);
		return;
	}
	target = kmalloc(PATH_MAX);
	if (!target)
		return;
	n = vfs_readlink(&init_fs, NULL, path, target, PATH_MAX - 1);
	target[n < 0 ? 0 : n] = '\0';
	pr_notice("list %06o %u %u %s -> %s\n", st->mode, st->uid, st->gid,
		  path, target);
	kfree(target);
}

/* Prints path and, for a directory, everything below it. */
static void list_tree(char *path, size_t len)
{
	char *buf = kmalloc(4096);
	struct kstat st;
	struct file *dir;
	ssize_t n;

	if (!buf || vfs_stat(&init_fs, NULL, path, AT_SYMLINK_NOFOLLOW, &st))
		goto out;
	print_entry(path, &st);
	if (!S_ISDIR(st.mode))
		goto out;
	dir = vfs_open(&init_fs, NULL, path, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(dir))
		goto out;
	while ((n = vfs_getdents(dir, buf, 4096)) > 0) {
		for (ssize_t off = 0; off < n;) {
			struct linux_dirent64 *de = (void *)(buf + off);
			size_t nlen = strlen(de->d_name);

			off += de->d_reclen;
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0 ||
			    len + 1 + nlen >= PATH_MAX)
				continue;
			path[len] = len == 1 ? '\0' : '/';
			memcpy(path + len + (len != 1), de->d_name, nlen + 1);
			list_tree(path, len + (len != 1) + nlen);
			path[len] = '\0';
		}
	}
	fput(dir);
out:
	kfree(buf);
}

void rootfs_list(void)
{
	char *path = kmalloc(PATH_MAX);

	if (!path)
		return;
	strlcpy(path, "/", PATH_MAX);
	list_tree(path, 1);
	pr_notice("list end\n");
	kfree(path);
}

static int rootfs_init(void)
{
	int err;

	err = vfs_mount_root("tmpfs", "mode=0755");
	if (err) {
		pr_err("cannot mount tmpfs as /: %d\n", err);
		return err;
	}
	if (IS_ENABLED(CONFIG_INITRAMFS))
		rootfs_unpack();
	if (IS_ENABLED(CONFIG_DEVTMPFS)) {
		err = vfs_mkdir(&init_fs, NULL, "/dev", 0755);
		if (!err || err == -EEXIST)
			err = vfs_mount(&init_fs, NULL, "/dev", "devtmpfs",
					NULL);
		if (err)
			pr_err("cannot mount devtmpfs on /dev: %d\n", err);
	}
	pr_info("root file system ready\n");
	if (cmdline_has("vfs.list"))
		rootfs_list();
	return 0;
}
late_initcall(rootfs_init);
