/*
 * Unit tests of the VM layer (core/mm/vm_area.c, vm_page.c, vm_mm.c,
 * vm_fault.c, vm_access.c) over the real page allocator and a fake page-table backend
 * (fakes/fake_pgtable.c). The area tree is checked against a model, one
 * protection (or "unmapped") per page of a window, after every operation
 * of fixed cases and of a long random run: areas sorted, aligned, never
 * empty, never overlapping, always merged, and counting right. Faults,
 * copy on write and page accounting are checked by physical address.
 */
#include <arch/pgtable.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/vm.h>

#include "fakes.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define MiB (1024UL * 1024)
#define RAM_SIZE (8 * MiB)
#define P 4096UL
#define RW (VM_PROT_READ | VM_PROT_WRITE)

/* The model: pages [BASE, BASE + WINDOW * P); -1 is unmapped. */
#define BASE 0x100000UL
#define WINDOW 64

static uint8_t *ram;
static int model[WINDOW];
static struct mm *mm;
static uint64_t free_at_start;

static int setup(void **state)
{
	struct boot_info bi = { .cmdline = "" };
	int i;

	if (!ram)
		ram = aligned_alloc(4096, RAM_SIZE);
	assert_non_null(ram);
	test_linear_base = (uintptr_t)ram;
	test_linear_map_end = RAM_SIZE;
	boot_add_mem(&bi, MiB, RAM_SIZE - MiB, MEM_USABLE);
	assert_int_equal(pmm_init(&bi), 0);
	free_at_start = pmm_free_bytes();
	fake_kmalloc_fail_after = -1;
	fake_pgtable_fail_after = -1;
	fake_pgtable_leaked = 0;
	for (i = 0; i < WINDOW; i++)
		model[i] = -1;
	mm = mm_create();
	assert_non_null(mm);
	return 0;
}

static int teardown(void **state)
{
	if (mm)
		mm_destroy(mm);
	mm = NULL;
	assert_int_equal(fake_pgtable_leaked, 0);
	assert_int_equal(fake_pgtable_spaces, 0);
	assert_int_equal(pmm_free_bytes(), free_at_start);
	return 0;
}

static int teardown_all(void **state)
{
	free(ram);
	return 0;
}

static uintptr_t pg(int i)
{
	return BASE + i * P;
}

/* The tree against the model and the invariants of <core/vm.h>. */
static void check_tree(void)
{
	struct rb_node *n;
	struct vma *prev = NULL;
	size_t count = 0;
	int i;

	for (n = rb_first(&mm->vmas); n; n = rb_next(n)) {
		struct vma *v = container_of(n, struct vma, node);

		assert_true(v->start < v->end);
		assert_true(v->start % P == 0 && v->end % P == 0);
		if (prev) {
			assert_true(prev->end <= v->start);
			assert_false(prev->end == v->start &&
				     prev->prot == v->prot &&
				     prev->flags == v->flags);
		}
		prev = v;
		count++;
	}
	assert_int_equal(count, mm->nr_vmas);
	for (i = 0; i < WINDOW; i++) {
		struct vma *v = find_vma(mm, pg(i) + 123);

		if (model[i] < 0)
			assert_null(v);
		else
			assert_true(v && (int)v->prot == model[i]);
	}
}

static void model_set(int first, int n, int prot)
{
	int i;

	for (i = first; i < first + n && i < WINDOW; i++)
		model[i] = prot;
}

static void map_fixed(int first, int n, int prot)
{
	assert_int_equal(vm_map(mm, pg(first), n * P, prot, VM_MAP_FIXED),
			 (long)pg(first));
	model_set(first, n, prot);
	check_tree();
}

