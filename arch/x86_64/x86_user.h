/*
 * x86_64 private: the pieces of user mode that the files of
 * arch/x86_64/ share (syscall.c, thread.c, fpu.c, signal.c, user_trap.c).
 */
#ifndef X86_USER_H
#define X86_USER_H

#include <core/types.h>

struct pt_regs;
struct arch_thread;

/* The kernel stack top that syscall_entry.S switches to (syscall.c). */
extern uint64_t x86_kernel_stack_top;

/* Routes the syscall instruction to syscall_entry.S (EFER.SCE, STAR, LSTAR). */
void syscall_init(void);

/*
 * Makes regs a user-mode frame again after user memory rewrote it:
 * rflags takes only the user-changeable bits of user_flags (IF stays
 * on, IOPL 0), cs and ss the user selectors.
 */
void x86_sanitize_user_regs(struct pt_regs *regs, uint64_t user_flags);

/* fpu.c: x87/SSE for user mode. Areas are FXSAVE_SIZE, 16-byte aligned. */
void fpu_init(void);
void fpu_save(void *area);
void fpu_restore(const void *area);
/* Writes the ABI's initial state (FCW 0x37f, MXCSR 0x1f80) to area. */
void fpu_fresh(void *area);
/* Clears what fxrstor would refuse in an area from user memory. */
void fpu_sanitize(void *area);
/* The si_code of a #MF (x87) or #XM (SIMD) exception, from the CPU. */
int fpu_x87_code(void);
int fpu_simd_code(void);

/*
 * user_selftest.c: a task without a process (only the user selftest
 * enters user mode so) cannot take a signal; this ends it instead.
 */
void user_selftest_fault(struct pt_regs *regs, int sig, int code,
			 uintptr_t addr) __attribute__((noreturn));

#endif /* X86_USER_H */
