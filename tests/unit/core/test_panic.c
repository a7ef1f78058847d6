/*
 * Unit tests of core/panic.c with the real printk, console list and
 * command line. Each panic runs in a child process (panic() never
 * returns, and its recursion guard lasts for the process): the child's
 * console writes into a pipe and the fake arch_halt()/arch_reboot() end it
 * with an exit status that says which one was called, and when.
 */
#include <core/cmdline.h>
#include <core/console.h>
#include <core/panic.h>
#include <core/printk.h>

#include "fakes.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#define HALTED		10
#define REBOOTED	20

static int out_fd;
static bool panic_in_console;

static void pipe_write(void *ctx, const char *buf, size_t len)
{
	if (write(out_fd, buf, len) != (ssize_t)len)
		_exit(99);
	if (panic_in_console) {
		panic_in_console = false;
		panic("from the console");
	}
}

static const struct console_ops pipe_ops = { .write = pipe_write };
static struct console pipe_console = { .name = "pipe", .ops = &pipe_ops };

static void report_and_exit(const char *what, int status)
{
	char line[128];
	int n;

	n = snprintf(line, sizeof(line), "\n%s at %llu ns, irqs %s\n", what,
		     (unsigned long long)fake_clock_now,
		     fake_irq_enabled ? "on" : "off");
	if (write(out_fd, line, n) != n)
		_exit(99);
	_exit(status);
}

static void on_halt(void)
{
	report_and_exit("HALT", HALTED);
}

static void on_reboot(void)
{
	report_and_exit("REBOOT", REBOOTED);
}

/* Panics in a child with this command line; returns its exit status. */
static int run_panic(const char *cmdline, bool recurse, char *out,
		     size_t size)
{
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		out_fd = fds[1];
		fake_halt_hook = on_halt;
		fake_reboot_hook = on_reboot;
		fake_clock_now = 5 * 1000000000ULL;
		fake_clock_step = 1000000;	/* 1 ms per reading */
		fake_irq_enabled = 1;
		cmdline_init(cmdline);
		printk_init();
		console_register(&pipe_console);
		panic_in_console = recurse;
		panic("boom %d", 42);
	}
	close(fds[1]);
	while (len + 1 < size && (n = read(fds[0], out + len,
					   size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* The fake clock's time when the child stopped, in seconds. */
static double stop_time(const char *out)
{
	const char *p = strstr(out, " at ");

	assert_non_null(p);
	return strtoull(p + 4, NULL, 10) / 1e9;
}

static void test_halt_by_default(void **state)
{
	char out[4096];

	assert_int_equal(run_panic("", false, out, sizeof(out)), HALTED);
	assert_non_null(strstr(out, "] Kernel panic - not syncing: boom 42\r\n"));
	assert_non_null(strstr(out, "---[ end Kernel panic - not syncing: "
				    "boom 42 ]---"));
	assert_non_null(strstr(out, "irqs off"));
	assert_null(strstr(out, "Rebooting"));

	assert_int_equal(run_panic("panic=0", false, out, sizeof(out)), HALTED);
	assert_int_equal(run_panic("panic=soon", false, out, sizeof(out)),
			 HALTED);
}

static void test_shown_at_any_level(void **state)
{
	char out[4096];

	assert_int_equal(run_panic("quiet loglevel=0", false, out,
				   sizeof(out)), HALTED);
	assert_non_null(strstr(out, "Kernel panic - not syncing: boom 42"));
}

static void test_reboot_now(void **state)
{
	char out[4096];

	assert_int_equal(run_panic("panic=-1", false, out, sizeof(out)),
			 REBOOTED);
	assert_non_null(strstr(out, "Kernel panic - not syncing: boom 42"));
	assert_non_null(strstr(out, "Rebooting now"));
	assert_true(stop_time(out) < 5.1);
}

static void test_reboot_after_delay(void **state)
{
	char out[4096];
	double t;

	assert_int_equal(run_panic("panic=3", false, out, sizeof(out)),
			 REBOOTED);
	assert_non_null(strstr(out, "Rebooting in 3 seconds"));
	assert_non_null(strstr(out, "irqs off"));
	t = stop_time(out);
	assert_true(t >= 8.0 && t < 8.1);
	/* The last word wins, as everywhere on the command line. */
	assert_int_equal(run_panic("panic=-1 panic=1", false, out,
				   sizeof(out)), REBOOTED);
	t = stop_time(out);
	assert_true(t >= 6.0 && t < 6.1);
}

static void test_recursive_panic(void **state)
{
	char out[4096];

	assert_int_equal(run_panic("panic=-1", true, out, sizeof(out)),
			 HALTED);
	assert_non_null(strstr(out, "Kernel panic while panicking: halted"));
	assert_null(strstr(out, "REBOOT"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_halt_by_default),
		cmocka_unit_test(test_shown_at_any_level),
		cmocka_unit_test(test_reboot_now),
		cmocka_unit_test(test_reboot_after_delay),
		cmocka_unit_test(test_recursive_panic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
