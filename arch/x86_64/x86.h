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
#define MSR_STAR		0xc0000081	/* syscall/sysret selectors */
#define MSR_LSTAR		0xc0000082	/* 64-bit syscall entry */
#define MSR_SFMASK		0xc0000084	/* RFLAGS syscall clears */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102

/* CR0/CR4/EFER bits used by the boot code (SDM vol. 3, 2.5). */
#define CR0_PE		(1 << 0)
#define CR0_MP		(1 << 1)
#define CR0_EM		(1 << 2)
#define CR0_TS		(1 << 3)
#define CR0_NE		(1 << 5)
#define CR0_WP		(1 << 16)
#define CR0_PG		0x80000000
#define CR4_PAE		(1 << 5)
#define CR4_OSFXSR	(1 << 9)
#define CR4_OSXMMEXCPT	(1 << 10)
#define EFER_SCE	(1 << 0)
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)

/* RFLAGS bits (SDM vol. 1, 3.4.3). */
#define X86_FLAGS_CF	(1UL << 0)
#define X86_FLAGS_FIXED	(1UL << 1)	/* always 1 */
#define X86_FLAGS_PF	(1UL << 2)
#define X86_FLAGS_AF	(1UL << 4)
#define X86_FLAGS_ZF	(1UL << 6)
#define X86_FLAGS_SF	(1UL << 7)
#define X86_FLAGS_TF	(1UL << 8)
#define X86_FLAGS_IF	(1UL << 9)
#define X86_FLAGS_DF	(1UL << 10)
#define X86_FLAGS_OF	(1UL << 11)
#define X86_FLAGS_IOPL	(3UL << 12)
#define X86_FLAGS_NT	(1UL << 14)
#define X86_FLAGS_RF	(1UL << 16)
#define X86_FLAGS_AC	(1UL << 18)

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

static inline uint64_t read_cr0(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(uint64_t v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint64_t read_cr4(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(uint64_t v)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(v) : "memory");
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
