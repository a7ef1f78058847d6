/*
 * The buddy allocator proper, private to core/mm/: a zone is a run of page
 * frames [base_pfn, base_pfn + nr_pages) with a descriptor each and one
 * free list per order. A free block of 2^order pages starts at a pfn that
 * is a multiple of 2^order; its buddy is the block at pfn ^ 2^order, and
 * two free buddies merge into one block of the next order.
 *
 * Zone functions touch descriptors only, never the pages themselves, and
 * do no locking: the caller (page_alloc.c) masks interrupts. Host unit
 * tests drive a zone directly.
 */
#ifndef CORE_MM_BUDDY_H
#define CORE_MM_BUDDY_H

#include <core/page.h>

struct zone {
	unsigned long base_pfn;
	unsigned long nr_pages;
	struct page *pages;
	struct list_head free_list[MAX_ORDER + 1];
	unsigned long nr_free[MAX_ORDER + 1];	/* blocks on each list */
	unsigned long free_pages;
};

/* Starts a zone over pages[0 .. nr_pages), every page reserved. */
void zone_init(struct zone *z, unsigned long base_pfn, unsigned long nr_pages,
	       struct page *pages);

/*
 * Hands the reserved pages of [start_pfn, end_pfn) to the allocator (the
 * range is clipped to the zone; pages already free are left alone).
 */
void zone_release(struct zone *z, unsigned long start_pfn,
		  unsigned long end_pfn);

/* A free block of 2^order pages, or NULL. */
struct page *zone_alloc(struct zone *z, unsigned int order);

/*
 * Frees a block from zone_alloc(). Returns 0, or -EINVAL (and changes
 * nothing) when page is not the start of an allocated block of that order:
 * outside the zone, misaligned, reserved, or already free.
 */
int zone_free(struct zone *z, struct page *page, unsigned int order);

static inline unsigned long zone_pfn(const struct zone *z,
				     const struct page *page)
{
	return z->base_pfn + (unsigned long)(page - z->pages);
}

/* Descriptor of pfn, or NULL outside the zone. */
static inline struct page *zone_page(const struct zone *z, unsigned long pfn)
{
	if (pfn < z->base_pfn || pfn - z->base_pfn >= z->nr_pages)
		return NULL;
	return &z->pages[pfn - z->base_pfn];
}

#endif /* CORE_MM_BUDDY_H */
