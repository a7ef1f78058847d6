/*
 * Unit tests of fs/initramfs/cpio.c. The oracle is the host: GNU cpio
 * archives a small tree (fixtures/mkcpio.sh, at build time) as newc and as
 * crc, and every entry read back must match the tree's names (in order),
 * lstat() and contents. Hand-made archives cover concatenation, padding and
 * each kind of malformed header; truncation and corruption loops run the
 * reader over every prefix and every damaged byte of an archive held in a
 * buffer of exactly its size, so that ASan sees any read past the end.
 */
#include "../../../../fs/initramfs/cpio.h"
#include <core/errno.h>

#include "cpio_builder.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#define FIX FIXTURES "/cpio"

/* Reads every entry; returns cpio_next()'s last result, *n the entries. */
static int read_all(const void *buf, size_t len, unsigned int *n,
		    struct cpio_reader *r)
{
	struct cpio_entry e;
	int ret;

	cpio_reader_init(r, buf, len);
	*n = 0;
	while ((ret = cpio_next(r, &e)) > 0) {
		/* Everything it hands out lies inside the buffer. */
		assert_true((const unsigned char *)e.name >=
			    (const unsigned char *)buf);
		assert_true((const unsigned char *)e.name + e.namelen <
			    (const unsigned char *)buf + len);
		assert_int_equal(e.name[e.namelen], '\0');
		assert_true((const unsigned char *)e.data + e.size <=
			    (const unsigned char *)buf + len);
		(*n)++;
	}
	return ret;
}

/* An archive from a file, in a buffer of exactly its size. */
static unsigned char *load(const char *name, size_t *len)
{
	char path[512];
	unsigned char *p;

	snprintf(path, sizeof(path), "%s/%s", FIX, name);
	p = read_file(path, len);
	if (!p)
		fail_msg("cannot read %s (run through tests/unit/Makefile)",
			 path);
	return p;
}

/* Compares every entry of a host-made archive with the tree it came from. */
static void check_against_tree(const char *archive)
{
	char names_path[512], line[512], path[1024], target[512];
	struct cpio_reader r;
	struct cpio_entry e;
	unsigned char *buf, *file;
	size_t len, flen;
	struct stat st;
	FILE *names;
	ssize_t tl;

	buf = load(archive, &len);
	snprintf(names_path, sizeof(names_path), "%s/names.txt", FIX);
	names = fopen(names_path, "r");
	assert_non_null(names);
	cpio_reader_init(&r, buf, len);
	while (fgets(line, sizeof(line), names)) {
		line[strcspn(line, "\n")] = '\0';
		assert_int_equal(cpio_next(&r, &e), 1);
		/* GNU cpio stores "./bin" as "bin". */
		assert_string_equal(e.name, strncmp(line, "./", 2) ? line :
					    line + 2);
		assert_int_equal(e.namelen, strlen(e.name));
		assert_int_equal(e.archive, 0);
		snprintf(path, sizeof(path), "%s/tree/%s", FIX, line);
		assert_int_equal(lstat(path, &st), 0);
		assert_int_equal(e.mode, st.st_mode);
		assert_int_equal(e.uid, st.st_uid);
		assert_int_equal(e.gid, st.st_gid);
		assert_int_equal(e.nlink, st.st_nlink);
		assert_int_equal(e.mtime, (uint32_t)st.st_mtime);
		if (S_ISLNK(st.st_mode)) {
			tl = readlink(path, target, sizeof(target));
			assert_true(tl > 0);
			assert_int_equal(e.size, (size_t)tl);
			assert_memory_equal(e.data, target, (size_t)tl);
		} else if (S_ISREG(st.st_mode)) {
			/* GNU cpio stores a hard link's data once, last. */
			if (st.st_nlink > 1 && e.size == 0)
				continue;
			file = read_file(path, &flen);
			assert_non_null(file);
			assert_int_equal(e.size, flen);
			if (flen)
				assert_memory_equal(e.data, file, flen);
			free(file);
		} else {
			assert_int_equal(e.size, 0);
		}
	}
	assert_int_equal(cpio_next(&r, &e), 0);
	assert_int_equal(cpio_archives(&r), 1);
	assert_null(cpio_error(&r));
	/* At the end it stays at the end. */
	assert_int_equal(cpio_next(&r, &e), 0);
	fclose(names);
	free(buf);
}

