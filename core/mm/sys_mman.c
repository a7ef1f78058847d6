/*
 * The memory-mapping syscalls (SYSCALL_MEMORY): mmap, munmap, mprotect,
 * mremap, madvise, msync and mincore, on the current process's space
 * (<core/vm.h>). Arguments are checked here in Linux's order, so that
 * the error codes match mmap(2) and friends; the VM layer does the work.
 *
 * Mappings are anonymous memory. MAP_SHARED | MAP_ANONYMOUS is really
 * shared with children after fork (VMA_SHARED). There is no page cache
 * yet, so a MAP_PRIVATE file mapping is filled by reading the file into
 * fresh anonymous pages when it is made: later writes to the file are not
 * seen through it, and pages past the end of the file read as zeroes
 * instead of raising SIGBUS. MAP_SHARED file mappings answer -ENODEV
 * until the page cache exists.
 */
#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/uaccess.h>
#include <core/vm.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

/* Linux's values (asm-generic/mman-common.h; x86_64 uses the same). */
#define PROT_SEM		0x8
#define PROT_GROWSDOWN		0x01000000
#define PROT_GROWSUP		0x02000000

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_GROWSDOWN		0x0100
#define MAP_DENYWRITE		0x0800
#define MAP_EXECUTABLE		0x1000
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000
#define MAP_STACK		0x20000
#define MAP_HUGETLB		0x40000
#define MAP_SYNC		0x80000
#define MAP_FIXED_NOREPLACE	0x100000

/* What MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK + MAP_SYNC). */
#define MAP_KNOWN (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | \
		   MAP_DENYWRITE | MAP_EXECUTABLE | MAP_LOCKED | \
		   MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | \
		   MAP_HUGETLB | MAP_FIXED_NOREPLACE | 0x40 /* MAP_32BIT */)

#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4

#define MS_ASYNC		1
#define MS_INVALIDATE		2
#define MS_SYNC			4

#define FILL_CHUNK		(4 * PAGE_SIZE)

long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd,
	      long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long addr, size_t len, int prot);
long sys_mremap(unsigned long old, size_t old_len, size_t new_len,
		int flags, unsigned long new_addr);
long sys_madvise(unsigned long addr, size_t len, int advice);
long sys_msync(unsigned long addr, size_t len, int flags);
long sys_mincore(unsigned long addr, size_t len, unsigned char *vec);

/* Copies the file from off into the new private mapping at addr. */
static int fill_from_file(struct mm *mm, uintptr_t addr, size_t len,
			  struct file *file, int64_t off)
{
	int64_t size = file->f_inode->i_size, pos = off;
	size_t done = 0;
	char *buf;
	int err = 0;

	if (off >= size)
		return 0;
	len = MIN(len, (uint64_t)(size - off));
	buf = kmalloc(FILL_CHUNK);
	if (!buf)
		return -ENOMEM;
	while (done < len) {
		int64_t at = pos;
		ssize_t got = vfs_read(file, buf, MIN(len - done, FILL_CHUNK),
				       &at);

		if (got <= 0) {
			err = got;
			break;
		}
		err = vm_write(mm, addr + done, buf, got);
		if (err)
			break;
		done += got;
		pos += got;
	}
	kfree(buf);
	return err;
}

static long map_file(uintptr_t addr, size_t len, unsigned int prot,
		     int flags, unsigned int vmflags, int fd, int64_t off)
{
	struct mm *mm = current->mm;
	struct file *file = fd_get(fd);
	long ret;
	int err;

	if (!file)
		return -EBADF;
	ret = -EBADF;
	if (file->f_flags & O_PATH)
		goto out;
	ret = -EACCES;
	if (!(file->f_mode & FMODE_READ))
		goto out;
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (prot & VM_PROT_WRITE) &&
	    !(file->f_mode & FMODE_WRITE))
		goto out;
	ret = -ENODEV;
	if (!S_ISREG(file->f_inode->i_mode) || !file->f_op ||
	    !file->f_op->read || (flags & MAP_TYPE) != MAP_PRIVATE)
		goto out;
	ret = -EOVERFLOW;
	if (off < 0 || (uint64_t)off + len < (uint64_t)off)
		goto out;

	ret = vm_map(mm, addr, len, prot, vmflags);
	if (ret < 0)
		goto out;
	err = fill_from_file(mm, ret, len, file, off);
	if (err) {
		vm_unmap(mm, ret, len);
		ret = err;
	}
out:
	fput(file);
	return ret;
}

