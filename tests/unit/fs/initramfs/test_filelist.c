/*
 * Unit tests of fs/initramfs/filelist.c: the file list that unpacking the
 * initrd's archives in order gives. The oracle for concatenated archives
 * is the host: GNU cpio extracts the fixture archives one after the other
 * (fixtures/mkcpio.sh), and the list must hold exactly the paths of the
 * resulting tree, with their types, sizes and contents. Hand-made archives
 * cover path normalisation, replacement rules, dropped entries, malformed
 * input and every allocation failure (LeakSanitizer checks the frees).
 */
#include "../../../../fs/initramfs/initramfs.h"
#include "../../../../fs/initramfs/cpio.h"
#include <core/errno.h>
#include <core/printk.h>

#include "cpio_builder.h"
#include "fakes.h"

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

static struct initramfs ir;

static int teardown(void **state)
{
	initramfs_free(&ir);
	fake_kmalloc_fail_after = -1;
	return 0;
}

static const struct initramfs_entry *find(const char *path)
{
	const struct list_head *pos;
	const struct initramfs_entry *ent;

	for (pos = ir.entries.next; pos != &ir.entries; pos = pos->next) {
		ent = list_entry(pos, struct initramfs_entry, node);
		if (strcmp(ent->path, path) == 0)
			return ent;
	}
	return NULL;
}

/* The paths of the list in order, joined by spaces. */
static const char *paths(void)
{
	static char s[4096];
	const struct list_head *pos;
	size_t n = 0;

	s[0] = '\0';
	for (pos = ir.entries.next; pos != &ir.entries; pos = pos->next)
		n += (size_t)snprintf(s + n, sizeof(s) - n, "%s%s", n ? " " : "",
			list_entry(pos, struct initramfs_entry, node)->path);
	return s;
}

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

/* Both host archives in one buffer, extracted by GNU cpio into merged/. */
static void test_matches_host_extraction(void **state)
{
	char line[512], path[1024], target[512];
	const struct initramfs_entry *ent;
	unsigned char *a, *b, *buf, *file;
	size_t alen, blen, flen;
	unsigned int n = 0;
	struct stat st;
	FILE *merged;
	ssize_t tl;

	a = load("newc.cpio", &alen);
	b = load("second.cpio", &blen);
	buf = malloc(alen + blen);
	memcpy(buf, a, alen);
	memcpy(buf + alen, b, blen);
	assert_int_equal(initramfs_build(&ir, buf, alen + blen), 0);
	assert_int_equal(ir.archives, 2);
	assert_int_equal(ir.dropped, 0);
	assert_null(ir.error);

	snprintf(path, sizeof(path), "%s/merged.txt", FIX);
	merged = fopen(path, "r");
	assert_non_null(merged);
	while (fgets(line, sizeof(line), merged)) {
		line[strcspn(line, "\n")] = '\0';
		n++;
		/* "./etc/motd" is "/etc/motd", "." is "/". */
		ent = find(strcmp(line, ".") == 0 ? "/" : line + 1);
		if (!ent)
			fail_msg("%s is missing from the list: %s", line,
				 paths());
		snprintf(path, sizeof(path), "%s/merged/%s", FIX, line);
		assert_int_equal(lstat(path, &st), 0);
		assert_int_equal(ent->mode & CPIO_S_IFMT, st.st_mode & S_IFMT);
		assert_int_equal(ent->mode, st.st_mode);
		if (S_ISLNK(st.st_mode)) {
			tl = readlink(path, target, sizeof(target));
			assert_int_equal(ent->size, (size_t)tl);
			assert_memory_equal(ent->data, target, (size_t)tl);
		} else if (S_ISREG(st.st_mode) &&
			   !(st.st_nlink > 1 && ent->size == 0)) {
			file = read_file(path, &flen);
			assert_int_equal(ent->size, flen);
			if (flen)
				assert_memory_equal(ent->data, file, flen);
			free(file);
		}
	}
	fclose(merged);
	assert_int_equal(ir.nr_entries, n);
	/* Replaced in place: etc/motd keeps its position, from archive 1. */
	ent = find("/etc/motd");
	assert_int_equal(ent->archive, 1);
	assert_int_equal(find("/etc/init.d/rcS")->archive, 0);
	free(buf);
	free(b);
	free(a);
}

