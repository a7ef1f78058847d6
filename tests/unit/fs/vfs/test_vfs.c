/*
 * Unit tests of the VFS (fs/vfs/) over tmpfs (fs/tmpfs/), on the host:
 * every operation of <fs/vfs.h> and the error codes Linux gives, symlink
 * loops, rename corner cases, hard link counts, sparse files, getdents
 * records, mounts and umount's EBUSY. One root tmpfs serves all tests;
 * each test works in its own directory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <fs/chrdev.h>
#include <fs/tmpfs.h>
#include <fs/vfs.h>

static struct fs_struct *fs = &init_fs;

static struct super_block *test_tmpfs_mount(struct fs_type *t, const char *d)
{
	return tmpfs_new_sb(t, d);
}

static struct fs_type test_tmpfs = { .name = "tmpfs",
				     .mount = test_tmpfs_mount };

static int setup_root(void **state)
{
	vfs_init();
	assert_int_equal(register_filesystem(&test_tmpfs), 0);
	assert_int_equal(register_filesystem(&test_tmpfs), -EBUSY);
	assert_int_equal(vfs_mount_root("tmpfs", NULL), 0);
	assert_int_equal(vfs_mount_root("tmpfs", NULL), -EBUSY);
	return 0;
}

/* --- helpers ---------------------------------------------------------- */

static int mkfile(const char *path, const char *data)
{
	struct file *f = vfs_open(fs, NULL, path, O_WRONLY | O_CREAT | O_TRUNC,
				  0644);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = vfs_write(f, data, strlen(data), NULL);
	fput(f);
	return n < 0 ? n : 0;
}

