/*
 * The x86_64 register frame that entry.S saves on the kernel stack for
 * every trap (and, at the top of a user task's stack, its user-mode
 * registers: <arch/user.h>).
 */
#ifndef X86_64_PTREGS_H
#define X86_64_PTREGS_H

#ifndef __ASSEMBLER__

#include <core/types.h>

/* What entry.S pushes, lowest address first. */
struct pt_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;
	uint64_t error;		/* CPU error code, or 0 */
	/* pushed by the CPU */
	uint64_t rip, cs, rflags, rsp, ss;
};

#endif /* !__ASSEMBLER__ */

#endif /* X86_64_PTREGS_H */
