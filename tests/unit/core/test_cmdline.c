/*
 * Unit tests of core/cmdline.c: word splitting, quotes, last-wins, bare
 * words, integer parsing and the length cap.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/cmdline.h>
#include <core/errno.h>

static void test_words(void **state)
{
	cmdline_init("  console=ttyS0  quiet\troot=/dev/vda1\n");
	assert_string_equal(cmdline_value("console"), "ttyS0");
	assert_string_equal(cmdline_value("root"), "/dev/vda1");
	assert_string_equal(cmdline_value("quiet"), "");
	assert_true(cmdline_has("quiet"));
	assert_true(cmdline_has("console"));
	assert_false(cmdline_has("consol"));
	assert_false(cmdline_has("console=ttyS0"));
	assert_null(cmdline_value("missing"));
	assert_string_equal(cmdline_get(),
			    "  console=ttyS0  quiet\troot=/dev/vda1\n");
}

static void test_empty(void **state)
{
	cmdline_init("");
	assert_null(cmdline_value("a"));
	assert_string_equal(cmdline_get(), "");
	cmdline_init(NULL);
	assert_string_equal(cmdline_get(), "");
	cmdline_init("   ");
	assert_false(cmdline_has(""));
}

static void test_quotes(void **state)
{
	cmdline_init("a=\"x y  z\" b=\"\" \"c=d e\" f=g\"h i\"j k=\"open end");
	assert_string_equal(cmdline_value("a"), "x y  z");
	assert_string_equal(cmdline_value("b"), "");
	assert_string_equal(cmdline_value("c"), "d e");
	assert_string_equal(cmdline_value("f"), "gh ij");
	assert_string_equal(cmdline_value("k"), "open end");
}

static void test_last_wins(void **state)
{
	cmdline_init("x=1 y x=2 y=3 x=\"3 4\"");
	assert_string_equal(cmdline_value("x"), "3 4");
	assert_string_equal(cmdline_value("y"), "3");
}

static void test_equals_in_value(void **state)
{
	cmdline_init("opt=a=b =lone key=");
	assert_string_equal(cmdline_value("opt"), "a=b");
	assert_string_equal(cmdline_value(""), "lone");
	assert_string_equal(cmdline_value("key"), "");
}

static void test_long(void **state)
{
	long v = 77;

	cmdline_init("a=42 b=-7 c=0x1F d=-0x10 e=12x f g=0x h=- "
		     "i=9223372036854775807 j=-9223372036854775808 "
		     "k=9223372036854775808 l=-9223372036854775809 m=0 n=010");
	assert_int_equal(cmdline_long("a", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(cmdline_long("b", &v), 0);
	assert_int_equal(v, -7);
	assert_int_equal(cmdline_long("c", &v), 0);
	assert_int_equal(v, 31);
	assert_int_equal(cmdline_long("d", &v), 0);
	assert_int_equal(v, -16);
	assert_int_equal(cmdline_long("i", &v), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(cmdline_long("j", &v), 0);
	assert_int_equal(v, INT64_MIN);
	assert_int_equal(cmdline_long("m", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cmdline_long("n", &v), 0);
	assert_int_equal(v, 10);
	v = 77;
	assert_int_equal(cmdline_long("e", &v), -EINVAL);
	assert_int_equal(cmdline_long("f", &v), -EINVAL);
	assert_int_equal(cmdline_long("g", &v), -EINVAL);
	assert_int_equal(cmdline_long("h", &v), -EINVAL);
	assert_int_equal(cmdline_long("k", &v), -EINVAL);
	assert_int_equal(cmdline_long("l", &v), -EINVAL);
	assert_int_equal(cmdline_long("zz", &v), -ENOENT);
	assert_int_equal(v, 77);
}

static void test_cut_at_max(void **state)
{
	static char big[CMDLINE_MAX * 2];
	size_t i;

	/* Many one-letter words: more words than any sane line has. */
	for (i = 0; i + 1 < sizeof(big); i += 2) {
		big[i] = 'a' + (i / 2) % 26;
		big[i + 1] = ' ';
	}
	big[sizeof(big) - 1] = '\0';
	memcpy(big + CMDLINE_MAX - 8, "last=yes", 8);
	cmdline_init(big);
	assert_int_equal(strlen(cmdline_get()), CMDLINE_MAX - 1);
	assert_true(cmdline_has("a"));
	/* "last=yes" ends exactly at the cut; its final byte is lost. */
	assert_string_equal(cmdline_value("last"), "ye");

	/* One huge quoted value. */
	memset(big, 'v', sizeof(big) - 1);
	memcpy(big, "k=\"", 3);
	cmdline_init(big);
	assert_int_equal(strlen(cmdline_value("k")), CMDLINE_MAX - 1 - 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_last_wins),
		cmocka_unit_test(test_equals_in_value),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_cut_at_max),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