static void test_newc_matches_host_tree(void **state)
{
	check_against_tree("newc.cpio");
}

static void test_crc_matches_host_tree(void **state)
{
	check_against_tree("crc.cpio");
}

static void test_crc_bad_checksum(void **state)
{
	struct cb b = { 0 };
	struct cpio_reader r;
	unsigned int n;

	cb_entry(&b, 1, "file", 0100644, "data", 4);
	cb_trailer(&b);
	assert_int_equal(read_all(b.p, b.len, &n, &r), 0);
	assert_int_equal(n, 1);
	b.p[b.len - 124 - 4] ^= 1;	/* a data byte, before the trailer */
	assert_int_equal(read_all(b.p, b.len, &n, &r), -EINVAL);
	assert_string_equal(cpio_error(&r), "data checksum mismatch");
	assert_int_equal(cpio_offset(&r), 0);
	cb_free(&b);
}

static void test_empty_and_zero_buffers(void **state)
{
	static const unsigned char zeros[64];
	struct cpio_reader r;
	unsigned int n;

	assert_int_equal(read_all(zeros, 0, &n, &r), 0);
	assert_int_equal(read_all(zeros, sizeof(zeros), &n, &r), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cpio_archives(&r), 0);
}

static void test_trailer_only(void **state)
{
	struct cb b = { 0 };
	struct cpio_reader r;
	unsigned int n;

	cb_trailer(&b);
	assert_int_equal(read_all(b.p, b.len, &n, &r), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cpio_archives(&r), 1);
	cb_free(&b);
}

/* Two archives with 0, 4 or 512 zero bytes between them: both are read. */
static void test_concatenated(void **state)
{
	static const size_t gaps[] = { 0, 4, 512 };
	struct cpio_entry e;
	struct cpio_reader r;
	struct cb b = { 0 };
	size_t i, second;

	for (i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++) {
		cb_entry(&b, 0, "a", 0100644, "first", 5);
		cb_trailer(&b);
		cb_put(&b, NULL, gaps[i]);
		second = b.len;
		cb_entry(&b, 1, "b", 0100600, "second!", 7);
		cb_trailer(&b);
		cb_put(&b, NULL, 8);

		cpio_reader_init(&r, b.p, b.len);
		assert_int_equal(cpio_next(&r, &e), 1);
		assert_string_equal(e.name, "a");
		assert_int_equal(e.archive, 0);
		assert_memory_equal(e.data, "first", 5);
		assert_int_equal(cpio_next(&r, &e), 1);
		assert_string_equal(e.name, "b");
		assert_int_equal(e.archive, 1);
		assert_int_equal(e.offset, second);
		assert_int_equal(e.mode, 0100600);
		assert_memory_equal(e.data, "second!", 7);
		assert_int_equal(cpio_next(&r, &e), 0);
		assert_int_equal(cpio_archives(&r), 2);
		cb_free(&b);
	}
}

/* The host archives back to back, as a boot loader's initrd would be. */
static void test_concatenated_host_archives(void **state)
{
	unsigned char *a, *c, *buf;
	size_t alen, clen;
	struct cpio_reader r;
	unsigned int n1, n2, n;

	a = load("newc.cpio", &alen);
	c = load("second.cpio", &clen);
	assert_int_equal(read_all(a, alen, &n1, &r), 0);
	assert_int_equal(read_all(c, clen, &n2, &r), 0);
	buf = malloc(alen + clen);
	memcpy(buf, a, alen);
	memcpy(buf + alen, c, clen);
	assert_int_equal(read_all(buf, alen + clen, &n, &r), 0);
	assert_int_equal(n, n1 + n2);
	assert_int_equal(cpio_archives(&r), 2);
	free(buf);
	free(c);
	free(a);
}

