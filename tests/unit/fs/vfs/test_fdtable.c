/*
 * Unit tests of the fd table (fs/vfs/fdtable.c): lowest free fd, fd_min,
 * limits (EMFILE, EINVAL, EBADF), growth, close-on-exec, dup for fork,
 * close_range, O_PATH files and reference counting of the files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

static struct task task;
static uint64_t nofile = 1024;
static int released;

struct task *sched_current(void)
{
	return &task;
}

uint64_t rlimit(int r)
{
	return r == RLIMIT_NOFILE ? nofile : RLIM_INFINITY;
}

struct file *fget(struct file *f)
{
	f->f_ref++;
	return f;
}

void fput(struct file *f)
{
	assert_true(f->f_ref > 0);
	if (--f->f_ref == 0)
		released++;
}

#define NFILES 8
static struct file files[NFILES];

static int setup(void **state)
{
	memset(files, 0, sizeof(files));
	for (int i = 0; i < NFILES; i++)
		files[i].f_ref = 1;
	released = 0;
	nofile = 1024;
	task.files = files_alloc();
	assert_non_null(task.files);
	return 0;
}

static int teardown(void **state)
{
	if (task.files)
		files_put(task.files);
	task.files = NULL;
	return 0;
}

static void test_lowest_free(void **state)
{
	assert_int_equal(fd_install(&files[0], false), 0);
	assert_int_equal(fd_install(&files[1], false), 1);
	assert_int_equal(fd_install(&files[2], false), 2);
	assert_int_equal(fd_close(1), 0);
	assert_int_equal(released, 1);
	assert_int_equal(fd_close(1), -EBADF);
	assert_int_equal(fd_install(&files[3], false), 1);
	assert_int_equal(fd_close(0), 0);
	assert_int_equal(fd_install(&files[4], false), 0);
	assert_int_equal(fd_install(&files[5], false), 3);
	assert_int_equal(fd_close(-1), -EBADF);
	assert_int_equal(fd_close(100000), -EBADF);
}

static void test_min_and_limits(void **state)
{
	assert_int_equal(fd_install_min(&files[0], false, 10), 10);
	assert_int_equal(fd_install(&files[1], false), 0);
	assert_int_equal(fd_install_min(&files[2], false, 10), 11);
	assert_int_equal(fd_install_min(&files[3], false, 1024), -EINVAL);
	assert_int_equal(fd_install_min(&files[3], false, -1), -EINVAL);
	nofile = 3;
	assert_int_equal(fd_install(&files[3], false), 1);
	assert_int_equal(fd_install(&files[4], false), 2);
	assert_int_equal(fd_install(&files[5], false), -EMFILE);
	assert_int_equal(files[5].f_ref, 1);
	assert_int_equal(fd_install_at(&files[5], false, 3), -EBADF);
	assert_int_equal(fd_install_at(&files[5], false, -1), -EBADF);
}

static void test_growth(void **state)
{
	struct file *f;

	assert_int_equal(fd_install_at(&files[0], false, 1000), 1000);
	f = fd_get(1000);
	assert_ptr_equal(f, &files[0]);
	assert_int_equal(f->f_ref, 2);
	fput(f);
	assert_null(fd_get(999));
	assert_int_equal(files_next_fd(task.files, 0), 1000);
	assert_int_equal(files_next_fd(task.files, 1001), -1);
	assert_int_equal(fd_install_min(&files[1], false, 999), 999);
	assert_int_equal(fd_install_min(&files[2], false, 999), 1001);
	assert_int_equal(fd_install(&files[3], false), 0);
}

static void test_install_at_replaces(void **state)
{
	assert_int_equal(fd_install(&files[0], false), 0);
	assert_int_equal(fd_install_at(&files[1], true, 0), 0);
	assert_int_equal(released, 1);
	assert_int_equal(fd_get_cloexec(0), 1);
	/* The slot after a dup2 target is still found free. */
	assert_int_equal(fd_install_at(&files[2], false, 2), 2);
	assert_int_equal(fd_install(&files[3], false), 1);
	assert_int_equal(fd_install(&files[4], false), 3);
}

