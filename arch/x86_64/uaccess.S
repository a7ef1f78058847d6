/*
 * The user-memory primitives of <arch/uaccess.h> for x86_64. Each one has
 * a single instruction that touches user memory; its __ex_table entry
 * resumes at a fixup that returns the failure value. rep movsb/stosb leave
 * %rcx at the count still to do when they fault (SDM vol. 2, REP), which
 * is exactly what the copy and clear return.
 *
 * SysV ABI: arguments in %rdi, %rsi, %rdx; result in %rax; DF is clear.
 */

/* Lists [start, end) as faulting, resumed at fixup. */
.macro EXTABLE start, end, fixup
	.pushsection __ex_table, "a"
	.balign	8
	.quad	\start, \end, \fixup
	.popsection
.endm

	.text

/*
 * size_t arch_copy_from_user(void *dst, const void *src, size_t n)
 * size_t arch_copy_to_user(void *dst, const void *src, size_t n)
 * The CPU checks no direction here: one body serves both.
 */
	.globl	arch_copy_from_user
	.type	arch_copy_from_user, @function
	.globl	arch_copy_to_user
	.type	arch_copy_to_user, @function
arch_copy_from_user:
arch_copy_to_user:
	movq	%rdx, %rcx
1:	rep movsb
2:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 2b, 2b
	.size	arch_copy_from_user, . - arch_copy_from_user
	.size	arch_copy_to_user, . - arch_copy_to_user

/* size_t arch_clear_user(void *dst, size_t n) */
	.globl	arch_clear_user
	.type	arch_clear_user, @function
arch_clear_user:
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
2:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 2b, 2b
	.size	arch_clear_user, . - arch_clear_user

/* long arch_strncpy_user(char *dst, const char *src, size_t n) */
	.globl	arch_strncpy_user
	.type	arch_strncpy_user, @function
arch_strncpy_user:
	xorl	%eax, %eax
1:	cmpq	%rdx, %rax
	je	3f
2:	movb	(%rsi,%rax), %cl
4:	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	3f
	incq	%rax
	jmp	1b
3:	ret
9:	movq	$-1, %rax
	ret
	EXTABLE	2b, 4b, 9b
	.size	arch_strncpy_user, . - arch_strncpy_user

	.section .note.GNU-stack, "", @progbits
