/*
 * Interrupt line table (see <core/irq.h>): one handler per line, unmasked
 * at the registered irqchip when installed.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <core/irq.h>

#include <core/errno.h>
#include <core/printk.h>

struct irq_line {
	irq_handler_t handler;
	void *data;
	uint64_t count;
	bool warned;
};

static struct irq_line lines[IRQ_MAX];
static const struct irqchip *irqchip;

void irqchip_register(const struct irqchip *chip)
{
	irqchip = chip;
	pr_info("controller %s\n", chip->name);
}

int irq_register(unsigned int irq, irq_handler_t handler, void *data)
{
	if (irq >= IRQ_MAX || !handler)
		return -EINVAL;
	if (lines[irq].handler)
		return -EBUSY;
	lines[irq].data = data;
	lines[irq].handler = handler;
	if (irqchip && irqchip->ops->unmask)
		irqchip->ops->unmask(irq);
	return 0;
}

void irq_dispatch(unsigned int irq)
{
	struct irq_line *line;

	if (irq >= IRQ_MAX)
		return;
	line = &lines[irq];
	line->count++;
	if (line->handler) {
		line->handler(irq, line->data);
	} else if (!line->warned) {
		line->warned = true;
		pr_warn("unhandled interrupt %u\n", irq);
	}
}

static void (*root_handler)(void);

void irq_set_root_handler(void (*handler)(void))
{
	root_handler = handler;
}

void irq_handle_root(void)
{
	if (root_handler)
		root_handler();
}

uint64_t irq_count(unsigned int irq)
{
	return irq < IRQ_MAX ? lines[irq].count : 0;
}

bool irq_registered(unsigned int irq)
{
	return irq < IRQ_MAX && lines[irq].handler;
}

const char *irqchip_name(void)
{
	return irqchip ? irqchip->name : "none";
}
