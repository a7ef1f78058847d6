/*
 * aarch64 system register access from C: read_sysreg()/write_sysreg() for
 * registers by name, including the GICv3 CPU interface registers that older
 * assemblers only know by their encoding (Arm ARM D19, GICv3 spec 12.2).
 * arch/aarch64 code and the aarch64-only drivers (GIC) include this; the
 * register names and bits are usable from assembly too.
 */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#ifndef __ASSEMBLY__
#include <core/types.h>

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

/* The register name is macro-expanded first, so encodings below work. */
#define read_sysreg(reg)                                                      \
	({                                                                    \
		uint64_t __val;                                               \
		__asm__ __volatile__("mrs %0, " __stringify(reg)              \
				     : "=r"(__val));                          \
		__val;                                                        \
	})

#define write_sysreg(val, reg)                                                \
	__asm__ __volatile__("msr " __stringify(reg) ", %x0"                  \
			     : : "rZ"((uint64_t)(val)) : "memory")

#define isb()		__asm__ __volatile__("isb" : : : "memory")
#define dsb(opt)	__asm__ __volatile__("dsb " #opt : : : "memory")

/* MPIDR_EL1 affinity fields Aff3 [39:32], Aff2..Aff0 [23:0]. */
#define MPIDR_AFF_MASK		0xff00ffffffUL
#endif /* !__ASSEMBLY__ */

/* GICv3 CPU interface, EL1 (GICv3/v4 architecture spec, IHI 0069, 12.2). */
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_SRE_EL1		S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7

/* ... and the EL2 registers head.S sets before dropping to EL1. */
#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICH_HCR_EL2		S3_4_C12_C11_0

#define ICC_SRE_SRE		(1 << 0)	/* system register interface */
#define ICC_SRE_DFB		(1 << 1)
#define ICC_SRE_DIB		(1 << 2)
#define ICC_SRE_EL2_ENABLE	(1 << 3)	/* EL1 may set ICC_SRE_EL1 */

#endif /* ARCH_SYSREG_H */