static void test_split_and_merge(void **state)
{
	map_fixed(0, 10, RW);
	assert_int_equal(mm->nr_vmas, 1);
	/* Protect the middle: three areas; back: one again. */
	assert_int_equal(vm_protect(mm, pg(3), 2 * P, VM_PROT_READ), 0);
	model_set(3, 2, VM_PROT_READ);
	check_tree();
	assert_int_equal(mm->nr_vmas, 3);
	assert_int_equal(vm_protect(mm, pg(3), 2 * P, RW), 0);
	model_set(3, 2, RW);
	check_tree();
	assert_int_equal(mm->nr_vmas, 1);
	/* Unmap the middle, then fill the hole: merged again. */
	assert_int_equal(vm_unmap(mm, pg(4), P), 0);
	model_set(4, 1, -1);
	check_tree();
	assert_int_equal(mm->nr_vmas, 2);
	map_fixed(4, 1, RW);
	assert_int_equal(mm->nr_vmas, 1);
	/* Neighbours with the same protection merge when mapped apart. */
	map_fixed(20, 2, VM_PROT_READ);
	map_fixed(22, 2, VM_PROT_READ);
	assert_int_equal(mm->nr_vmas, 2);
}

static void test_unmap_overlaps_and_holes(void **state)
{
	map_fixed(2, 4, RW);
	map_fixed(8, 4, VM_PROT_READ);
	map_fixed(14, 4, VM_PROT_EXEC);
	/* Straddles the end of one, a hole, all of one, the start of one. */
	assert_int_equal(vm_unmap(mm, pg(4), 11 * P), 0);
	model_set(4, 11, -1);
	check_tree();
	assert_int_equal(mm->nr_vmas, 2);
	/* Holes only, and a length that is not a page multiple. */
	assert_int_equal(vm_unmap(mm, pg(30), 5 * P - 1), 0);
	check_tree();
	assert_int_equal(vm_unmap(mm, pg(2) + 1, P), -EINVAL);
	assert_int_equal(vm_unmap(mm, pg(2), 0), -EINVAL);
	assert_int_equal(vm_unmap(mm, USER_SPACE_END - P, 2 * P), -EINVAL);
}

static void test_map_fixed_replaces(void **state)
{
	map_fixed(0, 16, RW);
	map_fixed(4, 4, VM_PROT_NONE);
	assert_int_equal(mm->nr_vmas, 3);
	map_fixed(2, 12, RW);
	assert_int_equal(mm->nr_vmas, 1);
	assert_int_equal(vm_map(mm, pg(15), P, RW, VM_MAP_NOREPLACE), -EEXIST);
	assert_int_equal(vm_map(mm, pg(16), P, RW, VM_MAP_NOREPLACE),
			 (long)pg(16));
	model_set(16, 1, RW);
	check_tree();
	assert_int_equal(vm_map(mm, pg(1) + 8, P, RW, VM_MAP_FIXED), -EINVAL);
	assert_int_equal(vm_map(mm, 0, P, RW, VM_MAP_FIXED), -EPERM);
	assert_int_equal(vm_map(mm, pg(1), P, 8, 0), -EINVAL);
	assert_int_equal(vm_map(mm, pg(1), P, RW, 0x100), -EINVAL);
}

static void test_placement(void **state)
{
	long a, b, c;

	/* Without a usable hint: top down from VM_MMAP_TOP. */
	a = vm_map(mm, 0, 3 * P, RW, 0);
	assert_int_equal(a, (long)(VM_MMAP_TOP - 3 * P));
	b = vm_map(mm, 0, P, VM_PROT_READ, 0);
	assert_int_equal(b, a - (long)P);
	/* A free hint is taken (rounded down); a taken one is not. */
	c = vm_map(mm, pg(5) + 100, P, RW, 0);
	assert_int_equal(c, (long)pg(5));
	c = vm_map(mm, pg(5), P, RW, 0);
	assert_int_equal(c, b - (long)P);
	/* A hole between areas is found when it is big enough. */
	assert_int_equal(vm_unmap(mm, a, P), 0);
	assert_int_equal(vm_map(mm, 0, P, VM_PROT_EXEC, 0), a);
	assert_int_equal(vm_map(mm, 0, USER_SPACE_END, RW, 0), -ENOMEM);
}

static void test_protect_needs_whole_range(void **state)
{
	map_fixed(0, 4, RW);
	map_fixed(5, 4, RW);
	assert_int_equal(vm_protect(mm, pg(2), 4 * P, VM_PROT_READ), -ENOMEM);
	check_tree();
	assert_int_equal(vm_protect(mm, pg(0), P, 9), -EINVAL);
}

