/*
 * The ELF64 loader: static executables (ET_EXEC) at their link address,
 * and static PIEs (ET_DYN without PT_INTERP) at a fixed load bias,
 * Linux's ELF_ET_DYN_BASE (two thirds of the user space, rounded to
 * pages; no randomization). A dynamic executable (PT_INTERP) is refused
 * with -ENOEXEC until the dynamic loader is supported.
 *
 * Each PT_LOAD segment becomes an anonymous area with the segment's
 * protection, and its file bytes are copied in (there is no page cache
 * to map them from); the rest of the area, bss included, stays zero.
 * Segments that share a page share one area page, with the union of
 * their protections. The heap (brk) starts at the page after the
 * highest segment end.
 */
#define pr_fmt(fmt) "exec: " fmt

#include "exec_internal.h"

#include <arch/elf.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/vm.h>

/* Where a static PIE is loaded (Linux's ELF_ET_DYN_BASE, x86_64 and arm64). */
#define ELF_ET_DYN_BASE	ALIGN_DOWN(USER_SPACE_END / 3 * 2, PAGE_SIZE)

/* Largest segment alignment honoured for the load bias. */
#define ELF_MAX_ALIGN	(1UL << 21)

#define COPY_CHUNK	(4 * PAGE_SIZE)

static bool header_ok(const struct binprm *b, const struct elf64_ehdr *eh)
{
	if (b->buf_len < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4))
		return false;
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT)
		return false;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return false;
	if (eh->e_machine != ELF_MACHINE)
		return false;
	/* Linux's limit: the headers fit in 64 KiB. */
	return eh->e_phentsize == sizeof(struct elf64_phdr) && eh->e_phnum &&
	       eh->e_phnum <= 65536 / sizeof(struct elf64_phdr);
}

static unsigned int seg_prot(uint32_t flags)
{
	return (flags & PF_R ? VM_PROT_READ : 0) |
	       (flags & PF_W ? VM_PROT_WRITE : 0) |
	       (flags & PF_X ? VM_PROT_EXEC : 0);
}

/* Copies len file bytes at off into the new image at addr. */
static int copy_segment(struct binprm *b, uint64_t off, uintptr_t addr,
			size_t len)
{
	char *buf = kmalloc(COPY_CHUNK);
	int err = 0;

	if (!buf)
		return -ENOMEM;
	while (len) {
		int64_t pos = off;
		ssize_t got = vfs_read(b->file, buf, MIN(len, COPY_CHUNK), &pos);

		if (got <= 0) {
			/* The file ends inside a segment: a broken image. */
			err = got < 0 ? got : -EIO;
			break;
		}
		err = vm_write(b->mm, addr, buf, got);
		if (err)
			break;
		off += got;
		addr += got;
		len -= got;
	}
	kfree(buf);
	return err;
}

/*
 * Checks the PT_LOAD segments (ascending, sizes consistent, no overflow)
 * and finds their extent and largest alignment; PT_INTERP and
 * PT_GNU_STACK are noted on the way.
 */
static int scan_phdrs(struct binprm *b, const struct elf64_phdr *ph, int n,
		      uint64_t *lo, uint64_t *hi, uint64_t *align)
{
	uint64_t prev = 0;
	int i, loads = 0;

	*lo = UINT64_MAX;
	*hi = 0;
	*align = PAGE_SIZE;
	for (i = 0; i < n; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type == PT_INTERP) {
			pr_debug("%s: dynamic executables are not supported yet\n",
				 b->filename);
			return -ENOEXEC;
		}
		if (p->p_type == PT_GNU_STACK)
			b->exec_stack = p->p_flags & PF_X;
		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_vaddr < prev ||
		    p->p_memsz > USER_SPACE_END ||
		    p->p_vaddr > USER_SPACE_END - p->p_memsz ||
		    p->p_offset + p->p_filesz < p->p_offset)
			return -ENOEXEC;
		prev = p->p_vaddr;
		*lo = MIN(*lo, p->p_vaddr);
		*hi = MAX(*hi, p->p_vaddr + p->p_memsz);
		if (p->p_align > *align && !(p->p_align & (p->p_align - 1)))
			*align = MIN(p->p_align, ELF_MAX_ALIGN);
		loads++;
	}
	return loads ? 0 : -ENOEXEC;
}

