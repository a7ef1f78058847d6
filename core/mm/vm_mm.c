/*
 * Address spaces as a whole (<core/vm.h>): creation, destruction, the
 * copy-on-write duplicate that fork makes, and which space is current.
 * The current space is the one loaded in the MMU: the scheduler switches
 * to the next task's with mm_switch() (kernel threads keep the loaded
 * one), execve to the new image's.
 */
#include "vm_internal.h"

#include <arch/pgtable.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/slab.h>
#include <fs/vfs.h>

static struct mm *current_mm;

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	if (arch_pgtable_create(&mm->root)) {
		kfree(mm);
		return NULL;
	}
	mm->vmas = RB_ROOT_INIT;
	mm->users = 1;
	mutex_init(&mm->lock);
	return mm;
}

struct mm *mm_get(struct mm *mm)
{
	__atomic_add_fetch(&mm->users, 1, __ATOMIC_RELAXED);
	return mm;
}

void mm_put(struct mm *mm)
{
	if (__atomic_sub_fetch(&mm->users, 1, __ATOMIC_ACQ_REL) == 0)
		mm_destroy(mm);
}

void mm_destroy(struct mm *mm)
{
	struct rb_node *n;

	if (mm == current_mm)
		mm_switch(NULL);
	while ((n = rb_first(&mm->vmas))) {
		struct vma *v = container_of(n, struct vma, node);

		vm_unmap_pages(mm, v->start, v->end);
		vma_free(mm, v);
	}
	arch_pgtable_destroy(mm->root);
	if (mm->exe_file)
		fput(mm->exe_file);
	kfree(mm);
}

/*
 * Shares the mapped pages of v (an area of mm, already copied to child):
 * each frame is mapped read-only in child and write-protected in mm,
 * or, in a VMA_SHARED area, mapped as it is in both.
 * Returns 0 or -ENOMEM.
 */
static int share_pages(struct mm *mm, struct mm *child, const struct vma *v)
{
	bool cow = !(v->flags & VMA_SHARED);
	unsigned int shared_prot = vm_pte_prot(v->prot, cow), pgt;
	uintptr_t va;
	paddr_t pa;
	int err;

	for (va = v->start; va < v->end; va += PAGE_SIZE) {
		if (arch_pgtable_query(mm->root, va, &pa, &pgt))
			continue;
		err = arch_pgtable_map(child->root, va, pa, shared_prot);
		if (err)
			return err;
		vm_page_get(phys_to_page(pa));
		child->nr_pages++;
		if (cow && (pgt & PGT_WRITE))
			arch_pgtable_protect(mm->root, va, shared_prot);
	}
	return 0;
}

struct mm *mm_dup(struct mm *mm)
{
	struct mm *child = mm_create();
	struct rb_node *n;

	if (!child)
		return NULL;
	mutex_lock(&mm->lock);
	for (n = rb_first(&mm->vmas); n; n = rb_next(n)) {
		struct vma *v = container_of(n, struct vma, node);
		struct vma *copy = kmalloc(sizeof(*copy));

		if (!copy)
			goto err_destroy;
		*copy = *v;
		vma_link(child, copy);
		if (share_pages(mm, child, v))
			goto err_destroy;
	}
	child->brk_start = mm->brk_start;
	child->brk = mm->brk;
	child->arg_start = mm->arg_start;
	child->arg_end = mm->arg_end;
	child->env_start = mm->env_start;
	child->env_end = mm->env_end;
	child->start_code = mm->start_code;
	child->end_code = mm->end_code;
	child->start_data = mm->start_data;
	child->end_data = mm->end_data;
	child->start_stack = mm->start_stack;
	child->exe_file = mm->exe_file ? fget(mm->exe_file) : NULL;
	mutex_unlock(&mm->lock);
	return child;

err_destroy:
	mutex_unlock(&mm->lock);
	/*
	 * Pages already write-protected in mm stay so; with their share
	 * dropped again, the next write fault finds them unshared and just
	 * makes them writable.
	 */
	mm_destroy(child);
	return NULL;
}

void mm_switch(struct mm *mm)
{
	current_mm = mm;
	arch_pgtable_switch(mm ? mm->root : 0);
}

struct mm *mm_current(void)
{
	return current_mm;
}
