/*
 * Memory management entry points and the physical <-> virtual conversion of
 * the linear map (all RAM mapped at LINEAR_BASE; see <arch/memlayout.h>).
 * The page allocator is in <core/page.h>, the heap in <core/slab.h>.
 */
#ifndef CORE_MM_H
#define CORE_MM_H

#include <arch/memlayout.h>
#include <core/bootinfo.h>
#include <core/types.h>

#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

static inline void *phys_to_virt(paddr_t pa)
{
	return (void *)(uintptr_t)(pa + LINEAR_BASE);
}

/* Only for addresses inside the linear map (heap, page allocator). */
static inline paddr_t virt_to_phys(const void *va)
{
	return (paddr_t)((uintptr_t)va - LINEAR_BASE);
}

/* Brings up the page allocator from bi's memory map, then the heap. */
void mm_init(const struct boot_info *bi);

#endif /* CORE_MM_H */
