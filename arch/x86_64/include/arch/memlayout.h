/*
 * x86_64 virtual memory layout (4-level paging, 48-bit addresses).
 *
 *   0x0000000000000000 - 0x00007fffffffffff  user space
 *   0xffff800000000000 - ...                  linear map of physical memory
 *   0xffffffff80000000 - 0xffffffffffffffff  kernel image (-mcmodel=kernel),
 *                                             virtual = KERNEL_VBASE + physical
 *
 * Also included by assembly and by the linker script, where integer
 * suffixes are not understood: _UL() drops them there.
 */
#ifndef ARCH_MEMLAYOUT_H
#define ARCH_MEMLAYOUT_H

#ifdef __ASSEMBLER__
#define _UL(x)		x
#else
#define _UL(x)		x##UL
#endif

#define PAGE_SHIFT	12
#define LINEAR_BASE	_UL(0xffff800000000000)
#define KERNEL_VBASE	_UL(0xffffffff80000000)

/*
 * End of user space: the lower canonical half less its last page, as in
 * Linux (a page next to the non-canonical hole is never mapped).
 */
#define USER_SPACE_END	_UL(0x00007ffffffff000)

/* Physical load address of the kernel image (GRUB and QEMU load it here). */
#define KERNEL_PHYS_BASE _UL(0x100000)

/* Physical memory mapped by the boot page tables (the first 4 GiB). */
#define BOOT_LINEAR_MAP_END _UL(0x100000000)

#endif /* ARCH_MEMLAYOUT_H */
