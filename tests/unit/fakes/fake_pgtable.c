/*
 * Fake page tables (<arch/pgtable.h>) for the host unit tests of the VM
 * layer: each space is a list of (va, pa, prot) leaves in a host array,
 * searched linearly. Roots are small numbers, never dereferenced. The
 * knobs in fakes.h let a test see the current root, count the leaves left
 * when a space is destroyed, and make map fail with -ENOMEM.
 */
#include "fakes.h"

#include <arch/memlayout.h>
#include <arch/pgtable.h>
#include <core/errno.h>
#include <stdlib.h>

struct leaf {
	paddr_t root;
	uintptr_t va;
	paddr_t pa;
	unsigned int prot;
};

static struct leaf *leaves;
static size_t nr_leaves, cap_leaves;
static paddr_t next_root = 1;

paddr_t fake_pgtable_current;
long fake_pgtable_leaked;
long fake_pgtable_fail_after = -1;
long fake_pgtable_spaces;

static struct leaf *find(paddr_t root, uintptr_t va)
{
	size_t i;

	for (i = 0; i < nr_leaves; i++)
		if (leaves[i].root == root && leaves[i].va == va)
			return &leaves[i];
	return NULL;
}

static void drop(struct leaf *l)
{
	*l = leaves[--nr_leaves];
}

int arch_pgtable_create(paddr_t *root)
{
	*root = next_root++;
	fake_pgtable_spaces++;
	return 0;
}

void arch_pgtable_destroy(paddr_t root)
{
	size_t i = 0;

	while (i < nr_leaves) {
		if (leaves[i].root == root) {
			fake_pgtable_leaked++;
			drop(&leaves[i]);
		} else {
			i++;
		}
	}
	fake_pgtable_spaces--;
}

int arch_pgtable_map(paddr_t root, uintptr_t va, paddr_t pa,
		     unsigned int prot)
{
	struct leaf *l = find(root, va);

	if (va % 4096 || va >= USER_SPACE_END)
		return -EINVAL;
	if (fake_pgtable_fail_after == 0)
		return -ENOMEM;
	if (fake_pgtable_fail_after > 0)
		fake_pgtable_fail_after--;
	if (!l) {
		if (nr_leaves == cap_leaves) {
			cap_leaves = cap_leaves ? cap_leaves * 2 : 64;
			leaves = realloc(leaves, cap_leaves * sizeof(*leaves));
			if (!leaves)
				abort();
		}
		l = &leaves[nr_leaves++];
	}
	*l = (struct leaf){ root, va, pa, prot };
	return 0;
}

int arch_pgtable_unmap(paddr_t root, uintptr_t va, paddr_t *pa)
{
	struct leaf *l = find(root, va);

	if (!l)
		return -ENOENT;
	if (pa)
		*pa = l->pa;
	drop(l);
	return 0;
}

int arch_pgtable_query(paddr_t root, uintptr_t va, paddr_t *pa,
		       unsigned int *prot)
{
	struct leaf *l = find(root, va);

	if (!l)
		return -ENOENT;
	if (pa)
		*pa = l->pa;
	if (prot)
		*prot = l->prot;
	return 0;
}

int arch_pgtable_protect(paddr_t root, uintptr_t va, unsigned int prot)
{
	struct leaf *l = find(root, va);

	if (!l)
		return -ENOENT;
	l->prot = prot;
	return 0;
}

void arch_pgtable_switch(paddr_t root)
{
	fake_pgtable_current = root;
}

void arch_tlb_flush_page(uintptr_t va)
{
}

void arch_tlb_flush_user(void)
{
}
