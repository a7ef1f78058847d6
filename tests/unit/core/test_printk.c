/*
 * Unit tests of core/printk.c with the real console list (core/console.c)
 * and command line (core/cmdline.c): replay of early messages to the first
 * console, level filtering, time stamps, printk_init() options, the log
 * ring wrapping, and long messages. The tests run in order and share the
 * log, as the kernel does.
 */
#include <core/cmdline.h>
#include <core/console.h>
#include <core/printk.h>

#include "fakes.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static char out[256 * 1024];
static size_t out_len;

static void capture_write(void *ctx, const char *buf, size_t len)
{
	assert_true(out_len + len < sizeof(out));
	memcpy(out + out_len, buf, len);
	out_len += len;
	out[out_len] = '\0';
}

static const struct console_ops capture_ops = { .write = capture_write };
static struct console capture = { .name = "capture", .ops = &capture_ops };

static void reset_output(void)
{
	out_len = 0;
	out[0] = '\0';
}

static void test_replay_on_first_console(void **state)
{
	fake_clock_now = 1500000000ULL;		/* 1.5 s */
	fake_irq_enabled = 1;
	printk(LOG_INFO, "early %d\n", 1);
	printk(LOG_DEBUG, "hidden debug\n");
	fake_clock_now = 2000001000ULL;
	printk(LOG_ERR, "early %s\n", "two");
	assert_int_equal(out_len, 0);

	console_register(&capture);
	assert_string_equal(out, "[    1.500000] early 1\r\n"
				 "[    2.000001] early two\r\n");
	assert_int_equal(fake_irq_depth, 0);
	assert_int_equal(fake_irq_enabled, 1);
}

static void test_levels(void **state)
{
	reset_output();
	fake_clock_now = 0;
	/* As in Linux, only levels below the console level print. */
	printk_set_console_level(LOG_NOTICE);
	printk(LOG_NOTICE, "notice\n");
	printk(LOG_WARNING, "warning\n");
	printk(LOG_EMERG, "emerg\n");
	printk(42, "clamped to debug\n");
	printk(-3, "clamped to emerg\n");
	assert_string_equal(out, "[    0.000000] warning\r\n"
				 "[    0.000000] emerg\r\n"
				 "[    0.000000] clamped to emerg\r\n");
	reset_output();
	printk_set_console_level(-5);	/* clamped: emergencies still show */
	printk(LOG_EMERG, "still\n");
	printk(LOG_ALERT, "not\n");
	assert_string_equal(out, "[    0.000000] still\r\n");
	printk_set_console_level(LOG_DEBUG);
}

static void test_timestamps_and_lines(void **state)
{
	reset_output();
	fake_clock_now = 12345ULL * 1000000000ULL + 678901234ULL;
	printk(LOG_INFO, "two\nlines\n");
	printk(LOG_INFO, "no newline, ");
	printk(LOG_INFO, "continued\n");
	fake_clock_now = 123456ULL * 1000000000ULL;
	printk(LOG_INFO, "wide\n");
	assert_string_equal(out, "[12345.678901] two\r\n"
				 "[12345.678901] lines\r\n"
				 "[12345.678901] no newline, continued\r\n"
				 "[123456.000000] wide\r\n");
}

static int level_after(const char *line)
{
	cmdline_init(line);
	printk_set_console_level(CONFIG_LOG_LEVEL);
	printk_init();
	reset_output();
	for (int l = LOG_EMERG; l <= LOG_DEBUG; l++)
		printk(l, "%d", l);
	/* The highest level printed. */
	return out_len ? out[out_len - 1] - '0' : -1;
}

static void test_printk_init(void **state)
{
	fake_clock_now = 0;
	assert_int_equal(level_after(""), CONFIG_LOG_LEVEL - 1);
	assert_int_equal(level_after("quiet"), LOG_ERR);
	assert_int_equal(level_after("debug"), LOG_DEBUG);
	assert_int_equal(level_after("quiet debug"), LOG_DEBUG);
	assert_int_equal(level_after("loglevel=3"), LOG_CRIT);
	assert_int_equal(level_after("debug loglevel=2 quiet"), LOG_ALERT);
	assert_int_equal(level_after("loglevel=0"), LOG_EMERG);
	assert_int_equal(level_after("loglevel=99"), LOG_DEBUG);
	assert_int_equal(level_after("loglevel=x"), CONFIG_LOG_LEVEL - 1);
	printk(LOG_EMERG, "\n");
	printk_set_console_level(LOG_DEBUG);
}

static void test_ring_wraps(void **state)
{
	enum { N = 3000 };
	char *p, *last;
	int i, first = -1, prev = -1, n;

	printk_set_console_level(LOG_EMERG);
	for (i = 0; i < N; i++)
		printk(LOG_INFO, "message %04d %s\n", i,
		       "................................................");
	printk_set_console_level(LOG_DEBUG);
	reset_output();
	printk_replay();
	/* The newest messages, in order, without gaps, the oldest gone. */
	for (p = out; (p = strstr(p, "message ")); p++) {
		n = atoi(p + 8);
		if (first < 0)
			first = n;
		else
			assert_int_equal(n, prev + 1);
		prev = n;
	}
	assert_int_equal(prev, N - 1);
	assert_true(first > 0);
	assert_true(N - first > 200);	/* a 32 KiB ring of 96-byte lines */
	last = strrchr(out, '[');
	assert_non_null(last);
	assert_int_equal(fake_irq_depth, 0);
}

static void test_long_message(void **state)
{
	static char big[3000];

	memset(big, 'x', sizeof(big) - 1);
	reset_output();
	fake_clock_now = 0;
	printk(LOG_INFO, "%s\n", big);
	/* Cut to the 1023 bytes of the format buffer; the newline is lost. */
	assert_int_equal(out_len, strlen("[    0.000000] ") + 1023);
	printk(LOG_INFO, "\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_on_first_console),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_timestamps_and_lines),
		cmocka_unit_test(test_printk_init),
		cmocka_unit_test(test_ring_wraps),
		cmocka_unit_test(test_long_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
