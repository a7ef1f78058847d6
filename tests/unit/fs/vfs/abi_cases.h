/*
 * The cases of test_abi_<arch>.c, compiled once per arch: that file
 * includes the arch's <arch/stat.h> and defines ABI_ARCH_AARCH64 or not.
 * Checks struct stat packing (offsets from the Linux uapi headers),
 * statx and statfs layouts, the open-flag translation both ways, and the
 * legacy getdents record rewrite.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../../fs/vfs/abi.h"

static const struct kstat sample = {
	.ino = 0x1122334455ULL, .dev = MKDEV(0, 7), .mode = S_IFREG | 0644,
	.nlink = 3, .uid = 1000, .gid = 100, .rdev = MKDEV(4, 64),
	.size = 0x123456789LL, .blocks = 8, .blksize = 4096,
	.atime = { 100, 1 }, .mtime = { 200, 2 }, .ctime = { 300, 3 },
};

static void test_stat_layout(void **state)
{
#ifdef ABI_ARCH_AARCH64
	assert_int_equal(sizeof(struct arch_stat), 128);
	assert_int_equal(offsetof(struct arch_stat, st_mode), 16);
	assert_int_equal(offsetof(struct arch_stat, st_nlink), 20);
	assert_int_equal(offsetof(struct arch_stat, st_uid), 24);
	assert_int_equal(offsetof(struct arch_stat, st_rdev), 32);
	assert_int_equal(offsetof(struct arch_stat, st_blksize), 56);
#else
	assert_int_equal(sizeof(struct arch_stat), 144);
	assert_int_equal(offsetof(struct arch_stat, st_nlink), 16);
	assert_int_equal(offsetof(struct arch_stat, st_mode), 24);
	assert_int_equal(offsetof(struct arch_stat, st_uid), 28);
	assert_int_equal(offsetof(struct arch_stat, st_rdev), 40);
	assert_int_equal(offsetof(struct arch_stat, st_blksize), 56);
#endif
	assert_int_equal(offsetof(struct arch_stat, st_size), 48);
	assert_int_equal(offsetof(struct arch_stat, st_blocks), 64);
	assert_int_equal(offsetof(struct arch_stat, st_atime), 72);
	assert_int_equal(offsetof(struct arch_stat, st_mtime), 88);
	assert_int_equal(offsetof(struct arch_stat, st_ctime_nsec), 112);
}

static void test_stat_pack(void **state)
{
	struct arch_stat out;

	memset(&out, 0xa5, sizeof(out));
	stat_pack(&out, &sample);
	assert_int_equal(out.st_ino, 0x1122334455ULL);
	assert_int_equal(out.st_dev, 7);
	assert_int_equal(out.st_mode, S_IFREG | 0644);
	assert_int_equal(out.st_nlink, 3);
	assert_int_equal(out.st_uid, 1000);
	assert_int_equal(out.st_gid, 100);
	/* new_encode_dev(4:64) = minor 64 | major 4 << 8 */
	assert_int_equal(out.st_rdev, 0x440);
	assert_int_equal(out.st_size, 0x123456789LL);
	assert_int_equal(out.st_blksize, 4096);
	assert_int_equal(out.st_blocks, 8);
	assert_int_equal(out.st_atime, 100);
	assert_int_equal(out.st_atime_nsec, 1);
	assert_int_equal(out.st_mtime, 200);
	assert_int_equal(out.st_ctime_nsec, 3);
	/* Every byte is written (padding too): never kernel stack contents. */
	struct arch_stat again;

	memset(&again, 0x5a, sizeof(again));
	stat_pack(&again, &sample);
	assert_memory_equal(&out, &again, sizeof(out));
}

static void test_statx(void **state)
{
	struct statx x;

	assert_int_equal(offsetof(struct statx, stx_mode), 28);
	assert_int_equal(offsetof(struct statx, stx_ino), 32);
	assert_int_equal(offsetof(struct statx, stx_atime), 64);
	assert_int_equal(offsetof(struct statx, stx_mtime), 112);
	assert_int_equal(offsetof(struct statx, stx_rdev_major), 128);
	assert_int_equal(offsetof(struct statx, stx_dev_minor), 140);
	statx_pack(&x, &sample);
	assert_int_equal(x.stx_mask, STATX_BASIC_STATS);
	assert_int_equal(x.stx_mode, S_IFREG | 0644);
	assert_int_equal(x.stx_rdev_major, 4);
	assert_int_equal(x.stx_rdev_minor, 64);
	assert_int_equal(x.stx_dev_minor, 7);
	assert_int_equal(x.stx_mtime.tv_sec, 200);
	assert_int_equal(x.stx_mtime.tv_nsec, 2);
}

