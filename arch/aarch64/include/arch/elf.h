/*
 * arm64 facts for the ELF loader (core/exec/): the machine number
 * executables must carry, the AT_PLATFORM string, the minimum signal
 * stack size reported as AT_MINSIGSTKSZ, and AT_HWCAP built from the ID
 * registers with Linux's bit numbers (arch/arm64/include/uapi/asm/hwcap.h):
 * FP, ASIMD, AES, PMULL, SHA1, SHA2, CRC32, ATOMICS.
 */
#ifndef ARCH_ELF_H
#define ARCH_ELF_H

#include <arch/sysreg.h>
#include <core/types.h>

#define ELF_MACHINE	183	/* EM_AARCH64 */
#define ELF_PLATFORM	"aarch64"

/* MINSIGSTKSZ of the arm64 uapi: room for a frame without SVE state. */
#define ELF_MINSIGSTKSZ	5120

#define HWCAP_FP	(1UL << 0)
#define HWCAP_ASIMD	(1UL << 1)
#define HWCAP_AES	(1UL << 3)
#define HWCAP_PMULL	(1UL << 4)
#define HWCAP_SHA1	(1UL << 5)
#define HWCAP_SHA2	(1UL << 6)
#define HWCAP_CRC32	(1UL << 7)
#define HWCAP_ATOMICS	(1UL << 8)

/* Field of an ID register: 4 bits at shift. */
static inline unsigned int id_field(uint64_t reg, unsigned int shift)
{
	return (reg >> shift) & 0xf;
}

static inline unsigned long arch_elf_hwcap(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
	uint64_t isar0 = read_sysreg(id_aa64isar0_el1);
	unsigned long hwcap = 0;

	/* PFR0.FP (19:16) and .AdvSIMD (23:20): 0xf means absent. */
	if (id_field(pfr0, 16) != 0xf)
		hwcap |= HWCAP_FP;
	if (id_field(pfr0, 20) != 0xf)
		hwcap |= HWCAP_ASIMD;
	if (id_field(isar0, 4) >= 1)
		hwcap |= HWCAP_AES;
	if (id_field(isar0, 4) >= 2)
		hwcap |= HWCAP_PMULL;
	if (id_field(isar0, 8) >= 1)
		hwcap |= HWCAP_SHA1;
	if (id_field(isar0, 12) >= 1)
		hwcap |= HWCAP_SHA2;
	if (id_field(isar0, 16) >= 1)
		hwcap |= HWCAP_CRC32;
	if (id_field(isar0, 20) >= 2)
		hwcap |= HWCAP_ATOMICS;
	return hwcap;
}

static inline unsigned long arch_elf_hwcap2(void)
{
	return 0;
}

#endif /* ARCH_ELF_H */
