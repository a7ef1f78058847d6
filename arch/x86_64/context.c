/*
 * New kernel contexts (<arch/context.h>): the frame that switch.S pops,
 * built by hand so that the first switch "returns" into arch_thread_start.
 * Callers pass the top of the task's kernel stack below its user register
 * frame (task_pt_regs(), <core/sched.h>).
 */
#include <arch/context.h>

#include <core/compiler.h>
#include <core/types.h>

void arch_thread_start(void);

/* switch.S pops, from the lowest address: r15 r14 r13 r12 rbx rbp, ret. */
enum { F_R15, F_R14, F_R13, F_R12, F_RBX, F_RBP, F_RET, F_WORDS };

void arch_context_init(struct arch_context *ctx, void (*entry)(void *),
		       void *arg, void *stack_top)
{
	uintptr_t top = ALIGN_DOWN((uintptr_t)stack_top, 16);
	unsigned long *frame;
	int i;

	frame = (unsigned long *)top - F_WORDS;
	for (i = 0; i < F_WORDS; i++)
		frame[i] = 0;
	frame[F_R12] = (unsigned long)entry;
	frame[F_R13] = (unsigned long)arg;
	/* After ret, rsp == top: aligned for arch_thread_start's call. */
	frame[F_RET] = (unsigned long)arch_thread_start;
	ctx->rsp = (unsigned long)frame;
}