static void test_enomem_changes_nothing(void **state)
{
	map_fixed(0, 10, RW);
	fake_kmalloc_fail_after = 0;
	assert_int_equal(vm_unmap(mm, pg(3), P), -ENOMEM);
	assert_int_equal(vm_protect(mm, pg(3), P, VM_PROT_READ), -ENOMEM);
	assert_int_equal(vm_map(mm, pg(3), P, VM_PROT_READ, VM_MAP_FIXED),
			 -ENOMEM);
	check_tree();
	/* One split of the two needed succeeds: still nothing changes. */
	fake_kmalloc_fail_after = 1;
	assert_int_equal(vm_protect(mm, pg(3), P, VM_PROT_READ), -ENOMEM);
	check_tree();
	fake_kmalloc_fail_after = -1;
}

static paddr_t frame(struct mm *m, uintptr_t va, unsigned int *prot)
{
	paddr_t pa;

	return arch_pgtable_query(m->root, va, &pa, prot) ? 0 : pa;
}

static void test_random_against_model(void **state)
{
	int step;

	srand(4);
	for (step = 0; step < 3000; step++) {
		int first = rand() % WINDOW, n = 1 + rand() % 12;
		int prot = rand() % 4 == 0 ? VM_PROT_NONE : 1 + rand() % 3;

		if (first + n > WINDOW)
			n = WINDOW - first;
		switch (rand() % 3) {
		case 0:
			map_fixed(first, n, prot);
			break;
		case 1:
			assert_int_equal(vm_unmap(mm, pg(first), n * P), 0);
			model_set(first, n, -1);
			break;
		case 2: {
			int i, hole = 0;

			for (i = first; i < first + n; i++)
				hole |= model[i] < 0;
			assert_int_equal(vm_protect(mm, pg(first), n * P, prot),
					 hole ? -ENOMEM : 0);
			if (!hole)
				model_set(first, n, prot);
			break;
		}
		}
		check_tree();
		/* Touch a page now and then so that pages come and go too. */
		if (model[first] > 0 && !frame(mm, pg(first), NULL))
			assert_int_equal(vm_fault(mm, pg(first), VM_ACCESS_READ),
					 0);
	}
}

static void test_fault_rules(void **state)
{
	unsigned int prot;

	map_fixed(0, 2, RW);
	map_fixed(2, 1, VM_PROT_READ);
	map_fixed(3, 1, VM_PROT_NONE);
	map_fixed(4, 1, VM_PROT_WRITE);
	assert_int_equal(vm_fault(mm, pg(0) + 5, VM_ACCESS_WRITE), 0);
	assert_int_equal(mm->nr_pages, 1);
	assert_non_null(frame(mm, pg(0), &prot));
	assert_int_equal(prot, PGT_USER | PGT_READ | PGT_WRITE);
	assert_int_equal(*(char *)phys_to_virt(frame(mm, pg(0), NULL)), 0);
	/* Present and allowed: not a fault the VM layer can fix. */
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_READ), -EFAULT);
	assert_int_equal(vm_fault(mm, pg(1), VM_ACCESS_EXEC), -EFAULT);
	assert_int_equal(vm_fault(mm, pg(2), VM_ACCESS_READ), 0);
	assert_int_equal(vm_fault(mm, pg(2), VM_ACCESS_WRITE), -EFAULT);
	assert_int_equal(vm_fault(mm, pg(3), VM_ACCESS_READ), -EFAULT);
	assert_int_equal(vm_fault(mm, pg(4), VM_ACCESS_READ), 0);
	assert_int_equal(vm_fault(mm, pg(9), VM_ACCESS_READ), -EFAULT);
	/* PROT_NONE keeps the frame, without access. */
	assert_int_equal(vm_protect(mm, pg(2), P, VM_PROT_NONE), 0);
	assert_non_null(frame(mm, pg(2), &prot));
	assert_int_equal(prot, PGT_USER);
	/* Out of pages: -ENOMEM, nothing mapped. */
	fake_pgtable_fail_after = 0;
	assert_int_equal(vm_fault(mm, pg(1), VM_ACCESS_READ), -ENOMEM);
	assert_int_equal(frame(mm, pg(1), NULL), 0);
	fake_pgtable_fail_after = -1;
}

