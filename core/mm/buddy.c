/*
 * Binary buddy allocator over one zone (see buddy.h). Only the first page
 * of a free block is marked (PG_BUDDY, with the block's order) and linked
 * on the free list of that order; the other pages of the block are plain.
 */
#include "buddy.h"

#include <core/errno.h>
#include <core/string.h>

void zone_init(struct zone *z, unsigned long base_pfn, unsigned long nr_pages,
	       struct page *pages)
{
	unsigned long i;
	unsigned int order;

	z->base_pfn = base_pfn;
	z->nr_pages = nr_pages;
	z->pages = pages;
	z->free_pages = 0;
	for (order = 0; order <= MAX_ORDER; order++) {
		list_init(&z->free_list[order]);
		z->nr_free[order] = 0;
	}
	memset(pages, 0, nr_pages * sizeof(*pages));
	for (i = 0; i < nr_pages; i++) {
		list_init(&pages[i].list);
		pages[i].flags = PG_RESERVED;
	}
}

static void add_free(struct zone *z, struct page *page, unsigned int order)
{
	page->flags = PG_BUDDY;
	page->order = order;
	list_add(&page->list, &z->free_list[order]);
	z->nr_free[order]++;
}

static void del_free(struct zone *z, struct page *page, unsigned int order)
{
	list_del(&page->list);
	page->flags = 0;
	page->order = 0;
	z->nr_free[order]--;
}

/* Puts a block on the free lists, merging it with free buddies. */
static void merge_free(struct zone *z, unsigned long pfn, unsigned int order)
{
	struct page *buddy;

	z->free_pages += 1UL << order;
	while (order < MAX_ORDER) {
		buddy = zone_page(z, pfn ^ (1UL << order));
		if (!buddy || !(buddy->flags & PG_BUDDY) ||
		    buddy->order != order)
			break;
		del_free(z, buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_free(z, zone_page(z, pfn), order);
}

void zone_release(struct zone *z, unsigned long start_pfn,
		  unsigned long end_pfn)
{
	unsigned long pfn, end = z->base_pfn + z->nr_pages;
	struct page *page;

	start_pfn = MAX(start_pfn, z->base_pfn);
	end_pfn = MIN(end_pfn, end);
	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		page = zone_page(z, pfn);
		if (!(page->flags & PG_RESERVED))
			continue;
		page->flags = 0;
		merge_free(z, pfn, 0);
	}
}

struct page *zone_alloc(struct zone *z, unsigned int order)
{
	unsigned int o;
	unsigned long pfn;
	struct page *page;

	if (order > MAX_ORDER)
		return NULL;
	for (o = order; o <= MAX_ORDER && list_empty(&z->free_list[o]); o++)
		;
	if (o > MAX_ORDER)
		return NULL;
	page = list_first_entry(&z->free_list[o], struct page, list);
	del_free(z, page, o);
	pfn = zone_pfn(z, page);
	/* Split: give the upper halves back until the block fits. */
	while (o > order) {
		o--;
		add_free(z, zone_page(z, pfn + (1UL << o)), o);
	}
	z->free_pages -= 1UL << order;
	return page;
}

/* True when pfn lies inside a free block (of its own order or larger). */
static bool inside_free_block(struct zone *z, unsigned long pfn,
			      unsigned int order)
{
	struct page *head;

	for (; order <= MAX_ORDER; order++) {
		head = zone_page(z, pfn & ~((1UL << order) - 1));
		if (head && (head->flags & PG_BUDDY) && head->order == order)
			return true;
	}
	return false;
}

int zone_free(struct zone *z, struct page *page, unsigned int order)
{
	unsigned long pfn;

	if (order > MAX_ORDER || page < z->pages ||
	    page >= z->pages + z->nr_pages)
		return -EINVAL;
	pfn = zone_pfn(z, page);
	if (!IS_ALIGNED(pfn, 1UL << order) ||
	    pfn + (1UL << order) > z->base_pfn + z->nr_pages ||
	    (page->flags & (PG_RESERVED | PG_BUDDY)) ||
	    inside_free_block(z, pfn, order))
		return -EINVAL;
	page->flags = 0;
	merge_free(z, pfn, order);
	return 0;
}
