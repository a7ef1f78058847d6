/*
 * New kernel contexts (<arch/context.h>): registers that make the first
 * arch_context_switch() "return" into arch_thread_start (switch.S).
 */
#include <arch/context.h>

#include <core/string.h>

void arch_thread_start(void);

void arch_context_init(struct arch_context *ctx, void (*entry)(void *),
		       void *arg, void *stack_top)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->x19_x28[0] = (unsigned long)entry;
	ctx->x19_x28[1] = (unsigned long)arg;
	ctx->lr = (unsigned long)arch_thread_start;
	ctx->sp = (unsigned long)stack_top;
}
