/*
 * Memory-mapped device register access on aarch64. Registers are reached
 * through the linear map (Device-nGnRE in the boot map for the first GiB).
 * The accessors are single, untorn loads and stores the compiler cannot
 * merge, split or reorder against each other; Device memory keeps them in
 * program order at the device. mmio_write32() orders earlier Normal-memory
 * writes before the device sees the store (dma buffers, descriptors).
 */
#ifndef ARCH_MMIO_H
#define ARCH_MMIO_H

#include <core/types.h>

static inline uint32_t mmio_read32(const volatile void *addr)
{
	uint32_t val;

	__asm__ __volatile__("ldr %w0, [%1]" : "=r"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write32(volatile void *addr, uint32_t val)
{
	__asm__ __volatile__("dmb oshst\n\tstr %w0, [%1]"
			     : : "rZ"(val), "r"(addr) : "memory");
}

static inline uint64_t mmio_read64(const volatile void *addr)
{
	uint64_t val;

	__asm__ __volatile__("ldr %0, [%1]" : "=r"(val) : "r"(addr) : "memory");
	return val;
}

static inline void mmio_write64(volatile void *addr, uint64_t val)
{
	__asm__ __volatile__("dmb oshst\n\tstr %x0, [%1]"
			     : : "rZ"(val), "r"(addr) : "memory");
}

#endif /* ARCH_MMIO_H */
