/*
 * Unit tests of core/lib/vsprintf.c (linked as k_vsnprintf/k_snprintf),
 * with the host's snprintf as the oracle: every combination of flags,
 * width, precision, length modifier and conversion over edge values, then
 * truncation and the C99 return value, '*' arguments, and the kernel's
 * own choices (%p, NULL strings, unknown conversions).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

int k_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int k_snprintf(char *buf, size_t size, const char *fmt, ...);

static unsigned long checks;

/* Formats with both implementations into size-byte buffers; compares. */
static void check_sized(size_t size, const char *fmt, ...)
{
	char want[600], got[600];
	va_list ap, ap2;
	int wn, gn;

	memset(want, 0x5a, sizeof(want));
	memset(got, 0x5a, sizeof(got));
	va_start(ap, fmt);
	va_copy(ap2, ap);
	wn = vsnprintf(want, size, fmt, ap);
	gn = k_vsnprintf(got, size, fmt, ap2);
	va_end(ap2);
	va_end(ap);
	checks++;
	if (wn != gn || memcmp(want, got, sizeof(want)) != 0)
		fail_msg("format \"%s\" size %zu: want \"%.*s\" (%d), got "
			 "\"%.*s\" (%d)", fmt, size, (int)strnlen(want, size),
			 want, wn, (int)strnlen(got, size), got, gn);
}

#define check(fmt, ...) check_sized(600, fmt, __VA_ARGS__)

static const int64_t values[] = {
	0, 1, -1, 7, -8, 9, 10, 42, -42, 127, 128, -128, 255, 256, 4095,
	32767, -32768, 65535, 65536, 123456789, -987654321, INT32_MAX,
	INT32_MIN, UINT32_MAX, (int64_t)UINT32_MAX + 1, INT64_MAX, INT64_MIN,
	0x0123456789abcdefLL, -0x0123456789abcdefLL,
};

static const char *const flag_sets[] = {
	"", "-", "0", "+", " ", "#", "-0", "+ ", "0#", "-#", "0+", "-+ #0",
	"0 ", "#+",
};
static const char *const widths[] = { "", "1", "2", "6", "25" };
static const char *const precs[] = { "", ".", ".0", ".1", ".4", ".22" };
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z" };
static const char convs[] = "diuxXo";

static void check_value(const char *fmt, const char *len, int64_t v)
{
	if (strcmp(len, "l") == 0)
		check(fmt, (long)v);
	else if (strcmp(len, "ll") == 0)
		check(fmt, (long long)v);
	else if (strcmp(len, "z") == 0)
		check(fmt, (size_t)v);
	else
		check(fmt, (int)v);
}

static void test_integers(void **state)
{
	size_t f, w, p, l, c, v;
	char fmt[32];

	for (f = 0; f < sizeof(flag_sets) / sizeof(flag_sets[0]); f++)
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
	for (l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++)
	for (c = 0; convs[c]; c++) {
		snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%c>", flag_sets[f],
			 widths[w], precs[p], lengths[l], convs[c]);
		for (v = 0; v < sizeof(values) / sizeof(values[0]); v++)
			check_value(fmt, lengths[l], values[v]);
	}
	print_message("%lu integer formats compared\n", checks);
}

static void test_strings_chars(void **state)
{
	static const char *const strs[] = { "", "a", "hello", "hello world!" };
	static const char *const sflags[] = { "", "-" };
	size_t f, w, p, s;
	char fmt[32];

	for (f = 0; f < 2; f++)
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
			for (s = 0; s < 4; s++) {
				snprintf(fmt, sizeof(fmt), "[%%%s%s%ss]",
					 sflags[f], widths[w], precs[p]);
				check(fmt, strs[s]);
			}
		snprintf(fmt, sizeof(fmt), "[%%%s%sc]", sflags[f], widths[w]);
		check(fmt, 'x');
		check(fmt, 0xe9);
	}
	check("%s and %s, %c%c%c %% 100%%", "this", "that", 'a', 'b', 'c');
	check("no conversions at all", 0);
	check("%5s|%-5s|%.2s|%%|%c", "ab", "cd", "efgh", '!');
}

static void test_star(void **state)
{
	int w, p;

	for (w = -12; w <= 12; w += 3)
		for (p = -2; p <= 9; p++) {
			check("%*d|", w, 12345);
			check("%-*d|", w, -12345);
			check("%0*x|", w, 0xbeef);
			check("%*.*d|", w, p, 42);
			check("%.*s|", p, "abcdefgh");
			check("%*.*s|", w, p, "abcdefgh");
			check("%.*u|", p, 0);
		}
}

static void test_truncation(void **state)
{
	size_t size;

	for (size = 0; size < 40; size++) {
		check_sized(size, "%s=%d (%#x)", "value", -123456, 0xabc);
		check_sized(size, "%20s", "right");
		check_sized(size, "%-20s|", "left");
		check_sized(size, "%lld", (long long)INT64_MIN);
	}
	assert_int_equal(k_snprintf(NULL, 0, "%d%s", 12345, "six"), 8);
}

static void test_pointers(void **state)
{
	char buf[64];
	int x;

	check("%p", (void *)&x);
	check("%20p|%-20p|", (void *)&x, (void *)&x);
	check("%p", (void *)0x1000);
	/* glibc prints "(nil)" for NULL; the kernel prints the number. */
	k_snprintf(buf, sizeof(buf), "%p|%5p|%-5p|", NULL, NULL, NULL);
	assert_string_equal(buf, "0x0|  0x0|0x0  |");
}

static void test_kernel_choices(void **state)
{
	char buf[64];

	/* NULL strings print "(null)", cut by the precision like any. */
	k_snprintf(buf, sizeof(buf), "%s|%.3s|%8s", (char *)NULL,
		   (char *)NULL, (char *)NULL);
	assert_string_equal(buf, "(null)|(nu|  (null)");
	/* Unknown conversions are copied; a lone '%' at the end stays. */
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%y %5w %"), 8);
	assert_string_equal(buf, "%y %5w %");
	/* Huge widths are clamped instead of filling memory. */
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%*d", 1 << 30, 1),
			 4096);
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%.999999999d", 1),
			 4096);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_strings_chars),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_kernel_choices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
