/*
 * The user-memory primitives of <arch/uaccess.h> for aarch64. User memory
 * is touched only with the unprivileged LDTRB/STTRB, which check EL0's
 * permissions (Arm ARM C6.2, "Load/store unprivileged"): a kernel address
 * or a kernel-only page faults even if a caller's check were wrong. Each
 * faulting instruction is listed in __ex_table with a fixup that returns
 * the failure value; a faulting load or store leaves its registers
 * unchanged, so the count still to do is exact.
 *
 * AAPCS64: arguments in x0-x2, result in x0.
 */

/* Lists [start, end) as faulting, resumed at fixup. */
.macro EXTABLE start, end, fixup
	.pushsection __ex_table, "a"
	.balign	8
	.quad	\start, \end, \fixup
	.popsection
.endm

	.text

/* size_t arch_copy_from_user(void *dst, const void *src, size_t n) */
	.globl	arch_copy_from_user
	.type	arch_copy_from_user, %function
arch_copy_from_user:
	cbz	x2, 3f
1:	ldtrb	w3, [x1]
2:	strb	w3, [x0], #1
	add	x1, x1, #1
	subs	x2, x2, #1
	b.ne	1b
3:	mov	x0, x2
	ret
	EXTABLE	1b, 2b, 3b
	.size	arch_copy_from_user, . - arch_copy_from_user

/* size_t arch_copy_to_user(void *dst, const void *src, size_t n) */
	.globl	arch_copy_to_user
	.type	arch_copy_to_user, %function
arch_copy_to_user:
	cbz	x2, 4f
1:	ldrb	w3, [x1], #1
2:	sttrb	w3, [x0]
3:	add	x0, x0, #1
	subs	x2, x2, #1
	b.ne	1b
4:	mov	x0, x2
	ret
	EXTABLE	2b, 3b, 4b
	.size	arch_copy_to_user, . - arch_copy_to_user

/* size_t arch_clear_user(void *dst, size_t n) */
	.globl	arch_clear_user
	.type	arch_clear_user, %function
arch_clear_user:
	cbz	x1, 3f
1:	sttrb	wzr, [x0]
2:	add	x0, x0, #1
	subs	x1, x1, #1
	b.ne	1b
3:	mov	x0, x1
	ret
	EXTABLE	1b, 2b, 3b
	.size	arch_clear_user, . - arch_clear_user

/* long arch_strncpy_user(char *dst, const char *src, size_t n) */
	.globl	arch_strncpy_user
	.type	arch_strncpy_user, %function
arch_strncpy_user:
	mov	x3, #0
1:	cmp	x3, x2
	b.eq	3f
2:	ldtrb	w4, [x1]
4:	strb	w4, [x0, x3]
	cbz	w4, 3f
	add	x1, x1, #1
	add	x3, x3, #1
	b	1b
3:	mov	x0, x3
	ret
9:	mov	x0, #-1
	ret
	EXTABLE	2b, 4b, 9b
	.size	arch_strncpy_user, . - arch_strncpy_user

	.section .note.GNU-stack, "", %progbits