static int open_err(const char *path, unsigned int flags)
{
	struct file *f = vfs_open(fs, NULL, path, flags, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

/* The contents of path (up to 255 bytes) as a string in buf. */
static const char *slurp(const char *path, char *buf)
{
	struct file *f = vfs_open(fs, NULL, path, O_RDONLY, 0);
	ssize_t n;

	if (IS_ERR(f))
		return "<error>";
	n = vfs_read(f, buf, 255, NULL);
	fput(f);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

static struct kstat st_of(const char *path, unsigned int flags)
{
	struct kstat st;

	memset(&st, 0xff, sizeof(st));
	assert_int_equal(vfs_stat(fs, NULL, path, flags, &st), 0);
	return st;
}

static int stat_err(const char *path, unsigned int flags)
{
	struct kstat st;

	return vfs_stat(fs, NULL, path, flags, &st);
}

/* --- files ------------------------------------------------------------ */

static void test_open_read_write(void **state)
{
	char buf[256];
	struct file *f;
	int64_t pos = 2;

	assert_int_equal(vfs_mkdir(fs, NULL, "/rw", 0755), 0);
	f = vfs_open(fs, NULL, "/rw/f", O_RDWR | O_CREAT | O_EXCL, 0666);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_write(f, "hello world", 11, NULL), 11);
	assert_int_equal(f->f_pos, 11);
	assert_int_equal(vfs_read(f, buf, 5, &pos), 5);	/* pread */
	assert_memory_equal(buf, "llo w", 5);
	assert_int_equal(f->f_pos, 11);
	assert_int_equal(vfs_read(f, buf, 5, NULL), 0);		/* at EOF */
	assert_int_equal(vfs_lseek(f, 6, SEEK_SET), 6);
	assert_int_equal(vfs_read(f, buf, 100, NULL), 5);
	assert_memory_equal(buf, "world", 5);
	assert_int_equal(vfs_lseek(f, -1, SEEK_SET), -EINVAL);
	assert_int_equal(vfs_lseek(f, 0, 7), -EINVAL);
	assert_int_equal(vfs_lseek(f, -2, SEEK_END), 9);
	assert_int_equal(vfs_lseek(f, 1, SEEK_CUR), 10);
	pos = 0;
	assert_int_equal(vfs_write(f, "J", 1, &pos), 1);	/* pwrite */
	assert_int_equal(f->f_pos, 10);
	fput(f);
	assert_string_equal(slurp("/rw/f", buf), "Jello world");
	/* umask 022 applied to 0666 */
	assert_int_equal(st_of("/rw/f", 0).mode, S_IFREG | 0644);

	/* O_APPEND writes at the end, even with an offset (as Linux). */
	f = vfs_open(fs, NULL, "/rw/f", O_WRONLY | O_APPEND, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_write(f, "!", 1, NULL), 1);
	pos = 0;
	assert_int_equal(vfs_write(f, "?", 1, &pos), 1);
	assert_int_equal(vfs_read(f, buf, 1, NULL), -EBADF);
	fput(f);
	assert_string_equal(slurp("/rw/f", buf), "Jello world!?");

	/* O_TRUNC */
	assert_int_equal(open_err("/rw/f", O_WRONLY | O_TRUNC), 0);
	assert_int_equal(st_of("/rw/f", 0).size, 0);

	/* errors */
	assert_int_equal(open_err("/rw/f", O_CREAT | O_EXCL | O_RDWR), -EEXIST);
	assert_int_equal(open_err("/rw/none", O_RDONLY), -ENOENT);
	assert_int_equal(open_err("/rw/none/x", O_RDONLY | O_CREAT), -ENOENT);
	assert_int_equal(open_err("/rw/f/x", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_err("/rw/f/", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_err("/rw/f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	assert_int_equal(open_err("/rw", O_WRONLY), -EISDIR);
	assert_int_equal(open_err("/rw", O_RDWR | O_CREAT), -EISDIR);
	assert_int_equal(open_err("/rw/new/", O_RDWR | O_CREAT), -EISDIR);
	assert_int_equal(open_err("/rw/f/", O_RDWR | O_CREAT), -EISDIR);
	assert_int_equal(open_err(".", O_RDWR | O_CREAT), -EISDIR);
	assert_int_equal(open_err("", O_RDONLY), -ENOENT);
	assert_int_equal(open_err("/rw/", O_RDONLY | O_DIRECTORY), 0);

	f = vfs_open(fs, NULL, "/rw", O_RDONLY, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_read(f, buf, 1, NULL), -EISDIR);
	assert_int_equal(vfs_write(f, buf, 1, NULL), -EBADF);
	assert_int_equal(vfs_ioctl(f, 0x5401, 0), -ENOTTY);
	assert_int_equal(vfs_fsync(f), 0);
	assert_int_equal(vfs_ftruncate(f, 0), -EINVAL);
	fput(f);
}

static void test_names(void **state)
{
	char name[300], path[PATH_MAX + 10];

	assert_int_equal(vfs_mkdir(fs, NULL, "/names", 0755), 0);
	memset(name, 'n', sizeof(name));
	strcpy(path, "/names/");
	memcpy(path + 7, name, 255);
	path[7 + 255] = '\0';
	assert_int_equal(mkfile(path, "x"), 0);
	path[7 + 255] = 'n';
	path[7 + 256] = '\0';
	assert_int_equal(mkfile(path, "x"), -ENAMETOOLONG);
	assert_int_equal(vfs_mkdir(fs, NULL, path, 0755), -ENAMETOOLONG);
	assert_int_equal(stat_err(path, 0), -ENAMETOOLONG);
	memset(path, '/', PATH_MAX);
	path[PATH_MAX] = '\0';
	assert_int_equal(stat_err(path, 0), -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';
	assert_int_equal(stat_err(path, 0), 0);

	/* ".", "..", repeated slashes, ".." at the root */
	assert_int_equal(vfs_mkdir(fs, NULL, "/names/d/", 0755), 0);
	assert_int_equal(mkfile("/names/d/f", "x"), 0);
	assert_int_equal(stat_err("//names/./d/../d//f", 0), 0);
	assert_int_equal(stat_err("/../../names/d/f", 0), 0);
	assert_int_equal(st_of("/..", 0).ino, st_of("/", 0).ino);
	assert_int_equal(stat_err("/names/d/f/..", 0), -ENOTDIR);
	assert_int_equal(stat_err("/names/nope/..", 0), -ENOENT);
}

static void test_mkdir_rmdir(void **state)
{
	assert_int_equal(vfs_mkdir(fs, NULL, "/md", 0755), 0);
	assert_int_equal(st_of("/md", 0).nlink, 2);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/a", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/b", 0700), 0);
	assert_int_equal(st_of("/md", 0).nlink, 4);
	assert_int_equal(st_of("/md/b", 0).mode, S_IFDIR | 0700);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/a", 0755), -EEXIST);
	assert_int_equal(vfs_mkdir(fs, NULL, "/", 0755), -EEXIST);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/.", 0755), -EEXIST);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/..", 0755), -EEXIST);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/x/y", 0755), -ENOENT);
	assert_int_equal(mkfile("/md/f", "x"), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/f/y", 0755), -ENOTDIR);
	assert_int_equal(vfs_mkdir(fs, NULL, "/md/f", 0755), -EEXIST);

	assert_int_equal(mkfile("/md/a/g", "x"), 0);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/a"), -ENOTEMPTY);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/a/."), -EINVAL);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/a/.."), -ENOTEMPTY);
	assert_int_equal(vfs_rmdir(fs, NULL, "/"), -EBUSY);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/f"), -ENOTDIR);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/zz"), -ENOENT);
	assert_int_equal(vfs_unlink(fs, NULL, "/md/a/g"), 0);
	assert_int_equal(vfs_rmdir(fs, NULL, "/md/a/"), 0);
	assert_int_equal(stat_err("/md/a", 0), -ENOENT);
	assert_int_equal(st_of("/md", 0).nlink, 3);
}

static void test_unlink(void **state)
{
	struct file *f;
	char buf[16];

	assert_int_equal(vfs_mkdir(fs, NULL, "/ul", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/ul/d", 0755), 0);
	assert_int_equal(mkfile("/ul/f", "data"), 0);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/d"), -EISDIR);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/d/"), -EISDIR);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/f/"), -ENOTDIR);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/none"), -ENOENT);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/none/"), -ENOENT);
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/."), -EISDIR);

	/* An open file outlives its name. */
	f = vfs_open(fs, NULL, "/ul/f", O_RDWR, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_unlink(fs, NULL, "/ul/f"), 0);
	assert_int_equal(stat_err("/ul/f", 0), -ENOENT);
	assert_int_equal(vfs_read(f, buf, sizeof(buf), NULL), 4);
	assert_memory_equal(buf, "data", 4);
	{
		struct kstat st;

		assert_int_equal(vfs_fstat(f, &st), 0);
		assert_int_equal(st.nlink, 0);
	}
	fput(f);
	assert_int_equal(mkfile("/ul/f", "again"), 0);
	assert_string_equal(slurp("/ul/f", buf), "again");
}

