/*
 * Unpacks the initramfs file list (fs/initramfs/, already in Linux's
 * "later entries replace earlier ones" form) into the root tmpfs: every
 * entry keeps its type, mode, owner and mtime; symlinks their targets;
 * device nodes their numbers; hard links (entries of one archive with the
 * same dev and ino, nlink > 1) become links of one inode, whose data is
 * written by whichever entry carries some. Directory times are set last,
 * since creating their entries touches them. A failed entry (e.g. a
 * missing parent) is reported and skipped.
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>

#include "../initramfs/initramfs.h"
#include "internal.h"
#include "rootfs.h"

/* The first path seen for each multiply-linked file. */
struct hardlink {
	const struct initramfs_entry *first;
	struct hardlink *next;
};

static const struct initramfs_entry *
find_link(struct hardlink *list, const struct initramfs_entry *e)
{
	for (; list; list = list->next) {
		const struct initramfs_entry *f = list->first;

		if (f->archive == e->archive && f->ino == e->ino &&
		    f->dev_major == e->dev_major && f->dev_minor == e->dev_minor)
			return f;
	}
	return NULL;
}

static int write_data(const struct initramfs_entry *e)
{
	struct file *f;
	ssize_t n;

	f = vfs_open(&init_fs, NULL, e->path, O_WRONLY | O_TRUNC, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	n = vfs_write(f, e->data, e->size, NULL);
	fput(f);
	if (n < 0)
		return n;
	return (size_t)n == e->size ? 0 : -ENOSPC;
}

static int make_regular(const struct initramfs_entry *e,
			struct hardlink **links)
{
	const struct initramfs_entry *first = NULL;
	struct hardlink *hl;
	int err;

	if (e->nlink > 1)
		first = find_link(*links, e);
	if (first) {
		err = vfs_link(&init_fs, NULL, first->path, NULL, e->path, 0);
	} else {
		err = vfs_mknod(&init_fs, NULL, e->path, S_IFREG | 0600, 0);
		if (!err && e->nlink > 1) {
			hl = kmalloc(sizeof(*hl));
			if (!hl)
				return -ENOMEM;
			hl->first = e;
			hl->next = *links;
			*links = hl;
		}
	}
	if (!err && e->size)
		err = write_data(e);
	return err;
}

static int make_symlink(const struct initramfs_entry *e)
{
	char *target = kmalloc(e->size + 1);
	int err;

	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	err = vfs_symlink(&init_fs, target, NULL, e->path);
	kfree(target);
	return err;
}

/* Creates one entry (not yet its owner and times). */
static int make(const struct initramfs_entry *e, struct hardlink **links)
{
	uint32_t type = e->mode & S_IFMT;
	int err;

	switch (type) {
	case S_IFDIR:
		err = vfs_mkdir(&init_fs, NULL, e->path, 0700);
		return err == -EEXIST ? 0 : err;
	case S_IFREG:
		return make_regular(e, links);
	case S_IFLNK:
		return make_symlink(e);
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return vfs_mknod(&init_fs, NULL, e->path, type | 0600,
				 MKDEV(e->rdev_major, e->rdev_minor));
	default:
		return -EINVAL;
	}
}

static void set_attrs(const struct initramfs_entry *e)
{
	struct timespec64 t[2] = { { e->mtime, 0 }, { e->mtime, 0 } };

	if (!S_ISLNK(e->mode))
		vfs_chmod(&init_fs, NULL, e->path, e->mode & S_IALLUGO, 0);
	vfs_chown(&init_fs, NULL, e->path, e->uid, e->gid,
		  AT_SYMLINK_NOFOLLOW);
	vfs_utimes(&init_fs, NULL, e->path, t, AT_SYMLINK_NOFOLLOW);
}

void rootfs_unpack(void)
{
	const struct initramfs *ir = initramfs_get();
	struct hardlink *links = NULL;
	unsigned int made = 0, failed = 0;
	struct list_head *p;

	if (!ir)
		return;
	for (p = ir->entries.next; p != &ir->entries; p = p->next) {
		struct initramfs_entry *e = list_entry(p, struct initramfs_entry,
						       node);
		int err = make(e, &links);

		if (err) {
			pr_warn("%s: cannot create (%d)\n", e->path, err);
			failed++;
			continue;
		}
		made++;
		if (!S_ISDIR(e->mode))
			set_attrs(e);
	}
	/* Directories last: creating their entries changed their times. */
	for (p = ir->entries.next; p != &ir->entries; p = p->next) {
		struct initramfs_entry *e = list_entry(p, struct initramfs_entry,
						       node);

		if (S_ISDIR(e->mode))
			set_attrs(e);
	}
	while (links) {
		struct hardlink *next = links->next;

		kfree(links);
		links = next;
	}
	pr_info("unpacked %u entries into / (%u failed)\n", made, failed);
}
