/*
 * aarch64 virtual memory layout (4 KiB granule, 48-bit VAs, 4 levels).
 *
 *   0x0000000000000000 - 0x0000ffffffffffff  user space (TTBR0)
 *   0xffff000000000000 - ...                  linear map of physical memory
 *   0xffffffff80000000 - 0xffffffffffffffff  kernel image (TTBR1), mapped
 *                                             at runtime onto wherever the
 *                                             loader placed the image
 *
 * Included from C, assembly and the linker script: constants carry their
 * C suffix only when compiled as C.
 */
#ifndef ARCH_MEMLAYOUT_H
#define ARCH_MEMLAYOUT_H

#ifdef __ASSEMBLY__
#define _UL(x)		x
#else
#define __UL(x)		x##UL
#define _UL(x)		__UL(x)
#endif

#define PAGE_SHIFT	12
#define LINEAR_BASE	_UL(0xffff000000000000)
#define KERNEL_VBASE	_UL(0xffffffff80000000)

/* End of user space: everything TTBR0 translates (48-bit VAs). */
#define USER_SPACE_END	_UL(0x0001000000000000)

/* Physical memory mapped by the boot page tables (the first 512 GiB). */
#define BOOT_LINEAR_MAP_END _UL(0x8000000000)

#endif /* ARCH_MEMLAYOUT_H */