/* --- symlinks --------------------------------------------------------- */

static void test_symlinks(void **state)
{
	char buf[256], name[32], target[32];
	struct file *f;

	assert_int_equal(vfs_mkdir(fs, NULL, "/sl", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/sl/dir", 0755), 0);
	assert_int_equal(mkfile("/sl/dir/file", "content"), 0);
	assert_int_equal(vfs_symlink(fs, "dir/file", NULL, "/sl/rel"), 0);
	assert_int_equal(vfs_symlink(fs, "/sl/dir", NULL, "/sl/abs"), 0);
	assert_int_equal(vfs_symlink(fs, "../abs/", NULL, "/sl/dir/up"), 0);
	assert_string_equal(slurp("/sl/rel", buf), "content");
	assert_string_equal(slurp("/sl/abs/file", buf), "content");
	assert_string_equal(slurp("/sl/dir/up/up/up/file", buf), "content");
	assert_int_equal(st_of("/sl/rel", 0).mode, S_IFREG | 0644);
	assert_int_equal(st_of("/sl/rel", AT_SYMLINK_NOFOLLOW).mode,
			 S_IFLNK | 0777);
	assert_int_equal(st_of("/sl/rel", AT_SYMLINK_NOFOLLOW).size, 8);
	assert_int_equal(vfs_readlink(fs, NULL, "/sl/rel", buf, sizeof(buf)), 8);
	assert_memory_equal(buf, "dir/file", 8);
	assert_int_equal(vfs_readlink(fs, NULL, "/sl/rel", buf, 3), 3);
	assert_int_equal(vfs_readlink(fs, NULL, "/sl/dir", buf, 3), -EINVAL);
	assert_int_equal(vfs_readlink(fs, NULL, "/sl/rel", buf, 0), -EINVAL);
	assert_int_equal(vfs_symlink(fs, "", NULL, "/sl/empty"), -ENOENT);
	assert_int_equal(vfs_symlink(fs, "x", NULL, "/sl/rel"), -EEXIST);
	assert_int_equal(vfs_symlink(fs, "x", NULL, "/sl/new/"), -ENOENT);

	/* Final symlinks: O_NOFOLLOW, O_PATH, trailing slash, dangling. */
	assert_int_equal(open_err("/sl/rel", O_RDONLY | O_NOFOLLOW), -ELOOP);
	assert_int_equal(open_err("/sl/abs/", O_RDONLY | O_NOFOLLOW), 0);
	assert_int_equal(open_err("/sl/rel", O_PATH | O_NOFOLLOW), 0);
	assert_int_equal(open_err("/sl/rel/", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_err("/sl/abs", O_RDONLY | O_DIRECTORY), 0);
	assert_int_equal(stat_err("/sl/abs/", AT_SYMLINK_NOFOLLOW), 0);
	assert_int_equal(st_of("/sl/abs/", AT_SYMLINK_NOFOLLOW).mode & S_IFMT,
			 S_IFDIR);
	assert_int_equal(vfs_symlink(fs, "made", NULL, "/sl/dangling"), 0);
	assert_int_equal(stat_err("/sl/dangling", 0), -ENOENT);
	assert_int_equal(open_err("/sl/dangling", O_RDONLY), -ENOENT);
	assert_int_equal(open_err("/sl/dangling", O_WRONLY | O_CREAT | O_EXCL),
			 -EEXIST);
	assert_int_equal(open_err("/sl/dangling", O_WRONLY | O_CREAT), 0);
	assert_int_equal(stat_err("/sl/made", 0), 0);
	f = vfs_open(fs, NULL, "/sl/rel", O_PATH | O_NOFOLLOW, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_read(f, buf, 1, NULL), -EBADF);
	fput(f);

	/* Loops and the 40-link limit. */
	assert_int_equal(vfs_symlink(fs, "loop2", NULL, "/sl/loop1"), 0);
	assert_int_equal(vfs_symlink(fs, "loop1", NULL, "/sl/loop2"), 0);
	assert_int_equal(stat_err("/sl/loop1", 0), -ELOOP);
	assert_int_equal(stat_err("/sl/loop1", AT_SYMLINK_NOFOLLOW), 0);
	assert_int_equal(open_err("/sl/loop1", O_RDONLY), -ELOOP);
	assert_int_equal(open_err("/sl/loop1/x", O_RDONLY | O_CREAT), -ELOOP);
	assert_int_equal(vfs_mkdir(fs, NULL, "/sl/loop1/x", 0755), -ELOOP);
	assert_int_equal(vfs_symlink(fs, "dir/file", NULL, "/sl/c0"), 0);
	for (int i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "/sl/c%d", i);
		snprintf(target, sizeof(target), "c%d", i - 1);
		assert_int_equal(vfs_symlink(fs, target, NULL, name), 0);
	}
	assert_int_equal(stat_err("/sl/c39", 0), 0);	/* 40 links */
	assert_int_equal(stat_err("/sl/c40", 0), -ELOOP);	/* 41 links */
	assert_int_equal(open_err("/sl/c39", O_RDONLY), 0);
	assert_int_equal(open_err("/sl/c40", O_RDONLY), -ELOOP);
}

/* --- hard links ------------------------------------------------------- */

static void test_hardlinks(void **state)
{
	struct path dir;
	char buf[256];

	assert_int_equal(vfs_mkdir(fs, NULL, "/hl", 0755), 0);
	assert_int_equal(mkfile("/hl/a", "shared"), 0);
	assert_int_equal(vfs_link(fs, NULL, "/hl/a", NULL, "/hl/b", 0), 0);
	assert_int_equal(st_of("/hl/a", 0).nlink, 2);
	assert_int_equal(st_of("/hl/b", 0).ino, st_of("/hl/a", 0).ino);
	assert_int_equal(vfs_link(fs, NULL, "/hl/a", NULL, "/hl/b", 0), -EEXIST);
	assert_int_equal(vfs_link(fs, NULL, "/hl/a", NULL, "/hl/c/", 0), -ENOENT);
	assert_int_equal(vfs_link(fs, NULL, "/hl", NULL, "/hl/d", 0), -EPERM);
	assert_int_equal(vfs_link(fs, NULL, "/hl/none", NULL, "/hl/e", 0),
			 -ENOENT);
	assert_int_equal(vfs_link(fs, NULL, "/hl/a", NULL, "/hl/f", 0x1), -EINVAL);

	/* link() does not follow a symlink unless AT_SYMLINK_FOLLOW. */
	assert_int_equal(vfs_symlink(fs, "a", NULL, "/hl/s"), 0);
	assert_int_equal(vfs_link(fs, NULL, "/hl/s", NULL, "/hl/s2", 0), 0);
	assert_int_equal(st_of("/hl/s2", AT_SYMLINK_NOFOLLOW).mode & S_IFMT,
			 S_IFLNK);
	assert_int_equal(vfs_link(fs, NULL, "/hl/s", NULL, "/hl/c",
				  AT_SYMLINK_FOLLOW), 0);
	assert_int_equal(st_of("/hl/a", 0).nlink, 3);

	/* AT_EMPTY_PATH links the file dir itself names. */
	assert_int_equal(vfs_lookup(fs, NULL, "/hl/a", 0, &dir), 0);
	assert_int_equal(vfs_link(fs, &dir, "", NULL, "/hl/g", AT_EMPTY_PATH), 0);
	assert_int_equal(vfs_link(fs, &dir, "", NULL, "/hl/h", 0), -ENOENT);
	path_put(&dir);
	assert_int_equal(st_of("/hl/a", 0).nlink, 4);

	assert_int_equal(vfs_unlink(fs, NULL, "/hl/a"), 0);
	assert_int_equal(vfs_unlink(fs, NULL, "/hl/c"), 0);
	assert_int_equal(st_of("/hl/b", 0).nlink, 2);
	assert_string_equal(slurp("/hl/g", buf), "shared");
}

/* --- rename ----------------------------------------------------------- */

static void test_rename(void **state)
{
	char buf[256];
	struct kstat st;

	assert_int_equal(vfs_mkdir(fs, NULL, "/rn", 0755), 0);
	assert_int_equal(mkfile("/rn/a", "A"), 0);
	assert_int_equal(mkfile("/rn/b", "B"), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/rn/d", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/rn/d/sub", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/rn/e", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/rn/full", 0755), 0);
	assert_int_equal(mkfile("/rn/full/x", "x"), 0);

	/* onto itself, and onto another link of the same inode */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/a", NULL, "/rn/a", 0), 0);
	assert_int_equal(vfs_link(fs, NULL, "/rn/a", NULL, "/rn/a2", 0), 0);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/a", NULL, "/rn/a2", 0), 0);
	assert_int_equal(stat_err("/rn/a", 0), 0);
	assert_int_equal(vfs_unlink(fs, NULL, "/rn/a2"), 0);

	/* plain move and replace */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/a", NULL, "/rn/b", 0), 0);
	assert_int_equal(stat_err("/rn/a", 0), -ENOENT);
	assert_string_equal(slurp("/rn/b", buf), "A");

	/* errors, in Linux's order */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/none", NULL, "/rn/z", 0),
			 -ENOENT);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/d", NULL, "/rn/full", 0),
			 -ENOTEMPTY);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/d", NULL, "/rn/d/sub/x", 0),
			 -EINVAL);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/d", NULL, "/rn/d/x", 0),
			 -EINVAL);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/d/sub", NULL, "/rn/d", 0),
			 -ENOTEMPTY);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/e", 0),
			 -EISDIR);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/e", NULL, "/rn/b", 0),
			 -ENOTDIR);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b/", NULL, "/rn/c", 0),
			 -ENOTDIR);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/c/", 0),
			 -ENOTDIR);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/.", NULL, "/rn/c", 0),
			 -EBUSY);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/", 0), -EBUSY);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/x/y", 0),
			 -ENOENT);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/d/sub",
				    RENAME_NOREPLACE), -EEXIST);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/c",
				    RENAME_EXCHANGE), -ENOENT);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/c",
				    RENAME_EXCHANGE | RENAME_NOREPLACE), -EINVAL);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/c", 0x80),
			 -EINVAL);

	/* a directory over an empty one, across parents: link counts */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/d/", NULL, "/rn/e/", 0), 0);
	assert_int_equal(st_of("/rn", 0).nlink, 4);	/* ., e, full + .. */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/e/sub", NULL, "/rn/sub", 0),
			 0);
	assert_int_equal(st_of("/rn/e", 0).nlink, 2);
	assert_int_equal(st_of("/rn", 0).nlink, 5);
	assert_int_equal(st_of("/rn/sub/..", 0).ino, st_of("/rn", 0).ino);

	/* RENAME_EXCHANGE swaps, even a file with a directory */
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/full",
				    RENAME_EXCHANGE), 0);
	assert_string_equal(slurp("/rn/full", buf), "A");
	assert_int_equal(stat_err("/rn/b/x", 0), 0);
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b/x", NULL, "/rn/full",
				    RENAME_EXCHANGE), 0);
	assert_string_equal(slurp("/rn/b/x", buf), "A");
	assert_string_equal(slurp("/rn/full", buf), "x");
	assert_int_equal(vfs_rename(fs, NULL, "/rn/b", NULL, "/rn/b/x",
				    RENAME_EXCHANGE), -EINVAL);
	assert_int_equal(vfs_stat(fs, NULL, "/rn/b", 0, &st), 0);
	assert_int_equal(st.nlink, 2);
}

