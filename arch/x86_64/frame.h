/*
 * x86_64 private, assembly only: saving and restoring the general
 * registers of a struct pt_regs (<arch/ptregs.h>), shared by the trap
 * entry (entry.S) and the syscall entry (syscall_entry.S). PUSH_GPRS expects
 * the stack to end just below orig_rax; POP_GPRS leaves it there.
 */
#ifndef X86_FRAME_H
#define X86_FRAME_H

#ifdef __ASSEMBLER__

.macro PUSH_GPRS
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_GPRS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
.endm

#endif /* __ASSEMBLER__ */

#endif /* X86_FRAME_H */
