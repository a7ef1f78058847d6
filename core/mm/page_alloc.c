/*
 * The kernel's physical page allocator (see <core/page.h>): one buddy zone
 * (buddy.c) spanning the usable RAM of the boot memory map, and the
 * conversions between descriptors, physical and linear-map addresses.
 *
 * pmm_init() works in three steps: find the span of usable pages below the
 * end of the boot linear map; carve the descriptor array out of the first
 * free stretch big enough; release every usable page that no reserved
 * range, page 0 or the descriptor array covers.
 */
#define pr_fmt(fmt) "pmm: " fmt

#include <core/page.h>

#include <arch/irq.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/printk.h>

#include "buddy.h"

/* Ranges pmm_init() keeps out of the allocator besides bi->reserved. */
enum { EXTRA_PAGE0, EXTRA_DESCRIPTORS, NR_EXTRA };

static struct zone zone;
static uint64_t total_bytes;

struct page *page_alloc(unsigned int order)
{
	unsigned long flags = arch_irq_save();
	struct page *page = zone_alloc(&zone, order);

	arch_irq_restore(flags);
	return page;
}

void page_free(struct page *page, unsigned int order)
{
	unsigned long flags = arch_irq_save();
	int err = zone_free(&zone, page, order);

	arch_irq_restore(flags);
	if (err)
		pr_err("bad free of %#llx order %u (free, reserved or "
		       "misaligned): ignored\n",
		       (unsigned long long)page_to_phys(page), order);
}

paddr_t page_to_phys(const struct page *page)
{
	return (paddr_t)zone_pfn(&zone, page) << PAGE_SHIFT;
}

struct page *phys_to_page(paddr_t pa)
{
	return zone_page(&zone, pa >> PAGE_SHIFT);
}

void *page_address(const struct page *page)
{
	return phys_to_virt(page_to_phys(page));
}

struct page *virt_to_page(const void *va)
{
	return phys_to_page(virt_to_phys(va));
}

uint64_t pmm_total_bytes(void)
{
	return total_bytes;
}

uint64_t pmm_free_bytes(void)
{
	return (uint64_t)zone.free_pages << PAGE_SHIFT;
}

/* End of a region, saturated at the last page boundary of the space. */
static paddr_t region_end(const struct mem_region *r)
{
	paddr_t end = r->base + r->size;

	return end < r->base || end > PAGE_MASK ? PAGE_MASK : end;
}

/* A usable region as whole pages [*start, *end) below the linear map end. */
static bool usable_range(const struct mem_region *r, paddr_t *start,
			 paddr_t *end)
{
	paddr_t limit = BOOT_LINEAR_MAP_END;

	if (r->type != MEM_USABLE || r->base >= limit)
		return false;
	*start = ALIGN_UP(r->base, PAGE_SIZE);
	*end = ALIGN_DOWN(MIN(region_end(r), limit), PAGE_SIZE);
	return *start < *end;
}

/*
 * The first reserved range (whole pages) that overlaps [start, end), as
 * [*rs, *re), lowest start first. Returns false when none does.
 */
static bool first_reserved(const struct boot_info *bi,
			   const struct mem_region *extra, paddr_t start,
			   paddr_t end, paddr_t *rs, paddr_t *re)
{
	const struct mem_region *r;
	paddr_t s, e;
	unsigned int i;
	bool found = false;

	for (i = 0; i < bi->nr_reserved + NR_EXTRA; i++) {
		r = i < bi->nr_reserved ? &bi->reserved[i] :
					   &extra[i - bi->nr_reserved];
		if (r->size == 0)
			continue;
		s = ALIGN_DOWN(r->base, PAGE_SIZE);
		e = ALIGN_UP(region_end(r), PAGE_SIZE);
		if (e <= start || s >= end)
			continue;
		if (!found || s < *rs) {
			*rs = s;
			*re = e;
			found = true;
		}
	}
	return found;
}

/* Lowest free stretch of size bytes, or 0 (page 0 is never free). */
static paddr_t find_free(const struct boot_info *bi,
			 const struct mem_region *extra, uint64_t size)
{
	paddr_t start, end, rs, re;
	unsigned int i;

	for (i = 0; i < bi->nr_mem; i++) {
		if (!usable_range(&bi->mem[i], &start, &end))
			continue;
		while (end - start >= size) {
			if (!first_reserved(bi, extra, start, start + size,
					    &rs, &re))
				return start;
			if (re >= end)
				break;
			start = re;
		}
	}
	return 0;
}

/* Releases the unreserved pages of [start, end) to the zone. */
static void release_usable(const struct boot_info *bi,
			   const struct mem_region *extra, paddr_t start,
			   paddr_t end)
{
	paddr_t rs, re;

	while (start < end) {
		if (!first_reserved(bi, extra, start, end, &rs, &re))
			rs = re = end;
		if (rs > start)
			zone_release(&zone, start >> PAGE_SHIFT,
				     rs >> PAGE_SHIFT);
		start = MAX(start, re);
	}
}

int pmm_init(const struct boot_info *bi)
{
	struct mem_region extra[NR_EXTRA] = {
		[EXTRA_PAGE0] = { .base = 0, .size = PAGE_SIZE },
	};
	paddr_t lo = ~(paddr_t)0, hi = 0, start, end, desc;
	unsigned long nr_pages;
	uint64_t desc_size;
	unsigned int i;

	total_bytes = 0;
	for (i = 0; i < bi->nr_mem; i++) {
		if (bi->mem[i].type == MEM_USABLE)
			total_bytes += bi->mem[i].size;
		if (!usable_range(&bi->mem[i], &start, &end))
			continue;
		lo = MIN(lo, start);
		hi = MAX(hi, end);
	}
	if (hi == 0) {
		pr_err("no usable memory in the boot memory map\n");
		return -ENOMEM;
	}

	nr_pages = (hi - lo) >> PAGE_SHIFT;
	desc_size = ALIGN_UP(nr_pages * sizeof(struct page), PAGE_SIZE);
	desc = find_free(bi, extra, desc_size);
	if (!desc) {
		pr_err("no room for %lu page descriptors\n", nr_pages);
		return -ENOMEM;
	}
	extra[EXTRA_DESCRIPTORS] =
		(struct mem_region){ .base = desc, .size = desc_size };

	zone_init(&zone, lo >> PAGE_SHIFT, nr_pages, phys_to_virt(desc));
	for (i = 0; i < bi->nr_mem; i++) {
		if (usable_range(&bi->mem[i], &start, &end))
			release_usable(bi, extra, start, end);
	}
	pr_debug("%lu pages from %#llx to %#llx, descriptors at %#llx\n",
		nr_pages, (unsigned long long)lo, (unsigned long long)hi,
		(unsigned long long)desc);
	return 0;
}
