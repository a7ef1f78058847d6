/*
 * Reader of cpio archives in the "newc" (magic 070701) and "crc" (070702)
 * formats, the formats of Linux initramfs images (Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst; the header
 * fields are POSIX cpio's, each written as 8 hexadecimal digits).
 *
 * The reader works on a buffer in memory and never reads outside it: every
 * length in a header is checked against what is left before it is used, so
 * a malformed archive gives -EINVAL, not a bad memory access. A buffer may
 * hold several archives one after another, each ended by its TRAILER!!!
 * entry, with zero bytes between them (as Linux accepts); entries are
 * returned in order, trailers are not.
 *
 * This file is host-testable: it uses only <core/...> headers and no
 * kernel services.
 */
#ifndef FS_INITRAMFS_CPIO_H
#define FS_INITRAMFS_CPIO_H

#include <core/types.h>

/* File types in c_mode (the values of POSIX <cpio.h> and Linux S_IF*). */
#define CPIO_S_IFMT	0170000
#define CPIO_S_IFSOCK	0140000
#define CPIO_S_IFLNK	0120000
#define CPIO_S_IFREG	0100000
#define CPIO_S_IFBLK	0060000
#define CPIO_S_IFDIR	0040000
#define CPIO_S_IFCHR	0020000
#define CPIO_S_IFIFO	0010000

/* Longest name accepted, NUL included (Linux's PATH_MAX). */
#define CPIO_NAME_MAX	4096

/* One entry; pointers point into the reader's buffer. */
struct cpio_entry {
	const char *name;	/* NUL-terminated, as stored ("./bin/sh") */
	size_t namelen;		/* strlen(name) */
	uint32_t ino;
	uint32_t mode;		/* file type and permission bits */
	uint32_t uid, gid;
	uint32_t nlink;
	uint32_t mtime;		/* seconds since the epoch */
	uint32_t dev_major, dev_minor;	/* device holding the file */
	uint32_t rdev_major, rdev_minor;	/* device nodes: the device */
	const void *data;	/* file data, or the target of a symlink */
	size_t size;		/* bytes at data */
	size_t offset;		/* offset of the entry's header in the buffer */
	unsigned int archive;	/* index of the archive holding it, from 0 */
};

/* Iteration state; its fields are private to cpio.c. */
struct cpio_reader {
	const unsigned char *buf;
	size_t len;
	size_t pos;		/* where the next header (or padding) starts */
	unsigned int archives;	/* archives with a valid first header */
	bool in_archive;	/* inside an archive, before its trailer */
	bool at_start;		/* before the first header of an archive */
	const char *error;	/* why the last cpio_next() failed, or NULL */
};

/* Starts reading the len bytes at buf (which must outlive the reader). */
void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len);

/*
 * Reads the next entry into *e. Returns 1 for an entry, 0 at the end of
 * the buffer (after the last trailer and any zero padding), or -EINVAL for
 * a malformed archive: then cpio_error() says why and cpio_offset() where,
 * and every later call fails the same way.
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

/*
 * Archives seen so far, counted from their first header with a valid
 * magic number (all of them once cpio_next() returned 0).
 */
static inline unsigned int cpio_archives(const struct cpio_reader *r)
{
	return r->archives;
}

/* A short reason for the last failure ("bad magic"...), or NULL. */
static inline const char *cpio_error(const struct cpio_reader *r)
{
	return r->error;
}

/* Offset in the buffer where reading stopped (at the failure, if any). */
static inline size_t cpio_offset(const struct cpio_reader *r)
{
	return r->pos;
}

#endif /* FS_INITRAMFS_CPIO_H */
