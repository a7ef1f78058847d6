/*
 * The local APIC in xAPIC mode: registers in a 4 KiB MMIO page at the
 * address from IA32_APIC_BASE, reached through the (uncached) linear map.
 * An arch initcall disables the 8259s, enables the APIC with the spurious
 * vector and registers it as the irqchip. Its only maskable line so far
 * is the timer (timer.c); interrupt vectors are IDT vectors (core/irq.h).
 */
#define pr_fmt(fmt) "lapic: " fmt

#include "lapic.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/irq.h>
#include <core/mm.h>
#include <core/printk.h>

#include "paging.h"
#include "pic.h"
#include "traps.h"
#include "x86.h"

#define APIC_BASE_X2APIC	(1UL << 10)
#define APIC_BASE_ENABLE	(1UL << 11)
#define APIC_BASE_ADDR_MASK	0x000ffffffffff000UL
#define SVR_APIC_ENABLE		(1U << 8)
#define CPUID_1_EDX_APIC	(1U << 9)

static volatile uint32_t *lapic_regs;

bool lapic_enabled(void)
{
	return lapic_regs != NULL;
}

uint32_t lapic_read(unsigned int reg)
{
	return lapic_regs[reg / 4];
}

void lapic_write(unsigned int reg, uint32_t val)
{
	lapic_regs[reg / 4] = val;
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

/* The LVT register whose vector is vec, or 0 when vec is not an LVT's. */
static unsigned int lvt_of(unsigned int vec)
{
	return vec == VEC_LAPIC_TIMER ? LAPIC_LVT_TIMER : 0;
}

static void lapic_unmask(unsigned int vec)
{
	unsigned int lvt = lvt_of(vec);

	if (lvt)
		lapic_write(lvt, lapic_read(lvt) & ~LVT_MASKED);
}

static void lapic_mask(unsigned int vec)
{
	unsigned int lvt = lvt_of(vec);

	if (lvt)
		lapic_write(lvt, lapic_read(lvt) | LVT_MASKED);
}

static const struct irqchip_ops lapic_ops = {
	.unmask = lapic_unmask,
	.mask = lapic_mask,
};

static const struct irqchip lapic_chip = {
	.name = "lapic",
	.ops = &lapic_ops,
};

static bool cpu_has_apic(void)
{
	uint32_t eax = 1, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid"
			     : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx & CPUID_1_EDX_APIC;
}

static int lapic_init(void)
{
	uint64_t msr;
	paddr_t base;
	int err;

	if (!cpu_has_apic())
		return -ENODEV;
	msr = rdmsr(MSR_IA32_APIC_BASE);
	if (msr & APIC_BASE_X2APIC) {
		pr_err("firmware left the APIC in x2APIC mode\n");
		return -ENODEV;
	}
	if (!(msr & APIC_BASE_ENABLE))
		wrmsr(MSR_IA32_APIC_BASE, msr | APIC_BASE_ENABLE);
	base = msr & APIC_BASE_ADDR_MASK;
	err = linear_map_set_uncached(base, PAGE_SIZE);
	if (err)
		return err;

	pic_disable();
	lapic_regs = phys_to_virt(base);
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_ERROR, LVT_MASKED);
	lapic_write(LAPIC_SVR, SVR_APIC_ENABLE | VEC_SPURIOUS);
	irqchip_register(&lapic_chip);
	pr_info("id %u, version 0x%x, registers at 0x%llx\n",
		lapic_read(LAPIC_ID) >> 24, lapic_read(LAPIC_VERSION) & 0xff,
		(unsigned long long)base);
	return 0;
}
arch_initcall(lapic_init);
