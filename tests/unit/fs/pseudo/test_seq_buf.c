/*
 * Unit tests of struct seq_buf (fs/pseudo/seq_buf.c): text that fits is
 * appended; a write that does not fit sets overflow, keeps what came
 * before and makes every later write a no-op, so the library can retry
 * show() with a bigger buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <fs/pseudo.h>

static void init(struct seq_buf *s, char *buf, size_t size)
{
	if (buf)
		memset(buf, 'X', size);
	s->buf = buf;
	s->size = size;
	s->len = 0;
	s->overflow = false;
}

static void test_fits(void **state)
{
	char buf[32];
	struct seq_buf s;

	(void)state;
	init(&s, buf, sizeof(buf));
	seq_puts(&s, "ab");
	seq_putc(&s, 'c');
	seq_printf(&s, " %d %s", 42, "x");
	seq_write(&s, "\0z", 2);
	assert_false(s.overflow);
	assert_int_equal(s.len, 10);
	assert_memory_equal(buf, "abc 42 x\0z", 10);
}

static void test_exact_fit_write(void **state)
{
	char buf[4];
	struct seq_buf s;

	(void)state;
	init(&s, buf, sizeof(buf));
	seq_puts(&s, "abcd");
	assert_false(s.overflow);
	assert_int_equal(s.len, 4);
	seq_putc(&s, 'e');
	assert_true(s.overflow);
	assert_int_equal(s.len, 4);
}

/* printf needs room for its terminator: a line that fills it overflows. */
static void test_printf_overflow(void **state)
{
	char buf[8];
	struct seq_buf s;

	(void)state;
	init(&s, buf, sizeof(buf));
	seq_printf(&s, "%s", "abc");
	seq_printf(&s, "%d", 12345);
	assert_true(s.overflow);
	assert_int_equal(s.len, 3);
	assert_memory_equal(buf, "abc", 3);
}

static void test_sticky_overflow(void **state)
{
	char buf[8];
	struct seq_buf s;

	(void)state;
	init(&s, buf, sizeof(buf));
	seq_puts(&s, "0123456789");
	assert_true(s.overflow);
	assert_int_equal(s.len, 0);
	/* Later writes that would fit change nothing. */
	seq_putc(&s, 'a');
	seq_printf(&s, "b");
	assert_int_equal(s.len, 0);
	assert_int_equal(buf[0], 'X');
}

static void test_empty_buffer(void **state)
{
	struct seq_buf s;

	(void)state;
	init(&s, NULL, 0);
	seq_printf(&s, "%s", "");
	assert_true(s.overflow);
	assert_int_equal(s.len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits),
		cmocka_unit_test(test_exact_fit_write),
		cmocka_unit_test(test_printf_overflow),
		cmocka_unit_test(test_sticky_overflow),
		cmocka_unit_test(test_empty_buffer),
	};

	return cmocka_run_group_tests_name("seq_buf", tests, NULL, NULL);
}
