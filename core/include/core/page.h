/*
 * Physical page allocator: a buddy allocator over one descriptor array with
 * a struct page for every page frame between the lowest and the highest
 * usable page (holes included, marked reserved). Blocks are 2^order pages,
 * order 0 .. MAX_ORDER, aligned to their size in physical memory.
 *
 * Pages are reached through the linear map: page_address() is where the
 * kernel reads and writes a page. All functions may be called with
 * interrupts on or off; they mask interrupts themselves.
 */
#ifndef CORE_PAGE_H
#define CORE_PAGE_H

#include <core/bootinfo.h>
#include <core/list.h>
#include <core/types.h>

#define MAX_ORDER 10	/* largest block: 2^10 pages, 4 MiB */

/* struct page flags. */
#define PG_RESERVED	0x01	/* never handed out (firmware, kernel, hole) */
#define PG_BUDDY	0x02	/* head of a free block of 2^order pages */
#define PG_SLAB		0x04	/* part of a slab of page->slab_cache */
#define PG_LARGE	0x08	/* head of a kmalloc() block from the buddy */

struct kmem_cache;

struct page {
	struct list_head list;		/* free list, or a slab list */
	struct kmem_cache *slab_cache;	/* PG_SLAB: the owning cache */
	uint16_t flags;
	uint8_t order;			/* PG_BUDDY, PG_LARGE: block order */
	union {
		struct {
			uint16_t inuse;		/* slab head: objects allocated */
			uint16_t free_hint;	/* slab head: no free object before */
		};
		/* A user page (core/mm/vm_page.c): address spaces mapping it. */
		uint32_t refcount;
	};
};

/*
 * Allocates 2^order contiguous pages. Returns the first page's descriptor,
 * or NULL when no block that large is free (or order > MAX_ORDER). The
 * contents are not cleared.
 */
struct page *page_alloc(unsigned int order);

/*
 * Returns a block from page_alloc() with the same order. Freeing a page
 * that is free or reserved is reported (pr_err) and ignored.
 */
void page_free(struct page *page, unsigned int order);

paddr_t page_to_phys(const struct page *page);

/* Descriptor of the page holding pa, or NULL outside managed memory. */
struct page *phys_to_page(paddr_t pa);

/* The page's address in the linear map. */
void *page_address(const struct page *page);

/* Descriptor of a linear-map address, or NULL. */
struct page *virt_to_page(const void *va);

/* Usable RAM the firmware reported, in bytes. */
uint64_t pmm_total_bytes(void);

/* Bytes in free blocks right now. */
uint64_t pmm_free_bytes(void);

/*
 * Sets the allocator up from the boot memory map: usable regions clipped
 * to the boot linear map, less the reserved ranges, less page 0 and the
 * descriptor array (carved from the first free range that fits).
 * Returns 0, or -ENOMEM when there is no usable memory or no room for the
 * descriptors. Called once, by mm_init().
 */
int pmm_init(const struct boot_info *bi);

#endif /* CORE_PAGE_H */