static void test_second_archive_misaligned(void **state)
{
	struct cb b = { 0 };
	struct cpio_reader r;
	unsigned int n;

	cb_entry(&b, 0, "a", 0100644, "x", 1);
	cb_trailer(&b);
	cb_put(&b, NULL, 2);
	cb_entry(&b, 0, "b", 0100644, "y", 1);
	cb_trailer(&b);
	assert_int_equal(read_all(b.p, b.len, &n, &r), -EINVAL);
	assert_int_equal(n, 1);
	assert_int_equal(cpio_archives(&r), 1);
	assert_string_equal(cpio_error(&r), "archive not 4-byte aligned");
	cb_free(&b);
}

static void test_hex_digits_any_case(void **state)
{
	struct cb_hdr h = { .mode = 0100644, .uid = 0xabcdef, .namesize = 2,
			    .rdevmajor = 0xABCDEF };
	struct cpio_entry e;
	struct cpio_reader r;
	struct cb b = { 0 };
	size_t i;

	cb_header(&b, "070701", &h);
	cb_put(&b, "f", 2);
	cb_pad4(&b);
	cb_trailer(&b);
	/* cb_header() writes upper case; make the uid field lower case. */
	for (i = 6 + 2 * 8; i < 6 + 3 * 8; i++)
		if (b.p[i] >= 'A' && b.p[i] <= 'F')
			b.p[i] += 'a' - 'A';
	cpio_reader_init(&r, b.p, b.len);
	assert_int_equal(cpio_next(&r, &e), 1);
	assert_int_equal(e.uid, 0xabcdef);
	assert_int_equal(e.rdev_major, 0xabcdef);
	assert_int_equal(cpio_next(&r, &e), 0);
	cb_free(&b);
}

static void test_device_fields(void **state)
{
	struct cb_hdr h = { .ino = 7, .mode = 020620, .uid = 1, .gid = 5,
			    .nlink = 1, .mtime = 12345, .devmajor = 8,
			    .devminor = 1, .rdevmajor = 4, .rdevminor = 64,
			    .namesize = 10 };
	struct cpio_entry e;
	struct cpio_reader r;
	struct cb b = { 0 };

	cb_header(&b, "070701", &h);
	cb_put(&b, "dev/ttyS0", 10);
	cb_pad4(&b);
	cb_trailer(&b);
	cpio_reader_init(&r, b.p, b.len);
	assert_int_equal(cpio_next(&r, &e), 1);
	assert_string_equal(e.name, "dev/ttyS0");
	assert_int_equal(e.ino, 7);
	assert_int_equal(e.mode, 020620);
	assert_int_equal(e.uid, 1);
	assert_int_equal(e.gid, 5);
	assert_int_equal(e.mtime, 12345);
	assert_int_equal(e.dev_major, 8);
	assert_int_equal(e.dev_minor, 1);
	assert_int_equal(e.rdev_major, 4);
	assert_int_equal(e.rdev_minor, 64);
	assert_int_equal(e.size, 0);
	cb_free(&b);
}

/* One malformed archive: its first entry has h (name, then data bytes). */
struct bad_case {
	const char *what;
	const char *magic;
	struct cb_hdr h;
	const char *name;	/* written as namelen bytes */
	size_t namelen;
	size_t datalen;		/* zero bytes written after the name */
	const char *error;
};

