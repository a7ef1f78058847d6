/*
 * Kernel context switch (<arch/context.h>). The caller-saved registers are
 * dead across the call by the SysV ABI, so only rbx, rbp and r12-r15 are
 * pushed; the stack pointer goes into struct arch_context. RFLAGS is not
 * switched: the scheduler always switches with interrupts off and restores
 * its own saved flags afterwards. context.c lays out the same frame for a
 * new context, returning into arch_thread_start.
 */

	.text

/* void arch_context_switch(struct arch_context *prev, *next) */
	.globl	arch_context_switch
arch_context_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/*
 * First code of a new context: r12 = entry, r13 = its argument. rsp is
 * 16-byte aligned here, as the ABI wants it before a call.
 */
	.globl	arch_thread_start
arch_thread_start:
	movq	%r13, %rdi
	callq	*%r12
	ud2				/* entry must not return */

	.section .note.GNU-stack, "", @progbits
