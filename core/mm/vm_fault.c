/*
 * Page faults on user addresses (<core/vm.h>): the area decides whether
 * the access is allowed; a missing page is allocated zero-filled (read or
 * write alike: no shared zero page), a write to a page shared after
 * mm_dup() copies it unless this space is its last user, which just gets
 * write access back. Frames of VMA_SHARED areas are never copied.
 */
#include "vm_internal.h"

#include <arch/pgtable.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/string.h>

static bool access_allowed(unsigned int prot, unsigned int access)
{
	if (!(prot & VM_PROT_MASK))
		return false;
	if ((access & VM_ACCESS_WRITE) && !(prot & VM_PROT_WRITE))
		return false;
	if ((access & VM_ACCESS_EXEC) && !(prot & VM_PROT_EXEC))
		return false;
	return true;
}

int vm_map_new_page(struct mm *mm, const struct vma *v, uintptr_t va,
		    const void *src)
{
	struct page *page = page_alloc(0);
	int err;

	if (!page)
		return -ENOMEM;
	if (src)
		memcpy(page_address(page), src, PAGE_SIZE);
	else
		memset(page_address(page), 0, PAGE_SIZE);
	page->refcount = 1;
	err = arch_pgtable_map(mm->root, va, page_to_phys(page),
			       vm_pte_prot(v->prot, false));
	if (err) {
		page_free(page, 0);
		return err;
	}
	mm->nr_pages++;
	return 0;
}

int vm_page_for_write(struct mm *mm, const struct vma *v, uintptr_t va,
		      paddr_t *pa)
{
	struct page *page;
	int err;

	if (arch_pgtable_query(mm->root, va, pa, NULL)) {
		err = vm_map_new_page(mm, v, va, NULL);
	} else if (vm_page_cow(v, *pa)) {
		/* The copy replaces the shared frame's entry. */
		page = phys_to_page(*pa);
		err = vm_map_new_page(mm, v, va, page_address(page));
		if (!err) {
			mm->nr_pages--;
			vm_page_put(page);
		}
	} else {
		return 0;
	}
	if (err)
		return err;
	return arch_pgtable_query(mm->root, va, pa, NULL);
}

int vm_fault(struct mm *mm, uintptr_t addr, unsigned int access)
{
	struct vma *v = find_vma(mm, addr);
	uintptr_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	unsigned int pgt;
	paddr_t pa;

	if (!v || !access_allowed(v->prot, access))
		return -EFAULT;

	if (arch_pgtable_query(mm->root, va, &pa, &pgt))
		return vm_map_new_page(mm, v, va, NULL);

	/*
	 * Every page-table change invalidates the TLB, so an entry that
	 * already allows the access did not cause this fault: retrying
	 * would only fault again.
	 */
	if (!(access & VM_ACCESS_WRITE) || (pgt & PGT_WRITE))
		return -EFAULT;

	if (!vm_page_cow(v, pa))
		return arch_pgtable_protect(mm->root, va,
					    vm_pte_prot(v->prot, false));
	return vm_page_for_write(mm, v, va, &pa);
}