static const struct bad_case bad_cases[] = {
	{ "bad magic", "070703", { .namesize = 2 }, "a", 2, 0, "bad magic" },
	{ "gzip", "\x1f\x8b\x08\x00\x00\x00", { .namesize = 2 }, "a", 2, 0,
	  "compressed (gzip) archive, not supported" },
	{ "odc", "070707", { .namesize = 2 }, "a", 2, 0,
	  "old-format (odc) archive, not supported" },
	{ "name size 0", "070701", { .namesize = 0 }, "", 0, 0,
	  "bad name size" },
	{ "name too long", "070701", { .namesize = 4097 }, "a", 2, 0,
	  "bad name size" },
	{ "name past end", "070701", { .namesize = 200 }, "abc", 4, 0,
	  "name runs past the end" },
	{ "no NUL", "070701", { .namesize = 3 }, "abc", 3, 0,
	  "name not NUL-terminated" },
	{ "NUL inside", "070701", { .namesize = 4 }, "a\0b", 4, 0,
	  "NUL inside name" },
	{ "data past end", "070701", { .namesize = 2, .filesize = 100 }, "a",
	  2, 10, "data runs past the end" },
	{ "size overflow", "070701", { .namesize = 2, .filesize = 0xffffffff },
	  "a", 2, 10, "data runs past the end" },
	{ "max name size past end", "070701", { .namesize = 4096 }, "a", 2, 0,
	  "name runs past the end" },
};

static void test_malformed_headers(void **state)
{
	struct cpio_entry e;
	struct cpio_reader r;
	unsigned char *exact;
	struct cb b;
	size_t i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];

		b = (struct cb){ 0 };
		cb_header(&b, c->magic, &c->h);
		cb_put(&b, c->name, c->namelen);
		cb_put(&b, NULL, c->datalen);
		exact = malloc(b.len);
		memcpy(exact, b.p, b.len);
		cpio_reader_init(&r, exact, b.len);
		if (cpio_next(&r, &e) != -EINVAL)
			fail_msg("%s: accepted", c->what);
		if (strcmp(cpio_error(&r), c->error) != 0)
			fail_msg("%s: \"%s\", not \"%s\"", c->what,
				 cpio_error(&r), c->error);
		assert_int_equal(cpio_offset(&r), 0);
		assert_int_equal(cpio_archives(&r),
				 strncmp(c->magic, "0707", 4) == 0 &&
				 c->magic[4] == '0' &&
				 (c->magic[5] == '1' || c->magic[5] == '2'));
		/* A failed reader keeps failing. */
		assert_int_equal(cpio_next(&r, &e), -EINVAL);
		free(exact);
		cb_free(&b);
	}
}

/* A non-hex character in each field, then in the magic's place. */
static void test_non_hex_fields(void **state)
{
	static const char bad[] = { 'g', ' ', 'x', '\0', '-', '+' };
	struct cb_hdr h = { .mode = 0100644, .namesize = 2 };
	struct cpio_entry e;
	struct cpio_reader r;
	struct cb b = { 0 };
	size_t pos, k;
	unsigned char saved;

	cb_header(&b, "070701", &h);
	cb_put(&b, "a", 2);
	cb_pad4(&b);
	cb_trailer(&b);
	for (pos = 6; pos < 110; pos++) {
		saved = b.p[pos];
		for (k = 0; k < sizeof(bad); k++) {
			b.p[pos] = (unsigned char)bad[k];
			cpio_reader_init(&r, b.p, b.len);
			assert_int_equal(cpio_next(&r, &e), -EINVAL);
			assert_string_equal(cpio_error(&r),
					    "non-hex header field");
		}
		b.p[pos] = saved;
	}
	cb_free(&b);
}

static void test_missing_trailer(void **state)
{
	struct cb b = { 0 };
	struct cpio_reader r;
	unsigned int n;

	cb_entry(&b, 0, "a", 0100644, "data", 4);
	assert_int_equal(read_all(b.p, b.len, &n, &r), -EINVAL);
	assert_int_equal(n, 1);
	assert_string_equal(cpio_error(&r), "archive ends without TRAILER!!!");
	assert_int_equal(cpio_offset(&r), b.len);
	cb_free(&b);
}

