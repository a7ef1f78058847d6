/*
 * The register frame that vectors.S and entry.S save on the kernel stack
 * for every exception, and the C handlers they call with that frame
 * (traps.c, user_traps.c). For a user task the frame of its entry from
 * EL0 sits at the top of its kernel stack (task_pt_regs(), <core/sched.h>;
 * <arch/user.h>): SP_EL1 is the top of that stack whenever EL0 runs.
 *
 * orig_x0 is x0 as a syscall entered (x0 is overwritten by the result);
 * syscallno is the syscall number (w8), or -1 for any other entry.
 * The S_* offsets are for the assembly; the struct is the C view of the
 * same layout.
 */
#ifndef AARCH64_PTREGS_H
#define AARCH64_PTREGS_H

#define S_X0		0
#define S_X30		(30 * 8)
#define S_SP		(31 * 8)
#define S_ELR		(32 * 8)
#define S_SPSR		(33 * 8)
#define S_ORIG_X0	(34 * 8)
#define S_SYSCALLNO	(35 * 8)
#define S_FRAME_SIZE	(36 * 8)	/* a multiple of 16: keeps sp aligned */

/* SPSR_EL1 / PSTATE bits (Arm ARM C5.2.18). */
#define PSR_MODE_EL0t	0x0
#define PSR_MODE_MASK	0xf
#define PSR_MODE32	(1 << 4)	/* AArch32 state */
#define PSR_F		(1 << 6)
#define PSR_I		(1 << 7)
#define PSR_A		(1 << 8)
#define PSR_D		(1 << 9)
#define PSR_IL		(1 << 20)	/* illegal execution state */
#define PSR_SS		(1 << 21)	/* software step */

#ifndef __ASSEMBLY__

#include <core/compiler.h>
#include <core/types.h>

struct pt_regs {
	uint64_t regs[31];	/* x0-x30 */
	uint64_t sp;		/* SP at the exception (SP_EL0 from EL0) */
	uint64_t elr;		/* ELR_EL1: the pc, where it happened */
	uint64_t spsr;		/* SPSR_EL1: PSTATE at that point */
	uint64_t orig_x0;	/* x0 at syscall entry */
	int64_t syscallno;	/* syscall number, or -1 */
};

STATIC_ASSERT(sizeof(struct pt_regs) == S_FRAME_SIZE);
STATIC_ASSERT(sizeof(struct pt_regs) % 16 == 0);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, sp) == S_SP);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, elr) == S_ELR);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, orig_x0) == S_ORIG_X0);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, syscallno) == S_SYSCALLNO);

/* True when the frame was saved on an entry from EL0. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->spsr & PSR_MODE_MASK) == PSR_MODE_EL0t &&
	       !(regs->spsr & PSR_MODE32);
}

/*
 * Vector numbers, which vectors.S passes to the handlers: the 16 entries
 * of the table in order, source * 4 + type.
 */
enum vector_source { VEC_EL1T, VEC_EL1H, VEC_EL0_64, VEC_EL0_32 };
enum vector_type { VEC_SYNC, VEC_IRQ, VEC_FIQ, VEC_SERROR };

/* Called from vectors.S with the saved frame and the vector number. */
void trap_sync(struct pt_regs *regs, unsigned long vector);
void trap_irq(struct pt_regs *regs, unsigned long vector);
void trap_unexpected(struct pt_regs *regs, unsigned long vector) __noreturn;

/*
 * Called from entry.S for a synchronous exception from EL0 other than
 * svc, with the frame, ESR_EL1 and FAR_EL1 read at entry, interrupts
 * off: turns it into a signal (user_traps.c). Returns with interrupts off.
 */
void el0_sync_handler(struct pt_regs *regs, uint64_t esr, uint64_t far);
/* Called from entry.S for an SError or an AArch32 exception from EL0. */
void el0_bad_handler(struct pt_regs *regs, unsigned long vector);

#endif /* !__ASSEMBLY__ */

#endif /* AARCH64_PTREGS_H */
