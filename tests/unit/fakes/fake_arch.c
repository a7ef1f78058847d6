/*
 * Fake arch contract (<arch/irq.h>, <arch/cpu.h>, <arch/power.h>) for the
 * host unit tests: the interrupt mask is a pair of counters, and stopping
 * the machine calls a hook the test installs.
 */
#include "fakes.h"

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/power.h>
#include <stdlib.h>

int fake_irq_depth;
int fake_irq_enabled;
void (*fake_halt_hook)(void);
void (*fake_reboot_hook)(void);

void arch_irq_enable(void)
{
	fake_irq_enabled = 1;
}

void arch_irq_disable(void)
{
	fake_irq_enabled = 0;
}

unsigned long arch_irq_save(void)
{
	unsigned long was = fake_irq_enabled;

	fake_irq_enabled = 0;
	fake_irq_depth++;
	return was;
}

void arch_irq_restore(unsigned long flags)
{
	fake_irq_depth--;
	fake_irq_enabled = (int)flags;
}

void arch_cpu_relax(void)
{
}

void arch_wait_for_interrupt(void)
{
}

void arch_halt(void)
{
	if (fake_halt_hook)
		fake_halt_hook();
	abort();
}

void arch_reboot(void)
{
	if (fake_reboot_hook)
		fake_reboot_hook();
	abort();
}

void arch_poweroff(void)
{
	abort();
}
