/*
 * The syscall instruction's entry (MSR_LSTAR, set up by syscall.c) and
 * arch_return_to_user().
 *
 * syscall leaves the user rsp in place, the user rip in rcx and rflags in
 * r11, and clears the SFMASK flags (IF among them), so nothing can
 * interrupt the few instructions that switch to the kernel stack; NMIs
 * have their own IST stack. One CPU: the kernel stack top of the current
 * task is the global x86_kernel_stack_top (arch_switch_thread()), and the
 * user rsp waits in a global while the frame is built. The kernel does
 * not use GS, so there is no swapgs: the user's GS base stays loaded.
 *
 * The frame is a struct pt_regs shaped like a trap's (cs, ss the user
 * selectors, vector VEC_SYSCALL, orig_rax the number) at the top of the
 * task's kernel stack: task_pt_regs(current). x86_syscall() runs the call
 * and says whether sysret can restore the result; otherwise (signal frame,
 * sigreturn, execve changed rip, rcx or r11) iretq does (x86_trap_return).
 */
#include <arch/ptregs.h>

#include "frame.h"
#include "segment.h"

	.bss
	.balign	8
syscall_user_rsp:
	.quad	0

	.text
	.globl	x86_syscall_entry
	.type	x86_syscall_entry, @function
x86_syscall_entry:
	movq	%rsp, syscall_user_rsp(%rip)
	movq	x86_kernel_stack_top(%rip), %rsp
	pushq	$USER_DS			/* ss */
	pushq	syscall_user_rsp(%rip)		/* rsp */
	pushq	%r11				/* rflags */
	pushq	$USER_CS			/* cs */
	pushq	%rcx				/* rip */
	pushq	$0				/* error */
	pushq	$VEC_SYSCALL			/* vector */
	pushq	%rax				/* orig_rax */
	PUSH_GPRS
	movq	%rsp, %rdi
	subq	$8, %rsp			/* 23 words: realign */
	call	x86_syscall
	addq	$8, %rsp
	testb	%al, %al
	jz	x86_trap_return
	/* rcx == rip and r11 == rflags here: x86_exit_to_user() checked. */
	POP_GPRS
	movq	(PT_RSP - PT_ORIG_RAX)(%rsp), %rsp
	sysretq
	.size	x86_syscall_entry, . - x86_syscall_entry

/* void arch_return_to_user(struct pt_regs *regs): regs is the stack top. */
	.globl	arch_return_to_user
	.type	arch_return_to_user, @function
arch_return_to_user:
	cli
	/*
	 * Whatever the caller had on the stack above regs is dead: run the
	 * exit work just below the frame, then restore it.
	 */
	movq	%rdi, %rsp
	subq	$8, %rsp
	call	x86_exit_to_user
	addq	$8, %rsp
	jmp	x86_trap_return
	.size	arch_return_to_user, . - arch_return_to_user

	.section .note.GNU-stack, "", @progbits
