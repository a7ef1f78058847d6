/*
 * The EL1 exception vector table (VBAR_EL1): 16 entries of 128 bytes,
 * four sources (EL1 with SP_EL0, EL1 with SP_EL1, EL0 AArch64, EL0
 * AArch32) times four types (synchronous, IRQ, FIQ, SError); Arm ARM D1.3.
 *
 * Every entry saves the full register frame (ptregs.h) on the current
 * EL1 stack, calls its C handler with (frame, vector number), and returns
 * through the frame, so a handler may change what eret restores.
 * Exceptions arrive with DAIF all masked and the handlers keep it so.
 */
#include <arch/ptregs.h>

/* Saves x0-x30, the interrupted SP, ELR_EL1 and SPSR_EL1. */
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
.endm

/* One table entry: save, call handler(frame, vector), return. */
.macro	ventry, el, handler, vector
	.balign	128
	save_frame \el
	mov	x0, sp
	mov	x1, #\vector
	bl	\handler
	b	ret_to_el\el
.endm

	.text
	.balign	2048
	.globl	vectors
vectors:
	/* Current EL with SP_EL0: the kernel never runs on SP_EL0. */
	ventry	1, trap_unexpected, 0
	ventry	1, trap_unexpected, 1
	ventry	1, trap_unexpected, 2
	ventry	1, trap_unexpected, 3
	/* Current EL with SP_EL1: the kernel. */
	ventry	1, trap_sync, 4
	ventry	1, trap_irq, 5
	ventry	1, trap_unexpected, 6
	ventry	1, trap_unexpected, 7
	/* Lower EL, AArch64: user programs. */
	ventry	0, trap_sync, 8
	ventry	0, trap_irq, 9
	ventry	0, trap_unexpected, 10
	ventry	0, trap_unexpected, 11
	/* Lower EL, AArch32: not supported. */
	ventry	0, trap_unexpected, 12
	ventry	0, trap_unexpected, 13
	ventry	0, trap_unexpected, 14
	ventry	0, trap_unexpected, 15

/* Restores the frame at sp and returns from the exception. */
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

ret_to_el1:
	restore_frame 1

ret_to_el0:
	restore_frame 0
