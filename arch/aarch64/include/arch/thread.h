/*
 * aarch64 per-thread user state (struct arch_thread, <arch/user.h>): the
 * FP/SIMD registers (v0-v31, FPSR, FPCR), the thread pointer TPIDR_EL0
 * (musl writes it itself with msr), and what the last user fault left for
 * the signal frame (fault_address, and the ESR for its esr_context).
 *
 * The kernel never touches FP/SIMD (-mgeneral-regs-only), so a task's
 * FP/SIMD state and TPIDR_EL0 stay live in the CPU while it runs, in user
 * or kernel mode; they are saved here when the task is switched out, or
 * when a signal frame or clone needs them (arch/aarch64/thread.c).
 * The FPS_* offsets are for fpsimd.S.
 */
#ifndef ARCH_THREAD_H
#define ARCH_THREAD_H

/* MINSIGSTKSZ of the arm64 ABI (asm/signal.h). */
#define ARCH_MINSIGSTKSZ	5120

#define FPS_VREGS	0
#define FPS_FPSR	512
#define FPS_FPCR	516

#ifndef __ASSEMBLY__

#include <core/compiler.h>
#include <core/types.h>

/*
 * v0-v31 as pairs of 64-bit halves (low first), so that the struct, and
 * struct task with it, needs no 16-byte alignment: ldp/stp of q registers
 * only require it with SCTLR_EL1.A set, which the kernel never does.
 */
struct fpsimd_state {
	uint64_t vregs[64];
	uint32_t fpsr;
	uint32_t fpcr;
};

STATIC_ASSERT(__builtin_offsetof(struct fpsimd_state, fpsr) == FPS_FPSR);
STATIC_ASSERT(__builtin_offsetof(struct fpsimd_state, fpcr) == FPS_FPCR);

struct arch_thread {
	struct fpsimd_state fpsimd;
	uintptr_t tls;			/* TPIDR_EL0 */
	uint64_t fault_address;		/* FAR of the last user fault */
	uint64_t fault_esr;		/* its ESR, 0 when none */
};

/* fpsimd.S: moves the CPU's FP/SIMD registers to or from st. */
void fpsimd_save(struct fpsimd_state *st);
void fpsimd_load(const struct fpsimd_state *st);

#endif /* !__ASSEMBLY__ */

#endif /* ARCH_THREAD_H */
