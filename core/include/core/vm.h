/*
 * User address spaces: struct mm, its areas (struct vma, kept in a
 * red-black tree by start address), demand-paged anonymous memory,
 * copy-on-write duplication for fork, and the page-fault entry point.
 *
 * Areas are page aligned, never overlap, and two neighbours with the same
 * protection and flags are always merged, so the tree is the canonical
 * picture of the space (docs/memory.md). Pages are allocated on first
 * touch, zero filled; a page shared after mm_dup() is mapped read-only in
 * both spaces and copied on the first write to it.
 *
 * Locking: none yet. Callers serialise all calls on one mm (there is one
 * CPU and no user task); the mm lock comes with processes.
 */
#ifndef CORE_VM_H
#define CORE_VM_H

#include <arch/memlayout.h>
#include <core/rbtree.h>
#include <core/types.h>

/* Protection of an area: the Linux PROT_* values. */
#define VM_PROT_NONE	0x0
#define VM_PROT_READ	0x1
#define VM_PROT_WRITE	0x2
#define VM_PROT_EXEC	0x4
#define VM_PROT_MASK	0x7

/* vm_map() flags. */
#define VM_MAP_FIXED	0x1	/* exactly at addr, replacing what is there */
#define VM_MAP_NOREPLACE 0x2	/* exactly at addr, -EEXIST if taken */

/* Access that caused a fault (vm_fault()). */
#define VM_ACCESS_READ	0x1
#define VM_ACCESS_WRITE	0x2
#define VM_ACCESS_EXEC	0x4

/*
 * Bounds of mappings: nothing below VM_MIN_ADDR (catches NULL plus an
 * offset, as Linux's mmap_min_addr), and areas chosen by the kernel lie
 * below VM_MMAP_TOP, leaving room under USER_SPACE_END for the stack.
 */
#define VM_MIN_ADDR	0x10000UL
#define VM_STACK_GAP	(128UL << 20)
#define VM_MMAP_TOP	(USER_SPACE_END - VM_STACK_GAP)

struct vma {
	struct rb_node node;	/* in mm->vmas, by start */
	uintptr_t start;	/* first byte, page aligned */
	uintptr_t end;		/* one past the last byte, page aligned */
	unsigned int prot;	/* VM_PROT_* */
	unsigned int flags;	/* reserved for file and stack areas */
};

struct mm {
	paddr_t root;		/* page-table root (<arch/pgtable.h>) */
	struct rb_root vmas;
	size_t nr_vmas;
	size_t nr_pages;	/* frames mapped (shared ones included) */
	uintptr_t brk_start;	/* the heap: [brk_start, brk) */
	uintptr_t brk;
	int users;		/* tasks using it (CLONE_VM shares) */
};

/* A new empty space with one user. Returns it, or NULL when out of memory. */
struct mm *mm_create(void);

/* Users of a space: the last mm_put() destroys it. */
struct mm *mm_get(struct mm *mm);
void mm_put(struct mm *mm);

/*
 * Frees every page (or drops this space's share of it), area and table of
 * mm, then mm itself. If mm is current, the kernel-only space is switched
 * in first.
 */
void mm_destroy(struct mm *mm);

/*
 * A copy of mm for fork: the same areas and brk; every page is shared,
 * read-only in both spaces, until one of them writes it. Returns the new
 * space, or NULL when out of memory (mm is unchanged then).
 */
struct mm *mm_dup(struct mm *mm);

/* Makes mm (NULL: none, kernel only) the current space. */
void mm_switch(struct mm *mm);

/* The current space, or NULL. */
struct mm *mm_current(void);

/* The area containing addr, or NULL. */
struct vma *find_vma(struct mm *mm, uintptr_t addr);

/* The first area ending above addr (containing it or after it), or NULL. */
struct vma *find_vma_above(struct mm *mm, uintptr_t addr);

/*
 * Maps len bytes (rounded up to pages) of anonymous zero-filled memory
 * with protection prot (VM_PROT_*). Without VM_MAP_FIXED or
 * VM_MAP_NOREPLACE, addr is a hint: used when free, else the highest free
 * range below VM_MMAP_TOP is taken. VM_MAP_FIXED replaces whatever was
 * mapped there (as munmap first). Returns the address, or -EINVAL (len 0,
 * bad prot or flags, an unaligned or out-of-range fixed address), -EEXIST
 * (NOREPLACE on a taken range) or -ENOMEM (no room, out of memory).
 */
long vm_map(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot,
	    unsigned int flags);

/*
 * Unmaps [addr, addr + len) (len rounded up to pages), splitting areas
 * that straddle the ends; holes are fine. Returns 0, -EINVAL (unaligned
 * addr, len 0, range past USER_SPACE_END) or -ENOMEM (a split needed
 * memory; nothing changed).
 */
int vm_unmap(struct mm *mm, uintptr_t addr, size_t len);

/*
 * Sets the protection of [addr, addr + len), splitting and merging areas.
 * Returns 0, -EINVAL (unaligned addr, bad prot, range past
 * USER_SPACE_END) or -ENOMEM (part of the range unmapped, or out of
 * memory; nothing changed either way).
 */
int vm_protect(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot);

/* Starts the heap at base (page aligned), empty. */
void vm_brk_init(struct mm *mm, uintptr_t base);

/*
 * brk(2): moves the end of the heap to new_brk, mapping or unmapping the
 * pages in between. Returns the new end, or the old one when new_brk is
 * below the start of the heap, would overlap another mapping, or memory
 * ran out (Linux semantics: brk never returns an error code).
 */
uintptr_t vm_brk(struct mm *mm, uintptr_t new_brk);

/*
 * Resolves a fault at addr caused by access (VM_ACCESS_*): allocates a
 * zeroed page on first touch, copies a shared page on write. Returns 0
 * when the access may be retried, -EFAULT when the address is not mapped
 * or the area forbids the access (the caller delivers SIGSEGV), or
 * -ENOMEM when no page is left (SIGBUS later, like Linux's VM_FAULT_OOM
 * for user faults).
 */
int vm_fault(struct mm *mm, uintptr_t addr, unsigned int access);

/*
 * For the arch trap handlers: a page fault at addr, caused by access, in
 * user mode (user) or in the kernel at *pc. Tries vm_fault() on the
 * current space for user addresses; failing that, a kernel fault inside a
 * uaccess routine resumes at its fixup (*pc is changed). Returns true when
 * the fault is handled and the trap may return, false when it is fatal.
 */
bool vm_trap_fault(uintptr_t addr, unsigned int access, bool user,
		   uintptr_t *pc);

#endif /* CORE_VM_H */
