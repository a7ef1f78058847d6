/*
 * Unit tests of core/mm/buddy.c (a zone driven directly: allocation,
 * splitting, coalescing, exhaustion, bad frees, and a random stress run
 * checked against a shadow model of every page) and of core/mm/page_alloc.c
 * (pmm_init from a boot memory map over pretend physical memory backed by
 * a host buffer: reserved ranges, page 0, clipping, the descriptor array).
 */
#include "../../../../core/mm/buddy.h"
#include <core/errno.h>
#include <core/mm.h>
#include <core/printk.h>

#include "fakes.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static struct zone zone;
static struct page *pages;

static void new_zone(unsigned long base_pfn, unsigned long nr)
{
	free(pages);
	pages = calloc(nr, sizeof(*pages));
	zone_init(&zone, base_pfn, nr, pages);
}

static int teardown(void **state)
{
	free(pages);
	pages = NULL;
	return 0;
}

/*
 * Checks the free lists against the descriptors: heads marked and aligned,
 * counts right, and no two free buddies left unmerged.
 */
static void check_free_lists(void)
{
	unsigned long total = 0, blocks, pfn;
	struct list_head *pos;
	struct page *page, *buddy;
	unsigned int order;

	for (order = 0; order <= MAX_ORDER; order++) {
		blocks = 0;
		for (pos = zone.free_list[order].next;
		     pos != &zone.free_list[order]; pos = pos->next) {
			page = list_entry(pos, struct page, list);
			pfn = zone_pfn(&zone, page);
			assert_true(page->flags & PG_BUDDY);
			assert_int_equal(page->order, order);
			assert_int_equal(pfn & ((1UL << order) - 1), 0);
			if (order < MAX_ORDER) {
				buddy = zone_page(&zone, pfn ^ (1UL << order));
				assert_false(buddy && (buddy->flags & PG_BUDDY) &&
					     buddy->order == order);
			}
			blocks++;
		}
		assert_int_equal(blocks, zone.nr_free[order]);
		total += blocks << order;
	}
	assert_int_equal(total, zone.free_pages);
}

static void test_alloc_free(void **state)
{
	struct page *p, *q;

	new_zone(1024, 2048);
	assert_null(zone_alloc(&zone, 0));
	zone_release(&zone, 1024, 1024 + 2048);
	assert_int_equal(zone.free_pages, 2048);
	assert_int_equal(zone.nr_free[MAX_ORDER], 2);
	check_free_lists();

	p = zone_alloc(&zone, 0);
	assert_non_null(p);
	assert_int_equal(zone.free_pages, 2047);
	/* Splitting 1024 pages leaves one free block of every lower order. */
	assert_int_equal(zone.nr_free[MAX_ORDER], 1);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(zone.nr_free[o], 1);
	q = zone_alloc(&zone, 3);
	assert_non_null(q);
	assert_int_equal(zone_pfn(&zone, q) % 8, 0);
	check_free_lists();

	assert_int_equal(zone_free(&zone, p, 0), 0);
	assert_int_equal(zone_free(&zone, q, 3), 0);
	assert_int_equal(zone.free_pages, 2048);
	assert_int_equal(zone.nr_free[MAX_ORDER], 2);
	check_free_lists();
	assert_null(zone_alloc(&zone, MAX_ORDER + 1));
}

static void test_coalescing(void **state)
{
	enum { N = 1024 };
	struct page *got[N];
	unsigned int i, j, seed = 7;
	struct page *tmp;

	new_zone(0, N);
	zone_release(&zone, 0, N);
	for (i = 0; i < N; i++) {
		got[i] = zone_alloc(&zone, 0);
		assert_non_null(got[i]);
	}
	assert_null(zone_alloc(&zone, 0));
	/* Free in a shuffled order: everything must merge back. */
	for (i = N - 1; i > 0; i--) {
		seed = seed * 1103515245 + 12345;
		j = (seed >> 8) % (i + 1);
		tmp = got[i];
		got[i] = got[j];
		got[j] = tmp;
	}
	for (i = 0; i < N; i++) {
		assert_int_equal(zone_free(&zone, got[i], 0), 0);
		if (i % 97 == 0)
			check_free_lists();
	}
	assert_int_equal(zone.nr_free[MAX_ORDER], 1);
	for (i = 0; i < MAX_ORDER; i++)
		assert_int_equal(zone.nr_free[i], 0);
}

