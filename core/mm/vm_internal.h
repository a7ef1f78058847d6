/*
 * Private to core/mm/vm_*.c: the helpers the area, space and fault code
 * share. See <core/vm.h> for the model.
 */
#ifndef CORE_MM_VM_INTERNAL_H
#define CORE_MM_VM_INTERNAL_H

#include <core/vm.h>

struct page;

/*
 * Page-table protection for a page of an area with protection prot
 * (VM_PROT_*); pages shared copy-on-write (cow) are never writable. Any
 * access right implies read, as on Linux for x86_64 and aarch64.
 */
unsigned int vm_pte_prot(unsigned int prot, bool cow);

/* True when the frame at pa, mapped in area v, is copy-on-write. */
bool vm_page_cow(const struct vma *v, paddr_t pa);

/* One more space maps page / one less; the last put frees it. */
void vm_page_get(struct page *page);
void vm_page_put(struct page *page);

/* True when more than one space maps page. */
bool vm_page_shared(const struct page *page);

/* Unmaps every page of [start, end) in mm, dropping each frame's share. */
void vm_unmap_pages(struct mm *mm, uintptr_t start, uintptr_t end);

/* Gives the mapped pages of area v the protection of v->prot. */
void vm_protect_pages(struct mm *mm, const struct vma *v);

/*
 * Maps a fresh page at va (in area v), a copy of src or zeroes when src
 * is NULL, and counts it. Returns 0 or -ENOMEM.
 */
int vm_map_new_page(struct mm *mm, const struct vma *v, uintptr_t va,
		    const void *src);

/*
 * The frame at va (in area v) made writable by this space alone: mapped
 * when missing, copied when shared copy-on-write. Returns its physical
 * address in *pa, 0 or -ENOMEM.
 */
int vm_page_for_write(struct mm *mm, const struct vma *v, uintptr_t va,
		      paddr_t *pa);

/* Allocates the missing pages of [start, end) (mapped). 0 or -ENOMEM. */
int vm_populate_locked(struct mm *mm, uintptr_t start, uintptr_t end);

/*
 * The unlocked bodies of vm_map() and vm_unmap() (mm->lock held), and
 * helpers vm_remap() shares with them.
 */
long vm_map_locked(struct mm *mm, uintptr_t addr, size_t len,
		   unsigned int prot, unsigned int flags);
int vm_unmap_range(struct mm *mm, uintptr_t start, uintptr_t end);
/* True when no area overlaps [start, end). */
bool vm_range_free(struct mm *mm, uintptr_t start, uintptr_t end);
/* The highest free range of len bytes below VM_MMAP_TOP, or 0. */
uintptr_t vm_find_free(struct mm *mm, size_t len);
/*
 * Page-aligned end of [addr, addr + len), or 0 when addr is unaligned,
 * len is 0, or the range passes USER_SPACE_END.
 */
uintptr_t vm_range_end(uintptr_t addr, size_t len);
/* Merges the touching, equal neighbours among the areas around [start, end]. */
void vm_merge_range(struct mm *mm, uintptr_t start, uintptr_t end);

/* The area after / before v, or NULL. */
struct vma *vma_next(struct vma *v);
struct vma *vma_prev(struct vma *v);

/* Links a new area (not overlapping any) into mm's tree. */
void vma_link(struct mm *mm, struct vma *v);

/* Unlinks v from mm's tree and frees it (its pages are the caller's). */
void vma_free(struct mm *mm, struct vma *v);

#endif /* CORE_MM_VM_INTERNAL_H */
