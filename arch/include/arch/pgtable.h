/*
 * Arch contract: the page tables of user address spaces.
 *
 * A user space is named by its root, the physical address of its top-level
 * table. Whether the kernel half lives in that table (x86_64: the upper
 * PML4 entries are copied from the kernel's) or in a register of its own
 * (aarch64: TTBR1 holds the kernel, the root only covers TTBR0's user
 * half) is hidden here: generic code only ever maps, queries and changes
 * 4 KiB pages below USER_SPACE_END (<arch/memlayout.h>).
 *
 * Leaf entries point at frames the caller owns; the functions below never
 * allocate or free a leaf frame. Intermediate tables come from the page
 * allocator and go back to it in arch_pgtable_destroy().
 *
 * Every function that changes an entry also invalidates that page's TLB
 * entry, so the change is in force when it returns, whether or not the
 * space is the current one. The caller serialises changes to one space.
 */
#ifndef ARCH_PGTABLE_H
#define ARCH_PGTABLE_H

#include <core/types.h>

/*
 * Protection of a leaf entry. PGT_USER makes the page reachable from user
 * mode (the kernel reaches it in either case). An entry whose protection
 * has none of READ, WRITE and EXEC still holds its frame (query returns
 * it) but every access faults: that is how PROT_NONE keeps its data.
 * Hardware that cannot express a combination widens it the way Linux
 * does: WRITE and EXEC imply READ.
 */
#define PGT_READ	0x1
#define PGT_WRITE	0x2
#define PGT_EXEC	0x4
#define PGT_USER	0x8
#define PGT_ACCESS	(PGT_READ | PGT_WRITE | PGT_EXEC)

/*
 * Allocates an empty user space (no user page mapped, the kernel half
 * shared with the kernel's tables) and stores its root in *root.
 * Returns 0, or -ENOMEM.
 */
int arch_pgtable_create(paddr_t *root);

/*
 * Frees every table of a space made by arch_pgtable_create(). Leaf
 * frames still mapped are left alone (they belong to the caller). The
 * space must not be current.
 */
void arch_pgtable_destroy(paddr_t root);

/*
 * Maps the page at user address va (page aligned, below USER_SPACE_END)
 * to frame pa with protection prot, replacing any entry there (aarch64
 * does the break-before-make sequence the architecture requires).
 * Returns 0, -EINVAL for a bad va, or -ENOMEM when a table is needed and
 * none can be allocated (nothing has changed then).
 */
int arch_pgtable_map(paddr_t root, uintptr_t va, paddr_t pa,
		     unsigned int prot);

/*
 * Removes the entry for va. Returns 0 and the frame it held in *pa (when
 * pa is not NULL), or -ENOENT when there was none.
 */
int arch_pgtable_unmap(paddr_t root, uintptr_t va, paddr_t *pa);

/*
 * Looks va up. Returns 0 with the frame in *pa and the protection in
 * *prot (either may be NULL), or -ENOENT when no frame is mapped there.
 */
int arch_pgtable_query(paddr_t root, uintptr_t va, paddr_t *pa,
		       unsigned int *prot);

/*
 * Changes the protection of the entry for va, keeping its frame.
 * Returns 0, or -ENOENT when there is no entry.
 */
int arch_pgtable_protect(paddr_t root, uintptr_t va, unsigned int prot);

/*
 * Makes root the current user space (x86_64: CR3; aarch64: TTBR0_EL1,
 * with TTBR0 walks enabled). root 0 leaves only the kernel mapped: every
 * user address faults.
 */
void arch_pgtable_switch(paddr_t root);

/* Invalidates the TLB entries of one user page / of all user pages. */
void arch_tlb_flush_page(uintptr_t va);
void arch_tlb_flush_user(void);

#endif /* ARCH_PGTABLE_H */
