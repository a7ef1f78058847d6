/*
 * Arch contract: the CPU's interrupt mask.
 */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#include <core/types.h>

void arch_irq_enable(void);
void arch_irq_disable(void);

/* Disables interrupts and returns the previous state for arch_irq_restore. */
unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long flags);

/* True when interrupts are enabled on this CPU. */
bool arch_irqs_enabled(void);

#endif /* ARCH_IRQ_H */
