/*
 * User page tables on aarch64 (<arch/pgtable.h>): stage 1, 4 KiB granule,
 * 48-bit VAs, four levels (Arm ARM D8). The kernel lives in TTBR1_EL1 and
 * never changes, so a user space's root is an L0 table of the user half
 * alone, loaded into TTBR0_EL1. head.S disables TTBR0 walks (TCR_EL1.EPD0)
 * so that, with no space current, every user address faults;
 * arch_pgtable_switch() turns walks on and off again.
 *
 * Caches: a leaf that lets EL0 execute its frame is written only after
 * the frame's D-cache lines are cleaned and I-cache lines invalidated, so
 * code the kernel wrote (execve, copy on write, file pages) is fetched.
 *
 * TLB: all user leaves are non-global (nG) and every space uses ASID 0;
 * switching spaces invalidates the whole EL1&0 TLB. On one CPU, with few
 * switches, that costs little and needs no ASID allocator; ASIDs can come
 * with SMP without changing the contract.
 *
 * Leaves: Normal write-back memory, inner shareable, AF set (no access
 * flag faults), PXN always (the kernel never runs user code), UXN unless
 * executable, AP[2:1] = 01 (read-write) or 11 (read-only), with AP[1] (EL0
 * access) only for PGT_USER. A PROT_NONE leaf is an invalid descriptor
 * that keeps its frame address and the software bit PTE_SW_NONE (an
 * invalid descriptor's other bits are ignored by the hardware).
 */
#include <arch/pgtable.h>

#include <arch/memlayout.h>
#include <arch/sysreg.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/string.h>

#include "mmu.h"

#define PTE_VALID	_UL(1)
#define PTE_SW_NONE	(_UL(1) << 58)
#define PTE_ADDR	_UL(0x0000fffffffff000)

#define LEVELS		4

static inline unsigned int pt_index(uintptr_t va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PT_ENTRIES - 1);
}

static inline uint64_t *table_of(paddr_t pa)
{
	return phys_to_virt(pa);
}

/* A zeroed table from the page allocator, or 0. */
static paddr_t table_alloc(void)
{
	struct page *page = page_alloc(0);

	if (!page)
		return 0;
	memset(page_address(page), 0, PAGE_SIZE);
	/* The walker must see the zeroes before any descriptor to it. */
	dsb(ishst);
	return page_to_phys(page);
}

/*
 * The level 3 descriptor for va, walking down from root; creates missing
 * tables when create is set. Returns NULL when a table is missing (and not
 * created, or out of memory).
 */
static uint64_t *walk(paddr_t root, uintptr_t va, bool create)
{
	uint64_t *table = table_of(root);
	int level;

	for (level = LEVELS - 1; level > 0; level--) {
		uint64_t *e = &table[pt_index(va, level)];

		if (!(*e & PTE_VALID)) {
			paddr_t next;

			if (!create || !(next = table_alloc()))
				return NULL;
			WRITE_ONCE(*e, next | PTE_TABLE);
			dsb(ishst);
		}
		table = table_of(*e & PTE_ADDR);
	}
	return &table[pt_index(va, 0)];
}

static bool leaf_present(uint64_t e)
{
	return e & (PTE_VALID | PTE_SW_NONE);
}

static uint64_t leaf_bits(unsigned int prot)
{
	uint64_t bits;

	if (!(prot & PGT_ACCESS))
		return PTE_SW_NONE;
	bits = PTE_PAGE | PTE_ATTRINDX(MT_NORMAL) | PTE_SH_INNER | PTE_AF |
	       PTE_NG | PTE_PXN;
	if (!(prot & PGT_WRITE))
		bits |= PTE_RDONLY;
	if (prot & PGT_USER)
		bits |= PTE_USER;
	if (!(prot & PGT_EXEC) || !(prot & PGT_USER))
		bits |= PTE_UXN;
	return bits;
}

static unsigned int leaf_prot(uint64_t e)
{
	unsigned int prot;

	if (!(e & PTE_VALID))
		return 0;
	prot = PGT_READ;
	if (!(e & PTE_RDONLY))
		prot |= PGT_WRITE;
	if (e & PTE_USER)
		prot |= PGT_USER;
	if (!(e & PTE_UXN))
		prot |= PGT_EXEC;
	return prot;
}

static bool user_page(uintptr_t va)
{
	return va < USER_SPACE_END && IS_ALIGNED(va, PAGE_SIZE);
}

/*
 * Makes the instruction fetches of a user-executable frame see what the
 * kernel wrote into it through the linear map: clean the data cache to
 * the point of unification, then invalidate the instruction cache (Arm
 * ARM B2.4.4, "Instruction cache coherency"). Line sizes from CTR_EL0.
 */
