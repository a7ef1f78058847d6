/*
 * The exception syndrome register ESR_EL1 (Arm ARM D17.2.37): exception
 * classes and the abort ISS fields that traps.c and user_traps.c decode.
 */
#ifndef AARCH64_ESR_H
#define AARCH64_ESR_H

#define ESR_EC(esr)	(((esr) >> 26) & 0x3f)
#define ESR_ISS(esr)	((esr) & 0x1ffffff)

#define EC_UNKNOWN	0x00	/* undefined instruction, among others */
#define EC_WFX		0x01
#define EC_FP_ACCESS	0x07
#define EC_ILLEGAL	0x0e	/* illegal execution state */
#define EC_SVC32	0x11
#define EC_SVC64	0x15
#define EC_SYS64	0x18	/* trapped MSR/MRS/system instruction */
#define EC_IABT_LOW	0x20
#define EC_IABT_CUR	0x21
#define EC_PC_ALIGN	0x22
#define EC_DABT_LOW	0x24
#define EC_DABT_CUR	0x25
#define EC_SP_ALIGN	0x26
#define EC_FP_EXC64	0x2c
#define EC_SERROR	0x2f
#define EC_BREAKPT_LOW	0x30
#define EC_SOFTSTP_LOW	0x32
#define EC_WATCHPT_LOW	0x34
#define EC_BRK64	0x3c

#define ISS_WNR		(1 << 6)	/* data abort: caused by a write */
#define ISS_FSC(iss)	((iss) & 0x3f)	/* abort fault status code */

/* Fault status codes (ISS[5:0]) of instruction and data aborts. */
#define FSC_ADDR_SIZE(f)	((f) <= 0x03)
#define FSC_PAGE_FAULT(f)	((f) >= 0x04 && (f) <= 0x0f)	/* translation,
								   access flag,
								   permission */
#define FSC_PERMISSION(f)	(((f) & 0x3c) == 0x0c)
#define FSC_ALIGNMENT		0x21

#endif /* AARCH64_ESR_H */
