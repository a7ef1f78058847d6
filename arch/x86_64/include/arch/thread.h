/*
 * x86_64 per-thread user state (struct arch_thread, <arch/user.h>): the
 * FS and GS bases (musl's thread pointer is FS), the x87/SSE registers in
 * FXSAVE format, and what the last user exception left for the signal
 * frame's sigcontext (trapno, err, cr2).
 *
 * The kernel never touches x87/SSE (-mgeneral-regs-only), so a user
 * task's FP state stays live in the CPU while it is in the kernel; it is
 * saved here only when the task is switched out or a signal frame or
 * clone needs it (arch/x86_64/fpu.c).
 */
#ifndef ARCH_THREAD_H
#define ARCH_THREAD_H

#include <core/compiler.h>
#include <core/types.h>

/* MINSIGSTKSZ of the x86_64 ABI (asm/signal.h). */
#define ARCH_MINSIGSTKSZ	2048

/* The FXSAVE area: 512 bytes, 16-byte aligned (SDM vol. 1, 10.5.1). */
#define FXSAVE_SIZE		512

struct arch_thread {
	uint8_t fxsave[FXSAVE_SIZE] __aligned(16);
	uintptr_t fs_base;
	uintptr_t gs_base;
	/* The last user exception: sigcontext trapno, err and cr2. */
	uint64_t trap_nr;
	uint64_t error_code;
	uint64_t cr2;
};

#endif /* ARCH_THREAD_H */
