/*
 * Page faults on user addresses (<core/vm.h>): the area decides whether
 * the access is allowed; a missing page is allocated zero-filled (read or
 * write alike: no shared zero page), a write to a page shared after
 * mm_dup() copies it unless this space is its last user, which just gets
 * write access back.
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

/* Maps a fresh page at va, a copy of src (or zeroes when src is NULL). */
static int map_new_page(struct mm *mm, uintptr_t va, unsigned int prot,
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
			       vm_pte_prot(prot, false));
	if (err)
		page_free(page, 0);
	return err;
}

int vm_fault(struct mm *mm, uintptr_t addr, unsigned int access)
{
	struct vma *v = find_vma(mm, addr);
	uintptr_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	struct page *page;
	unsigned int pgt;
	paddr_t pa;
	int err;

	if (!v || !access_allowed(v->prot, access))
		return -EFAULT;

	if (arch_pgtable_query(mm->root, va, &pa, &pgt)) {
		err = map_new_page(mm, va, v->prot, NULL);
		if (!err)
			mm->nr_pages++;
		return err;
	}

	/*
	 * Every page-table change invalidates the TLB, so an entry that
	 * already allows the access did not cause this fault: retrying
	 * would only fault again.
	 */
	if (!(access & VM_ACCESS_WRITE) || (pgt & PGT_WRITE))
		return -EFAULT;

	page = phys_to_page(pa);
	if (!vm_page_shared(page))
		return arch_pgtable_protect(mm->root, va,
					    vm_pte_prot(v->prot, false));
	err = map_new_page(mm, va, v->prot, page_address(page));
	if (!err)
		vm_page_put(page);
	return err;
}
