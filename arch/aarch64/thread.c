/*
 * Per-thread user state on aarch64 (<arch/user.h>, <arch/thread.h>): the
 * FP/SIMD registers and the thread pointer TPIDR_EL0.
 *
 * The running task's FP/SIMD registers and TPIDR_EL0 live in the CPU
 * (user code writes TPIDR_EL0 directly); task->thread holds them for a
 * task that is switched out. arch_switch_thread() saves prev's and loads
 * next's on every switch, kernel threads included (their state is the
 * zeroed one they were created with), so no task ever sees another's
 * registers.
 *
 * There is no separate kernel entry stack to point at the next task: the
 * kernel runs on SP_EL1, and every return to EL0 (entry.S) leaves SP_EL1
 * at the top of the task's own kernel stack, where the next entry from
 * EL0 saves its frame (task_pt_regs()).
 */
#include <arch/user.h>

#include <arch/irq.h>
#include <arch/sysreg.h>
#include <core/sched.h>
#include <core/string.h>

/* FPCR of a new image: round to nearest, no traps, IEEE behaviour. */
#define FPCR_INIT	0

void arch_thread_init(struct arch_thread *th)
{
	unsigned long flags;

	memset(th, 0, sizeof(*th));
	th->fpsimd.fpcr = FPCR_INIT;
	if (th != &current->thread)
		return;
	/* execve of the running task: its live registers start afresh too. */
	flags = arch_irq_save();
	fpsimd_load(&th->fpsimd);
	write_sysreg(0, tpidr_el0);
	arch_irq_restore(flags);
}

void arch_thread_copy(struct arch_thread *dst)
{
	struct arch_thread *src = &current->thread;
	unsigned long flags;

	flags = arch_irq_save();
	fpsimd_save(&src->fpsimd);
	src->tls = read_sysreg(tpidr_el0);
	*dst = *src;
	arch_irq_restore(flags);
	dst->fault_address = 0;
	dst->fault_esr = 0;
}

void arch_set_tls(struct task *t, uintptr_t tls)
{
	t->thread.tls = tls;
	if (t == current)
		write_sysreg(tls, tpidr_el0);
}

void arch_switch_thread(struct task *prev, struct task *next)
{
	fpsimd_save(&prev->thread.fpsimd);
	prev->thread.tls = read_sysreg(tpidr_el0);
	fpsimd_load(&next->thread.fpsimd);
	write_sysreg(next->thread.tls, tpidr_el0);
}
