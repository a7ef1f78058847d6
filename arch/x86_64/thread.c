/*
 * Per-thread user state on x86_64 (<arch/user.h>, struct arch_thread in
 * <arch/thread.h>): the FP/SSE registers, the FS and GS bases, and the
 * kernel stack that entries from user mode land on.
 *
 * While a user task runs, even inside the kernel, its FP registers and
 * FS/GS bases live in the CPU; struct arch_thread holds them only while
 * it is switched out. So changing the current task's state means changing
 * the CPU too.
 */
#include <arch/user.h>

#include <arch/memlayout.h>
#include <core/sched.h>
#include <core/string.h>

#include "segment.h"
#include "x86.h"
#include "x86_user.h"

/*
 * wrmsr faults on a non-canonical base (SDM vol. 4, IA32_FS_BASE): a
 * value that is no user address loads as 0. arch_prctl refuses those.
 */
static void load_bases(const struct arch_thread *th)
{
	wrmsr(MSR_FS_BASE, th->fs_base < USER_SPACE_END ? th->fs_base : 0);
	wrmsr(MSR_GS_BASE, th->gs_base < USER_SPACE_END ? th->gs_base : 0);
}

void arch_thread_init(struct arch_thread *th)
{
	memset(th, 0, sizeof(*th));
	fpu_fresh(th->fxsave);
	if (th == &current->thread) {
		fpu_restore(th->fxsave);
		load_bases(th);
	}
}

void arch_thread_copy(struct arch_thread *dst)
{
	struct arch_thread *src = &current->thread;

	fpu_save(dst->fxsave);
	dst->fs_base = src->fs_base;
	dst->gs_base = src->gs_base;
	dst->trap_nr = 0;
	dst->error_code = 0;
	dst->cr2 = 0;
}

void arch_set_tls(struct task *t, uintptr_t tls)
{
	t->thread.fs_base = tls;
	if (t == current)
		load_bases(&t->thread);
}

/*
 * Kernel threads have no FP state to keep (they never touch the
 * registers), so only tasks with an address space, the ones that can be
 * in user mode, save and load it.
 */
void arch_switch_thread(struct task *prev, struct task *next)
{
	if (prev->mm)
		fpu_save(prev->thread.fxsave);
	if (next->mm) {
		fpu_restore(next->thread.fxsave);
		load_bases(&next->thread);
	}
	if (next->stack) {
		uint64_t top = (uint64_t)(uintptr_t)next->stack +
			       KTHREAD_STACK_SIZE;

		tss_set_rsp0(top);
		x86_kernel_stack_top = top;
	}
}
