/*
 * The pages of user address spaces: zero-filled anonymous frames from the
 * page allocator, counted by struct page's refcount (one per space that
 * maps the frame), and the loops that unmap or re-protect the pages of a
 * range. A frame mapped by several spaces is copy-on-write unless its
 * area is VMA_SHARED. Part of the VM layer described in <core/vm.h>.
 */
#include "vm_internal.h"

#include <arch/pgtable.h>
#include <core/compiler.h>
#include <core/mm.h>
#include <core/page.h>

unsigned int vm_pte_prot(unsigned int prot, bool cow)
{
	unsigned int pgt;

	if (!(prot & VM_PROT_MASK))
		return PGT_USER;
	pgt = PGT_USER | PGT_READ;
	if ((prot & VM_PROT_WRITE) && !cow)
		pgt |= PGT_WRITE;
	if (prot & VM_PROT_EXEC)
		pgt |= PGT_EXEC;
	return pgt;
}

void vm_page_get(struct page *page)
{
	page->refcount++;
}

void vm_page_put(struct page *page)
{
	if (--page->refcount == 0)
		page_free(page, 0);
}

bool vm_page_shared(const struct page *page)
{
	return page->refcount > 1;
}

bool vm_page_cow(const struct vma *v, paddr_t pa)
{
	return !(v->flags & VMA_SHARED) && vm_page_shared(phys_to_page(pa));
}

void vm_unmap_pages(struct mm *mm, uintptr_t start, uintptr_t end)
{
	uintptr_t va;
	paddr_t pa;

	for (va = start; va < end; va += PAGE_SIZE) {
		if (arch_pgtable_unmap(mm->root, va, &pa))
			continue;
		vm_page_put(phys_to_page(pa));
		mm->nr_pages--;
	}
}

void vm_protect_pages(struct mm *mm, const struct vma *v)
{
	uintptr_t va;
	paddr_t pa;

	for (va = v->start; va < v->end; va += PAGE_SIZE) {
		if (arch_pgtable_query(mm->root, va, &pa, NULL))
			continue;
		arch_pgtable_protect(mm->root, va,
				     vm_pte_prot(v->prot, vm_page_cow(v, pa)));
	}
}