static void test_statfs(void **state)
{
	struct kstatfs k = { .type = 0x01021994, .bsize = 4096, .blocks = 10,
			     .bfree = 5, .bavail = 5, .files = 7, .ffree = 3,
			     .fsid = 0x100000002ULL, .namelen = 255 };
	struct user_statfs u;

	assert_int_equal(offsetof(struct user_statfs, f_fsid), 56);
	assert_int_equal(offsetof(struct user_statfs, f_namelen), 64);
	statfs_pack(&u, &k);
	assert_int_equal(u.f_type, 0x01021994);
	assert_int_equal(u.f_fsid[0], 2);
	assert_int_equal(u.f_fsid[1], 1);
	assert_int_equal(u.f_frsize, 4096);
	assert_int_equal(u.f_namelen, 255);
}

static void test_oflags(void **state)
{
#ifdef ABI_ARCH_AARCH64
	assert_int_equal(oflags_from_user(040000), O_DIRECTORY);
	assert_int_equal(oflags_from_user(0100000), O_NOFOLLOW);
	assert_int_equal(oflags_from_user(0200000), O_DIRECT);
	assert_int_equal(oflags_from_user(0400000), O_LARGEFILE);
	assert_int_equal(oflags_to_user(O_DIRECTORY | O_LARGEFILE | O_RDWR),
			 040000 | 0400000 | 2);
#else
	assert_int_equal(oflags_from_user(0200000), O_DIRECTORY);
	assert_int_equal(oflags_from_user(0400000), O_NOFOLLOW);
	assert_int_equal(oflags_to_user(O_LARGEFILE), 0100000);
#endif
	for (unsigned int bit = 0; bit < 32; bit++) {
		unsigned int f = 1U << bit;

		assert_int_equal(oflags_to_user(oflags_from_user(f)), f);
		assert_int_equal(oflags_from_user(oflags_to_user(f)), f);
	}
	assert_int_equal(oflags_from_user(O_CREAT | O_EXCL | O_CLOEXEC |
					  O_APPEND | O_NONBLOCK | O_PATH),
			 O_CREAT | O_EXCL | O_CLOEXEC | O_APPEND |
			 O_NONBLOCK | O_PATH);
}

/* Appends one linux_dirent64 record at *off. */
static void put64(char *buf, size_t *off, uint64_t ino, const char *name,
		  unsigned int type)
{
	size_t len = strlen(name);
	size_t reclen = (19 + len + 1 + 7) & ~7UL;
	struct linux_dirent64 *de = (struct linux_dirent64 *)(buf + *off);

	memset(de, 0, reclen);
	de->d_ino = ino;
	de->d_off = *off + reclen;
	de->d_reclen = reclen;
	de->d_type = type;
	memcpy(de->d_name, name, len);
	*off += reclen;
}

static void test_legacy_dirent(void **state)
{
	const char *names[] = { ".", "abcd", "12345", "exactly-four" };
	char buf[256];
	size_t len = 0, off = 0;

	for (size_t i = 0; i < 4; i++)
		put64(buf, &len, 10 + i, names[i], i == 1 ? DT_DIR : DT_REG);
	dirent64_to_legacy(buf, len);
	for (size_t i = 0; i < 4; i++) {
		char *rec = buf + off;
		uint64_t ino, doff;
		uint16_t reclen;

		memcpy(&ino, rec, 8);
		memcpy(&doff, rec + 8, 8);
		memcpy(&reclen, rec + 16, 2);
		assert_int_equal(ino, 10 + i);
		assert_int_equal(reclen % 8, 0);
		assert_true(reclen >= 18 + strlen(names[i]) + 2);
		assert_string_equal(rec + 18, names[i]);
		assert_int_equal(rec[reclen - 1], i == 1 ? DT_DIR : DT_REG);
		off += reclen;
		assert_int_equal(doff, off);
	}
	assert_int_equal(off, len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stat_layout),
		cmocka_unit_test(test_stat_pack),
		cmocka_unit_test(test_statx),
		cmocka_unit_test(test_statfs),
		cmocka_unit_test(test_oflags),
		cmocka_unit_test(test_legacy_dirent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
