/*
 * x86_64 kernel context (<arch/context.h>): only the stack pointer. The
 * callee-saved registers (SysV ABI: rbx, rbp, r12-r15) and the return
 * address are pushed on the task's own stack by switch.S.
 */
#ifndef X86_64_CPU_CONTEXT_H
#define X86_64_CPU_CONTEXT_H

struct arch_context {
	unsigned long rsp;
};

#endif /* X86_64_CPU_CONTEXT_H */
