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
 * (VM_PROT_*); shared pages are never writable (copy on write). Any
 * access right implies read, as on Linux for x86_64 and aarch64.
 */
unsigned int vm_pte_prot(unsigned int prot, bool shared);

/* One more space maps page / one less; the last put frees it. */
void vm_page_get(struct page *page);
void vm_page_put(struct page *page);

/* True when more than one space maps page. */
bool vm_page_shared(const struct page *page);

/* Unmaps every page of [start, end) in mm, dropping each frame's share. */
void vm_unmap_pages(struct mm *mm, uintptr_t start, uintptr_t end);

/* Gives the mapped pages of [start, end) the protection of prot. */
void vm_protect_pages(struct mm *mm, uintptr_t start, uintptr_t end,
		      unsigned int prot);

/* The area after / before v, or NULL. */
struct vma *vma_next(struct vma *v);
struct vma *vma_prev(struct vma *v);

/* Links a new area (not overlapping any) into mm's tree. */
void vma_link(struct mm *mm, struct vma *v);

/* Unlinks v from mm's tree and frees it (its pages are the caller's). */
void vma_free(struct mm *mm, struct vma *v);

#endif /* CORE_MM_VM_INTERNAL_H */
