/*
 * Range operations on the pages of a space (<core/vm.h>), for the memory
 * syscalls and execve: populating (MAP_POPULATE, shared areas), dropping
 * (MADV_DONTNEED), asking what is mapped or resident (msync, mincore),
 * and writing kernel data into a space that need not be the current one
 * (filling a new image or a private file mapping: there is no page cache,
 * so file contents are copied into anonymous pages) or reading it
 * (/proc/<pid>/cmdline).
 *
 * All of them walk the areas page by page under mm->lock; none touches
 * user memory through uaccess (see the locking rule in <core/vm.h>).
 */
#include "vm_internal.h"

#include <arch/pgtable.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/string.h>

int vm_populate_locked(struct mm *mm, uintptr_t start, uintptr_t end)
{
	uintptr_t va;
	paddr_t pa;
	int err;

	for (va = start; va < end; va += PAGE_SIZE) {
		struct vma *v = find_vma(mm, va);

		if (!v)
			return -ENOMEM;
		if (!arch_pgtable_query(mm->root, va, &pa, NULL))
			continue;
		err = vm_map_new_page(mm, v, va, NULL);
		if (err)
			return err;
	}
	return 0;
}

int vm_populate(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = vm_range_end(addr, len);
	int err;

	if (!end)
		return -ENOMEM;
	mutex_lock(&mm->lock);
	err = vm_populate_locked(mm, addr, end);
	mutex_unlock(&mm->lock);
	return err;
}

/* 0 when [addr, end) is covered by areas, else -ENOMEM. Lock held. */
static int covered(struct mm *mm, uintptr_t addr, uintptr_t end)
{
	struct vma *v;
	uintptr_t p;

	for (p = addr, v = find_vma(mm, addr); p < end; v = vma_next(v)) {
		if (!v || v->start > p)
			return -ENOMEM;
		p = v->end;
	}
	return 0;
}

int vm_range_mapped(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = vm_range_end(addr, len);
	int err;

	if (!end)
		return -ENOMEM;
	mutex_lock(&mm->lock);
	err = covered(mm, addr, end);
	mutex_unlock(&mm->lock);
	return err;
}

int vm_discard(struct mm *mm, uintptr_t addr, size_t len)
{
	uintptr_t end = vm_range_end(addr, len);
	struct vma *v;
	int err;

	if (!end)
		return -ENOMEM;
	mutex_lock(&mm->lock);
	err = covered(mm, addr, end);
	for (v = find_vma_above(mm, addr); v && v->start < end;
	     v = vma_next(v)) {
		if (v->flags & VMA_SHARED)
			continue;
		vm_unmap_pages(mm, MAX(v->start, addr), MIN(v->end, end));
	}
	mutex_unlock(&mm->lock);
	return err;
}

int vm_mincore(struct mm *mm, uintptr_t addr, size_t n, unsigned char *vec)
{
	uintptr_t end;
	size_t i;
	int err;

	if (!n)
		return 0;
	if (n > USER_SPACE_END / PAGE_SIZE)
		return -ENOMEM;
	end = vm_range_end(addr, n * PAGE_SIZE);
	if (!end)
		return -ENOMEM;
	mutex_lock(&mm->lock);
	err = covered(mm, addr, end);
	for (i = 0; !err && i < n; i++)
		vec[i] = !arch_pgtable_query(mm->root, addr + i * PAGE_SIZE,
					     NULL, NULL);
	mutex_unlock(&mm->lock);
	return err;
}

int vm_write(struct mm *mm, uintptr_t addr, const void *src, size_t len)
{
	const char *s = src;
	int err = 0;

	if (addr >= USER_SPACE_END || len > USER_SPACE_END - addr)
		return -EFAULT;
	mutex_lock(&mm->lock);
	while (len) {
		uintptr_t va = ALIGN_DOWN(addr, PAGE_SIZE);
		size_t off = addr - va, n = MIN(len, PAGE_SIZE - off);
		struct vma *v = find_vma(mm, addr);
		paddr_t pa;

		if (!v) {
			err = -EFAULT;
			break;
		}
		err = vm_page_for_write(mm, v, va, &pa);
		if (err)
			break;
		memcpy((char *)phys_to_virt(pa) + off, s, n);
		s += n;
		addr += n;
		len -= n;
	}
	mutex_unlock(&mm->lock);
	return err;
}

ssize_t vm_read(struct mm *mm, uintptr_t addr, void *dst, size_t len)
{
	char *d = dst;
	size_t done = 0;

	if (addr >= USER_SPACE_END)
		return -EFAULT;
	len = MIN(len, USER_SPACE_END - addr);
	mutex_lock(&mm->lock);
	while (done < len) {
		uintptr_t va = ALIGN_DOWN(addr, PAGE_SIZE);
		size_t off = addr - va, n = MIN(len - done, PAGE_SIZE - off);
		paddr_t pa;

		if (!find_vma(mm, addr))
			break;
		if (arch_pgtable_query(mm->root, va, &pa, NULL))
			memset(d + done, 0, n);
		else
			memcpy(d + done, (char *)phys_to_virt(pa) + off, n);
		done += n;
		addr += n;
	}
	mutex_unlock(&mm->lock);
	return done ? (ssize_t)done : (len ? -EFAULT : 0);
}
