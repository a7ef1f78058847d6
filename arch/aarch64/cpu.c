/*
 * aarch64 implementation of the CPU and interrupt-mask contracts
 * (<arch/cpu.h>, <arch/irq.h>). The mask is PSTATE.DAIF; only I (IRQ) is
 * ever opened: FIQs are unused and SError and debug stay masked.
 */
#include <arch/cpu.h>
#include <arch/irq.h>

#define DAIF_I	(1 << 7)	/* PSTATE.I in the DAIF register view */

void arch_cpu_relax(void)
{
	__asm__ __volatile__("yield" : : : "memory");
}

void arch_wait_for_interrupt(void)
{
	/* Complete outstanding memory accesses before sleeping. */
	__asm__ __volatile__("dsb sy\n\twfi" : : : "memory");
}

void arch_halt(void)
{
	__asm__ __volatile__("msr daifset, #0xf" : : : "memory");
	for (;;)
		__asm__ __volatile__("wfi");
}

void arch_irq_enable(void)
{
	__asm__ __volatile__("msr daifclr, #2" : : : "memory");
}

void arch_irq_disable(void)
{
	__asm__ __volatile__("msr daifset, #2" : : : "memory");
}

unsigned long arch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, daif\n\tmsr daifset, #2"
			     : "=r"(flags) : : "memory");
	return flags;
}

void arch_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr daif, %0" : : "r"(flags) : "memory");
}

bool arch_irqs_enabled(void)
{
	unsigned long daif;

	__asm__ __volatile__("mrs %0, daif" : "=r"(daif));
	return !(daif & DAIF_I);
}