/* --- sparse files, truncate, statfs ---------------------------------- */

static void test_sparse(void **state)
{
	int64_t gib = 1LL << 30, pos;
	struct kstatfs sfs0, sfs1;
	struct file *f;
	char buf[8192];
	struct kstat st;

	assert_int_equal(vfs_mkdir(fs, NULL, "/sp", 0755), 0);
	assert_int_equal(vfs_statfs(fs, NULL, "/sp", &sfs0), 0);
	assert_int_equal(sfs0.type, TMPFS_MAGIC);
	assert_int_equal(sfs0.bsize, 4096);
	assert_int_equal(sfs0.blocks, (64 << 20) / 2 / 4096);
	f = vfs_open(fs, NULL, "/sp/f", O_RDWR | O_CREAT, 0644);
	assert_false(IS_ERR(f));
	pos = gib;
	assert_int_equal(vfs_write(f, "end", 3, &pos), 3);
	assert_int_equal(vfs_fstat(f, &st), 0);
	assert_int_equal(st.size, gib + 3);
	assert_int_equal(st.blocks, 8);			/* one page */
	assert_int_equal(vfs_statfs(fs, NULL, "/sp/f", &sfs1), 0);
	assert_int_equal(sfs0.bfree - sfs1.bfree, 1);
	pos = 4096 * 5 - 10;
	assert_int_equal(vfs_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		assert_int_equal(buf[i], 0);
	pos = gib;
	assert_int_equal(vfs_read(f, buf, sizeof(buf), &pos), 3);

	/* SEEK_DATA / SEEK_HOLE */
	assert_int_equal(vfs_lseek(f, 0, SEEK_DATA), gib);
	assert_int_equal(vfs_lseek(f, 0, SEEK_HOLE), 0);
	assert_int_equal(vfs_lseek(f, gib + 1, SEEK_DATA), gib + 1);
	assert_int_equal(vfs_lseek(f, gib + 1, SEEK_HOLE), gib + 3);
	assert_int_equal(vfs_lseek(f, gib + 3, SEEK_DATA), -ENXIO);
	assert_int_equal(vfs_lseek(f, gib + 3, SEEK_HOLE), -ENXIO);
	assert_int_equal(vfs_lseek(f, -1, SEEK_DATA), -ENXIO);
	pos = 100;
	assert_int_equal(vfs_write(f, "abc", 3, &pos), 3);
	assert_int_equal(vfs_lseek(f, 0, SEEK_DATA), 0);
	assert_int_equal(vfs_lseek(f, 0, SEEK_HOLE), 4096);

	/* truncate frees pages and zeroes the tail of the last one */
	assert_int_equal(vfs_ftruncate(f, 101), 0);
	assert_int_equal(vfs_fstat(f, &st), 0);
	assert_int_equal(st.size, 101);
	assert_int_equal(st.blocks, 8);
	assert_int_equal(vfs_ftruncate(f, 8192), 0);
	pos = 100;
	assert_int_equal(vfs_read(f, buf, 4, &pos), 4);
	assert_memory_equal(buf, "a\0\0\0", 4);
	assert_int_equal(vfs_ftruncate(f, -1), -EINVAL);
	assert_int_equal(vfs_ftruncate(f, 1LL << 60), -EFBIG);
	pos = 1LL << 60;
	assert_int_equal(vfs_write(f, "x", 1, &pos), -EFBIG);
	fput(f);
	assert_int_equal(vfs_truncate(fs, NULL, "/sp/f", 0), 0);
	assert_int_equal(st_of("/sp/f", 0).blocks, 0);
	assert_int_equal(vfs_truncate(fs, NULL, "/sp", 0), -EISDIR);
	assert_int_equal(vfs_truncate(fs, NULL, "/sp/none", 0), -ENOENT);
	assert_int_equal(vfs_statfs(fs, NULL, "/sp", &sfs1), 0);
	assert_int_equal(sfs1.bfree, sfs0.bfree);
	assert_int_equal(vfs_unlink(fs, NULL, "/sp/f"), 0);
}

/* --- getdents --------------------------------------------------------- */

static void test_getdents(void **state)
{
	char buf[4096], name[32];
	bool seen[50] = { false };
	int64_t resume = -1;
	struct file *f;
	ssize_t n;
	int total = 0, calls = 0;

	assert_int_equal(vfs_mkdir(fs, NULL, "/gd", 0755), 0);
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "/gd/entry-%d", i);
		if (i % 5 == 0)
			assert_int_equal(vfs_mkdir(fs, NULL, name, 0755), 0);
		else
			assert_int_equal(mkfile(name, "x"), 0);
	}
	f = vfs_open(fs, NULL, "/gd", O_RDONLY | O_DIRECTORY, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_getdents(f, buf, 20), -EINVAL);
	/* A small buffer: several calls, each record 8-aligned. */
	while ((n = vfs_getdents(f, buf, 200)) > 0) {
		calls++;
		for (ssize_t off = 0; off < n;) {
			struct linux_dirent64 *de = (void *)(buf + off);
			int i;

			assert_int_equal(de->d_reclen % 8, 0);
			assert_int_equal(de->d_reclen,
					 (19 + strlen(de->d_name) + 1 + 7) & ~7);
			off += de->d_reclen;
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) {
				assert_int_equal(de->d_type, DT_DIR);
				continue;
			}
			assert_int_equal(sscanf(de->d_name, "entry-%d", &i), 1);
			assert_false(seen[i]);
			seen[i] = true;
			assert_int_equal(de->d_type, i % 5 ? DT_REG : DT_DIR);
			snprintf(name, sizeof(name), "/gd/%s", de->d_name);
			assert_int_equal(de->d_ino, st_of(name, 0).ino);
			if (i == 25)
				resume = de->d_off;
			total++;
		}
	}
	assert_int_equal(n, 0);
	assert_int_equal(total, 50);
	assert_true(calls > 3);

	/* Continuing from a d_off gives the entries after that one. */
	assert_int_equal(vfs_lseek(f, resume, SEEK_SET), resume);
	n = vfs_getdents(f, buf, sizeof(buf));
	assert_true(n > 0);
	assert_string_equal(((struct linux_dirent64 *)buf)->d_name, "entry-26");

	/* Removing entries during a listing does not disturb the rest. */
	assert_int_equal(vfs_lseek(f, 0, SEEK_SET), 0);
	n = vfs_getdents(f, buf, 100);
	assert_true(n > 0);
	assert_int_equal(vfs_unlink(fs, NULL, "/gd/entry-1"), 0);
	total = 0;
	while ((n = vfs_getdents(f, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0; off < n; total++)
			off += ((struct linux_dirent64 *)(buf + off))->d_reclen;
	assert_true(total >= 47);
	fput(f);

	f = vfs_open(fs, NULL, "/gd/entry-2", O_RDONLY, 0);
	assert_int_equal(vfs_getdents(f, buf, sizeof(buf)), -ENOTDIR);
	fput(f);
}

/* --- attributes, device nodes ---------------------------------------- */

static ssize_t dev_read(struct file *f, void *buf, size_t len, int64_t *pos)
{
	memset(buf, 'z', len);
	return len;
}

static const struct file_ops dev_fops = { .read = dev_read };
static struct chrdev test_dev = { .name = "t", .dev = MKDEV(42, 7),
				  .mode = 0600, .fops = &dev_fops };

static void test_attrs_and_nodes(void **state)
{
	struct timespec64 t[2] = { { 1000, 5 }, { 2000, 999999999 } };
	struct kstat st;
	char buf[4];
	struct file *f;

	assert_int_equal(vfs_mkdir(fs, NULL, "/at", 0755), 0);
	assert_int_equal(mkfile("/at/f", "abc"), 0);
	assert_int_equal(vfs_chmod(fs, NULL, "/at/f", 04711, 0), 0);
	assert_int_equal(st_of("/at/f", 0).mode, S_IFREG | 04711);
	assert_int_equal(vfs_chown(fs, NULL, "/at/f", 10, 20, 0), 0);
	assert_int_equal(vfs_chown(fs, NULL, "/at/f", -1, 30, 0), 0);
	st = st_of("/at/f", 0);
	assert_int_equal(st.uid, 10);
	assert_int_equal(st.gid, 30);
	assert_int_equal(st.size, 3);
	assert_int_equal(st.blksize, 4096);
	assert_int_equal(vfs_chmod(fs, NULL, "/at/f", 0, 0x8000), -EINVAL);

	assert_int_equal(vfs_utimes(fs, NULL, "/at/f", t, 0), 0);
	st = st_of("/at/f", 0);
	assert_int_equal(st.atime.tv_sec, 1000);
	assert_int_equal(st.atime.tv_nsec, 5);
	assert_int_equal(st.mtime.tv_sec, 2000);
	assert_int_equal(st.mtime.tv_nsec, 999999999);
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_nsec = UTIME_NOW;
	assert_int_equal(vfs_utimes(fs, NULL, "/at/f", t, 0), 0);
	st = st_of("/at/f", 0);
	assert_int_equal(st.atime.tv_sec, 1000);
	assert_int_not_equal(st.mtime.tv_sec, 2000);
	t[1].tv_nsec = 1000000000;
	assert_int_equal(vfs_utimes(fs, NULL, "/at/f", t, 0), -EINVAL);
	assert_int_equal(vfs_utimes(fs, NULL, "/at/f", NULL, 0), 0);

	/* symlinks: lchown and utimes with AT_SYMLINK_NOFOLLOW */
	assert_int_equal(vfs_symlink(fs, "f", NULL, "/at/l"), 0);
	assert_int_equal(vfs_chown(fs, NULL, "/at/l", 5, 5,
				   AT_SYMLINK_NOFOLLOW), 0);
	assert_int_equal(st_of("/at/l", AT_SYMLINK_NOFOLLOW).uid, 5);
	assert_int_equal(st_of("/at/l", 0).uid, 10);

	/* device nodes and FIFOs */
	assert_int_equal(chrdev_register(&test_dev), 0);
	assert_int_equal(chrdev_register(&test_dev), -EBUSY);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/dev", S_IFCHR | 0644,
				   MKDEV(42, 7)), 0);
	st = st_of("/at/dev", 0);
	assert_int_equal(st.mode, S_IFCHR | 0644);
	assert_int_equal(st.rdev, MKDEV(42, 7));
	assert_int_equal(new_encode_dev(st.rdev), (42 << 8) | 7);
	assert_int_equal(new_decode_dev(new_encode_dev(MKDEV(300, 70000))),
			 MKDEV(300, 70000));
	f = vfs_open(fs, NULL, "/at/dev", O_RDONLY, 0);
	assert_false(IS_ERR(f));
	assert_int_equal(vfs_read(f, buf, 4, NULL), 4);
	assert_memory_equal(buf, "zzzz", 4);
	fput(f);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/nodev", S_IFCHR | 0644,
				   MKDEV(42, 8)), 0);
	assert_int_equal(open_err("/at/nodev", O_RDONLY), -ENXIO);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/fifo", S_IFIFO | 0644, 0), 0);
	assert_int_equal(st_of("/at/fifo", 0).mode, S_IFIFO | 0644);
	assert_int_equal(st_of("/at/fifo", 0).rdev, 0);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/blk", S_IFBLK | 0600,
				   MKDEV(8, 0)), 0);
	assert_int_equal(open_err("/at/blk", O_RDONLY), -ENXIO);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/reg", 0644, 0), 0);
	assert_int_equal(st_of("/at/reg", 0).mode, S_IFREG | 0644);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/d", S_IFDIR | 0755, 0), -EPERM);
	assert_int_equal(vfs_mknod(fs, NULL, "/at/fifo", S_IFIFO | 0644, 0),
			 -EEXIST);
}

