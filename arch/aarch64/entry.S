/*
 * Entries from EL0 and the way back (<arch/user.h>). vectors.S has saved
 * the user frame at the top of the task's kernel stack: SP_EL1 is the
 * stack top whenever EL0 runs, because every return to EL0 goes through
 * ret_to_user, which pops that frame (arch_return_to_user first moves sp
 * to it). So sp here is task_pt_regs(current).
 *
 *   svc #0        the number (w8) into regs->syscallno, interrupts on,
 *                 syscall_handler(regs);
 *   other sync    el0_sync_handler(regs, ESR, FAR): a signal, maybe
 *                 after the VM layer resolved a page fault;
 *   IRQ           trap_irq(), as in kernel mode;
 *   FIQ, SError, AArch32: el0_bad_handler();
 *
 * then ret_to_user: interrupts off, exit_to_user_mode(regs) (reschedule,
 * signals), restore the frame (SP_EL0 included) and eret.
 */
#include "frame.h"

#define ESR_EC_SHIFT	26
#define EC_SVC64	0x15

	.text

/* Synchronous exception from EL0 AArch64; x1 = vector. */
	.globl	el0_sync
el0_sync:
	mrs	x19, esr_el1
	mrs	x20, far_el1
	lsr	x21, x19, #ESR_EC_SHIFT
	cmp	x21, #EC_SVC64
	b.ne	1f
	/* Linux reads the number from w8 (an int), sign-extended. */
	sxtw	x21, w8
	str	x21, [sp, #S_SYSCALLNO]
	msr	daifclr, #2
	mov	x0, sp
	bl	syscall_handler
	b	ret_to_user
1:	mov	x0, sp
	mov	x1, x19
	mov	x2, x20
	bl	el0_sync_handler
	b	ret_to_user

/* IRQ from EL0; x1 = vector. */
	.globl	el0_irq
el0_irq:
	mov	x0, sp
	bl	trap_irq
	b	ret_to_user

/* FIQ or SError from EL0, or anything from AArch32; x1 = vector. */
	.globl	el0_bad
el0_bad:
	mov	x0, sp
	bl	el0_bad_handler
	b	ret_to_user

/* Back to EL0 with the frame at sp (task_pt_regs(current)). */
ret_to_user:
	msr	daifset, #2
	mov	x0, sp
	bl	exit_to_user_mode
	restore_frame 0

/*
 * void __return_to_user(struct pt_regs *regs): leaves for EL0 with regs,
 * which must be task_pt_regs(current) (user.c checks). The kernel call
 * chain that led here is abandoned.
 */
	.globl	__return_to_user
__return_to_user:
	mov	sp, x0
	mov	x29, xzr
	b	ret_to_user
