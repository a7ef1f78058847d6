/*
 * Arch contract: kernel execution contexts, for the scheduler. A context is
 * what a task needs to be resumed in kernel mode: the callee-saved
 * registers and the stack pointer (struct arch_context, per arch in
 * <arch/cpu_context.h>). Everything else (the caller-saved registers, and
 * the interrupted state of a preempted task) is already on that task's
 * kernel stack when it switches away.
 */
#ifndef ARCH_CONTEXT_H
#define ARCH_CONTEXT_H

#include <arch/cpu_context.h>

/*
 * Prepares ctx so that the first arch_context_switch() to it calls
 * entry(arg) on the stack that ends at stack_top (16-byte aligned), with
 * interrupts in the state the switch happened with (off, in the
 * scheduler). entry must not return.
 */
void arch_context_init(struct arch_context *ctx, void (*entry)(void *),
		       void *arg, void *stack_top);

/*
 * Saves the running context into prev and resumes next. Returns when some
 * later switch resumes prev. Call with interrupts off.
 */
void arch_context_switch(struct arch_context *prev, struct arch_context *next);

#endif /* ARCH_CONTEXT_H */