static void test_cow(void **state)
{
	struct mm *child;
	paddr_t a, b, c;
	unsigned int prot;

	map_fixed(0, 3, RW);
	map_fixed(3, 1, VM_PROT_READ);
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_WRITE), 0);
	assert_int_equal(vm_fault(mm, pg(1), VM_ACCESS_WRITE), 0);
	assert_int_equal(vm_fault(mm, pg(3), VM_ACCESS_READ), 0);
	a = frame(mm, pg(0), NULL);
	b = frame(mm, pg(1), NULL);
	c = frame(mm, pg(3), NULL);
	memcpy(phys_to_virt(a), "parent", 7);

	child = mm_dup(mm);
	assert_non_null(child);
	assert_int_equal(child->nr_vmas, 2);
	assert_int_equal(child->nr_pages, 3);
	assert_int_equal(frame(child, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ);
	assert_int_equal(frame(mm, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ);
	assert_int_equal(phys_to_page(a)->refcount, 2);
	assert_int_equal(phys_to_page(c)->refcount, 2);

	/* The child writes: its own copy; the parent keeps the original. */
	assert_int_equal(vm_fault(child, pg(0), VM_ACCESS_WRITE), 0);
	assert_true(frame(child, pg(0), NULL) != a);
	assert_string_equal(phys_to_virt(frame(child, pg(0), NULL)), "parent");
	assert_int_equal(phys_to_page(a)->refcount, 1);
	/* The parent, now alone with a, just gets write access back. */
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_WRITE), 0);
	assert_int_equal(frame(mm, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ | PGT_WRITE);
	/* mprotect on a shared page keeps it read-only. */
	assert_int_equal(vm_protect(mm, pg(1), P, RW), 0);
	assert_int_equal(frame(mm, pg(1), &prot), b);
	assert_int_equal(prot, PGT_USER | PGT_READ);
	/* A page first touched after the fork is not shared. */
	assert_int_equal(vm_fault(child, pg(2), VM_ACCESS_READ), 0);
	assert_int_equal(frame(mm, pg(2), NULL), 0);

	mm_destroy(child);
	assert_int_equal(phys_to_page(b)->refcount, 1);
	assert_int_equal(phys_to_page(c)->refcount, 1);
}

static void test_dup_out_of_memory(void **state)
{
	map_fixed(0, 4, RW);
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_WRITE), 0);
	assert_int_equal(vm_fault(mm, pg(1), VM_ACCESS_WRITE), 0);
	fake_pgtable_fail_after = 1;
	assert_null(mm_dup(mm));
	fake_pgtable_fail_after = -1;
	assert_int_equal(phys_to_page(frame(mm, pg(0), NULL))->refcount, 1);
	/* Write-protected by the failed dup, unshared: no copy needed. */
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_WRITE), 0);
	assert_int_equal(mm->nr_pages, 2);
}

static void test_brk(void **state)
{
	vm_brk_init(mm, pg(10));
	assert_int_equal(vm_brk(mm, pg(10) - 1), pg(10));
	assert_int_equal(vm_brk(mm, pg(12) + 5), pg(12) + 5);
	model_set(10, 3, RW);
	check_tree();
	assert_int_equal(vm_fault(mm, pg(12), VM_ACCESS_WRITE), 0);
	assert_int_equal(vm_brk(mm, pg(11)), pg(11));
	model_set(11, 2, -1);
	check_tree();
	assert_int_equal(mm->nr_pages, 0);
	/* Growing into another mapping is refused. */
	map_fixed(14, 1, VM_PROT_READ);
	assert_int_equal(vm_brk(mm, pg(15)), pg(11));
	assert_int_equal(vm_brk(mm, pg(13)), pg(13));
	model_set(11, 2, RW);
	check_tree();
}

