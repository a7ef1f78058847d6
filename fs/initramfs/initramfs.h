/*
 * The initramfs as a file list: what the root file system will hold once
 * every cpio archive of the initrd has been unpacked in order. Built at
 * boot by initramfs.c from the initrd that the boot path handed over; the
 * tmpfs unpacker (with the VFS) will create the files from it.
 *
 * The list follows Linux's unpacking semantics (init/initramfs.c): the
 * archives are read in order, and an entry whose path is already in the
 * list replaces the earlier entry in place (a directory replacing a
 * directory just takes the new attributes, as mkdir on an existing one
 * does). A non-directory cannot replace a directory that still has entries
 * below it (Linux's rmdir fails): it is dropped with a warning, as are
 * entries of an unknown type, names with ".." and bad symlink targets.
 * Parents are not checked: the unpacker reports a missing one.
 *
 * Hard links are kept as cpio gives them: entries of one archive with the
 * same (dev_major, dev_minor, ino) and nlink > 1 are one file, whose data
 * is in the entry that has some (GNU cpio puts it in the last one).
 */
#ifndef FS_INITRAMFS_INITRAMFS_H
#define FS_INITRAMFS_INITRAMFS_H

#include <core/list.h>
#include <core/types.h>

#define INITRAMFS_HASH_SIZE	256

struct initramfs_entry {
	struct list_head node;		/* in initramfs.entries */
	struct initramfs_entry *hash_next;	/* private to filelist.c */
	char *path;			/* absolute, normalised: "/", "/bin/sh" */
	uint32_t mode;			/* CPIO_S_IF* type and permissions */
	uint32_t uid, gid;
	uint32_t mtime;
	uint32_t nlink, ino, dev_major, dev_minor;	/* hard links */
	uint32_t rdev_major, rdev_minor;	/* device nodes */
	const void *data;		/* file data or symlink target */
	size_t size;			/* bytes at data (not NUL-terminated) */
	unsigned int archive;		/* which archive, from 0 */
};

struct initramfs {
	struct list_head entries;	/* in the order they were first seen */
	unsigned int nr_entries;
	unsigned int archives;		/* archives found (cpio_archives()) */
	unsigned int dropped;		/* entries dropped with a warning */
	const char *error;		/* why reading stopped early, or NULL */
	size_t error_offset;		/* where, in the initrd */
	struct initramfs_entry *hash[INITRAMFS_HASH_SIZE];
};

/*
 * Builds ir (whose contents are overwritten) from the cpio archives in the
 * len bytes at buf. Entries point into buf, which must stay mapped and
 * unchanged while the list is used. Returns 0; -EINVAL when an archive is
 * malformed (ir keeps the entries read before it, ir->error and
 * ir->error_offset say why and where); -ENOMEM when the heap ran out (ir
 * keeps what was read before).
 */
int initramfs_build(struct initramfs *ir, const void *buf, size_t len);

/* Frees the entries of ir; ir is then an empty list. */
void initramfs_free(struct initramfs *ir);

/* The file list built at boot, or NULL when there was no initrd. */
const struct initramfs *initramfs_get(void);

#endif /* FS_INITRAMFS_INITRAMFS_H */
