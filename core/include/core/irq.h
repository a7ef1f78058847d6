/*
 * Interrupt lines, arch-neutral. An interrupt controller driver registers
 * itself as the irqchip; device code asks for a line with irq_register().
 * The arch interrupt entry (or the irqchip driver it calls) acknowledges the
 * interrupt, calls irq_dispatch() with the line number, then signals EOI.
 *
 * Line numbers are the controller's own: GIC INTIDs on aarch64, IDT vectors
 * on x86_64.
 */
#ifndef CORE_IRQ_H
#define CORE_IRQ_H

#include <core/types.h>

#define IRQ_MAX 1024

typedef void (*irq_handler_t)(unsigned int irq, void *data);

struct irqchip_ops {
	void (*unmask)(unsigned int irq);
	void (*mask)(unsigned int irq);
};

struct irqchip {
	const char *name;
	const struct irqchip_ops *ops;
};

void irqchip_register(const struct irqchip *chip);

/*
 * Installs handler for irq and unmasks it at the controller.
 * Returns 0, -EINVAL for a bad line, -EBUSY when it already has a handler.
 */
int irq_register(unsigned int irq, irq_handler_t handler, void *data);

/* Runs the handler of irq; counts and logs (once) an unhandled line. */
void irq_dispatch(unsigned int irq);

/*
 * Controllers that must be asked which line fired (the GIC) install a root
 * handler; the arch IRQ exception entry calls irq_handle_root(), which runs
 * it. The root handler acknowledges, calls irq_dispatch() and ends the
 * interrupt.
 */
void irq_set_root_handler(void (*handler)(void));
void irq_handle_root(void);

/* Number of times irq has been dispatched. */
uint64_t irq_count(unsigned int irq);
/* True when irq has a handler. */
bool irq_registered(unsigned int irq);
/* The registered controller's name, or "none". */
const char *irqchip_name(void);

#endif /* CORE_IRQ_H */
