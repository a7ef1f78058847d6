/*
 * The register frame that vectors.S saves on the kernel stack for every
 * exception, and the C handlers it calls with that frame (traps.c).
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
#define S_FRAME_SIZE	(34 * 8)	/* a multiple of 16: keeps sp aligned */

#ifndef __ASSEMBLY__

#include <core/compiler.h>
#include <core/types.h>

struct pt_regs {
	uint64_t regs[31];	/* x0-x30 */
	uint64_t sp;		/* SP at the time of the exception */
	uint64_t elr;		/* ELR_EL1: where it happened */
	uint64_t spsr;		/* SPSR_EL1: PSTATE at that point */
};

STATIC_ASSERT(sizeof(struct pt_regs) == S_FRAME_SIZE);
STATIC_ASSERT(__builtin_offsetof(struct pt_regs, elr) == S_ELR);

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

#endif /* !__ASSEMBLY__ */

#endif /* AARCH64_PTREGS_H */
