/*
 * Memory layout for the host unit tests. It replaces the per-arch
 * arch/<arch>/include/arch/memlayout.h: the linear map base and the end of
 * the boot linear map are variables (fakes/fake_mm.c), so a test can back
 * a range of pretend physical memory with a host buffer:
 *
 *	test_linear_base = (uintptr_t)buffer - pretend_phys_base;
 */
#ifndef ARCH_MEMLAYOUT_H
#define ARCH_MEMLAYOUT_H

#include <stdint.h>

#define PAGE_SHIFT	12

extern uintptr_t test_linear_base;
extern uint64_t test_linear_map_end;

#define LINEAR_BASE		test_linear_base
#define BOOT_LINEAR_MAP_END	test_linear_map_end
#define USER_SPACE_END		0x00007ffffffff000UL

#endif /* ARCH_MEMLAYOUT_H */