static void test_cloexec(void **state)
{
	assert_int_equal(fd_install(&files[0], true), 0);
	assert_int_equal(fd_install(&files[1], false), 1);
	assert_int_equal(fd_install_min(&files[2], true, 70), 70);
	assert_int_equal(fd_get_cloexec(0), 1);
	assert_int_equal(fd_get_cloexec(1), 0);
	assert_int_equal(fd_get_cloexec(2), -EBADF);
	assert_int_equal(fd_set_cloexec(1, true), 0);
	assert_int_equal(fd_set_cloexec(1, false), 0);
	assert_int_equal(fd_set_cloexec(5, true), -EBADF);
	files_close_on_exec(task.files);
	assert_int_equal(released, 2);
	assert_null(fd_get(0));
	assert_null(fd_get(70));
	assert_non_null(fd_get(1));
	fput(&files[1]);
	/* A slot reused after close starts without close-on-exec. */
	assert_int_equal(fd_install(&files[3], false), 0);
	assert_int_equal(fd_get_cloexec(0), 0);
}

static void test_dup_for_fork(void **state)
{
	struct files *copy, *orig = task.files;

	assert_int_equal(fd_install(&files[0], false), 0);
	assert_int_equal(fd_install_min(&files[1], true, 200), 200);
	copy = files_dup(orig);
	assert_non_null(copy);
	assert_int_equal(files[0].f_ref, 2);
	assert_int_equal(files[1].f_ref, 2);
	task.files = copy;
	assert_int_equal(fd_get_cloexec(200), 1);
	assert_int_equal(fd_close(0), 0);
	assert_int_equal(fd_install(&files[2], false), 0);
	files_put(copy);
	task.files = orig;
	assert_int_equal(files[0].f_ref, 1);
	assert_int_equal(files[1].f_ref, 1);
	assert_int_equal(files[2].f_ref, 0);
	assert_ptr_equal(fd_get(0), &files[0]);
	fput(&files[0]);
}

static void test_close_range(void **state)
{
	for (int i = 0; i < 6; i++)
		assert_int_equal(fd_install(&files[i], false), i);
	fd_close_range(1, 2, false);
	assert_int_equal(released, 2);
	fd_close_range(4, ~0U, true);
	assert_int_equal(fd_get_cloexec(4), 1);
	assert_int_equal(fd_get_cloexec(5), 1);
	assert_int_equal(fd_get_cloexec(3), 0);
	fd_close_range(3, ~0U, false);
	assert_int_equal(released, 5);
	assert_int_equal(fd_install(&files[6], false), 1);
}

static void test_opath_and_unshare(void **state)
{
	struct files *orig = task.files;
	struct file *f;

	files[0].f_flags = O_PATH;
	assert_int_equal(fd_install(&files[0], false), 0);
	assert_null(fd_get(0));
	f = fd_get_raw(0);
	assert_ptr_equal(f, &files[0]);
	fput(f);
	assert_int_equal(files_unshare(), 0);
	assert_ptr_equal(task.files, orig);
	files_get(orig);
	assert_int_equal(files_unshare(), 0);
	assert_ptr_not_equal(task.files, orig);
	assert_int_equal(files[0].f_ref, 2);
	files_put(orig);
	assert_int_equal(files[0].f_ref, 1);
}

static void test_put_closes_all(void **state)
{
	assert_int_equal(fd_install(&files[0], false), 0);
	assert_int_equal(fd_install_at(&files[1], false, 500), 500);
	files_put(task.files);
	task.files = NULL;
	assert_int_equal(released, 2);
	assert_null(fd_get(0));
	assert_int_equal(fd_install(&files[2], false), -EMFILE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lowest_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_min_and_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_growth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_install_at_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cloexec, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dup_for_fork, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_opath_and_unshare, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_closes_all, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
