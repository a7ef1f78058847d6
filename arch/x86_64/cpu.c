/*
 * The processor and interrupt-flag contracts (<arch/cpu.h>, <arch/irq.h>)
 * for x86_64.
 */
#include <arch/cpu.h>
#include <arch/irq.h>

#include "x86.h"

void arch_cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

void arch_wait_for_interrupt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

void arch_halt(void)
{
	/* An NMI still wakes hlt: go back to sleep. */
	for (;;)
		__asm__ __volatile__("cli; hlt" : : : "memory");
}

void arch_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

void arch_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

unsigned long arch_irq_save(void)
{
	unsigned long flags = read_rflags();

	arch_irq_disable();
	return flags;
}

void arch_irq_restore(unsigned long flags)
{
	if (flags & X86_FLAGS_IF)
		arch_irq_enable();
}

bool arch_irqs_enabled(void)
{
	return read_rflags() & X86_FLAGS_IF;
}
