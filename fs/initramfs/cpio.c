/*
 * cpio "newc"/"crc" reader (see cpio.h). An entry is a 110-byte ASCII
 * header, the name with its NUL, zero padding to a multiple of 4, the data,
 * and zero padding to a multiple of 4 again. Offsets are counted from the
 * start of the buffer, so each archive must start 4-byte aligned, which is
 * also what Linux requires of the zero padding between archives.
 */
#include "cpio.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/string.h>

#define MAGIC_LEN	6
#define FIELD_LEN	8
#define HEADER_LEN	(MAGIC_LEN + FIELD_LEN * NR_FIELDS)
#define TRAILER		"TRAILER!!!"

/* The header fields after the magic, in the order they are stored. */
enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len)
{
	*r = (struct cpio_reader){ .buf = buf, .len = len };
}

static int fail(struct cpio_reader *r, const char *why)
{
	r->error = why;
	return -EINVAL;
}

/* Parses 8 hex digits at s into *out; -EINVAL when one is not a digit. */
static int parse_hex(const unsigned char *s, uint32_t *out)
{
	uint32_t v = 0;
	int i, d;

	for (i = 0; i < FIELD_LEN; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return -EINVAL;
		v = v << 4 | (uint32_t)d;
	}
	*out = v;
	return 0;
}

/* The "crc" format's checksum: the sum of the data bytes, modulo 2^32. */
static uint32_t data_sum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

/* Skips zero padding up to the next archive; false at the end of buffer. */
static bool start_archive(struct cpio_reader *r)
{
	while (r->pos < r->len && r->buf[r->pos] == 0)
		r->pos++;
	if (r->pos == r->len)
		return false;
	r->in_archive = true;
	r->at_start = true;
	return true;
}

/* Checks the magic at h: 0 for newc, 1 for crc, or -EINVAL (why set). */
static int check_magic(struct cpio_reader *r, const unsigned char *h)
{
	if (memcmp(h, "070701", MAGIC_LEN) == 0)
		return 0;
	if (memcmp(h, "070702", MAGIC_LEN) == 0)
		return 1;
	/* gzip (RFC 1952 §2.3.1) is what a Linux initramfs often is. */
	if (h[0] == 0x1f && h[1] == 0x8b)
		return fail(r, "compressed (gzip) archive, not supported");
	if (memcmp(h, "070707", MAGIC_LEN) == 0)
		return fail(r, "old-format (odc) archive, not supported");
	return fail(r, "bad magic");
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	uint32_t f[NR_FIELDS];
	const unsigned char *h;
	size_t data, next;
	const char *name;
	int crc, i;

	for (;;) {
		if (r->error)
			return -EINVAL;
		if (!r->in_archive) {
			if (!start_archive(r))
				return 0;
			if (!IS_ALIGNED(r->pos, 4))
				return fail(r, "archive not 4-byte aligned");
		}
		if (r->pos == r->len)
			return fail(r, "archive ends without " TRAILER);
		h = r->buf + r->pos;
		if (r->len - r->pos < HEADER_LEN) {
			/* Short garbage is still named by its magic. */
			if (r->len - r->pos >= MAGIC_LEN &&
			    check_magic(r, h) < 0)
				return -EINVAL;
			return fail(r, "truncated header");
		}
		crc = check_magic(r, h);
		if (crc < 0)
			return crc;
		/* An archive counts once its first magic number is right. */
		if (r->at_start) {
			r->archives++;
			r->at_start = false;
		}
		for (i = 0; i < NR_FIELDS; i++) {
			if (parse_hex(h + MAGIC_LEN + i * FIELD_LEN, &f[i]))
				return fail(r, "non-hex header field");
		}

		if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > CPIO_NAME_MAX)
			return fail(r, "bad name size");
		if (f[F_NAMESIZE] > r->len - r->pos - HEADER_LEN)
			return fail(r, "name runs past the end");
		name = (const char *)h + HEADER_LEN;
		if (name[f[F_NAMESIZE] - 1] != '\0')
			return fail(r, "name not NUL-terminated");
		if (memchr(name, '\0', f[F_NAMESIZE] - 1))
			return fail(r, "NUL inside name");

		/* Padding may be cut off at the very end of the buffer. */
		data = MIN(ALIGN_UP(r->pos + HEADER_LEN + f[F_NAMESIZE],
				    (size_t)4), r->len);
		if (f[F_FILESIZE] > r->len - data)
			return fail(r, "data runs past the end");
		next = MIN(ALIGN_UP(data + f[F_FILESIZE], (size_t)4), r->len);

		if (strcmp(name, TRAILER) == 0) {
			r->in_archive = false;
			r->pos = next;
			continue;
		}
		if (crc && (f[F_MODE] & CPIO_S_IFMT) == CPIO_S_IFREG &&
		    data_sum(r->buf + data, f[F_FILESIZE]) != f[F_CHECK])
			return fail(r, "data checksum mismatch");

		*e = (struct cpio_entry){
			.name = name,
			.namelen = f[F_NAMESIZE] - 1,
			.ino = f[F_INO],
			.mode = f[F_MODE],
			.uid = f[F_UID],
			.gid = f[F_GID],
			.nlink = f[F_NLINK],
			.mtime = f[F_MTIME],
			.dev_major = f[F_DEVMAJOR],
			.dev_minor = f[F_DEVMINOR],
			.rdev_major = f[F_RDEVMAJOR],
			.rdev_minor = f[F_RDEVMINOR],
			.data = r->buf + data,
			.size = f[F_FILESIZE],
			.offset = r->pos,
			.archive = r->archives - 1,
		};
		r->pos = next;
		return 1;
	}
}
