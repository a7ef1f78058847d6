/*
 * /proc/interrupts: a line per interrupt line that has a handler or has
 * fired, with its count on the one CPU and the controller's name, in
 * Linux's column layout. Line numbers are the
 * controller's own (<core/irq.h>): IDT vectors on x86_64, GIC INTIDs on
 * aarch64.
 */
#include "system.h"

#include <core/irq.h>

int proc_interrupts_show(struct seq_buf *s, uint64_t data)
{
	const char *chip = irqchip_name();
	int prec = 3;

	(void)data;
	/* The number column is as wide as the highest line's number. */
	for (unsigned int i = 1000; i < IRQ_MAX; i++)
		if (irq_count(i) || irq_registered(i))
			prec = 4;
	seq_printf(s, "%*sCPU%-8d\n", prec + 8, "", 0);
	for (unsigned int i = 0; i < IRQ_MAX; i++) {
		if (!irq_count(i) && !irq_registered(i))
			continue;
		seq_printf(s, "%*u: %10llu %8s\n", prec, i,
			   (unsigned long long)irq_count(i), chip);
	}
	return 0;
}
