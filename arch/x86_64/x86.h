/*
 * x86_64 private: control registers, model-specific registers, CPUID and
 * the time-stamp counter, as inline wrappers around single instructions.
 * Only code under arch/x86_64/ includes this.
 */
#ifndef X86_X86_H
#define X86_X86_H

/* Model-specific registers (Intel SDM vol. 4). */
#define MSR_IA32_APIC_BASE	0x0000001b
#define MSR_EFER		0xc0000080

/* CR0/CR4/EFER bits used by the boot code (SDM vol. 3, 2.5). */
#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		0x80000000
#define CR4_PAE		(1 << 5)
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)

/* RFLAGS.IF */
#define X86_FLAGS_IF	(1UL << 9)

#ifndef __ASSEMBLER__

#include <core/types.h>

static inline uint64_t read_cr2(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t read_cr3(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(uint64_t v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void invlpg(const void *va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr"
			     : : "c"(msr), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32))
			     : "memory");
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t read_rflags(void)
{
	uint64_t v;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(v));
	return v;
}

#endif /* !__ASSEMBLER__ */

#endif /* X86_X86_H */
