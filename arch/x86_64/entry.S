/*
 * Trap entry: one small stub per IDT vector, and the common path that
 * saves every general-purpose register into a struct pt_regs
 * (<arch/ptregs.h>) and calls trap_dispatch().
 *
 * Each stub pushes a zero in place of the error code when the CPU does not
 * push one, so the frame has the same shape for every vector; orig_rax is
 * -1 (not a syscall). The stubs' addresses form the trap_stubs[] table
 * that idt.c installs.
 *
 * A trap from user mode arrives on the top of the task's kernel stack
 * (TSS rsp0), so its frame is task_pt_regs(current). x86_trap_return is
 * the one way back for every frame: the trap path, syscall_entry.S when sysret
 * cannot be used, and arch_return_to_user().
 */
#include <arch/ptregs.h>

#include "frame.h"
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
	pushq	$-1			/* orig_rax */
	PUSH_GPRS
	movq	%rsp, %rdi
	/*
	 * The CPU aligned rsp to 16 before its 5 words; with error, vector,
	 * orig_rax and 15 registers the frame is 23 words: realign.
	 */
	subq	$8, %rsp
	call	trap_dispatch
	addq	$8, %rsp

/* Restores the frame at rsp (a struct pt_regs) and returns from it. */
	.globl	x86_trap_return
x86_trap_return:
	POP_GPRS
	addq	$(PT_RIP - PT_ORIG_RAX), %rsp	/* orig_rax vector error */
	iretq

	.section .note.GNU-stack, "", @progbits