static void sync_icache(paddr_t pa)
{
	uint64_t ctr = read_sysreg(ctr_el0);
	uintptr_t start = (uintptr_t)phys_to_virt(pa), end = start + PAGE_SIZE;
	uintptr_t dline = 4UL << ((ctr >> 16) & 0xf), iline = 4UL << (ctr & 0xf);
	uintptr_t a;

	for (a = start; a < end; a += dline)
		__asm__ __volatile__("dc cvau, %0" : : "r"(a) : "memory");
	dsb(ish);
	for (a = start; a < end; a += iline)
		__asm__ __volatile__("ic ivau, %0" : : "r"(a) : "memory");
	dsb(ish);
	isb();
}

/* Writes a leaf and makes sure no TLB entry of the old one survives. */
static void set_leaf(uint64_t *e, uint64_t val, uintptr_t va)
{
	if ((val & PTE_VALID) && (val & PTE_USER) && !(val & PTE_UXN))
		sync_icache(val & PTE_ADDR);
	/*
	 * Changing the frame of a valid entry needs break-before-make
	 * (Arm ARM D8.16.1): invalid entry, TLB invalidation, new entry.
	 */
	if ((*e & PTE_VALID) && (val & PTE_VALID) &&
	    (*e & PTE_ADDR) != (val & PTE_ADDR)) {
		WRITE_ONCE(*e, 0);
		arch_tlb_flush_page(va);
	}
	WRITE_ONCE(*e, val);
	arch_tlb_flush_page(va);
}

int arch_pgtable_create(paddr_t *root)
{
	paddr_t pa = table_alloc();

	if (!pa)
		return -ENOMEM;
	*root = pa;
	return 0;
}

/* Frees the table at pa (walk level: 0 holds leaves) and those below. */
static void free_table(paddr_t pa, int level)
{
	uint64_t *table = table_of(pa);
	unsigned int i;

	if (level > 0)
		for (i = 0; i < PT_ENTRIES; i++)
			if (table[i] & PTE_VALID)
				free_table(table[i] & PTE_ADDR, level - 1);
	page_free(phys_to_page(pa), 0);
}

void arch_pgtable_destroy(paddr_t root)
{
	uint64_t *l0 = table_of(root);
	unsigned int i;

	for (i = 0; i < PT_ENTRIES; i++)
		if (l0[i] & PTE_VALID)
			free_table(l0[i] & PTE_ADDR, LEVELS - 2);
	page_free(phys_to_page(root), 0);
}

int arch_pgtable_map(paddr_t root, uintptr_t va, paddr_t pa,
		     unsigned int prot)
{
	uint64_t *e;

	if (!user_page(va))
		return -EINVAL;
	e = walk(root, va, true);
	if (!e)
		return -ENOMEM;
	set_leaf(e, (pa & PTE_ADDR) | leaf_bits(prot), va);
	return 0;
}

int arch_pgtable_unmap(paddr_t root, uintptr_t va, paddr_t *pa)
{
	uint64_t *e = user_page(va) ? walk(root, va, false) : NULL;

	if (!e || !leaf_present(*e))
		return -ENOENT;
	if (pa)
		*pa = *e & PTE_ADDR;
	set_leaf(e, 0, va);
	return 0;
}

int arch_pgtable_query(paddr_t root, uintptr_t va, paddr_t *pa,
		       unsigned int *prot)
{
	uint64_t *e = user_page(va) ? walk(root, va, false) : NULL;

	if (!e || !leaf_present(*e))
		return -ENOENT;
	if (pa)
		*pa = *e & PTE_ADDR;
	if (prot)
		*prot = leaf_prot(*e);
	return 0;
}

int arch_pgtable_protect(paddr_t root, uintptr_t va, unsigned int prot)
{
	uint64_t *e = user_page(va) ? walk(root, va, false) : NULL;

	if (!e || !leaf_present(*e))
		return -ENOENT;
	set_leaf(e, (*e & PTE_ADDR) | leaf_bits(prot), va);
	return 0;
}

void arch_pgtable_switch(paddr_t root)
{
	uint64_t tcr = read_sysreg(tcr_el1);

	if (root) {
		write_sysreg(root, ttbr0_el1);	/* ASID 0 */
		tcr &= ~TCR_EPD0;
	} else {
		tcr |= TCR_EPD0;
	}
	write_sysreg(tcr, tcr_el1);
	isb();
	arch_tlb_flush_user();
}

void arch_tlb_flush_page(uintptr_t va)
{
	dsb(ishst);
	__asm__ __volatile__("tlbi vae1is, %0" : : "r"(va >> PAGE_SHIFT)
			     : "memory");
	dsb(ish);
	isb();
}

void arch_tlb_flush_user(void)
{
	dsb(ishst);
	__asm__ __volatile__("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	isb();
}
