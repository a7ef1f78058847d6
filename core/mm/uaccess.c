/*
 * Fault-safe access to user memory (<core/uaccess.h>): range checks here,
 * the copying in the arch primitives (<arch/uaccess.h>), the fault side in
 * vm_trap.c.
 */
#include <core/uaccess.h>

#include <arch/memlayout.h>
#include <arch/uaccess.h>
#include <core/compiler.h>
#include <core/errno.h>

/* True when [addr, addr + n) lies in user space. */
static bool user_range_ok(const void *addr, size_t n)
{
	uintptr_t a = (uintptr_t)addr;

	return a < USER_SPACE_END && n <= USER_SPACE_END - a;
}

int copy_from_user(void *dst, const void *src, size_t n)
{
	if (!user_range_ok(src, n))
		return -EFAULT;
	return arch_copy_from_user(dst, src, n) ? -EFAULT : 0;
}

int copy_to_user(void *dst, const void *src, size_t n)
{
	if (!user_range_ok(dst, n))
		return -EFAULT;
	return arch_copy_to_user(dst, src, n) ? -EFAULT : 0;
}

int clear_user(void *dst, size_t n)
{
	if (!user_range_ok(dst, n))
		return -EFAULT;
	return arch_clear_user(dst, n) ? -EFAULT : 0;
}

long strncpy_from_user(char *dst, const char *src, size_t size)
{
	uintptr_t a = (uintptr_t)src;
	size_t n;
	long len;

	if (!size)
		return -ENAMETOOLONG;
	if (a >= USER_SPACE_END)
		return -EFAULT;
	/* A string may end before the end of user space: copy what is there. */
	n = MIN(size, USER_SPACE_END - a);
	len = arch_strncpy_user(dst, src, n);
	if (len < 0)
		return -EFAULT;
	if ((size_t)len < n)
		return len;
	dst[size - 1] = '\0';
	return n < size ? -EFAULT : -ENAMETOOLONG;
}