static void test_paths_are_normalised(void **state)
{
	struct cb b = { 0 };

	cb_entry(&b, 0, ".", 040755, NULL, 0);
	cb_entry(&b, 0, "./bin", 040755, NULL, 0);
	cb_entry(&b, 0, "bin//sh", 0100755, "1", 1);
	cb_entry(&b, 0, "/bin/./sh/", 0100755, "22", 2);
	cb_entry(&b, 0, "./bin/sh", 0100755, "333", 3);
	cb_entry(&b, 0, "//", 040700, NULL, 0);
	cb_entry(&b, 0, "etc", 040755, NULL, 0);
	cb_trailer(&b);
	assert_int_equal(initramfs_build(&ir, b.p, b.len), 0);
	assert_string_equal(paths(), "/ /bin /bin/sh /etc");
	assert_int_equal(ir.nr_entries, 4);
	assert_int_equal(find("/bin/sh")->size, 3);
	assert_memory_equal(find("/bin/sh")->data, "333", 3);
	assert_int_equal(find("/")->mode, 040700);
	cb_free(&b);
}

static void test_later_archive_wins(void **state)
{
	struct cb b = { 0 };
	const struct initramfs_entry *ent;

	cb_entry(&b, 0, "etc", 040755, NULL, 0);
	cb_entry(&b, 0, "etc/motd", 0100644, "old", 3);
	cb_entry(&b, 0, "etc/link", 0120777, "motd", 4);
	cb_entry(&b, 0, "etc/dir", 040755, NULL, 0);
	cb_entry(&b, 0, "etc/dir/x", 0100644, NULL, 0);
	cb_trailer(&b);
	cb_put(&b, NULL, 512);
	cb_entry(&b, 1, "etc/motd", 0100600, "newer", 5);
	cb_entry(&b, 1, "etc/link", 0100644, "now a file", 10);
	cb_entry(&b, 1, "etc/dir", 040700, NULL, 0);
	cb_entry(&b, 1, "etc/added", 0100644, "+", 1);
	cb_trailer(&b);
	assert_int_equal(initramfs_build(&ir, b.p, b.len), 0);
	assert_int_equal(ir.archives, 2);
	assert_string_equal(paths(),
		"/etc /etc/motd /etc/link /etc/dir /etc/dir/x /etc/added");
	ent = find("/etc/motd");
	assert_int_equal(ent->mode, 0100600);
	assert_int_equal(ent->archive, 1);
	assert_memory_equal(ent->data, "newer", 5);
	ent = find("/etc/link");
	assert_int_equal(ent->mode, 0100644);
	assert_int_equal(ent->size, 10);
	assert_int_equal(find("/etc/dir")->mode, 040700);
	assert_int_equal(ir.dropped, 0);
	cb_free(&b);
}

static void test_directory_replacement_rules(void **state)
{
	struct cb b = { 0 };

	cb_entry(&b, 0, "full", 040755, NULL, 0);
	cb_entry(&b, 0, "full/child", 0100644, NULL, 0);
	cb_entry(&b, 0, "fullness", 0100644, NULL, 0);
	cb_entry(&b, 0, "empty", 040755, NULL, 0);
	cb_trailer(&b);
	/* A file cannot replace a directory with entries below it... */
	cb_entry(&b, 0, "full", 0100644, "f", 1);
	/* ...but may replace an empty one ("fullness" is not below it). */
	cb_entry(&b, 0, "empty", 0120777, "full", 4);
	cb_trailer(&b);
	fake_printk_reset();
	assert_int_equal(initramfs_build(&ir, b.p, b.len), 0);
	assert_int_equal(ir.dropped, 1);
	assert_int_equal(find("/full")->mode, 040755);
	assert_int_equal(find("/empty")->mode, 0120777);
	cb_free(&b);

	b = (struct cb){ 0 };
	initramfs_free(&ir);
	cb_entry(&b, 0, ".", 040755, NULL, 0);
	cb_entry(&b, 0, "a", 0100644, NULL, 0);
	/* Nor can anything but a directory replace a populated root. */
	cb_entry(&b, 0, ".", 0100644, NULL, 0);
	cb_trailer(&b);
	assert_int_equal(initramfs_build(&ir, b.p, b.len), 0);
	assert_int_equal(ir.dropped, 1);
	assert_int_equal(find("/")->mode, 040755);
	assert_int_equal(fake_printk_count[LOG_WARNING], 2);
	assert_non_null(strstr(fake_printk_last, "not empty"));
	cb_free(&b);
}