/* --- dirfds, cwd, chroot ---------------------------------------------- */

static void test_dirfd_cwd_root(void **state)
{
	struct fs_struct *child;
	struct path dir;
	struct kstat st;
	char buf[256];

	assert_int_equal(vfs_mkdir(fs, NULL, "/at2", 0755), 0);
	assert_int_equal(vfs_mkdir(fs, NULL, "/at2/sub", 0755), 0);
	assert_int_equal(mkfile("/at2/sub/f", "relative"), 0);
	assert_int_equal(vfs_lookup(fs, NULL, "/at2", LOOKUP_DIRECTORY, &dir), 0);
	assert_int_equal(vfs_stat(fs, &dir, "sub/f", 0, &st), 0);
	assert_int_equal(vfs_stat(fs, &dir, "", 0, &st), -ENOENT);
	assert_int_equal(vfs_stat(fs, &dir, "", AT_EMPTY_PATH, &st), 0);
	assert_int_equal(st.ino, st_of("/at2", 0).ino);
	assert_int_equal(vfs_mkdir(fs, &dir, "new", 0755), 0);
	assert_int_equal(stat_err("/at2/new", 0), 0);
	assert_int_equal(vfs_lookup(fs, NULL, "/at2/sub/f", LOOKUP_DIRECTORY,
				    &(struct path){ 0 }), -ENOTDIR);

	/* cwd and chroot live in a copy: the original is unchanged */
	child = fs_struct_copy(fs);
	assert_non_null(child);
	assert_int_equal(vfs_chdir(child, NULL, "/at2/sub"), 0);
	assert_int_equal(vfs_chdir(child, NULL, "f"), -ENOTDIR);
	assert_int_equal(vfs_stat(child, NULL, "f", 0, &st), 0);
	assert_int_equal(stat_err("f", 0), -ENOENT);
	assert_int_equal(vfs_chdir(child, &dir, NULL), 0);
	assert_int_equal(vfs_stat(child, NULL, "sub/f", 0, &st), 0);
	assert_int_equal(vfs_chroot(child, NULL, "/at2"), 0);
	assert_int_equal(vfs_stat(child, NULL, "/sub/f", 0, &st), 0);
	assert_int_equal(vfs_stat(child, NULL, "/../../sub/f", 0, &st), 0);
	assert_int_equal(vfs_symlink(child, "/sub/f", NULL, "/abs"), 0);
	assert_int_equal(vfs_readlink(child, NULL, "/abs", buf, 255), 6);
	assert_int_equal(vfs_stat(child, NULL, "/abs", 0, &st), 0);
	assert_int_equal(stat_err("/at2/abs", 0), -ENOENT);	/* /sub/f */
	fs_struct_get(child);
	fs_struct_put(child);
	fs_struct_put(child);
	path_put(&dir);
}