static void test_exhaustion_and_holes(void **state)
{
	unsigned long count = 0;
	struct page *p;

	/* An unaligned zone with a reserved hole in the middle. */
	new_zone(3, 1000);
	zone_release(&zone, 3, 400);
	zone_release(&zone, 411, 1003);
	zone_release(&zone, 0, 2);		/* outside: ignored */
	zone_release(&zone, 500, 600);		/* already free: ignored */
	assert_int_equal(zone.free_pages, 1000 - 11);
	check_free_lists();

	while ((p = zone_alloc(&zone, 2))) {
		unsigned long pfn = zone_pfn(&zone, p);

		assert_int_equal(pfn % 4, 0);
		assert_true(pfn + 4 <= 400 || pfn >= 411);
		count++;
	}
	/* Order-2 blocks: 4..399 has 99, 412..1002 has 147. */
	assert_int_equal(count, 99 + 147);
	check_free_lists();
	count = 0;
	while (zone_alloc(&zone, 0))
		count++;
	assert_int_equal(count, 1000 - 11 - 4 * (99 + 147));
	assert_int_equal(zone.free_pages, 0);
}

static void test_bad_free(void **state)
{
	struct page *p, *q;

	new_zone(0, 64);
	zone_release(&zone, 1, 64);
	p = zone_alloc(&zone, 1);
	q = zone_alloc(&zone, 0);
	assert_non_null(p);
	assert_non_null(q);

	assert_int_equal(zone_free(&zone, &pages[0], 0), -EINVAL); /* reserved */
	assert_int_equal(zone_free(&zone, p + 1, 1), -EINVAL);	/* misaligned */
	assert_int_equal(zone_free(&zone, p, MAX_ORDER + 1), -EINVAL);
	assert_int_equal(zone_free(&zone, pages + 64, 0), -EINVAL); /* outside */
	assert_int_equal(zone_free(&zone, pages - 1, 0), -EINVAL);
	assert_int_equal(zone_free(&zone, p, 0), 0);
	assert_int_equal(zone_free(&zone, p, 0), -EINVAL);	/* double */
	assert_int_equal(zone_free(&zone, p, 1), -EINVAL);	/* half double */
	assert_int_equal(zone_free(&zone, p + 1, 0), 0);
	/* Now merged into a larger block: freeing any part again fails. */
	assert_int_equal(zone_free(&zone, p + 1, 0), -EINVAL);
	assert_int_equal(zone_free(&zone, &pages[32], 5), -EINVAL);
	assert_int_equal(zone_free(&zone, q, 0), 0);
	assert_int_equal(zone.free_pages, 63);
	check_free_lists();
}