long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd,
	      long off)
{
	unsigned int vmflags = 0;
	int type = flags & MAP_TYPE;
	long ret;

	if (off & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!len)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE) {
		/* Linux validates file mappings only; anonymous ones: EINVAL. */
		if (flags & MAP_ANONYMOUS)
			return -EINVAL;
		if (flags & ~MAP_KNOWN & ~MAP_SYNC)
			return -EOPNOTSUPP;
		if (flags & MAP_SYNC)
			return -EOPNOTSUPP;	/* no DAX file system */
		type = MAP_SHARED;
	} else if (type != MAP_SHARED && type != MAP_PRIVATE) {
		return -EINVAL;
	}
	if (len > USER_SPACE_END - PAGE_SIZE)
		return -ENOMEM;
	/* No huge pages are reserved, as on a Linux without hugetlbfs pool. */
	if (flags & MAP_HUGETLB)
		return -ENOMEM;

	/* As Linux: NOREPLACE wins when both are given. */
	if (flags & MAP_FIXED_NOREPLACE)
		vmflags |= VM_MAP_NOREPLACE;
	else if (flags & MAP_FIXED)
		vmflags |= VM_MAP_FIXED;
	if (flags & (MAP_POPULATE | MAP_LOCKED))
		vmflags |= VM_MAP_POPULATE;
	prot &= VM_PROT_MASK;

	if (!(flags & MAP_ANONYMOUS))
		return map_file(addr, len, prot, flags, vmflags, fd,
				off);
	if (type == MAP_SHARED)
		vmflags |= VM_MAP_SHARED;
	ret = vm_map(current->mm, addr, len, prot, vmflags);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	return vm_unmap(current->mm, addr, len);
}

long sys_mprotect(unsigned long addr, size_t len, int prot)
{
	unsigned int p = prot;

	if (p & ~(VM_PROT_MASK | PROT_SEM | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((p & PROT_GROWSDOWN) && (p & PROT_GROWSUP))
		return -EINVAL;
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!len)
		return 0;
	if (len > USER_SPACE_END || addr > USER_SPACE_END - ALIGN_UP(len, PAGE_SIZE))
		return -ENOMEM;
	return vm_protect(current->mm, addr, len, p & VM_PROT_MASK);
}

long sys_mremap(unsigned long old, size_t old_len, size_t new_len,
		int flags, unsigned long new_addr)
{
	unsigned int f = flags;

	/* MREMAP_DONTUNMAP is not implemented: refused as unknown. */
	if (f & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	return vm_remap(current->mm, old, old_len, new_len,
			(f & MREMAP_MAYMOVE ? VM_REMAP_MAYMOVE : 0) |
				(f & MREMAP_FIXED ? VM_REMAP_FIXED : 0),
			new_addr);
}

/* madvise advice values (asm-generic/mman-common.h). */
enum {
	MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
	MADV_DONTNEED, MADV_FREE = 8, MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK,
	MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE, MADV_NOHUGEPAGE,
	MADV_DONTDUMP, MADV_DODUMP, MADV_WIPEONFORK, MADV_KEEPONFORK,
	MADV_COLD, MADV_PAGEOUT, MADV_POPULATE_READ, MADV_POPULATE_WRITE,
	MADV_DONTNEED_LOCKED,
};

long sys_madvise(unsigned long addr, size_t len, int advice)
{
	struct mm *mm = current->mm;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (len > USER_SPACE_END || addr > USER_SPACE_END - ALIGN_UP(len, PAGE_SIZE))
		return -EINVAL;
	switch (advice) {
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
		return len ? vm_discard(mm, addr, len) : 0;
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return len ? vm_populate(mm, addr, len) : 0;
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_DOFORK:
	case MADV_KEEPONFORK:
		/* Advice only (or nothing to undo): Linux checks the range. */
		return len ? vm_range_mapped(mm, addr, len) : 0;
	default:
		/*
		 * Unknown, or features this kernel lacks (KSM, transparent
		 * huge pages, DONTFORK/WIPEONFORK, REMOVE on anonymous
		 * memory): EINVAL, as Linux built without them.
		 */
		return -EINVAL;
	}
}

long sys_msync(unsigned long addr, size_t len, int flags)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (!len)
		return 0;
	if (len > USER_SPACE_END || addr > USER_SPACE_END - ALIGN_UP(len, PAGE_SIZE))
		return -ENOMEM;
	/* Anonymous memory only: nothing to write back. */
	return vm_range_mapped(current->mm, addr, len);
}

long sys_mincore(unsigned long addr, size_t len, unsigned char *vec)
{
	unsigned char buf[256];
	size_t pages, done = 0;
	int err;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (len > USER_SPACE_END || addr > USER_SPACE_END - ALIGN_UP(len, PAGE_SIZE))
		return -ENOMEM;
	pages = ALIGN_UP(len, PAGE_SIZE) / PAGE_SIZE;
	/* The vector is filled in chunks: no user memory under mm->lock. */
	while (done < pages) {
		size_t n = MIN(pages - done, sizeof(buf));

		err = vm_mincore(current->mm, addr + done * PAGE_SIZE, n, buf);
		if (err)
			return err;
		if (copy_to_user(vec + done, buf, n))
			return -EFAULT;
		done += n;
	}
	return 0;
}
