/*
 * x86_64 private: the boot page tables built by head.S, and attribute
 * changes on the linear map they contain.
 *
 *   PML4[0]   -> boot_pdpt_linear  identity map of 0-4 GiB (removed by
 *                                  head.S once running in the higher half)
 *   PML4[256] -> boot_pdpt_linear  LINEAR_BASE + 0-4 GiB, 2 MiB pages
 *   PML4[511] -> boot_pdpt_kernel  [510] -> boot_pd_kernel:
 *                                  KERNEL_VBASE + 0-1 GiB, 2 MiB pages
 */
#ifndef X86_PAGING_H
#define X86_PAGING_H

#define PTE_P		0x001
#define PTE_W		0x002
#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_PS		0x080

#define PT_ENTRIES	512
#define LARGE_PAGE_SHIFT 21		/* 2 MiB pages */

/* Page directories of the linear map: BOOT_LINEAR_MAP_END / 1 GiB. */
#define BOOT_NR_PD	4

#define PML4_INDEX(va)	(((va) >> 39) & 511)
#define PDPT_INDEX(va)	(((va) >> 30) & 511)

#ifndef __ASSEMBLER__

#include <core/types.h>

extern uint64_t boot_pml4[PT_ENTRIES];
extern uint64_t boot_pd_linear[BOOT_NR_PD * PT_ENTRIES];

/*
 * Makes [base, base + size) uncached (PCD|PWT) in the linear map, for
 * device registers. Works on whole 2 MiB pages, so the range's 2 MiB
 * neighbourhood must hold no RAM. Returns 0 or -ERANGE when the range is
 * outside the linear map.
 */
int linear_map_set_uncached(paddr_t base, uint64_t size);

#endif /* !__ASSEMBLER__ */

#endif /* X86_PAGING_H */