static void test_junk_after_trailer(void **state)
{
	struct cb b = { 0 };
	struct cpio_reader r;
	unsigned int n;

	cb_entry(&b, 0, "a", 0100644, "data", 4);
	cb_trailer(&b);
	cb_put(&b, "junk", 4);
	assert_int_equal(read_all(b.p, b.len, &n, &r), -EINVAL);
	assert_int_equal(n, 1);
	assert_string_equal(cpio_error(&r), "truncated header");
	cb_free(&b);
}

/*
 * Every prefix of a host archive: an error, or (once the trailer's name is
 * complete) the whole archive; never a read past the prefix.
 */
static void test_truncation(void **state)
{
	size_t len, cut, complete = 0;
	unsigned char *full, *part;
	struct cpio_reader r;
	unsigned int n, all;
	int ret;

	full = load("newc.cpio", &len);
	assert_int_equal(read_all(full, len, &all, &r), 0);
	/* The trailer: the last non-zero byte ends its name ("!!!" NUL). */
	for (cut = len; cut > 0 && full[cut - 1] == 0; cut--)
		;
	complete = cut + 1;
	for (cut = 0; cut < len; cut++) {
		part = malloc(cut ? cut : 1);
		memcpy(part, full, cut);
		ret = read_all(part, cut, &n, &r);
		if (cut == 0 || cut >= complete) {
			assert_int_equal(ret, 0);
			assert_int_equal(n, cut ? all : 0);
		} else {
			assert_int_equal(ret, -EINVAL);
			assert_true(n <= all);
			assert_non_null(cpio_error(&r));
		}
		free(part);
	}
	free(full);
}

/*
 * Every byte of an archive replaced in turn by a few values: whatever the
 * result, no bad memory access and only in-bounds entries.
 */
static void test_corruption(void **state)
{
	static const unsigned char values[] = { 0, '0', '7', 'f', 'F', 0xff,
						'!', 0x80 };
	struct cpio_reader r;
	size_t len, pos, k;
	unsigned char *buf, saved;
	unsigned int n;
	int ret;

	buf = load("crc.cpio", &len);
	for (pos = 0; pos < len; pos++) {
		saved = buf[pos];
		for (k = 0; k < sizeof(values); k++) {
			buf[pos] = values[k];
			ret = read_all(buf, len, &n, &r);
			assert_true(ret == 0 || ret == -EINVAL);
		}
		buf[pos] = saved;
	}
	free(buf);
}

/* Random bytes after a valid magic, many times over. */
static void test_random_headers(void **state)
{
	unsigned char buf[256];
	struct cpio_reader r;
	unsigned int n, i;
	size_t k;

	srand(1);
	for (i = 0; i < 20000; i++) {
		for (k = 0; k < sizeof(buf); k++)
			buf[k] = (unsigned char)(rand() % 3 ? "0123456789abcdef"
					[rand() % 16] : rand());
		memcpy(buf, "070701", 6);
		read_all(buf, (size_t)rand() % sizeof(buf), &n, &r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newc_matches_host_tree),
		cmocka_unit_test(test_crc_matches_host_tree),
		cmocka_unit_test(test_crc_bad_checksum),
		cmocka_unit_test(test_empty_and_zero_buffers),
		cmocka_unit_test(test_trailer_only),
		cmocka_unit_test(test_concatenated),
		cmocka_unit_test(test_concatenated_host_archives),
		cmocka_unit_test(test_second_archive_misaligned),
		cmocka_unit_test(test_hex_digits_any_case),
		cmocka_unit_test(test_device_fields),
		cmocka_unit_test(test_malformed_headers),
		cmocka_unit_test(test_non_hex_fields),
		cmocka_unit_test(test_missing_trailer),
		cmocka_unit_test(test_junk_after_trailer),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_corruption),
		cmocka_unit_test(test_random_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
