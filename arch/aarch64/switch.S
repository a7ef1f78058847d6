/*
 * Kernel context switch (<arch/context.h>). AAPCS64 lets a call clobber
 * everything but x19-x29 and sp, so those, plus the return address in
 * x30, are all that struct arch_context holds. PSTATE (DAIF) is not
 * switched: the scheduler always switches with IRQs masked and restores
 * its own saved mask afterwards. FP/SIMD registers are not used by the
 * kernel (-mgeneral-regs-only).
 */
#include <arch/cpu_context.h>

	.text

/* void arch_context_switch(struct arch_context *prev, *next) */
	.globl	arch_context_switch
arch_context_switch:
	stp	x19, x20, [x0, #CTX_X19 + 16 * 0]
	stp	x21, x22, [x0, #CTX_X19 + 16 * 1]
	stp	x23, x24, [x0, #CTX_X19 + 16 * 2]
	stp	x25, x26, [x0, #CTX_X19 + 16 * 3]
	stp	x27, x28, [x0, #CTX_X19 + 16 * 4]
	stp	x29, x30, [x0, #CTX_X29]
	mov	x9, sp
	str	x9, [x0, #CTX_SP]

	ldp	x19, x20, [x1, #CTX_X19 + 16 * 0]
	ldp	x21, x22, [x1, #CTX_X19 + 16 * 1]
	ldp	x23, x24, [x1, #CTX_X19 + 16 * 2]
	ldp	x25, x26, [x1, #CTX_X19 + 16 * 3]
	ldp	x27, x28, [x1, #CTX_X19 + 16 * 4]
	ldp	x29, x30, [x1, #CTX_X29]
	ldr	x9, [x1, #CTX_SP]
	mov	sp, x9
	ret

/* First code of a new context: x19 = entry, x20 = its argument. */
	.globl	arch_thread_start
arch_thread_start:
	mov	x0, x20
	blr	x19
	brk	#0			/* entry must not return */
