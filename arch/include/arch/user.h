/*
 * Arch contract: user mode. Each arch provides struct pt_regs (the
 * user-mode registers saved on kernel entry, <arch/ptregs.h>), struct
 * arch_thread (FP/SIMD state and the TLS register, <arch/thread.h>), the
 * entry paths, and the signal frame.
 *
 * Entry paths. Every entry from user mode (syscall instruction,
 * interrupt, exception) saves a struct pt_regs at the top of the task's
 * kernel stack (task_pt_regs(current), <core/sched.h>):
 *   - a syscall calls syscall_handler(regs) (<core/syscall.h>) with
 *     interrupts on;
 *   - a fault the VM layer cannot resolve, or another exception taken in
 *     user mode, becomes a signal (force_sig_fault(), <core/signal.h>);
 *   - an interrupt runs its handler as in kernel mode;
 * and every return to user mode calls exit_to_user_mode(regs) with
 * interrupts off just before restoring the registers.
 */
#ifndef ARCH_USER_H
#define ARCH_USER_H

#include <arch/ptregs.h>
#include <arch/thread.h>
#include <core/signal.h>
#include <core/types.h>

struct task;

/* --- entering user mode --------------------------------------------- */

/*
 * execve: resets regs to a fresh user state: every register 0, the
 * program counter pc, the stack pointer sp, user mode with interrupts
 * on. (x86_64 needs rdx 0: the ABI's atexit pointer.)
 */
void arch_user_regs_init(struct pt_regs *regs, uintptr_t pc, uintptr_t sp);

/*
 * Leaves the kernel for user mode with regs (which must be
 * task_pt_regs(current)): calls exit_to_user_mode(regs) with interrupts
 * off, then restores regs. Used by the first exec of init and by new
 * tasks created by clone; syscalls and traps return their own way.
 */
void arch_return_to_user(struct pt_regs *regs) __noreturn;

/* --- thread state ----------------------------------------------------- */

/* A fresh FP/SIMD state (the ABI's initial control words) and TLS 0. */
void arch_thread_init(struct arch_thread *th);
/*
 * clone: dst gets the current task's FP/SIMD state (saved from the CPU
 * first) and TLS; with CLONE_SETTLS the caller then sets the new TLS.
 */
void arch_thread_copy(struct arch_thread *dst);
/* Sets t's TLS pointer (FS base on x86_64, TPIDR_EL0 on aarch64). */
void arch_set_tls(struct task *t, uintptr_t tls);
/*
 * Called by the scheduler, interrupts off, just before switching from
 * prev to next: saves prev's FP/SIMD state and TLS register, loads
 * next's, and points the CPU's kernel entry stack at next's stack.
 */
void arch_switch_thread(struct task *prev, struct task *next);

/* --- syscall registers -------------------------------------------------- */

/* The syscall number regs entered with, or -1 when not a syscall. */
long arch_syscall_nr(const struct pt_regs *regs);
/* The six argument registers, in the arch's syscall order. */
void arch_syscall_args(const struct pt_regs *regs, unsigned long args[6]);
void arch_syscall_set_return(struct pt_regs *regs, long value);
long arch_syscall_return(const struct pt_regs *regs);
/*
 * Restart: puts back the syscall number and first argument the syscall
 * entered with and moves the pc back onto the syscall instruction, so
 * that returning to user mode issues the same call again.
 */
void arch_syscall_rewind(struct pt_regs *regs);

uintptr_t arch_user_pc(const struct pt_regs *regs);
uintptr_t arch_user_sp(const struct pt_regs *regs);
void arch_set_user_sp(struct pt_regs *regs, uintptr_t sp);
/* clone: the child's registers return 0 from the syscall. */
void arch_fork_regs(struct pt_regs *child, const struct pt_regs *parent,
		    uintptr_t newsp);

/* --- signal frames ---------------------------------------------------- */

/*
 * Smallest alternate signal stack the arch accepts (MINSIGSTKSZ: 2048 on
 * x86_64, 5120 on arm64) is ARCH_MINSIGSTKSZ in <arch/thread.h>.
 *
 * Builds the Linux rt_sigframe for sig below sp (already chosen: the
 * alternate stack or the user sp; the arch aligns and leaves the x86_64
 * red zone): siginfo (with SA_SIGINFO; always written), ucontext with
 * uc_sigmask = oldmask, uc_stack = *altstack, the machine context from
 * regs and the FP/SIMD state; then points regs at the handler with the
 * arguments (sig, &info, &uc) and the return address ka->restorer (x86_64
 * requires SA_RESTORER; aarch64 uses it in x30). Returns 0, or -EFAULT
 * when the frame cannot be written (the caller kills with SIGSEGV).
 */
int arch_setup_rt_frame(struct pt_regs *regs, int sig,
			const struct ksiginfo *info,
			const struct k_sigaction *ka, ksigset_t oldmask,
			const struct kstack *altstack, uintptr_t sp);

/*
 * rt_sigreturn: reads the frame that arch_setup_rt_frame() left at the
 * user sp in regs, restores regs and the FP/SIMD state from it (user-mode
 * flags only: a frame cannot grant kernel privilege) and returns the
 * saved mask in *mask and uc_stack in *altstack. Returns 0 or -EFAULT.
 */
int arch_rt_sigreturn(struct pt_regs *regs, ksigset_t *mask,
		      struct kstack *altstack);

#endif /* ARCH_USER_H */