static void test_shared_area(void **state)
{
	struct mm *child;
	unsigned int prot;
	paddr_t a;

	assert_int_equal(vm_map(mm, pg(0), 2 * P, RW,
				VM_MAP_FIXED | VM_MAP_SHARED), (long)pg(0));
	model_set(0, 2, RW);
	check_tree();
	/* Populated at once, and not merged with a private neighbour. */
	assert_int_equal(mm->nr_pages, 2);
	map_fixed(2, 1, RW);
	assert_int_equal(mm->nr_vmas, 2);
	a = frame(mm, pg(0), NULL);
	child = mm_dup(mm);
	assert_non_null(child);
	/* Same frame, writable in both: no copy on write. */
	assert_int_equal(frame(child, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ | PGT_WRITE);
	assert_int_equal(frame(mm, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ | PGT_WRITE);
	assert_int_equal(vm_write(child, pg(0) + 8, "both", 5), 0);
	assert_int_equal(frame(child, pg(0), NULL), a);
	assert_string_equal((char *)phys_to_virt(a) + 8, "both");
	/* mprotect keeps it shared and writable again afterwards. */
	assert_int_equal(vm_protect(mm, pg(0), P, VM_PROT_READ), 0);
	assert_int_equal(vm_protect(mm, pg(0), P, RW), 0);
	assert_int_equal(frame(mm, pg(0), &prot), a);
	assert_int_equal(prot, PGT_USER | PGT_READ | PGT_WRITE);
	/* DONTNEED keeps shared contents. */
	assert_int_equal(vm_discard(mm, pg(0), P), 0);
	assert_int_equal(frame(mm, pg(0), NULL), a);
	mm_destroy(child);
	assert_int_equal(phys_to_page(a)->refcount, 1);
}

static void test_remap(void **state)
{
	paddr_t a, b;
	long r;

	map_fixed(0, 4, RW);
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_WRITE), 0);
	assert_int_equal(vm_fault(mm, pg(3), VM_ACCESS_WRITE), 0);
	a = frame(mm, pg(0), NULL);
	b = frame(mm, pg(3), NULL);
	/* Shrink in place. */
	assert_int_equal(vm_remap(mm, pg(0), 4 * P, 3 * P, 0, 0), (long)pg(0));
	model_set(3, 1, -1);
	check_tree();
	assert_int_equal(mm->nr_pages, 1);
	/* Grow in place into free pages. */
	assert_int_equal(vm_remap(mm, pg(0), 3 * P, 6 * P, 0, 0), (long)pg(0));
	model_set(0, 6, RW);
	check_tree();
	/* Blocked: -ENOMEM without MAYMOVE, moved with it (same frames). */
	map_fixed(6, 1, VM_PROT_READ);
	assert_int_equal(vm_remap(mm, pg(0), 6 * P, 8 * P, 0, 0), -ENOMEM);
	r = vm_remap(mm, pg(0), 6 * P, 8 * P, VM_REMAP_MAYMOVE, 0);
	assert_true(r > 0 && r != (long)pg(0));
	model_set(0, 6, -1);
	check_tree();
	assert_int_equal(frame(mm, r, NULL), a);
	assert_int_equal(frame(mm, pg(0), NULL), 0);
	assert_int_equal(mm->nr_pages, 1);
	assert_int_equal(find_vma(mm, r + 7 * P)->prot, RW);
	/* Fixed: onto pages 10.., replacing what is there. */
	map_fixed(12, 1, VM_PROT_EXEC);
	assert_int_equal(vm_remap(mm, r, 2 * P, 3 * P,
				  VM_REMAP_MAYMOVE | VM_REMAP_FIXED, pg(10)),
			 (long)pg(10));
	model_set(10, 3, RW);
	check_tree();
	assert_int_equal(frame(mm, pg(10), NULL), a);
	/* Errors. */
	assert_int_equal(vm_remap(mm, pg(10), P, 2 * P, VM_REMAP_FIXED, pg(20)),
			 -EINVAL);
	assert_int_equal(vm_remap(mm, pg(10) + 1, P, P, 0, 0), -EINVAL);
	assert_int_equal(vm_remap(mm, pg(10), P, 0, 0, 0), -EINVAL);
	assert_int_equal(vm_remap(mm, pg(30), P, 2 * P, 0, 0), -EFAULT);
	assert_int_equal(vm_remap(mm, pg(10), 5 * P, 6 * P, 0, 0), -EFAULT);
	assert_int_equal(vm_remap(mm, pg(10), P, 2 * P,
				  VM_REMAP_MAYMOVE | VM_REMAP_FIXED, pg(10)),
			 -EINVAL);
	(void)b;
}

