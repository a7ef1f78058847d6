/*
 * Arch contract: the CPU's sources of randomness, for seeding the kernel's
 * generator (core/random.c). Nothing here is used directly as output.
 */
#ifndef ARCH_RANDOM_H
#define ARCH_RANDOM_H

#include <core/types.h>

/*
 * Stores 64 bits from the CPU's hardware generator (x86_64 RDSEED or
 * RDRAND, aarch64 RNDR) in *v. Returns false when the CPU has none or it
 * did not deliver after a few retries.
 */
bool arch_random_seed(uint64_t *v);

/* Name of the hardware generator ("RDSEED", "RNDR"...), or NULL. */
const char *arch_random_name(void);

/*
 * The fastest-running counter the CPU offers (TSC, CNTVCT_EL0), raw: its
 * low bits jitter from one read to the next. Any context.
 */
uint64_t arch_random_cycles(void);

#endif /* ARCH_RANDOM_H */
