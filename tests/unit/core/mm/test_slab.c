/*
 * Unit tests of core/mm/slab.c and core/mm/kmalloc.c on top of the real
 * page allocator (core/mm/page_alloc.c, buddy.c) over pretend physical
 * memory backed by a host buffer: every kmalloc size, alignment, object
 * reuse, empty slabs going back to the buddy allocator, large allocations,
 * bad and double frees, exhaustion, and a random stress run that checks
 * each object's contents survive until it is freed.
 */
#include <core/errno.h>
#include <core/page.h>
#include <core/printk.h>
#include <core/slab.h>

#include "fakes.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define MiB (1024UL * 1024)
#define RAM_SIZE (32 * MiB)

static uint8_t *ram;

/* Fresh allocator state: pretend RAM [1 MiB, 32 MiB) and the heap. */
static int setup(void **state)
{
	struct boot_info bi = { .cmdline = "" };

	if (!ram)
		ram = aligned_alloc(4096, RAM_SIZE);
	assert_non_null(ram);
	memset(ram, 0xcc, RAM_SIZE);
	test_linear_base = (uintptr_t)ram;
	test_linear_map_end = RAM_SIZE;
	boot_add_mem(&bi, MiB, RAM_SIZE - MiB, MEM_USABLE);
	assert_int_equal(pmm_init(&bi), 0);
	kmalloc_init();
	fake_printk_reset();
	return 0;
}

static int teardown(void **state)
{
	assert_int_equal(fake_irq_depth, 0);
	return 0;
}

static int teardown_all(void **state)
{
	free(ram);
	return 0;
}

static size_t pow2_at_least(size_t n)
{
	size_t p = 1;

	while (p < n)
		p <<= 1;
	return p;
}

static uint8_t tag(size_t i)
{
	return (uint8_t)(i * 37 + 11);
}

static void test_kmalloc_sizes(void **state)
{
	enum { MAXSZ = 5000 };
	static void *ptrs[MAXSZ + 1];
	uint64_t before = pmm_free_bytes();
	size_t size, i;

	for (size = 0; size <= MAXSZ; size++) {
		ptrs[size] = kmalloc(size);
		assert_non_null(ptrs[size]);
		assert_int_equal((uintptr_t)ptrs[size] %
				 (size > 4096 ? 4096 : pow2_at_least(size)), 0);
		memset(ptrs[size], tag(size), size);
	}
	/* No two objects overlap: every one still holds its own bytes. */
	for (size = 0; size <= MAXSZ; size++)
		for (i = 0; i < size; i++)
			assert_int_equal(((uint8_t *)ptrs[size])[i], tag(size));
	for (size = 0; size <= MAXSZ; size++)
		kfree(ptrs[size]);
	/* Only one empty slab per size class is kept. */
	assert_true(before - pmm_free_bytes() <= 9 * 8 * 4096);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);
}

static void test_reuse_and_zero(void **state)
{
	void *a, *b;
	uint8_t *z;
	size_t i;

	a = kmalloc(64);
	memset(a, 0xff, 64);
	kfree(a);
	b = kmalloc(64);
	assert_ptr_equal(a, b);
	kfree(b);

	z = kzalloc(200);
	for (i = 0; i < 200; i++)
		assert_int_equal(z[i], 0);
	memset(z, 0xee, 200);
	kfree(z);
	z = kzalloc(200);
	for (i = 0; i < 200; i++)
		assert_int_equal(z[i], 0);
	kfree(z);
	kfree(NULL);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);
}

static void test_empty_slabs_return(void **state)
{
	enum { N = 3000 };
	static void *objs[N];
	uint64_t base;
	int i, round;

	/* Warm up: the cache then keeps exactly one empty slab. */
	kfree(kmalloc(128));
	base = pmm_free_bytes();
	for (round = 0; round < 3; round++) {
		for (i = 0; i < N; i++) {
			objs[i] = kmalloc(128);
			assert_non_null(objs[i]);
		}
		assert_true(pmm_free_bytes() < base - N * 128);
		/* Free from both ends towards the middle. */
		for (i = 0; i < N / 2; i++) {
			kfree(objs[i]);
			kfree(objs[N - 1 - i]);
		}
		assert_int_equal(pmm_free_bytes(), base);
	}
}

static void test_large(void **state)
{
	uint64_t before = pmm_free_bytes();
	struct page *page;
	uint8_t *p, *q;

	p = kmalloc(4097);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 4096, 0);
	page = virt_to_page(p);
	assert_true(page->flags & PG_LARGE);
	assert_int_equal(page->order, 1);
	assert_int_equal(pmm_free_bytes(), before - 2 * 4096);
	memset(p, 1, 4097);

	q = kmalloc(4 * MiB);
	assert_non_null(q);
	memset(q, 2, 4 * MiB);
	assert_null(kmalloc(4 * MiB + 1));
	assert_null(kmalloc(SIZE_MAX));

	/* Pointers inside a large block are not kmalloc() pointers. */
	kfree(p + 4096);
	assert_int_equal(fake_printk_count[LOG_ERR], 1);
	kfree(p);
	kfree(q);
	assert_int_equal(pmm_free_bytes(), before);
	assert_false(page->flags & PG_LARGE);
	/* Freed twice: the page is free now, so this is reported. */
	kfree(p);
	assert_int_equal(fake_printk_count[LOG_ERR], 2);
	assert_int_equal(pmm_free_bytes(), before);
}

