/*
 * aarch64 translation constants: MAIR attribute indices, block and table
 * descriptor bits (4 KiB granule), TCR_EL1 and SCTLR_EL1 fields, as laid out
 * in the Arm ARM (DDI 0487, D8 "The AArch64 Virtual Memory System
 * Architecture" and D19 "AArch64 System Register Descriptions").
 *
 * Private to arch/aarch64; used by head.S (boot page tables) and C code
 * alike, so everything is a plain constant expression.
 */
#ifndef AARCH64_MMU_H
#define AARCH64_MMU_H

#include <arch/memlayout.h>

/* MAIR_EL1: attribute index -> memory type. */
#define MT_DEVICE_nGnRE		0
#define MT_NORMAL		1
#define MT_NORMAL_NC		2
#define MAIR_ATTR(attr, idx)	(_UL(attr) << ((idx) * 8))
#define MAIR_EL1_VALUE                                                        \
	(MAIR_ATTR(0x04, MT_DEVICE_nGnRE) | MAIR_ATTR(0xff, MT_NORMAL) |      \
	 MAIR_ATTR(0x44, MT_NORMAL_NC))

/* Translation table levels with a 4 KiB granule and 48-bit VAs. */
#define PT_ENTRIES		512
#define L0_SHIFT		39
#define L1_SHIFT		30
#define L2_SHIFT		21
#define L1_BLOCK_SIZE		(_UL(1) << L1_SHIFT)	/* 1 GiB */
#define L2_BLOCK_SIZE		(_UL(1) << L2_SHIFT)	/* 2 MiB */
#define PT_INDEX(va, shift)	(((va) >> (shift)) & (PT_ENTRIES - 1))

/* Descriptor bits (stage 1, VMSAv8-64). */
#define PTE_BLOCK		_UL(1)		/* bits[1:0] = 0b01, level 1-2 */
#define PTE_TABLE		_UL(3)		/* bits[1:0] = 0b11, level 0-2 */
#define PTE_PAGE		_UL(3)		/* bits[1:0] = 0b11, level 3 */
#define PTE_ATTRINDX(idx)	(_UL(idx) << 2)
#define PTE_USER		(_UL(1) << 6)	/* AP[1]: EL0 access */
#define PTE_RDONLY		(_UL(1) << 7)	/* AP[2] */
#define PTE_SH_INNER		(_UL(3) << 8)
#define PTE_AF			(_UL(1) << 10)
#define PTE_NG			(_UL(1) << 11)
#define PTE_PXN			(_UL(1) << 53)
#define PTE_UXN			(_UL(1) << 54)

/* TCR_EL1 */
#define TCR_T0SZ(bits)		(_UL(64) - (bits))
#define TCR_EPD0		(_UL(1) << 7)
#define TCR_IRGN0_WBWA		(_UL(1) << 8)
#define TCR_ORGN0_WBWA		(_UL(1) << 10)
#define TCR_SH0_INNER		(_UL(3) << 12)
#define TCR_TG0_4K		(_UL(0) << 14)
#define TCR_T1SZ(bits)		((_UL(64) - (bits)) << 16)
#define TCR_IRGN1_WBWA		(_UL(1) << 24)
#define TCR_ORGN1_WBWA		(_UL(1) << 26)
#define TCR_SH1_INNER		(_UL(3) << 28)
#define TCR_TG1_4K		(_UL(2) << 30)
#define TCR_IPS_SHIFT		32
#define TCR_IPS_48BIT		_UL(5)	/* largest without FEAT_LPA2 */

#define VA_BITS			48
#define TCR_EL1_VALUE                                                         \
	(TCR_T0SZ(VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |                \
	 TCR_SH0_INNER | TCR_TG0_4K | TCR_T1SZ(VA_BITS) | TCR_IRGN1_WBWA |    \
	 TCR_ORGN1_WBWA | TCR_SH1_INNER | TCR_TG1_4K)

/* SCTLR_EL1 */
#define SCTLR_M			(_UL(1) << 0)
#define SCTLR_C			(_UL(1) << 2)
#define SCTLR_SA		(_UL(1) << 3)
#define SCTLR_SA0		(_UL(1) << 4)
#define SCTLR_I			(_UL(1) << 12)
#define SCTLR_DZE		(_UL(1) << 14)	/* EL0 may use DC ZVA */
#define SCTLR_UCT		(_UL(1) << 15)	/* EL0 may read CTR_EL0 */
#define SCTLR_nTWI		(_UL(1) << 16)	/* EL0 WFI not trapped */
#define SCTLR_nTWE		(_UL(1) << 18)	/* EL0 WFE not trapped */
#define SCTLR_UCI		(_UL(1) << 26)	/* EL0 cache maintenance */
/* Bits that are RES1 in Armv8.0 (EOS, TSCXT, EIS, SPAN, nTLSMD, LSMAOE). */
#define SCTLR_EL1_RES1                                                        \
	((_UL(1) << 11) | (_UL(1) << 20) | (_UL(1) << 22) | (_UL(1) << 23) |  \
	 (_UL(1) << 28) | (_UL(1) << 29))
#define SCTLR_EL1_MMU_OFF	SCTLR_EL1_RES1
/* With the EL0 permissions Linux grants (user code may run __clear_cache). */
#define SCTLR_EL1_MMU_ON                                                      \
	(SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_SA0 | SCTLR_I | \
	 SCTLR_DZE | SCTLR_UCT | SCTLR_nTWI | SCTLR_nTWE | SCTLR_UCI)

/* CPACR_EL1.FPEN = 0b11: FP/SIMD untrapped at EL0 and EL1. */
#define CPACR_EL1_FPEN		(_UL(3) << 20)

/* CNTKCTL_EL1.EL0VCTEN: EL0 may read the virtual counter (as Linux). */
#define CNTKCTL_EL0VCTEN	(_UL(1) << 1)

#endif /* AARCH64_MMU_H */
