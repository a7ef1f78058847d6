/*
 * Fake kernel heap (<core/slab.h>) for tests of code that allocates:
 * kmalloc() is the host's malloc(), so ASan checks every use and
 * LeakSanitizer finds what is never freed. fake_kmalloc_fail_after makes
 * allocations fail, to test the -ENOMEM paths.
 */
#include "fakes.h"

#include <core/slab.h>
#include <stdlib.h>
#include <string.h>

long fake_kmalloc_fail_after = -1;

void *kmalloc(size_t size)
{
	if (fake_kmalloc_fail_after == 0)
		return NULL;
	if (fake_kmalloc_fail_after > 0)
		fake_kmalloc_fail_after--;
	return malloc(size ? size : 1);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	return p ? memset(p, 0, size) : NULL;
}

void kfree(const void *ptr)
{
	free((void *)ptr);
}
