/*
 * Arch contract: the processor. Every architecture implements these in
 * arch/<arch>/; generic code calls nothing else of the CPU.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <core/compiler.h>

/* Hint inside busy-wait loops (pause / yield). */
void arch_cpu_relax(void);

/* Sleeps until the next interrupt (hlt / wfi). Call with interrupts on. */
void arch_wait_for_interrupt(void);

/* Stops this CPU for good, interrupts off. */
void arch_halt(void) __noreturn;

#endif /* ARCH_CPU_H */
