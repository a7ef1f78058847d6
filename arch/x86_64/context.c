/*
 * New kernel contexts (<arch/context.h>): the frame that switch.S pops,
 * built by hand so that the first switch "returns" into arch_thread_start.
 */
#include <arch/context.h>

#include <core/types.h>

void arch_thread_start(void);

/* switch.S pops, from the lowest address: r15 r14 r13 r12 rbx rbp, ret. */
enum { F_R15, F_R14, F_R13, F_R12, F_RBX, F_RBP, F_RET, F_WORDS };

void arch_context_init(struct arch_context *ctx, void (*entry)(void *),
		       void *arg, void *stack_top)
{
	unsigned long *frame = (unsigned long *)stack_top - F_WORDS;
	int i;

	for (i = 0; i < F_WORDS; i++)
		frame[i] = 0;
	frame[F_R12] = (unsigned long)entry;
	frame[F_R13] = (unsigned long)arg;
	/* After ret, rsp == stack_top: aligned for arch_thread_start's call. */
	frame[F_RET] = (unsigned long)arch_thread_start;
	ctx->rsp = (unsigned long)frame;
}
