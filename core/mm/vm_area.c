/*
 * The areas of an address space (<core/vm.h>): a red-black tree of
 * struct vma ordered by start address, and the operations that mmap,
 * munmap, mprotect, mremap and brk are built on. Every operation keeps three
 * invariants: areas are page aligned and never overlap, no area is empty,
 * and neighbours that touch with equal protection and flags are merged.
 *
 * Operations that may split areas allocate every struct vma they need
 * before changing anything, so -ENOMEM always leaves the space as it was.
 */
#define pr_fmt(fmt) "vm: " fmt

#include "vm_internal.h"

#include <arch/pgtable.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/printk.h>
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

bool vm_range_free(struct mm *mm, uintptr_t start, uintptr_t end)
{
	struct vma *v = find_vma_above(mm, start);

	return !v || v->start >= end;
}

uintptr_t vm_range_end(uintptr_t addr, size_t len)
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

void vm_merge_range(struct mm *mm, uintptr_t start, uintptr_t end)
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
int vm_unmap_range(struct mm *mm, uintptr_t start, uintptr_t end)
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

uintptr_t vm_find_free(struct mm *mm, size_t len)
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

long vm_map_locked(struct mm *mm, uintptr_t addr, size_t len,
		   unsigned int prot, unsigned int flags)
{
	bool fixed = flags & (VM_MAP_FIXED | VM_MAP_NOREPLACE);
	struct vma *v;
	uintptr_t end;
	int err;

	if (!len || (prot & ~VM_PROT_MASK) ||
	    (flags & ~(VM_MAP_FIXED | VM_MAP_NOREPLACE | VM_MAP_SHARED |
		       VM_MAP_POPULATE)))
		return -EINVAL;
	if (len > USER_SPACE_END - VM_MIN_ADDR)
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);

	if (fixed) {
		end = vm_range_end(addr, len);
		if (!end)
			return -EINVAL;
		if (addr < VM_MIN_ADDR)
			return -EPERM;
		if ((flags & VM_MAP_NOREPLACE) && !vm_range_free(mm, addr, end))
			return -EEXIST;
	} else {
		addr = ALIGN_DOWN(addr, PAGE_SIZE);
		if (addr < VM_MIN_ADDR || len > USER_SPACE_END - addr ||
		    !vm_range_free(mm, addr, addr + len))
			addr = vm_find_free(mm, len);
		if (!addr)
			return -ENOMEM;
		end = addr + len;
	}

	v = kmalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	err = vm_unmap_range(mm, addr, end);
	if (err) {
		kfree(v);
		return err;
	}
	*v = (struct vma){ .start = addr, .end = end, .prot = prot,
			   .flags = flags & VM_MAP_SHARED ? VMA_SHARED : 0 };
	vma_link(mm, v);
	if ((flags & (VM_MAP_SHARED | VM_MAP_POPULATE)) &&
	    vm_populate_locked(mm, addr, end)) {
		vm_unmap_pages(mm, addr, end);
		vma_free(mm, v);
		return -ENOMEM;
	}
	vm_merge_range(mm, addr, end);
	return (long)addr;
}

long vm_map(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot,
	    unsigned int flags)
{
	long ret;

	mutex_lock(&mm->lock);
	ret = vm_map_locked(mm, addr, len, prot, flags);
	mutex_unlock(&mm->lock);
	return ret;
}

int vm_unmap(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = vm_range_end(addr, len);
	int err;

	if (!end)
		return -EINVAL;
	mutex_lock(&mm->lock);
	err = vm_unmap_range(mm, addr, end);
	mutex_unlock(&mm->lock);
	return err;
}

static int protect_locked(struct mm *mm, uintptr_t addr, uintptr_t end,
			  unsigned int prot)
{
	struct vma *spare[2], *v;
	uintptr_t p;
	int err;

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
		vm_protect_pages(mm, v);
	}
	vm_merge_range(mm, addr, end);
	return 0;
}

int vm_protect(struct mm *mm, uintptr_t addr, size_t len, unsigned int prot)
{
	uintptr_t end = vm_range_end(addr, len);
	int err;

	if (!end || (prot & ~VM_PROT_MASK))
		return -EINVAL;
	mutex_lock(&mm->lock);
	err = protect_locked(mm, addr, end, prot);
	mutex_unlock(&mm->lock);
	return err;
}

/*
 * Moves the frames of [from, from + len) to [to, to + len) (free in the
 * page tables), keeping each page's protection. Returns 0, or -ENOMEM
 * with every frame back where it was.
 */
static int move_pages(struct mm *mm, uintptr_t from, uintptr_t to,
		      size_t len)
{
	size_t off;
	unsigned int pgt;
	paddr_t pa;

	for (off = 0; off < len; off += PAGE_SIZE) {
		if (arch_pgtable_query(mm->root, from + off, &pa, &pgt))
			continue;
		if (arch_pgtable_map(mm->root, to + off, pa, pgt))
			goto err_back;
		arch_pgtable_unmap(mm->root, from + off, NULL);
	}
	return 0;

err_back:
	/* The old tables still exist: mapping back there cannot fail. */
	while (off) {
		off -= PAGE_SIZE;
		if (arch_pgtable_query(mm->root, to + off, &pa, &pgt))
			continue;
		arch_pgtable_map(mm->root, from + off, pa, pgt);
		arch_pgtable_unmap(mm->root, to + off, NULL);
	}
	return -ENOMEM;
}