/* Random allocations and frees, checked page by page against a shadow. */
static void test_stress_shadow(void **state)
{
	enum { N = 5000, BASE = 77, SLOTS = 400, ROUNDS = 40000 };
	enum { FREE, USED, RESERVED };
	static unsigned char shadow[N];
	struct { struct page *page; unsigned int order; } slot[SLOTS];
	unsigned long free_count = 0, pfn, i, k;
	unsigned int seed = 1, order, s;
	struct page *p;

	new_zone(BASE, N);
	memset(shadow, RESERVED, sizeof(shadow));
	for (i = 0; i < N; i += 700) {
		zone_release(&zone, BASE + i, BASE + i + 650);
		memset(shadow + i, FREE, MIN(650, N - i));
	}
	for (i = 0; i < N; i++)
		free_count += shadow[i] == FREE;
	assert_int_equal(zone.free_pages, free_count);
	memset(slot, 0, sizeof(slot));

	for (k = 0; k < ROUNDS; k++) {
		seed = seed * 1103515245 + 12345;
		s = (seed >> 8) % SLOTS;
		if (slot[s].page) {
			assert_int_equal(zone_free(&zone, slot[s].page,
						   slot[s].order), 0);
			pfn = zone_pfn(&zone, slot[s].page) - BASE;
			memset(shadow + pfn, FREE, 1UL << slot[s].order);
			free_count += 1UL << slot[s].order;
			slot[s].page = NULL;
		} else {
			seed = seed * 1103515245 + 12345;
			/* Mostly small orders, sometimes large ones. */
			order = (seed >> 8) % 8 ? (seed >> 12) % 4 :
						  (seed >> 12) % (MAX_ORDER + 1);
			p = zone_alloc(&zone, order);
			if (!p)
				continue;
			pfn = zone_pfn(&zone, p) - BASE;
			assert_int_equal((pfn + BASE) % (1UL << order), 0);
			assert_true(pfn + (1UL << order) <= N);
			for (i = 0; i < (1UL << order); i++) {
				assert_int_equal(shadow[pfn + i], FREE);
				shadow[pfn + i] = USED;
			}
			free_count -= 1UL << order;
			slot[s].page = p;
			slot[s].order = order;
		}
		assert_int_equal(zone.free_pages, free_count);
		if (k % 4000 == 0)
			check_free_lists();
	}
	for (s = 0; s < SLOTS; s++)
		if (slot[s].page)
			assert_int_equal(zone_free(&zone, slot[s].page,
						   slot[s].order), 0);
	check_free_lists();
	for (i = 0, free_count = 0; i < N; i++)
		free_count += shadow[i] != RESERVED;
	assert_int_equal(zone.free_pages, free_count);
}

/* --- pmm_init over pretend physical memory ------------------------------ */

#define MiB (1024UL * 1024)
#define PHYS_SIZE (16 * MiB)

static uint8_t *ram;

static void back_ram(void)
{
	if (!ram)
		ram = aligned_alloc(4096, PHYS_SIZE);
	assert_non_null(ram);
	memset(ram, 0xcc, PHYS_SIZE);
	/* Pretend physical address 0 is ram[0]. */
	test_linear_base = (uintptr_t)ram;
}

static int teardown_ram(void **state)
{
	free(ram);
	ram = NULL;
	return 0;
}

static bool overlaps(paddr_t a, paddr_t alen, paddr_t b, paddr_t blen)
{
	return a < b + blen && b < a + alen;
}