/*
 * The image's code and data bounds for /proc/<pid>/stat, as Linux's
 * load_elf_binary() computes them: code from the executable segments,
 * data up to the end of the last segment's file bytes.
 */
static void note_bounds(struct mm *mm, const struct elf64_phdr *p,
			uintptr_t va)
{
	if (!mm->start_code)
		mm->start_code = UINTPTR_MAX;
	if ((p->p_flags & PF_X) && va < mm->start_code)
		mm->start_code = va;
	mm->start_data = MAX(mm->start_data, va);
	if (p->p_flags & PF_X)
		mm->end_code = MAX(mm->end_code, va + p->p_filesz);
	mm->end_data = MAX(mm->end_data, va + p->p_filesz);
}

/* Maps and fills the segments at bias. Returns 0 or -errno. */
static int map_segments(struct binprm *b, const struct elf64_phdr *ph,
			int n, uintptr_t bias)
{
	uintptr_t prev_end = 0;
	unsigned int prev_prot = 0;
	int i, err;

	for (i = 0; i < n; i++) {
		const struct elf64_phdr *p = &ph[i];
		uintptr_t va = p->p_vaddr + bias;
		uintptr_t start = ALIGN_DOWN(va, PAGE_SIZE);
		uintptr_t end = ALIGN_UP(va + p->p_memsz, PAGE_SIZE);
		unsigned int prot = seg_prot(p->p_flags);
		long ret;

		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		if (start < prev_end) {
			/* Shares pages with the previous segment. */
			err = vm_protect(b->mm, start, prev_end - start,
					 prot | prev_prot);
			if (err)
				return err;
			start = prev_end;
		}
		if (end > start) {
			ret = vm_map(b->mm, start, end - start, prot,
				     VM_MAP_NOREPLACE);
			if (ret < 0)
				return ret == -EEXIST ? -ENOEXEC : ret;
		}
		err = copy_segment(b, p->p_offset, va, p->p_filesz);
		if (err)
			return err;
		note_bounds(b->mm, p, va);
		prev_end = MAX(prev_end, end);
		prev_prot = prot;
	}
	return 0;
}

/* User address of the program headers, or 0 if no segment loads them. */
static uintptr_t phdr_addr(const struct elf64_ehdr *eh,
			   const struct elf64_phdr *ph, uintptr_t bias)
{
	uint64_t size = (uint64_t)eh->e_phnum * sizeof(*ph);
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr + bias;
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff + size <= ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + (eh->e_phoff - ph[i].p_offset) +
			       bias;
	return 0;
}

int load_elf(struct binprm *b)
{
	struct elf64_ehdr eh;
	struct elf64_phdr *ph;
	uint64_t lo, hi, align;
	uintptr_t bias = 0;
	size_t size;
	int64_t pos;
	int err;

	memcpy(&eh, b->buf, sizeof(eh));
	if (!header_ok(b, &eh))
		return -ENOEXEC;
	size = (size_t)eh.e_phnum * sizeof(*ph);
	ph = kmalloc(size);
	if (!ph)
		return -ENOMEM;
	pos = eh.e_phoff;
	err = vfs_read(b->file, ph, size, &pos);
	if (err >= 0 && (size_t)err != size)
		err = -ENOEXEC;
	if (err < 0)
		goto out;

	b->exec_stack = false;
	err = scan_phdrs(b, ph, eh.e_phnum, &lo, &hi, &align);
	if (err)
		goto out;
	if (eh.e_type == ET_DYN)
		bias = ALIGN_UP(ELF_ET_DYN_BASE, align) - ALIGN_DOWN(lo, align);
	err = -ENOMEM;
	if (hi + bias > VM_MMAP_TOP || ALIGN_DOWN(lo + bias, PAGE_SIZE) <
					       VM_MIN_ADDR)
		goto out;

	b->mm = mm_create();
	if (!b->mm)
		goto out;
	err = map_segments(b, ph, eh.e_phnum, bias);
	if (err)
		goto out;
	vm_brk_init(b->mm, ALIGN_UP(hi + bias, PAGE_SIZE));
	b->entry = eh.e_entry + bias;
	b->phdr = phdr_addr(&eh, ph, bias);
	b->phnum = eh.e_phnum;
out:
	kfree(ph);
	return err;
}
