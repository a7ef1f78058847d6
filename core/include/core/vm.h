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
 * Shared areas (VMA_SHARED, from mmap(MAP_SHARED | MAP_ANONYMOUS)) are
 * different: their pages are allocated when the area is mapped, and
 * mm_dup() shares them writable, so both spaces see each other's writes.
 *
 * Locking: the threads of a process share its mm, and preemption can
 * switch between them in the middle of an update, so every entry point
 * below that reads or changes the areas or pages takes mm->lock (a
 * mutex) itself, except where a contract says the caller holds it
 * (vm_fault(); vm_trap_fault() takes it for the trap handlers). No
 * user memory is touched under mm->lock: a uaccess fault would take it
 * again. mm_create(), mm_get/put() and mm_destroy() need no lock.
 */
#ifndef CORE_VM_H
#define CORE_VM_H

#include <arch/memlayout.h>
#include <core/rbtree.h>
#include <core/sync.h>
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
#define VM_MAP_SHARED	0x4	/* a VMA_SHARED area (pages allocated now) */
#define VM_MAP_POPULATE	0x8	/* allocate every page now */

/* struct vma flags. */
#define VMA_SHARED	0x1	/* pages shared writable across mm_dup() */

/* vm_remap() flags: the Linux MREMAP_* values. */
#define VM_REMAP_MAYMOVE 0x1
#define VM_REMAP_FIXED	0x2

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

struct file;

struct vma {
	struct rb_node node;	/* in mm->vmas, by start */
	uintptr_t start;	/* first byte, page aligned */
	uintptr_t end;		/* one past the last byte, page aligned */
	unsigned int prot;	/* VM_PROT_* */
	unsigned int flags;	/* VMA_* */
};

struct mm {
	paddr_t root;		/* page-table root (<arch/pgtable.h>) */
	struct rb_root vmas;
	size_t nr_vmas;
	size_t nr_pages;	/* frames mapped (shared ones included) */
	uintptr_t brk_start;	/* the heap: [brk_start, brk) */
	uintptr_t brk;
	/* Set by execve, for /proc/<pid>/cmdline and environ. */
	uintptr_t arg_start, arg_end, env_start, env_end;
	/* Set by execve, for /proc/<pid>/stat (page bounds of the image). */
	uintptr_t start_code, end_code, start_data, end_data, start_stack;
	/* The executable (/proc/<pid>/exe): a reference, or NULL. */
	struct file *exe_file;
	int users;		/* tasks using it (CLONE_VM shares) */
	struct mutex lock;	/* the areas and pages (see above) */
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
 * with protection prot (VM_PROT_*). VM_MAP_SHARED makes a VMA_SHARED
 * area; it and VM_MAP_POPULATE allocate the pages at once (-ENOMEM,
 * nothing mapped, when they run out). Without VM_MAP_FIXED or
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
 * mremap(2) on [old, old + old_len): shrinks in place, grows in place
 * when the pages after it are free, else (VM_REMAP_MAYMOVE) moves the
 * area's frames, not their contents, to a free range of new_len bytes,
 * or (VM_REMAP_FIXED, with MAYMOVE) to new_addr, replacing what was
 * there. Returns the new address, or -EINVAL (unaligned addresses, len
 * 0, bad flags, overlapping fixed ranges), -EFAULT (the old range is not
 * inside one area) or -ENOMEM (no room, or growing in place impossible
 * without MAYMOVE).
 */
long vm_remap(struct mm *mm, uintptr_t old, size_t old_len, size_t new_len,
	      unsigned int flags, uintptr_t new_addr);

/*
 * madvise(MADV_DONTNEED): drops the pages of [addr, addr + len) (page
 * aligned) in private areas, so that they read back as zeroes; shared
 * areas keep their pages (their contents are the mapping's, as Linux's
 * shmem). Returns 0, or -ENOMEM when part of the range is unmapped (the
 * mapped parts are still dropped).
 */
int vm_discard(struct mm *mm, uintptr_t addr, size_t len);

/*
 * Allocates the missing pages of [addr, addr + len) (MAP_POPULATE,
 * MADV_POPULATE_*). Returns 0, -ENOMEM (a hole in the range, or out of
 * memory: the pages allocated so far stay).
 */
int vm_populate(struct mm *mm, uintptr_t addr, size_t len);

/* 0 when [addr, addr + len) is wholly mapped, else -ENOMEM (msync). */
int vm_range_mapped(struct mm *mm, uintptr_t addr, size_t len);

/*
 * mincore(2) for n pages from addr (page aligned): vec[i] is 1 when page
 * i is resident. Returns 0 or -ENOMEM (a page of the range unmapped).
 */
int vm_mincore(struct mm *mm, uintptr_t addr, size_t n, unsigned char *vec);

/*
 * Writes len bytes of kernel memory src at addr in mm, which need not be
 * the current space, whatever the areas' protection (execve filling a
 * new image, mmap filling a private file mapping). Pages are allocated or
 * unshared as needed. Returns 0, -EFAULT (part of the range unmapped) or
 * -ENOMEM.
 */
int vm_write(struct mm *mm, uintptr_t addr, const void *src, size_t len);

/*
 * Reads len bytes at addr in mm, which need not be the current space,
 * into the kernel buffer dst, whatever the areas' protection
 * (/proc/<pid>/cmdline and environ, as Linux's access_remote_vm()).
 * Pages never touched read as zeroes; nothing is allocated. Takes
 * mm->lock. Returns the bytes read up to the first unmapped address, or
 * -EFAULT when addr itself is unmapped.
 */
ssize_t vm_read(struct mm *mm, uintptr_t addr, void *dst, size_t len);

/*
 * Resolves a fault at addr caused by access (VM_ACCESS_*): allocates a
 * zeroed page on first touch, copies a shared page on write. Returns 0
 * when the access may be retried, -EFAULT when the address is not mapped
 * or the area forbids the access (the caller delivers SIGSEGV), or
 * -ENOMEM when no page is left (SIGBUS later, like Linux's VM_FAULT_OOM
 * for user faults). The caller holds mm->lock.
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

/*
 * For the arch trap handlers, after vm_trap_fault() failed on a user
 * fault at addr: the si_code of the SIGSEGV to send, SEGV_MAPERR when no
 * area holds addr, SEGV_ACCERR when one does but forbids the access.
 */
int vm_fault_code(uintptr_t addr);

#endif /* CORE_VM_H */
