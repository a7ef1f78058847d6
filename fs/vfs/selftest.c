/*
 * test=vfs: with the root file system up, lists / and /dev, stats
 * /bin/busybox when the initramfs has one, and runs a file through its
 * life in /tmp (create, write, read back, sparse write, rename, unlink),
 * then reports and powers off. The host unit tests (tests/unit/fs/) cover
 * the error cases; this checks the same code on the machine.
 */
#define pr_fmt(fmt) "selftest: " fmt

#include <arch/power.h>
#include <core/printk.h>
#include <core/selftest.h>
#include <core/slab.h>
#include <core/string.h>

#include "internal.h"

/* Prints the names in dir; returns how many (without . and ..), or -errno. */
static int list_dir(const char *dir)
{
	char *buf = kmalloc(2048);
	struct file *f;
	int count = 0;
	ssize_t n;

	if (!buf)
		return -ENOMEM;
	f = vfs_open(&init_fs, NULL, dir, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(f)) {
		kfree(buf);
		return PTR_ERR(f);
	}
	while ((n = vfs_getdents(f, buf, 2048)) > 0) {
		for (ssize_t off = 0; off < n;) {
			struct linux_dirent64 *de = (void *)(buf + off);

			off += de->d_reclen;
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
				pr_info("vfs: %s: %s (type %u, ino %llu)\n", dir,
					de->d_name, de->d_type,
					(unsigned long long)de->d_ino);
				count++;
			}
		}
	}
	fput(f);
	kfree(buf);
	return n < 0 ? n : count;
}

#define CHECK(cond, what)                                                  \
	do {                                                               \
		if (!(cond)) {                                             \
			failure = what;                                    \
			goto out;                                          \
		}                                                          \
	} while (0)

static const char *file_life(void)
{
	static const char msg[] = "levitate vfs selftest\n";
	const char *failure = NULL;
	char buf[sizeof(msg)];
	struct kstat st;
	struct file *f;
	int64_t gib = 1LL << 30;
	int err;

	err = vfs_mkdir(&init_fs, NULL, "/tmp", 01777);
	CHECK(!err || err == -EEXIST, "mkdir /tmp");
	CHECK(!vfs_mkdir(&init_fs, NULL, "/tmp/vfs", 0755), "mkdir /tmp/vfs");
	f = vfs_open(&init_fs, NULL, "/tmp/vfs/a", O_RDWR | O_CREAT | O_EXCL,
		     0644);
	CHECK(!IS_ERR(f), "create /tmp/vfs/a");
	CHECK(vfs_write(f, msg, sizeof(msg), NULL) == sizeof(msg), "write");
	CHECK(vfs_read(f, buf, sizeof(buf), &(int64_t){ 0 }) == sizeof(msg) &&
	      !memcmp(buf, msg, sizeof(msg)), "read back");
	CHECK(vfs_write(f, "x", 1, &gib) == 1, "write at 1 GiB");
	CHECK(!vfs_fstat(f, &st) && st.size == gib + 1 && st.blocks == 16,
	      "sparse file: two pages");
	CHECK(vfs_lseek(f, 4096, SEEK_DATA) == gib, "SEEK_DATA");
	fput(f);
	CHECK(!vfs_rename(&init_fs, NULL, "/tmp/vfs/a", NULL, "/tmp/vfs/b", 0),
	      "rename");
	CHECK(vfs_stat(&init_fs, NULL, "/tmp/vfs/a", 0, &st) == -ENOENT,
	      "old name gone");
	CHECK(!vfs_unlink(&init_fs, NULL, "/tmp/vfs/b"), "unlink");
	CHECK(!vfs_rmdir(&init_fs, NULL, "/tmp/vfs"), "rmdir");
out:
	return failure;
}

void selftest_vfs(void)
{
	struct kstatfs sfs;
	struct kstat st;
	const char *failure = NULL;
	int root, dev;

	root = list_dir("/");
	dev = list_dir("/dev");
	if (root < 0 || dev < 0)
		failure = "listing / or /dev";
	else if (vfs_stat(&init_fs, NULL, "/dev/null", 0, &st) ||
		 !S_ISCHR(st.mode) || st.rdev != MKDEV(1, 3))
		failure = "stat /dev/null";
	else if (vfs_statfs(&init_fs, NULL, "/", &sfs) ||
		 sfs.type != 0x01021994)
		failure = "statfs /";
	else
		failure = file_life();
	if (!failure && vfs_stat(&init_fs, NULL, "/bin/busybox", 0, &st) == 0)
		pr_info("vfs: /bin/busybox: mode %o, %lld bytes\n", st.mode,
			(long long)st.size);
	if (failure)
		pr_notice("vfs FAILED: %s\n", failure);
	else
		pr_notice("vfs passed (%d entries in /, %d in /dev)\n", root,
			  dev);
	arch_poweroff();
}
