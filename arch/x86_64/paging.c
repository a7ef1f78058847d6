/*
 * Changes to the boot linear map built by head.S (see paging.h). Device
 * registers reached through the linear map must not be cached; the boot
 * tables map everything write-back, so drivers mark their MMIO here.
 */
#include "paging.h"

#include <arch/memlayout.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>

#include "x86.h"

int linear_map_set_uncached(paddr_t base, uint64_t size)
{
	paddr_t pa, end;

	if (!size || base >= BOOT_LINEAR_MAP_END ||
	    size > BOOT_LINEAR_MAP_END - base)
		return -ERANGE;
	end = base + size;
	for (pa = ALIGN_DOWN(base, 1UL << LARGE_PAGE_SHIFT); pa < end;
	     pa += 1UL << LARGE_PAGE_SHIFT) {
		/* PAT entry 3 (PCD|PWT) is UC in the power-on PAT. */
		boot_pd_linear[pa >> LARGE_PAGE_SHIFT] |= PTE_PCD | PTE_PWT;
		invlpg(phys_to_virt(pa));
	}
	return 0;
}
