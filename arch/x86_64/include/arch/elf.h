/*
 * x86_64 facts for the ELF loader (core/exec/): the machine number
 * executables must carry, the AT_PLATFORM string, and the hardware
 * capabilities reported in the auxiliary vector (AT_HWCAP is CPUID leaf 1
 * EDX on x86_64, as Linux reports it; AT_HWCAP2 has nothing we enable).
 */
#ifndef ARCH_ELF_H
#define ARCH_ELF_H

#include <core/types.h>

#define ELF_MACHINE	62	/* EM_X86_64 */
#define ELF_PLATFORM	"x86_64"

/* AT_MINSIGSTKSZ: 0 means the arch does not report it. */
#define ELF_MINSIGSTKSZ	0

static inline unsigned long arch_elf_hwcap(void)
{
	uint32_t eax = 1, ebx, ecx = 0, edx;

	__asm__ volatile("cpuid"
			 : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx;
}

static inline unsigned long arch_elf_hwcap2(void)
{
	return 0;
}

#endif /* ARCH_ELF_H */
