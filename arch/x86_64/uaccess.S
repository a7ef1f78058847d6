/*
 * The user-memory primitives of <arch/uaccess.h> for x86_64. The copy and
 * clear loops move eight bytes at a time, then single bytes; %rcx counts
 * the bytes still to do. A fault in the eight-byte loop resumes (through
 * its __ex_table entry) in the byte loop at the same place, so every byte
 * before the faulting one is still done; a fault there resumes at the
 * exit, which returns %rcx: the bytes not done. Plain loops, not rep movsb/stosb: QEMU's TCG runs a rep string
 * instruction one iteration at a time, which made copies crawl.
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
	cmpq	$8, %rcx
	jb	3f
1:	movq	(%rsi), %rax
	movq	%rax, (%rdi)
	addq	$8, %rsi
	addq	$8, %rdi
	subq	$8, %rcx
	cmpq	$8, %rcx
	jae	1b
3:	testq	%rcx, %rcx
	jz	5f
4:	movb	(%rsi), %al
	movb	%al, (%rdi)
	incq	%rsi
	incq	%rdi
	decq	%rcx
	jnz	4b
5:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 3b, 4b
	EXTABLE	4b, 5b, 5b
	.size	arch_copy_from_user, . - arch_copy_from_user
	.size	arch_copy_to_user, . - arch_copy_to_user

/* size_t arch_clear_user(void *dst, size_t n) */
	.globl	arch_clear_user
	.type	arch_clear_user, @function
arch_clear_user:
	movq	%rsi, %rcx
	cmpq	$8, %rcx
	jb	3f
1:	movq	$0, (%rdi)
	addq	$8, %rdi
	subq	$8, %rcx
	cmpq	$8, %rcx
	jae	1b
3:	testq	%rcx, %rcx
	jz	5f
4:	movb	$0, (%rdi)
	incq	%rdi
	decq	%rcx
	jnz	4b
5:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 3b, 4b
	EXTABLE	4b, 5b, 5b
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
