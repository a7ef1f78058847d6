/*
 * x87/SSE state for user mode. The kernel itself never executes an FP or
 * SSE instruction (-mgeneral-regs-only), so the registers always belong
 * to the user task on the CPU: they are saved and loaded with
 * fxsave/fxrstor in the 512-byte FXSAVE format (SDM vol. 1, 10.5.1),
 * which is also the fpstate of a signal frame (struct _fpstate_64).
 *
 * FXSAVE area offsets used here: FCW 0, FSW 2, MXCSR 24, MXCSR_MASK 28,
 * bytes 464-511 free for software (Linux's fpx_sw_bytes).
 */
#include <arch/thread.h>

#include <core/compiler.h>
#include <core/string.h>

#include "x86.h"
#include "x86_user.h"

#define FX_FCW		0
#define FX_MXCSR	24
#define FX_MXCSR_MASK	28
#define FX_SW_BYTES	464

/* Initial control words of the ABI: all exceptions masked, round to nearest. */
#define FCW_DEFAULT	0x037f
#define MXCSR_DEFAULT	0x1f80

/* FPE_* si_codes (asm-generic/siginfo.h). */
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7

/* MXCSR bits the CPU accepts (SDM vol. 1, 11.6.6: 0 means 0xffbf). */
static uint32_t mxcsr_mask = 0xffbf;

/*
 * CR0: MP with EM and TS clear lets user code use x87/SSE without #NM; NE
 * reports x87 errors as #MF. CR4: OSFXSR enables SSE and fxsave's XMM
 * part, OSXMMEXCPT reports SIMD errors as #XM (SDM vol. 3, 13.1).
 */
void fpu_init(void)
{
	static uint8_t probe[FXSAVE_SIZE] __aligned(16);
	uint32_t mask;

	write_cr0((read_cr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit");
	fpu_save(probe);
	memcpy(&mask, probe + FX_MXCSR_MASK, sizeof(mask));
	if (mask)
		mxcsr_mask = mask;
}

void fpu_save(void *area)
{
	__asm__ __volatile__("fxsave64 %0"
			     : "=m"(*(uint8_t(*)[FXSAVE_SIZE])area));
}

void fpu_restore(const void *area)
{
	__asm__ __volatile__("fxrstor64 %0"
			     : : "m"(*(const uint8_t(*)[FXSAVE_SIZE])area));
}

void fpu_fresh(void *area)
{
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(area, 0, FXSAVE_SIZE);
	memcpy((uint8_t *)area + FX_FCW, &fcw, sizeof(fcw));
	memcpy((uint8_t *)area + FX_MXCSR, &mxcsr, sizeof(mxcsr));
}

/* fxrstor raises #GP on reserved MXCSR bits (SDM vol. 2, FXRSTOR). */
void fpu_sanitize(void *area)
{
	uint32_t mxcsr;

	memcpy(&mxcsr, (uint8_t *)area + FX_MXCSR, sizeof(mxcsr));
	mxcsr &= mxcsr_mask;
	memcpy((uint8_t *)area + FX_MXCSR, &mxcsr, sizeof(mxcsr));
	memset((uint8_t *)area + FX_SW_BYTES, 0, FXSAVE_SIZE - FX_SW_BYTES);
}

/*
 * The flagged exceptions that are unmasked (bits IE, DE, ZE, OE, UE, PE),
 * named in the order of priority Linux uses.
 */
static int fp_code(unsigned int err)
{
	if (err & 0x01)
		return FPE_FLTINV;
	if (err & 0x04)
		return FPE_FLTDIV;
	if (err & 0x08)
		return FPE_FLTOVF;
	if (err & 0x12)
		return FPE_FLTUND;
	if (err & 0x20)
		return FPE_FLTRES;
	return FPE_FLTINV;
}

int fpu_x87_code(void)
{
	uint16_t cwd, swd;

	__asm__ __volatile__("fnstcw %0" : "=m"(cwd));
	__asm__ __volatile__("fnstsw %0" : "=m"(swd));
	return fp_code(swd & ~cwd & 0x3f);
}

int fpu_simd_code(void)
{
	uint32_t mxcsr;

	__asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
	/* Flags in bits 0-5, their masks in bits 7-12. */
	return fp_code(mxcsr & ~(mxcsr >> 7) & 0x3f);
}