/* --- mounts ----------------------------------------------------------- */

static void test_mounts(void **state)
{
	struct fs_struct *user;
	struct file *f;
	struct kstat st, root;
	char buf[256];
	int64_t pos = 0;

	assert_int_equal(vfs_mkdir(fs, NULL, "/mnt", 0755), 0);
	assert_int_equal(mkfile("/mnt/under", "hidden"), 0);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt", "nofs", NULL), -ENODEV);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt/under", "tmpfs", NULL),
			 -ENOTDIR);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt", "tmpfs", "bogus=1"),
			 -EINVAL);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt", "tmpfs",
				   "size=8k,mode=0700"), 0);
	assert_int_equal(stat_err("/mnt/under", 0), -ENOENT);
	root = st_of("/mnt", 0);
	assert_int_equal(root.mode, S_IFDIR | 0700);
	assert_int_not_equal(root.dev, st_of("/", 0).dev);
	assert_int_equal(st_of("/mnt/..", 0).ino, st_of("/", 0).ino);
	assert_int_equal(st_of("/mnt/../mnt/.", 0).dev, root.dev);

	/* the size limit: two pages, then ENOSPC (a partial write first) */
	f = vfs_open(fs, NULL, "/mnt/big", O_RDWR | O_CREAT, 0644);
	assert_false(IS_ERR(f));
	memset(buf, 'b', sizeof(buf));
	assert_int_equal(vfs_write(f, buf, 10, &pos), 10);
	pos = 8192 - 100;
	assert_int_equal(vfs_write(f, buf, 200, &pos), 100);
	pos = 8192;
	assert_int_equal(vfs_write(f, buf, 200, &pos), -ENOSPC);
	pos = 20;
	assert_int_equal(vfs_write(f, buf, 10, &pos), 10);

	/* cross-mount link and rename: EXDEV; mountpoint: EBUSY */
	assert_int_equal(vfs_link(fs, NULL, "/mnt/big", NULL, "/big", 0), -EXDEV);
	assert_int_equal(vfs_rename(fs, NULL, "/mnt/big", NULL, "/big", 0),
			 -EXDEV);
	assert_int_equal(vfs_rmdir(fs, NULL, "/mnt"), -EBUSY);
	assert_int_equal(vfs_rename(fs, NULL, "/mnt", NULL, "/mnt2", 0), -EBUSY);

	/* umount: EBUSY while a file or a cwd is inside, EINVAL off a root */
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), -EBUSY);
	fput(f);
	user = fs_struct_copy(fs);
	assert_int_equal(vfs_mkdir(fs, NULL, "/mnt/d", 0755), 0);
	assert_int_equal(vfs_chdir(user, NULL, "/mnt/d"), 0);
	assert_int_equal(vfs_stat(user, NULL, "../big", 0, &st), 0);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), -EBUSY);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt/d"), -EINVAL);
	assert_int_equal(vfs_umount(fs, NULL, "/"), -EBUSY);

	/* a mount on a mount, then both gone */
	assert_int_equal(vfs_chdir(user, NULL, "/"), 0);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt/d", "tmpfs", NULL), 0);
	assert_int_equal(mkfile("/mnt/d/x", "x"), 0);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), -EBUSY);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt/d"), 0);
	assert_int_equal(stat_err("/mnt/d/x", 0), -ENOENT);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), 0);
	assert_string_equal(slurp("/mnt/under", buf), "hidden");
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), -EINVAL);

	/* stacked mounts on one directory: the last one is seen */
	assert_int_equal(vfs_mount(fs, NULL, "/mnt", "tmpfs", NULL), 0);
	assert_int_equal(mkfile("/mnt/first", "1"), 0);
	assert_int_equal(vfs_mount(fs, NULL, "/mnt", "tmpfs", NULL), 0);
	assert_int_equal(stat_err("/mnt/first", 0), -ENOENT);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), 0);
	assert_int_equal(stat_err("/mnt/first", 0), 0);
	assert_int_equal(vfs_umount(fs, NULL, "/mnt"), 0);
	fs_struct_put(user);
}

