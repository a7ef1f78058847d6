/*
 * aarch64 kernel context (<arch/context.h>): the callee-saved registers of
 * the AAPCS64 (x19-x28, the frame pointer x29), the link register x30
 * (where arch_context_switch returns to) and sp. The offsets are used by
 * switch.S.
 */
#ifndef AARCH64_CPU_CONTEXT_H
#define AARCH64_CPU_CONTEXT_H

#define CTX_X19		0
#define CTX_X29		80
#define CTX_SP		96

#ifndef __ASSEMBLY__

struct arch_context {
	unsigned long x19_x28[10];
	unsigned long fp;	/* x29 */
	unsigned long lr;	/* x30 */
	unsigned long sp;
};

_Static_assert(__builtin_offsetof(struct arch_context, fp) == CTX_X29,
	       "switch.S offsets");
_Static_assert(__builtin_offsetof(struct arch_context, sp) == CTX_SP,
	       "switch.S offsets");

#endif /* !__ASSEMBLY__ */

#endif /* AARCH64_CPU_CONTEXT_H */
