/*
 * The user-mode programs of the user selftest (user_selftest.c). They are
 * data to the kernel: copied to UT_CODE in a scratch address space and run
 * in ring 3. Each ends in a fault, which user_selftest_fault() checks.
 */
#include "user_selftest.h"

.macro PROG name
	.globl	ut_\name, ut_\name\()_end
.endm

	.section .rodata
	.balign	16

/*
 * An unknown syscall (-ENOSYS), an SSE move, arch_prctl(ARCH_SET_FS) and
 * a load through %fs, then r8 TSC cycles in user mode (timer interrupts
 * arrive there), then a write to the unmapped address 0x28.
 */
	PROG	syscall
	.globl	ut_syscall_fault
ut_syscall:
	movabsq	$UT_REG_MAGIC, %r12
	movl	$UT_NOSYS_NR, %eax
	syscall
	movq	%rax, %rbx
	movq	%rbx, %xmm0
	movq	%xmm0, %r14
	movl	$158, %eax		/* arch_prctl */
	movl	$0x1002, %edi		/* ARCH_SET_FS */
	movl	$UT_DATA, %esi
	syscall
	movq	%rax, %r15
	movq	%fs:0, %r13
	rdtsc
	shlq	$32, %rdx
	orq	%rax, %rdx
	leaq	(%rdx, %r8), %rsi
1:	rdtsc
	shlq	$32, %rdx
	orq	%rax, %rdx
	cmpq	%rsi, %rdx
	jb	1b
	xorl	%ecx, %ecx
ut_syscall_fault:
	movq	$0, 0x28
ut_syscall_end:

	PROG	ud2
ut_ud2:
	ud2
ut_ud2_end:

	PROG	divide
	.globl	ut_divide_fault
ut_divide:
	xorl	%ecx, %ecx
ut_divide_fault:
	divq	%rcx
ut_divide_end:

	PROG	int3
ut_int3:
	int3
ut_int3_end:

/* UT_DATA is mapped read-only for this one. */
	PROG	readonly
ut_readonly:
	movq	$1, UT_DATA
ut_readonly_end:

	PROG	privileged
ut_privileged:
	hlt
ut_privileged_end:

	PROG	kernel_read
ut_kernel_read:
	movq	0xffffffff80000000, %rax
ut_kernel_read_end:

/*
 * A signal handler entered through arch_setup_rt_frame(): records its
 * arguments, rsp and MXCSR, and returns into the restorer, which faults
 * at 0x30 instead of calling rt_sigreturn.
 */
	PROG	signal
	.globl	ut_signal_restorer
ut_signal:
	movq	%rsp, %r13
	movq	%rdi, %r15
	movl	(%rsi), %ebx		/* info->si_signo */
	movq	296(%rdx), %r12		/* uc->uc_sigmask */
	subq	$8, %rsp
	stmxcsr	(%rsp)
	movl	(%rsp), %r14d
	addq	$8, %rsp
	ret
ut_signal_restorer:
	movq	$0, 0x30
ut_signal_end:

	.section .note.GNU-stack, "", @progbits