/* A registration may serve a range of minors (the pty slaves 136:N). */
static struct chrdev range_dev = { .dev = MKDEV(136, 0), .minors = 256,
				   .fops = &dev_fops };
static struct chrdev inside_dev = { .dev = MKDEV(136, 255),
				    .fops = &dev_fops };
static struct chrdev straddle_dev = { .dev = MKDEV(135, 0), .minors = 1024,
				      .fops = &dev_fops };
static struct chrdev after_dev = { .dev = MKDEV(136, 256), .fops = &dev_fops };

static void test_chrdev_ranges(void **state)
{
	assert_int_equal(chrdev_register(&range_dev), 0);
	assert_ptr_equal(chrdev_find(MKDEV(136, 0)), &range_dev);
	assert_ptr_equal(chrdev_find(MKDEV(136, 255)), &range_dev);
	assert_null(chrdev_find(MKDEV(136, 256)));
	assert_null(chrdev_find(MKDEV(137, 0)));
	assert_int_equal(chrdev_register(&inside_dev), -EBUSY);
	/* Another major's minors never overlap. */
	assert_int_equal(chrdev_register(&straddle_dev), 0);
	assert_ptr_equal(chrdev_find(MKDEV(135, 300)), &straddle_dev);
	assert_int_equal(chrdev_register(&after_dev), 0);
	assert_ptr_equal(chrdev_find(MKDEV(136, 256)), &after_dev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_read_write),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_mkdir_rmdir),
		cmocka_unit_test(test_unlink),
		cmocka_unit_test(test_symlinks),
		cmocka_unit_test(test_hardlinks),
		cmocka_unit_test(test_rename),
		cmocka_unit_test(test_sparse),
		cmocka_unit_test(test_getdents),
		cmocka_unit_test(test_attrs_and_nodes),
		cmocka_unit_test(test_dirfd_cwd_root),
		cmocka_unit_test(test_mounts),
		cmocka_unit_test(test_chrdev_ranges),
	};

	return cmocka_run_group_tests(tests, setup_root, NULL);
}