static void test_pmm_init(void **state)
{
	struct boot_info bi = { .cmdline = "" };
	unsigned long pages_free, count = 0, order0 = 0;
	paddr_t pa, desc_pa, desc_len;
	struct page *p, *first = NULL;

	back_ram();
	test_linear_map_end = 12 * MiB;
	boot_add_mem(&bi, 0, 0x9f000, MEM_USABLE);
	boot_add_mem(&bi, 0x9f000, 0x61000, MEM_RESERVED);
	boot_add_mem(&bi, 0x100000, PHYS_SIZE - 0x100000 - MiB, MEM_USABLE);
	boot_add_mem(&bi, PHYS_SIZE - MiB, MiB, MEM_ACPI_RECLAIM);
	boot_add_mem(&bi, 64 * MiB, 4 * MiB, MEM_USABLE);	/* past the map */
	boot_add_reserved(&bi, 0x100000, 0x200000);		/* "kernel" */
	boot_add_reserved(&bi, 0x500123, 0x100333);		/* "initrd" */
	boot_add_reserved(&bi, 0x9e800, 0x1000);		/* straddles */
	fake_printk_reset();
	assert_int_equal(pmm_init(&bi), 0);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);
	assert_int_equal(fake_irq_depth, 0);

	assert_int_equal(pmm_total_bytes(),
			 0x9f000 + PHYS_SIZE - 0x100000 - MiB + 4 * MiB);
	assert_null(phys_to_page(12 * MiB));
	assert_non_null(phys_to_page(0));
	desc_pa = virt_to_phys(phys_to_page(0));
	desc_len = (12 * MiB / 4096) * sizeof(struct page);
	/* The first free stretch that fits: right after page 0. */
	assert_int_equal(desc_pa, 0x1000);

	/* Take every page, one by one, and check where each one lies. */
	pages_free = pmm_free_bytes() / 4096;
	while ((p = page_alloc(0))) {
		pa = page_to_phys(p);
		assert_ptr_equal(phys_to_page(pa), p);
		assert_ptr_equal(page_address(p), ram + pa);
		assert_ptr_equal(virt_to_page(ram + pa + 123), p);
		assert_true(pa != 0);
		assert_true(pa < 0x9e000 || pa >= 0x300000);
		assert_false(overlaps(pa, 4096, 0x500000, 0x101000));
		assert_false(overlaps(pa, 4096, desc_pa, desc_len));
		assert_true(pa < 12 * MiB);
		/* The memory is ours: writing it must not hurt anything. */
		memset(page_address(p), 0x5a, 4096);
		p->list.next = (struct list_head *)first;
		first = p;
		count++;
	}
	assert_int_equal(count, pages_free);
	/*
	 * Expected: 0x9e pages below the straddling range, minus page 0,
	 * then 3 MiB..12 MiB less the initrd's 0x101 pages and descriptors.
	 */
	order0 = 0x9e - 1 + (9 * MiB / 4096) - 0x101 -
		 ALIGN_UP(desc_len, 4096) / 4096;
	assert_int_equal(count, order0);
	while (first) {
		p = first;
		first = (struct page *)p->list.next;
		page_free(p, 0);
	}
	assert_int_equal(pmm_free_bytes() / 4096, pages_free);
	assert_int_equal(fake_printk_count[LOG_ERR], 0);

	/* Bad frees are reported and ignored. */
	page_free(phys_to_page(0), 0);
	page_free(phys_to_page(0x300000), 0);
	page_free(phys_to_page(0x300000), 0);
	assert_int_equal(fake_printk_count[LOG_ERR], 3);
	assert_int_equal(pmm_free_bytes() / 4096, pages_free);
	assert_int_equal(fake_irq_depth, 0);
}

static void test_pmm_errors(void **state)
{
	struct boot_info bi = { .cmdline = "" };

	back_ram();
	test_linear_map_end = PHYS_SIZE;
	assert_int_equal(pmm_init(&bi), -ENOMEM);

	/* Usable memory that is all reserved: no room for descriptors. */
	boot_add_mem(&bi, 0x100000, 8 * MiB, MEM_USABLE);
	boot_add_reserved(&bi, 0, 16 * MiB);
	assert_int_equal(pmm_init(&bi), -ENOMEM);

	/* Usable memory wholly beyond the linear map. */
	bi = (struct boot_info){ .cmdline = "" };
	test_linear_map_end = 4 * MiB;
	boot_add_mem(&bi, 8 * MiB, 8 * MiB, MEM_USABLE);
	assert_int_equal(pmm_init(&bi), -ENOMEM);
	assert_int_equal(pmm_total_bytes(), 8 * MiB);
}

static void test_pmm_large_blocks(void **state)
{
	struct boot_info bi = { .cmdline = "" };
	struct page *p;
	int n = 0;

	back_ram();
	test_linear_map_end = PHYS_SIZE;
	boot_add_mem(&bi, 0, PHYS_SIZE, MEM_USABLE);
	assert_int_equal(pmm_init(&bi), 0);
	while ((p = page_alloc(MAX_ORDER))) {
		assert_int_equal(page_to_phys(p) % (4 * MiB), 0);
		memset(page_address(p), 0, 4 * MiB);
		n++;
	}
	/* The first 4 MiB lose page 0 and the descriptors. */
	assert_int_equal(n, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_free),
		cmocka_unit_test(test_coalescing),
		cmocka_unit_test(test_exhaustion_and_holes),
		cmocka_unit_test(test_bad_free),
		cmocka_unit_test(test_stress_shadow),
		cmocka_unit_test(test_pmm_init),
		cmocka_unit_test(test_pmm_errors),
		cmocka_unit_test(test_pmm_large_blocks),
	};
	int failed = cmocka_run_group_tests(tests, NULL, teardown);

	teardown_ram(NULL);
	return failed;
}
