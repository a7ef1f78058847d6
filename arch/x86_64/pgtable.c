/*
 * User page tables on x86_64 (<arch/pgtable.h>): 4-level paging with 4 KiB
 * leaves (SDM vol. 3, 4.5). A space's PML4 has its own lower half (user
 * space, PML4 entries 0-255) and a copy of the kernel's upper half
 * (entries 256-511 of boot_pml4), so every space maps the kernel the same
 * way. The kernel never adds PML4 entries after boot, which is what makes
 * a copy enough.
 *
 * Intermediate entries are present, writable and user: the leaf alone
 * decides the access. A PROT_NONE leaf keeps its frame with P clear and
 * the software bit PTE_NONE set (bits 9-11 are ignored by the CPU).
 */
#include <arch/pgtable.h>

#include <arch/memlayout.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/string.h>

#include "paging.h"
#include "x86.h"

#define PTE_U		0x004
#define PTE_NONE	0x200		/* software: PROT_NONE, frame held */
#define PTE_NX		(1UL << 63)
#define PTE_ADDR	0x000ffffffffff000UL

#define LEVELS		4
#define USER_PML4_ENTRIES (PT_ENTRIES / 2)

static inline unsigned int pt_index(uintptr_t va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PT_ENTRIES - 1);
}

static inline uint64_t *table_of(paddr_t pa)
{
	return phys_to_virt(pa);
}

static paddr_t kernel_root(void)
{
	return (uintptr_t)boot_pml4 - KERNEL_VBASE;
}

/* A zeroed table from the page allocator, or 0. */
static paddr_t table_alloc(void)
{
	struct page *page = page_alloc(0);

	if (!page)
		return 0;
	memset(page_address(page), 0, PAGE_SIZE);
	return page_to_phys(page);
}

/*
 * The leaf entry for va, walking down from root; creates missing tables
 * when create is set. Returns NULL when a table is missing (and not
 * created, or out of memory).
 */
static uint64_t *walk(paddr_t root, uintptr_t va, bool create)
{
	uint64_t *table = table_of(root);
	int level;

	for (level = LEVELS - 1; level > 0; level--) {
		uint64_t *e = &table[pt_index(va, level)];

		if (!(*e & PTE_P)) {
			paddr_t next;

			if (!create || !(next = table_alloc()))
				return NULL;
			*e = next | PTE_P | PTE_W | PTE_U;
		}
		table = table_of(*e & PTE_ADDR);
	}
	return &table[pt_index(va, 0)];
}

static bool leaf_present(uint64_t e)
{
	return e & (PTE_P | PTE_NONE);
}

static uint64_t leaf_bits(unsigned int prot)
{
	uint64_t bits;

	if (!(prot & PGT_ACCESS))
		return PTE_NONE;
	bits = PTE_P;
	if (prot & PGT_WRITE)
		bits |= PTE_W;
	if (prot & PGT_USER)
		bits |= PTE_U;
	if (!(prot & PGT_EXEC))
		bits |= PTE_NX;
	return bits;
}

static unsigned int leaf_prot(uint64_t e)
{
	unsigned int prot = 0;

	if (!(e & PTE_P))
		return 0;
	prot = PGT_READ;
	if (e & PTE_W)
		prot |= PGT_WRITE;
	if (e & PTE_U)
		prot |= PGT_USER;
	if (!(e & PTE_NX))
		prot |= PGT_EXEC;
	return prot;
}

static bool user_page(uintptr_t va)
{
	return va < USER_SPACE_END && IS_ALIGNED(va, PAGE_SIZE);
}

int arch_pgtable_create(paddr_t *root)
{
	paddr_t pa = table_alloc();
	uint64_t *pml4;

	if (!pa)
		return -ENOMEM;
	pml4 = table_of(pa);
	memcpy(&pml4[USER_PML4_ENTRIES], &boot_pml4[USER_PML4_ENTRIES],
	       USER_PML4_ENTRIES * sizeof(uint64_t));
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
			if (table[i] & PTE_P)
				free_table(table[i] & PTE_ADDR, level - 1);
	page_free(phys_to_page(pa), 0);
}

void arch_pgtable_destroy(paddr_t root)
{
	uint64_t *pml4 = table_of(root);
	unsigned int i;

	for (i = 0; i < USER_PML4_ENTRIES; i++)
		if (pml4[i] & PTE_P)
			free_table(pml4[i] & PTE_ADDR, LEVELS - 2);
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
	*e = (pa & PTE_ADDR) | leaf_bits(prot);
	arch_tlb_flush_page(va);
	return 0;
}

int arch_pgtable_unmap(paddr_t root, uintptr_t va, paddr_t *pa)
{
	uint64_t *e = user_page(va) ? walk(root, va, false) : NULL;

	if (!e || !leaf_present(*e))
		return -ENOENT;
	if (pa)
		*pa = *e & PTE_ADDR;
	*e = 0;
	arch_tlb_flush_page(va);
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
	*e = (*e & PTE_ADDR) | leaf_bits(prot);
	arch_tlb_flush_page(va);
	return 0;
}

void arch_pgtable_switch(paddr_t root)
{
	/* Loading CR3 drops every non-global TLB entry: all user pages. */
	write_cr3(root ? root : kernel_root());
}

void arch_tlb_flush_page(uintptr_t va)
{
	invlpg((const void *)va);
}

void arch_tlb_flush_user(void)
{
	write_cr3(read_cr3());
}
