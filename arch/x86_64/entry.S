/*
 * Trap entry: one small stub per IDT vector, and the common path that
 * saves every general-purpose register into a struct pt_regs (traps.h)
 * and calls trap_dispatch().
 *
 * Each stub pushes a zero in place of the error code when the CPU does not
 * push one, so the frame has the same shape for every vector. The stubs'
 * addresses form the trap_stubs[] table that idt.c installs.
 */
#include "traps.h"

/* Vectors for which the CPU pushes an error code (SDM vol. 3, 6.13). */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
			   (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.section .rodata
	.balign 8
	.globl	trap_stubs
trap_stubs:

	.text
	vec = 0
	.rept	256
	.balign	16
1:
	.if	HAS_ERROR_CODE(vec)
	.else
	pushq	$0
	.endif
	pushq	$vec
	jmp	trap_common
	.pushsection .rodata
	.quad	1b
	.popsection
	vec = vec + 1
	.endr

trap_common:
	cld
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
	/* 5 CPU words + 2 + 15 = 22 words: rsp stays 16-byte aligned. */
	movq	%rsp, %rdi
	call	trap_dispatch
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
	addq	$16, %rsp		/* vector and error code */
	iretq

	.section .note.GNU-stack, "", @progbits
