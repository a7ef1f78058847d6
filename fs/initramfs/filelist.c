/*
 * Building the initramfs file list (see initramfs.h) from the entries that
 * the cpio reader returns: paths are normalised ("./bin/sh", "bin//sh" and
 * "/bin/sh" are one path), looked up in a small hash table, and a later
 * entry for a path replaces the earlier one. Host-testable: it needs only
 * kmalloc() and printk().
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include "initramfs.h"

#include <core/errno.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>

#include "cpio.h"

/*
 * Writes name into out (at least strlen(name) + 2 bytes) as an absolute
 * path without empty or "." components: "." gives "/". Returns 0, or
 * -EINVAL for an empty name or one with a ".." component.
 */
static int normalise(const char *name, char *out)
{
	const char *p, *end;
	char *o = out;
	size_t n;

	if (!*name)
		return -EINVAL;
	for (p = name; *p; p = end) {
		while (*p == '/')
			p++;
		for (end = p; *end && *end != '/'; end++)
			;
		n = (size_t)(end - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return -EINVAL;
		*o++ = '/';
		memcpy(o, p, n);
		o += n;
	}
	if (o == out)
		*o++ = '/';
	*o = '\0';
	return 0;
}

/* FNV-1a, 32 bits. */
static unsigned int hash_path(const char *path)
{
	uint32_t h = 2166136261u;

	while (*path)
		h = (h ^ (unsigned char)*path++) * 16777619u;
	return h % INITRAMFS_HASH_SIZE;
}

static struct initramfs_entry *lookup(const struct initramfs *ir,
				      const char *path, unsigned int h)
{
	struct initramfs_entry *ent;

	for (ent = ir->hash[h]; ent; ent = ent->hash_next) {
		if (strcmp(ent->path, path) == 0)
			return ent;
	}
	return NULL;
}

static bool is_dir(uint32_t mode)
{
	return (mode & CPIO_S_IFMT) == CPIO_S_IFDIR;
}

/* True when some entry of ir lies below the directory dir. */
static bool has_children(const struct initramfs *ir,
			 const struct initramfs_entry *dir)
{
	size_t n = strlen(dir->path);
	const struct list_head *pos;
	const char *path;

	for (pos = ir->entries.next; pos != &ir->entries; pos = pos->next) {
		path = list_entry(pos, struct initramfs_entry, node)->path;
		if (n == 1 ? path[1] != '\0' :
			     strncmp(path, dir->path, n) == 0 && path[n] == '/')
			return true;
	}
	return false;
}

/* Why an entry cannot be taken as it is, or NULL when it can. */
static const char *check_entry(const struct cpio_entry *e)
{
	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFREG:
	case CPIO_S_IFDIR:
	case CPIO_S_IFCHR:
	case CPIO_S_IFBLK:
	case CPIO_S_IFIFO:
	case CPIO_S_IFSOCK:
		return NULL;
	case CPIO_S_IFLNK:
		if (e->size == 0 || e->size >= CPIO_NAME_MAX ||
		    memchr(e->data, '\0', e->size))
			return "bad symlink target";
		return NULL;
	default:
		return "unknown file type";
	}
}

static void fill(struct initramfs_entry *ent, const struct cpio_entry *e)
{
	ent->mode = e->mode;
	ent->uid = e->uid;
	ent->gid = e->gid;
	ent->mtime = e->mtime;
	ent->nlink = e->nlink;
	ent->ino = e->ino;
	ent->dev_major = e->dev_major;
	ent->dev_minor = e->dev_minor;
	ent->rdev_major = e->rdev_major;
	ent->rdev_minor = e->rdev_minor;
	ent->data = e->data;
	ent->size = e->size;
	ent->archive = e->archive;
}

static void drop(struct initramfs *ir, const struct cpio_entry *e,
		 const char *why)
{
	pr_warn("dropped \"%s\" (archive %u): %s\n", e->name, e->archive, why);
	ir->dropped++;
}

/* Adds or replaces the entry for e's path. Returns 0 or -ENOMEM. */
static int add_entry(struct initramfs *ir, const struct cpio_entry *e)
{
	struct initramfs_entry *ent;
	const char *why;
	unsigned int h;
	char *path;

	why = check_entry(e);
	if (why) {
		drop(ir, e, why);
		return 0;
	}
	path = kmalloc(e->namelen + 2);
	if (!path)
		return -ENOMEM;
	if (normalise(e->name, path)) {
		kfree(path);
		drop(ir, e, "empty name or \"..\" in it");
		return 0;
	}

	h = hash_path(path);
	ent = lookup(ir, path, h);
	if (ent) {
		kfree(path);
		if (is_dir(ent->mode) && !is_dir(e->mode) &&
		    has_children(ir, ent))
			drop(ir, e, "replaces a directory that is not empty");
		else
			fill(ent, e);
		return 0;
	}

	ent = kmalloc(sizeof(*ent));
	if (!ent) {
		kfree(path);
		return -ENOMEM;
	}
	ent->path = path;
	fill(ent, e);
	list_add_tail(&ent->node, &ir->entries);
	ent->hash_next = ir->hash[h];
	ir->hash[h] = ent;
	ir->nr_entries++;
	return 0;
}

int initramfs_build(struct initramfs *ir, const void *buf, size_t len)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int ret;

	memset(ir, 0, sizeof(*ir));
	list_init(&ir->entries);
	cpio_reader_init(&r, buf, len);
	while ((ret = cpio_next(&r, &e)) > 0) {
		ret = add_entry(ir, &e);
		if (ret)
			break;
	}
	ir->archives = cpio_archives(&r);
	if (ret == -EINVAL) {
		ir->error = cpio_error(&r);
		ir->error_offset = cpio_offset(&r);
	} else if (ret) {
		ir->error = "out of memory";
		ir->error_offset = e.offset;
	}
	return ret;
}

void initramfs_free(struct initramfs *ir)
{
	struct initramfs_entry *ent;

	while (!list_empty(&ir->entries)) {
		ent = list_first_entry(&ir->entries, struct initramfs_entry,
				       node);
		list_del(&ent->node);
		kfree(ent->path);
		kfree(ent);
	}
	memset(ir->hash, 0, sizeof(ir->hash));
	ir->nr_entries = 0;
}
