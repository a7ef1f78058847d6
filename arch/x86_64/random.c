/*
 * x86_64 randomness for seeding (<arch/random.h>): RDSEED (CPUID leaf 7
 * EBX bit 18) is preferred, RDRAND (leaf 1 ECX bit 30) otherwise; both
 * set CF when the value is valid (Intel SDM vol. 2, RDRAND/RDSEED). The
 * default QEMU CPU (qemu64) has neither; -cpu max or host does. The
 * cycle counter is the TSC.
 */
#include <arch/random.h>

#include "x86.h"

#define CPUID1_ECX_RDRAND	(1U << 30)
#define CPUID7_EBX_RDSEED	(1U << 18)
#define RETRIES			10

enum hwrng { HWRNG_UNKNOWN, HWRNG_NONE, HWRNG_RDRAND, HWRNG_RDSEED };

static enum hwrng hwrng;

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(leaf), "c"(sub));
}

static enum hwrng detect(void)
{
	uint32_t r[4];
	uint32_t max_leaf;

	cpuid(0, 0, r);
	max_leaf = r[0];
	if (max_leaf >= 7) {
		cpuid(7, 0, r);
		if (r[1] & CPUID7_EBX_RDSEED)
			return HWRNG_RDSEED;
	}
	cpuid(1, 0, r);
	if (r[2] & CPUID1_ECX_RDRAND)
		return HWRNG_RDRAND;
	return HWRNG_NONE;
}

static enum hwrng which(void)
{
	if (hwrng == HWRNG_UNKNOWN)
		hwrng = detect();
	return hwrng;
}

static bool rdseed(uint64_t *v)
{
	uint8_t ok;

	__asm__ __volatile__("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
	return ok;
}

static bool rdrand(uint64_t *v)
{
	uint8_t ok;

	__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok) : : "cc");
	return ok;
}

bool arch_random_seed(uint64_t *v)
{
	enum hwrng h = which();
	int i;

	for (i = 0; i < RETRIES && h != HWRNG_NONE; i++) {
		if (h == HWRNG_RDSEED ? rdseed(v) : rdrand(v))
			return true;
		__asm__ __volatile__("pause");
	}
	return false;
}

const char *arch_random_name(void)
{
	switch (which()) {
	case HWRNG_RDSEED:
		return "RDSEED";
	case HWRNG_RDRAND:
		return "RDRAND";
	default:
		return NULL;
	}
}

uint64_t arch_random_cycles(void)
{
	return rdtsc();
}
