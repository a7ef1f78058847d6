/*
 * The areas of an address space (<core/vm.h>): a red-black tree of
 * struct vma ordered by start address, and the operations that mmap,
 * munmap, mprotect and brk are built on. Every operation keeps three
 * invariants: areas are page aligned and never overlap, no area is empty,
 * and neighbours that touch with equal protection and flags are merged.
 *
 * Operations that may split areas allocate every struct vma they need
 * before changing anything, so -ENOMEM always leaves the space as it was.
 */
#include "vm_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/slab.h>

#define to_vma(n) container_of(n, struct vma, node)

struct vma *vma_next(struct vma *v)
{
	struct rb_node *n = rb_next(&v->node);

	return n ? to_vma(n) : NULL;
}

struct vma *vma_prev(struct vma *v)
{
	struct rb_node *n = rb_prev(&v->node);

	return n ? to_vma(n) : NULL;
}

void vma_link(struct mm *mm, struct vma *v)
{
	struct rb_node **link = &mm->vmas.node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = v->start < to_vma(parent)->start ? &parent->left
							: &parent->right;
	}
	rb_link_node(&v->node, parent, link);
	rb_insert_fixup(&mm->vmas, &v->node);
	mm->nr_vmas++;
}

void vma_free(struct mm *mm, struct vma *v)
{
	rb_erase(&mm->vmas, &v->node);
	mm->nr_vmas--;
	kfree(v);
}

struct vma *find_vma_above(struct mm *mm, uintptr_t addr)
{
	struct rb_node *n = mm->vmas.node;
	struct vma *best = NULL;

	while (n) {
		struct vma *v = to_vma(n);

		if (v->end > addr) {
			best = v;
			if (v->start <= addr)
				break;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return best;
}

struct vma *find_vma(struct mm *mm, uintptr_t addr)
{
	struct vma *v = find_vma_above(mm, addr);

	return v && v->start <= addr ? v : NULL;
}

static bool range_free(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *v = find_vma_above(mm, start);

	return !v || v->start >= end;
}

/*
 * Page-aligned end of [addr, addr + len), or 0 when addr is unaligned,
 * len is 0, or the range passes USER_SPACE_END.
 */
static uintptr_t range_end(uintptr_t addr, size_t len)
{
	if (!IS_ALIGNED(addr, PAGE_SIZE) || !len ||
	    len > USER_SPACE_END - addr)
		return 0;
	return addr + ALIGN_UP(len, PAGE_SIZE);
}

static bool mergeable(const struct vma *a, const struct vma *b)
{
	return a->end == b->start && a->prot == b->prot &&
	       a->flags == b->flags;
}

/* Merges the touching, equal neighbours among the areas around [start, end]. */
static void merge_range(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *v = find_vma_above(mm, start ? start - 1 : 0);

	while (v && v->start <= end) {
		struct vma *next = vma_next(v);

		if (next && mergeable(v, next)) {
			v->end = next->end;
			vma_free(mm, next);
		} else {
			v = next;
		}
	}
}

/*
 * Number of splits that cutting [start, end) out of the areas needs: one
 * for an area straddling start, one for an area straddling end.
 */
static int splits_needed(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *first = find_vma(mm, start), *last = find_vma(mm, end - 1);

	return (first && first->start < start) + (last && last->end > end);
}

/* Allocates n spare areas; returns 0 or -ENOMEM (none kept). */
static int spares_alloc(struct vma **spare, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		spare[i] = kmalloc(sizeof(struct vma));
		if (!spare[i]) {
			while (i--)
				kfree(spare[i]);
			return -ENOMEM;
		}
	}
	return 0;
}

/* Splits v at addr (inside it) with the spare *s; returns the upper part. */
static struct vma *split(struct mm *mm, struct vma *v, uintptr_t addr,
			 struct vma *s)
{
	*s = *v;
	s->start = addr;
	v->end = addr;
	vma_link(mm, s);
	return s;
}

/*
 * Splits the areas straddling start and end so that [start, end) is made
 * of whole areas, using the spares counted by splits_needed(). Returns the
 * first area inside the range, or NULL if none.
 */
static struct vma *isolate(struct mm *mm, uintptr_t start, uintptr_t end,
			   struct vma **spare)
{
	struct vma *v = find_vma_above(mm, start), *last;

