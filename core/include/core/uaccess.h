/*
 * Reading and writing user memory from the kernel. A user pointer is any
 * address the caller got from user space; these functions are the only
 * way the kernel touches the memory behind one. They check that the whole
 * range lies below USER_SPACE_END (a kernel address passed as a user
 * pointer is -EFAULT, never a kernel access), then copy through the arch
 * primitives, which fault page by page: a page that is missing is paged
 * in by the fault handler, one that is unmapped, PROT_NONE, or read-only
 * for a write ends the copy with -EFAULT. Data copied before the faulting
 * page stays copied.
 *
 * May sleep later (paging in from a file); call with no spinlock held.
 */
#ifndef CORE_UACCESS_H
#define CORE_UACCESS_H

#include <core/types.h>

/* Copies n bytes from user src to kernel dst. Returns 0 or -EFAULT. */
int copy_from_user(void *dst, const void *src, size_t n);

/* Copies n bytes from kernel src to user dst. Returns 0 or -EFAULT. */
int copy_to_user(void *dst, const void *src, size_t n);

/* Zeroes n bytes at user dst. Returns 0 or -EFAULT. */
int clear_user(void *dst, size_t n);

/*
 * Copies the NUL-terminated string at user src into dst, which has room
 * for size bytes (size > 0). Returns the string's length (without the NUL;
 * dst is terminated), -ENAMETOOLONG when the first size bytes hold no NUL
 * (dst is then terminated at size - 1 so callers may still print it), or
 * -EFAULT when src is not readable up to its NUL. Callers that want
 * another error for too long a string (E2BIG for execve arguments) map
 * -ENAMETOOLONG to it.
 */
long strncpy_from_user(char *dst, const char *src, size_t size);

#endif /* CORE_UACCESS_H */
