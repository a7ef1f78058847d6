/*
 * C library functions that the kernel has in core/lib/string.c but the
 * host's glibc (before 2.38) lacks. Kernel sources under test call the
 * host's string functions, so that ASan checks them; these fill the gap.
 * The kernel's own versions are tested in core/lib/test_string.c.
 */
#include <string.h>

size_t strlcpy(char *dst, const char *src, size_t size);

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
