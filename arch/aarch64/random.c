/*
 * aarch64 randomness for seeding (<arch/random.h>): the RNDR register of
 * FEAT_RNG (ID_AA64ISAR0_EL1.RNDR, bits [63:60], non-zero), which sets
 * PSTATE.Z when it could not deliver (Arm ARM C5.2.15). QEMU's cortex-a72
 * lacks it; -cpu max has it. The cycle counter is CNTVCT_EL0 (the only
 * counter EL1 may read without setting up the PMU; its low bits still move
 * between reads spaced by work of varying length).
 */
#include <arch/random.h>

#include <arch/sysreg.h>

/* Encodings, so that the assembler needs no FEAT_RNG option. */
#define SYS_RNDR		S3_3_C2_C4_0
#define ISAR0_RNDR_SHIFT	60
#define RETRIES			10

static int has_rndr = -1;

static bool rndr_present(void)
{
	if (has_rndr < 0)
		has_rndr = ((read_sysreg(id_aa64isar0_el1) >> ISAR0_RNDR_SHIFT) &
			    0xf) != 0;
	return has_rndr;
}

static bool rndr(uint64_t *v)
{
	uint64_t nzcv;

	__asm__ __volatile__("mrs %0, " __stringify(SYS_RNDR) "\n\t"
			     "mrs %1, nzcv"
			     : "=r"(*v), "=r"(nzcv) : : "cc");
	/* Z (bit 30) set: no random number this time. */
	return !(nzcv & (1UL << 30));
}

bool arch_random_seed(uint64_t *v)
{
	int i;

	if (!rndr_present())
		return false;
	for (i = 0; i < RETRIES; i++)
		if (rndr(v))
			return true;
	return false;
}

const char *arch_random_name(void)
{
	return rndr_present() ? "RNDR" : NULL;
}

uint64_t arch_random_cycles(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}