	if (v && v->start < start)
		v = split(mm, v, start, *spare++);
	last = find_vma(mm, end - 1);
	if (last && last->end > end)
		split(mm, last, end, *spare);
	return v && v->start < end ? v : NULL;
}

/* Unmaps [start, end), page aligned. Returns 0 or -ENOMEM (no change). */
static int unmap_range(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *spare[2], *v;
	int err;

	err = spares_alloc(spare, splits_needed(mm, start, end));
	if (err)
		return err;
	v = isolate(mm, start, end, spare);
	while (v && v->start < end) {
		struct vma *next = vma_next(v);

		vm_unmap_pages(mm, v->start, v->end);
		vma_free(mm, v);
		v = next;
	}
	return 0;
}

/* The highest free range of len bytes below VM_MMAP_TOP, or 0. */
static uintptr_t find_free(struct mm *mm, size_t len)
{
	uintptr_t top = VM_MMAP_TOP;
	struct rb_node *n;

	for (n = rb_last(&mm->vmas); n; n = rb_prev(n)) {
		struct vma *v = to_vma(n);

		if (v->start >= top)
			continue;
		if (v->end <= top && top - v->end >= len)
			return top - len;
		top = v->start;
	}
	return top >= VM_MIN_ADDR + len ? top - len : 0;
}

long vm_map(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot,
	    unsigned int flags)
{
	bool fixed = flags & (VM_MAP_FIXED | VM_MAP_NOREPLACE);
	struct vma *v;
	uintptr_t end;
	int err;

	if (!len || (prot & ~VM_PROT_MASK) ||
	    (flags & ~(VM_MAP_FIXED | VM_MAP_NOREPLACE)))
		return -EINVAL;
	if (len > USER_SPACE_END - VM_MIN_ADDR)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);

	if (fixed) {
		end = range_end(addr, len);
		if (!end)
			return -EINVAL;
		if (addr < VM_MIN_ADDR)
			return -EPERM;
		if ((flags & VM_MAP_NOREPLACE) && !range_free(mm, addr, end))
			return -EEXIST;
	} else {
		addr = ALIGN_DOWN(addr, PAGE_SIZE);
		if (addr < VM_MIN_ADDR || len > USER_SPACE_END - addr ||
		    !range_free(mm, addr, addr + len))
			addr = find_free(mm, len);
		if (!addr)
			return -ENOMEM;
		end = addr + len;
	}

	v = kmalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	err = unmap_range(mm, addr, end);
	if (err) {
		kfree(v);
		return err;
	}
	*v = (struct vma){ .start = addr, .end = end, .prot = prot };
	vma_link(mm, v);
	merge_range(mm, addr, end);
	return (long)addr;
}

int vm_unmap(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = range_end(addr, len);

	if (!end)
		return -EINVAL;
	return unmap_range(mm, addr, end);
}

int vm_protect(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot)
{
	uintptr_t end = range_end(addr, len), p;
	struct vma *spare[2], *v;
	int err;

	if (!end || (prot & ~VM_PROT_MASK))
		return -EINVAL;
	/* Linux answers -ENOMEM for a range with unmapped pages in it. */
	for (p = addr, v = find_vma(mm, addr); p < end; v = vma_next(v)) {
		if (!v || v->start > p)
			return -ENOMEM;
		p = v->end;
	}
	err = spares_alloc(spare, splits_needed(mm, addr, end));
	if (err)
		return err;
	for (v = isolate(mm, addr, end, spare); v && v->start < end;
	     v = vma_next(v)) {
		v->prot = prot;
		vm_protect_pages(mm, v->start, v->end, prot);
	}
	merge_range(mm, addr, end);
	return 0;
}

void vm_brk_init(struct mm *mm, uintptr_t base)
{
	mm->brk_start = mm->brk = base;
}

uintptr_t vm_brk(struct mm *mm, uintptr_t new_brk)
{
	uintptr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uintptr_t new_end = ALIGN_UP(new_brk, PAGE_SIZE);

	if (new_brk < mm->brk_start || new_brk > USER_SPACE_END)
		return mm->brk;
	if (new_end < old_end) {
		if (unmap_range(mm, new_end, old_end))
			return mm->brk;
	} else if (new_end > old_end) {
		if (!range_free(mm, old_end, new_end) ||
		    vm_map(mm, old_end, new_end - old_end,
			   VM_PROT_READ | VM_PROT_WRITE, VM_MAP_FIXED) < 0)
			return mm->brk;
	}
	mm->brk = new_brk;
	return new_brk;
}
