/*
 * Assembly macros shared by vectors.S and entry.S: saving and restoring
 * the register frame of <arch/ptregs.h> on the current EL1 stack.
 * Included from assembly only.
 */
#ifndef AARCH64_FRAME_H
#define AARCH64_FRAME_H

#include <arch/ptregs.h>

/*
 * Saves x0-x30, the interrupted SP (SP_EL0 when coming from EL0), ELR_EL1
 * and SPSR_EL1; orig_x0 = x0 and syscallno = -1 (entry.S fills in the
 * number for an svc). Clobbers x21-x23 after saving them; x0-x20 keep the
 * interrupted values.
 */
.macro	save_frame, el
	sub	sp, sp, #S_FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	.if	\el == 0
	mrs	x21, sp_el0
	.else
	add	x21, sp, #S_FRAME_SIZE
	.endif
	stp	x30, x21, [sp, #S_X30]
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #S_ELR]
	mov	x21, #-1
	stp	x0, x21, [sp, #S_ORIG_X0]
.endm

/*
 * Restores the frame at sp and returns from the exception; for EL0 also
 * SP_EL0. Leaves sp where it was before save_frame.
 */
.macro	restore_frame, el
	ldp	x22, x23, [sp, #S_ELR]
	msr	elr_el1, x22
	msr	spsr_el1, x23
	.if	\el == 0
	ldr	x21, [sp, #S_SP]
	msr	sp_el0, x21
	.endif
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #S_X30]
	add	sp, sp, #S_FRAME_SIZE
	eret
.endm

#endif /* AARCH64_FRAME_H */