static void test_dropped_entries(void **state)
{
	struct cb b = { 0 };
	static const char nul_target[] = { 'a', '\0', 'b' };

	cb_entry(&b, 0, "ok", 0100644, NULL, 0);
	cb_entry(&b, 0, "../escape", 0100644, NULL, 0);
	cb_entry(&b, 0, "a/../b", 0100644, NULL, 0);
	cb_entry(&b, 0, "", 0100644, NULL, 0);
	cb_entry(&b, 0, "notype", 0644, NULL, 0);
	cb_entry(&b, 0, "badtype", 0170644, NULL, 0);
	cb_entry(&b, 0, "emptylink", 0120777, NULL, 0);
	cb_entry(&b, 0, "nullink", 0120777, nul_target, 3);
	cb_entry(&b, 0, "dev/null", 020666, NULL, 0);
	cb_entry(&b, 0, "dev/sda", 060660, NULL, 0);
	cb_entry(&b, 0, "fifo", 010644, NULL, 0);
	cb_entry(&b, 0, "sock", 0140755, NULL, 0);
	cb_trailer(&b);
	fake_printk_reset();
	assert_int_equal(initramfs_build(&ir, b.p, b.len), 0);
	assert_string_equal(paths(),
			    "/ok /dev/null /dev/sda /fifo /sock");
	assert_int_equal(ir.dropped, 7);
	assert_int_equal(fake_printk_count[LOG_WARNING], 7);
	cb_free(&b);
}

/* A bad archive after a good one: the good one's entries are kept. */
static void test_malformed_keeps_earlier_entries(void **state)
{
	struct cb b = { 0 };
	size_t bad;

	cb_entry(&b, 0, "a", 0100644, "x", 1);
	cb_entry(&b, 0, "b", 0100644, "y", 1);
	cb_trailer(&b);
	bad = b.len;
	cb_put(&b, "070701zzzz", 10);
	cb_put(&b, NULL, 200);
	assert_int_equal(initramfs_build(&ir, b.p, b.len), -EINVAL);
	assert_string_equal(paths(), "/a /b");
	assert_int_equal(ir.archives, 2);
	assert_string_equal(ir.error, "non-hex header field");
	assert_int_equal(ir.error_offset, bad);
	cb_free(&b);
}

static void test_garbage(void **state)
{
	static const char junk[] = "this is not a cpio archive at all......";

	assert_int_equal(initramfs_build(&ir, junk, sizeof(junk)), -EINVAL);
	assert_int_equal(ir.nr_entries, 0);
	assert_int_equal(ir.archives, 0);
	assert_string_equal(ir.error, "bad magic");
	assert_int_equal(ir.error_offset, 0);
}

/* Each allocation in turn fails: -ENOMEM, a consistent list, no leak. */
static void test_out_of_memory(void **state)
{
	unsigned char *buf;
	size_t len;
	long n;
	int ret;

	buf = load("newc.cpio", &len);
	for (n = 0;; n++) {
		fake_kmalloc_fail_after = n;
		ret = initramfs_build(&ir, buf, len);
		fake_kmalloc_fail_after = -1;
		if (ret == 0)
			break;
		assert_int_equal(ret, -ENOMEM);
		assert_string_equal(ir.error, "out of memory");
		/* Two allocations per entry: path, then entry. */
		assert_int_equal(ir.nr_entries, (unsigned int)n / 2);
		initramfs_free(&ir);
		assert_true(list_empty(&ir.entries));
	}
	assert_true(n > 2);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_matches_host_extraction,
					  teardown),
		cmocka_unit_test_teardown(test_paths_are_normalised, teardown),
		cmocka_unit_test_teardown(test_later_archive_wins, teardown),
		cmocka_unit_test_teardown(test_directory_replacement_rules,
					  teardown),
		cmocka_unit_test_teardown(test_dropped_entries, teardown),
		cmocka_unit_test_teardown(test_malformed_keeps_earlier_entries,
					  teardown),
		cmocka_unit_test_teardown(test_garbage, teardown),
		cmocka_unit_test_teardown(test_out_of_memory, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
