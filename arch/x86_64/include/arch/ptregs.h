/*
 * The x86_64 register frame that entry.S saves on the kernel stack for
 * every trap, and that syscall.S builds for every syscall. For a user
 * task, the frame of its entry from user mode sits at the top of its
 * kernel stack (task_pt_regs(), <core/sched.h>; <arch/user.h>).
 *
 * orig_rax is the syscall number the task entered with, -1 for a trap;
 * vector is the IDT vector, or VEC_SYSCALL for the syscall instruction.
 * The PT_* offsets are for the assembly.
 */
#ifndef X86_64_PTREGS_H
#define X86_64_PTREGS_H

#define PT_R15		0
#define PT_R11		(4 * 8)
#define PT_RCX		(12 * 8)
#define PT_RAX		(14 * 8)
#define PT_ORIG_RAX	(15 * 8)
#define PT_VECTOR	(16 * 8)
#define PT_ERROR	(17 * 8)
#define PT_RIP		(18 * 8)
#define PT_CS		(19 * 8)
#define PT_RFLAGS	(20 * 8)
#define PT_RSP		(21 * 8)
#define PT_SS		(22 * 8)
#define PT_SIZE		(23 * 8)

/* pt_regs.vector of a frame built by the syscall instruction's entry. */
#define VEC_SYSCALL	0x100

#ifndef __ASSEMBLER__

#include <core/compiler.h>
#include <core/types.h>

/* What the entry code pushes, lowest address first. */
struct pt_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t orig_rax;	/* syscall number, or -1 */
	uint64_t vector;
	uint64_t error;		/* CPU error code, or 0 */
	/* pushed by the CPU (by syscall.S for a syscall) */
	uint64_t rip, cs, rflags, rsp, ss;
};

STATIC_ASSERT(sizeof(struct pt_regs) == PT_SIZE);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, r11) == PT_R11);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, rcx) == PT_RCX);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, orig_rax) == PT_ORIG_RAX);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, rip) == PT_RIP);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, rsp) == PT_RSP);

/* True when the frame was saved on an entry from user mode. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* !__ASSEMBLER__ */

#endif /* X86_64_PTREGS_H */
