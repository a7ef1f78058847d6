/*
 * Unit tests of core/lib/string.c, linked with its symbols renamed k_*
 * (see the Makefile), against the host C library as the oracle: every
 * alignment and length combination for the memory functions, overlap for
 * memmove, and the edge cases of the string functions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

void *k_memcpy(void *dst, const void *src, size_t n);
void *k_memmove(void *dst, const void *src, size_t n);
void *k_memset(void *dst, int c, size_t n);
int k_memcmp(const void *a, const void *b, size_t n);
void *k_memchr(const void *s, int c, size_t n);
size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t max);
int k_strcmp(const char *a, const char *b);
int k_strncmp(const char *a, const char *b, size_t n);
char *k_strchr(const char *s, int c);
char *k_strrchr(const char *s, int c);
size_t k_strlcpy(char *dst, const char *src, size_t size);

#define BUF 96

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31 + i * 7 + 1);
}

static void test_memcpy(void **state)
{
	unsigned char src[BUF], dst[BUF], ref[BUF];
	size_t so, doff, n;

	for (so = 0; so < 9; so++)
		for (doff = 0; doff < 9; doff++)
			for (n = 0; n + 9 < BUF; n++) {
				fill(src, BUF, so + n);
				memset(dst, 0xee, BUF);
				memset(ref, 0xee, BUF);
				memcpy(ref + doff, src + so, n);
				assert_ptr_equal(k_memcpy(dst + doff, src + so, n),
						 dst + doff);
				assert_memory_equal(dst, ref, BUF);
			}
}

static void test_memmove(void **state)
{
	unsigned char buf[BUF], ref[BUF];
	size_t from, to, n;

	for (from = 0; from < 24; from++)
		for (to = 0; to < 24; to++)
			for (n = 0; n + 24 <= BUF; n++) {
				fill(buf, BUF, n);
				fill(ref, BUF, n);
				memmove(ref + to, ref + from, n);
				assert_ptr_equal(k_memmove(buf + to, buf + from, n),
						 buf + to);
				assert_memory_equal(buf, ref, BUF);
			}
}

static void test_memset(void **state)
{
	unsigned char buf[BUF], ref[BUF];
	size_t off, n;
	int c[] = { 0, 0xa5, 0xff, 0x1234 };
	size_t i;

	for (i = 0; i < 4; i++)
		for (off = 0; off < 9; off++)
			for (n = 0; n + 9 < BUF; n++) {
				fill(buf, BUF, n);
				fill(ref, BUF, n);
				memset(ref + off, c[i], n);
				assert_ptr_equal(k_memset(buf + off, c[i], n),
						 buf + off);
				assert_memory_equal(buf, ref, BUF);
			}
}

static void test_memcmp_memchr(void **state)
{
	unsigned char a[BUF], b[BUF];
	size_t n, at;

	fill(a, BUF, 3);
	for (n = 0; n < BUF; n++)
		for (at = 0; at < BUF; at++) {
			memcpy(b, a, BUF);
			b[at] ^= (at & 1) ? 0x80 : 0x01;
			assert_int_equal(sign(k_memcmp(a, b, n)),
					 sign(memcmp(a, b, n)));
			assert_int_equal(sign(k_memcmp(b, a, n)),
					 sign(memcmp(b, a, n)));
			assert_ptr_equal(k_memchr(a, a[at], n),
					 memchr(a, a[at], n));
		}
	assert_null(k_memchr(a, 0x100 + a[5], 5));
	assert_ptr_equal(k_memchr(a, 0x100 + a[5], 6), a + 5);
}

static void test_strlen(void **state)
{
	char s[BUF];
	size_t n, max;

	for (n = 0; n < BUF - 1; n++) {
		memset(s, 'x', n);
		s[n] = '\0';
		assert_int_equal(k_strlen(s), n);
		for (max = 0; max < BUF; max += 7)
			assert_int_equal(k_strnlen(s, max), strnlen(s, max));
	}
	/* strnlen must not read past max: no terminator in reach. */
	memset(s, 'y', 10);
	assert_int_equal(k_strnlen(s, 10), 10);
}

static void test_strcmp(void **state)
{
	static const char *const words[] = {
		"", "a", "b", "ab", "abc", "abd", "abcd", "\x80", "\xff", "A",
		"zz", "z",
	};
	size_t i, j, n;

	for (i = 0; i < 12; i++)
		for (j = 0; j < 12; j++) {
			assert_int_equal(sign(k_strcmp(words[i], words[j])),
					 sign(strcmp(words[i], words[j])));
			for (n = 0; n < 6; n++)
				assert_int_equal(
					sign(k_strncmp(words[i], words[j], n)),
					sign(strncmp(words[i], words[j], n)));
		}
}

static void test_strchr(void **state)
{
	const char *s = "hello, world";
	int c;

	for (c = 0; c < 256; c++) {
		assert_ptr_equal(k_strchr(s, c), strchr(s, c));
		assert_ptr_equal(k_strrchr(s, c), strrchr(s, c));
	}
	assert_ptr_equal(k_strchr(s, '\0'), s + strlen(s));
	assert_ptr_equal(k_strrchr("", 'a'), NULL);
}

static void test_strlcpy(void **state)
{
	char dst[8];

	memset(dst, 'q', sizeof(dst));
	assert_int_equal(k_strlcpy(dst, "abc", sizeof(dst)), 3);
	assert_string_equal(dst, "abc");
	assert_int_equal(k_strlcpy(dst, "abcdefghijk", sizeof(dst)), 11);
	assert_string_equal(dst, "abcdefg");
	memset(dst, 'q', sizeof(dst));
	assert_int_equal(k_strlcpy(dst, "xyz", 1), 3);
	assert_int_equal(dst[0], '\0');
	assert_int_equal(dst[1], 'q');
	assert_int_equal(k_strlcpy(dst, "xyz", 0), 3);
	assert_int_equal(dst[0], '\0');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy),
		cmocka_unit_test(test_memmove),
		cmocka_unit_test(test_memset),
		cmocka_unit_test(test_memcmp_memchr),
		cmocka_unit_test(test_strlen),
		cmocka_unit_test(test_strcmp),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strlcpy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