static void test_bad_frees(void **state)
{
	struct kmem_cache *c;
	uint64_t before;
	int on_stack;
	char *p, *q;

	p = kmalloc(32);
	q = kmalloc(32);
	/* Let kmem_cache_create()'s size class keep its empty slab. */
	kfree(kmalloc(sizeof(struct kmem_cache)));
	before = pmm_free_bytes();
	kfree(p);
	kfree(p);				/* double free */
	assert_int_equal(fake_printk_count[LOG_ERR], 1);
	kfree(q + 8);				/* inside an object */
	assert_int_equal(fake_printk_count[LOG_ERR], 2);
	kfree(&on_stack);			/* not heap memory at all */
	assert_int_equal(fake_printk_count[LOG_ERR], 3);
	c = kmem_cache_create("other", 32, 0);
	assert_false(IS_ERR(c));
	kmem_cache_free(c, q);			/* wrong cache */
	assert_int_equal(fake_printk_count[LOG_ERR], 4);
	/* q is still allocated and usable, and frees normally. */
	memset(q, 0, 32);
	kfree(q);
	assert_int_equal(fake_printk_count[LOG_ERR], 4);
	assert_int_equal(kmem_cache_destroy(c), 0);
	assert_int_equal(pmm_free_bytes(), before);
}

static void test_caches(void **state)
{
	static const struct { size_t size, align; } ok[] = {
		{ 1, 0 }, { 7, 1 }, { 24, 64 }, { 100, 0 }, { 100, 32 },
		{ 600, 512 }, { 3000, 0 }, { 4096, 4096 }, { 10000, 8 },
		{ 32000, 0 },
	};
	struct kmem_cache *c;
	void *objs[40];
	size_t i, j, a;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		c = kmem_cache_create("test", ok[i].size, ok[i].align);
		assert_false(IS_ERR(c));
		a = ok[i].align ? ok[i].align : 8;
		for (j = 0; j < 40; j++) {
			objs[j] = kmem_cache_alloc(c);
			assert_non_null(objs[j]);
			assert_int_equal((uintptr_t)objs[j] % a, 0);
			memset(objs[j], (int)j, ok[i].size);
		}
		for (j = 0; j < 40; j++) {
			assert_int_equal(((uint8_t *)objs[j])[0], j);
			assert_int_equal(((uint8_t *)objs[j])[ok[i].size - 1],
					 j);
		}
		assert_int_equal(kmem_cache_destroy(c), -EBUSY);
		for (j = 0; j < 40; j++)
			kmem_cache_free(c, objs[j]);
		assert_int_equal(kmem_cache_destroy(c), 0);
	}
	assert_int_equal(PTR_ERR(kmem_cache_create("bad", 0, 0)), -EINVAL);
	assert_int_equal(PTR_ERR(kmem_cache_create("bad", 8, 3)), -EINVAL);
	assert_int_equal(PTR_ERR(kmem_cache_create("bad", 8, 8192)), -EINVAL);
	assert_int_equal(PTR_ERR(kmem_cache_create("bad", 40000, 0)), -EINVAL);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);
}

static void test_exhaustion(void **state)
{
	uint64_t before = pmm_free_bytes();
	void **list = NULL, *p;
	size_t n = 0;

	/*
	 * Chain the objects through themselves until memory runs out: big
	 * objects first (slabs of 8 pages), then small ones for what the
	 * big slabs could not use.
	 */
	while ((p = kmalloc(2048))) {
		*(void **)p = list;
		list = p;
		n++;
	}
	assert_true(n > (RAM_SIZE - 2 * MiB) / 2048 * 9 / 10);
	while ((p = kmalloc(8))) {
		*(void **)p = list;
		list = p;
	}
	assert_int_equal(pmm_free_bytes(), 0);
	assert_null(kmalloc(100000));
	while (list) {
		p = list;
		list = *(void **)p;
		kfree(p);
	}
	/* Back to the start, less the one empty slab each class keeps. */
	assert_int_equal(pmm_free_bytes(), before - (8 + 1) * 4096);
	assert_non_null(p = kmalloc(8));
	kfree(p);
}

static void test_stress(void **state)
{
	enum { SLOTS = 500, ROUNDS = 30000 };
	static struct { uint8_t *p; size_t size; uint8_t tag; } slot[SLOTS];
	unsigned int seed = 99, s;
	size_t i, k;

	for (k = 0; k < ROUNDS; k++) {
		seed = seed * 1103515245 + 12345;
		s = (seed >> 8) % SLOTS;
		if (slot[s].p) {
			for (i = 0; i < slot[s].size; i++)
				assert_int_equal(slot[s].p[i], slot[s].tag);
			kfree(slot[s].p);
			slot[s].p = NULL;
			continue;
		}
		seed = seed * 1103515245 + 12345;
		slot[s].size = (seed >> 8) % 16 ? (seed >> 12) % 600 :
						  (seed >> 12) % 20000;
		slot[s].tag = (uint8_t)k;
		slot[s].p = kmalloc(slot[s].size);
		assert_non_null(slot[s].p);
		memset(slot[s].p, slot[s].tag, slot[s].size);
	}
	for (s = 0; s < SLOTS; s++)
		kfree(slot[s].p);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kmalloc_sizes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reuse_and_zero, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_empty_slabs_return, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_large, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_frees, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_caches, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stress, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
