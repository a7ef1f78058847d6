/*
 * Kernel context for the host unit tests: the scheduling class logic under
 * test never switches, so struct task only needs the type to exist.
 */
#ifndef ARCH_CPU_CONTEXT_H
#define ARCH_CPU_CONTEXT_H

struct arch_context {
	unsigned long sp;
};

#endif /* ARCH_CPU_CONTEXT_H */