/* Moves the area part [old, old + len) to dest (free), as new_len bytes. */
static long move_area(struct mm *mm, uintptr_t old, size_t len,
		      uintptr_t dest, size_t new_len)
{
	struct vma *spare[2], *nv, *ov;
	int err;

	nv = kmalloc(sizeof(*nv));
	if (!nv)
		return -ENOMEM;
	err = spares_alloc(spare, splits_needed(mm, old, old + len));
	if (err)
		goto err_free;
	ov = isolate(mm, old, old + len, spare);
	err = move_pages(mm, old, dest, len);
	if (err) {
		vm_merge_range(mm, old, old + len);
		goto err_free;
	}
	*nv = *ov;
	nv->start = dest;
	nv->end = dest + new_len;
	vma_free(mm, ov);
	vma_link(mm, nv);
	if ((nv->flags & VMA_SHARED) &&
	    vm_populate_locked(mm, dest + len, dest + new_len))
		pr_warn("mremap: shared area %#lx not fully populated\n",
			(unsigned long)dest);
	vm_merge_range(mm, old, old + len);
	vm_merge_range(mm, dest, dest + new_len);
	return (long)dest;

err_free:
	kfree(nv);
	return err;
}

static long remap_locked(struct mm *mm, uintptr_t old, size_t old_len,
			 size_t new_len, unsigned int flags, uintptr_t new_addr)
{
	struct vma *v = find_vma(mm, old);
	uintptr_t dest;
	int err;

	if (!v || old_len > v->end - old)
		return -EFAULT;
	if (flags & VM_REMAP_FIXED) {
		if (!vm_range_end(new_addr, new_len))
			return -EINVAL;
		if (new_addr < old + old_len && old < new_addr + new_len)
			return -EINVAL;
		if (new_addr < VM_MIN_ADDR)
			return -EPERM;
		err = vm_unmap_range(mm, new_addr, new_addr + new_len);
		if (err)
			return err;
		/* The old area may have been split or merged: look again. */
		v = find_vma(mm, old);
	}
	if (new_len < old_len) {
		err = vm_unmap_range(mm, old + new_len, old + old_len);
		if (err)
			return err;
		old_len = new_len;
		if (!(flags & VM_REMAP_FIXED))
			return (long)old;
		v = find_vma(mm, old);
	}
	if (flags & VM_REMAP_FIXED)
		return move_area(mm, old, old_len, new_addr, new_len);
	if (new_len == old_len)
		return (long)old;

	/* Grow in place when the area ends here and the pages after are free. */
	if (old + old_len == v->end && new_len <= USER_SPACE_END - old &&
	    vm_range_free(mm, v->end, old + new_len)) {
		uintptr_t prev_end = v->end;

		v->end = old + new_len;
		if ((v->flags & VMA_SHARED) &&
		    vm_populate_locked(mm, prev_end, v->end)) {
			vm_unmap_pages(mm, prev_end, v->end);
			v->end = prev_end;
			return -ENOMEM;
		}
		vm_merge_range(mm, old, old + new_len);
		return (long)old;
	}
	if (!(flags & VM_REMAP_MAYMOVE))
		return -ENOMEM;
	dest = vm_find_free(mm, new_len);
	if (!dest)
		return -ENOMEM;
	return move_area(mm, old, old_len, dest, new_len);
}

long vm_remap(struct mm *mm, uintptr_t old, size_t old_len, size_t new_len,
	      unsigned int flags, uintptr_t new_addr)
{
	long ret;

	if (!IS_ALIGNED(old, PAGE_SIZE) || !old_len || !new_len ||
	    (flags & ~(VM_REMAP_MAYMOVE | VM_REMAP_FIXED)) ||
	    ((flags & VM_REMAP_FIXED) && !(flags & VM_REMAP_MAYMOVE)))
		return -EINVAL;
	if (old_len > USER_SPACE_END || new_len > USER_SPACE_END)
		return -EINVAL;
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	mutex_lock(&mm->lock);
	ret = remap_locked(mm, old, old_len, new_len, flags, new_addr);
	mutex_unlock(&mm->lock);
	return ret;
}

void vm_brk_init(struct mm *mm, uintptr_t base)
{
	mm->brk_start = mm->brk = base;
}

static uintptr_t brk_locked(struct mm *mm, uintptr_t new_brk)
{
	uintptr_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uintptr_t new_end = ALIGN_UP(new_brk, PAGE_SIZE);

	if (new_brk < mm->brk_start || new_brk > USER_SPACE_END)
		return mm->brk;
	if (new_end < old_end) {
		if (vm_unmap_range(mm, new_end, old_end))
			return mm->brk;
	} else if (new_end > old_end) {
		if (!vm_range_free(mm, old_end, new_end) ||
		    vm_map_locked(mm, old_end, new_end - old_end,
				  VM_PROT_READ | VM_PROT_WRITE,
				  VM_MAP_FIXED) < 0)
			return mm->brk;
	}
	mm->brk = new_brk;
	return new_brk;
}

uintptr_t vm_brk(struct mm *mm, uintptr_t new_brk)
{
	uintptr_t ret;

	mutex_lock(&mm->lock);
	ret = brk_locked(mm, new_brk);
	mutex_unlock(&mm->lock);
	return ret;
}