static void test_write_populate_discard(void **state)
{
	struct mm *child;
	unsigned char vec[4];
	paddr_t a;

	map_fixed(0, 2, VM_PROT_READ);
	map_fixed(3, 1, RW);
	/* Writes ignore protection, cross pages, allocate as needed. */
	assert_int_equal(vm_write(mm, pg(1) - 2, "abcd", 4), 0);
	assert_int_equal(mm->nr_pages, 2);
	assert_memory_equal((char *)phys_to_virt(frame(mm, pg(0), NULL)) +
				    P - 2, "ab", 2);
	assert_memory_equal(phys_to_virt(frame(mm, pg(1), NULL)), "cd", 2);
	assert_int_equal(vm_write(mm, pg(2), "x", 1), -EFAULT);
	/* A write to a page shared after dup copies it for this space. */
	a = frame(mm, pg(0), NULL);
	child = mm_dup(mm);
	assert_non_null(child);
	assert_int_equal(vm_write(child, pg(0), "C", 1), 0);
	assert_true(frame(child, pg(0), NULL) != a);
	assert_int_equal(*(char *)phys_to_virt(a), 0);
	mm_destroy(child);

	assert_int_equal(vm_mincore(mm, pg(0), 2, vec), 0);
	assert_int_equal(vec[0], 1);
	assert_int_equal(vec[1], 1);
	assert_int_equal(vm_mincore(mm, pg(1), 3, vec), -ENOMEM);
	assert_int_equal(vm_range_mapped(mm, pg(0), 2 * P), 0);
	assert_int_equal(vm_range_mapped(mm, pg(0), 4 * P), -ENOMEM);

	assert_int_equal(vm_populate(mm, pg(3), P), 0);
	assert_int_equal(mm->nr_pages, 3);
	assert_int_equal(vm_populate(mm, pg(2), 2 * P), -ENOMEM);
	/* DONTNEED: dropped, mapped parts too when the range has a hole. */
	assert_int_equal(vm_discard(mm, pg(0), 4 * P), -ENOMEM);
	assert_int_equal(mm->nr_pages, 0);
	assert_int_equal(vm_fault(mm, pg(0), VM_ACCESS_READ), 0);
	assert_int_equal(*(char *)phys_to_virt(frame(mm, pg(0), NULL)), 0);
	check_tree();
}

static void test_map_populate(void **state)
{
	assert_int_equal(vm_map(mm, pg(0), 3 * P, RW,
				VM_MAP_FIXED | VM_MAP_POPULATE), (long)pg(0));
	model_set(0, 3, RW);
	check_tree();
	assert_int_equal(mm->nr_pages, 3);
	/* Out of memory: nothing stays mapped. */
	fake_pgtable_fail_after = 1;
	assert_int_equal(vm_map(mm, pg(5), 3 * P, RW,
				VM_MAP_FIXED | VM_MAP_POPULATE), -ENOMEM);
	fake_pgtable_fail_after = -1;
	check_tree();
	assert_int_equal(mm->nr_pages, 3);
}

static void test_switch_and_destroy_current(void **state)
{
	mm_switch(mm);
	assert_ptr_equal(mm_current(), mm);
	assert_int_equal(fake_pgtable_current, mm->root);
	mm_destroy(mm);
	mm = NULL;
	assert_null(mm_current());
	assert_int_equal(fake_pgtable_current, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_split_and_merge, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unmap_overlaps_and_holes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_fixed_replaces, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_placement, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_protect_needs_whole_range,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_enomem_changes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_against_model,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_rules, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_cow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dup_out_of_memory, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_brk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_area, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_remap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_populate_discard,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_populate, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_switch_and_destroy_current,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
