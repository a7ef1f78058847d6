/*
 * Test helper: writing cpio newc/crc archives by hand into a growing
 * buffer, field by field, so that tests can make any malformed archive;
 * and reading the fixture files that the host's cpio wrote.
 */
#ifndef TESTS_UNIT_CPIO_BUILDER_H
#define TESTS_UNIT_CPIO_BUILDER_H

#include <stddef.h>
#include <stdint.h>

struct cb {
	unsigned char *p;
	size_t len, cap;
};

/* The 13 header fields after the magic, in the order they are stored. */
struct cb_hdr {
	uint32_t ino, mode, uid, gid, nlink, mtime, filesize;
	uint32_t devmajor, devminor, rdevmajor, rdevminor, namesize, check;
};

/* Appends n raw bytes, or n zero bytes when data is NULL. */
void cb_put(struct cb *b, const void *data, size_t n);

/* Appends zeros up to the next multiple of 4. */
void cb_pad4(struct cb *b);

/* Appends a header with magic (6 characters) and the fields of h. */
void cb_header(struct cb *b, const char *magic, const struct cb_hdr *h);

/*
 * Appends a whole well-formed newc entry (crc when crc is non-zero, with
 * its checksum): name, mode, data of size bytes; other fields plain.
 */
void cb_entry(struct cb *b, int crc, const char *name, uint32_t mode,
	      const void *data, size_t size);

/* Appends the TRAILER!!! entry. */
void cb_trailer(struct cb *b);

void cb_free(struct cb *b);

/* A malloc'ed copy of a file's contents (exactly *len bytes), or NULL. */
unsigned char *read_file(const char *path, size_t *len);

#endif /* TESTS_UNIT_CPIO_BUILDER_H */
