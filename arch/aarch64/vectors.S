/*
 * The EL1 exception vector table (VBAR_EL1): 16 entries of 128 bytes,
 * four sources (EL1 with SP_EL0, EL1 with SP_EL1, EL0 AArch64, EL0
 * AArch32) times four types (synchronous, IRQ, FIQ, SError); Arm ARM D1.3.
 *
 * Every entry saves the full register frame (ptregs.h, frame.h) on the
 * current EL1 stack. Kernel (EL1) entries call their C handler with
 * (frame, vector number) and return through the frame, so a handler may
 * change what eret restores; they arrive with DAIF all masked and the
 * handlers keep it so unless they say otherwise. Entries from EL0 go on
 * to entry.S, which owns the way back to user mode.
 */
#include "frame.h"

/* A kernel entry: save, call handler(frame, vector), return. */
.macro	kentry, handler, vector
	.balign	128
	save_frame 1
	mov	x0, sp
	mov	x1, #\vector
	bl	\handler
	b	ret_to_el1
.endm

/* An entry from EL0: save, then continue at target with x1 = vector. */
.macro	uentry, target, vector
	.balign	128
	save_frame 0
	mov	x1, #\vector
	b	\target
.endm

	.text
	.balign	2048
	.globl	vectors
vectors:
	/* Current EL with SP_EL0: the kernel never runs on SP_EL0. */
	kentry	trap_unexpected, 0
	kentry	trap_unexpected, 1
	kentry	trap_unexpected, 2
	kentry	trap_unexpected, 3
	/* Current EL with SP_EL1: the kernel. */
	kentry	trap_sync, 4
	kentry	trap_irq, 5
	kentry	trap_unexpected, 6
	kentry	trap_unexpected, 7
	/* Lower EL, AArch64: user programs (entry.S). */
	uentry	el0_sync, 8
	uentry	el0_irq, 9
	uentry	el0_bad, 10
	uentry	el0_bad, 11
	/* Lower EL, AArch32: never started; the task gets a signal. */
	uentry	el0_bad, 12
	uentry	el0_bad, 13
	uentry	el0_bad, 14
	uentry	el0_bad, 15

ret_to_el1:
	restore_frame 1
