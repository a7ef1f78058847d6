/*
 * x86_64 private: the local APIC (xAPIC, memory-mapped registers).
 */
#ifndef X86_LAPIC_H
#define X86_LAPIC_H

#include <core/types.h>

/* Register offsets (SDM vol. 3, Table 10-1). */
#define LAPIC_ID		0x020
#define LAPIC_VERSION		0x030
#define LAPIC_TPR		0x080
#define LAPIC_EOI		0x0b0
#define LAPIC_SVR		0x0f0
#define LAPIC_LVT_TIMER		0x320
#define LAPIC_LVT_LINT0		0x350
#define LAPIC_LVT_ERROR		0x370
#define LAPIC_TIMER_INITIAL	0x380
#define LAPIC_TIMER_CURRENT	0x390
#define LAPIC_TIMER_DIVIDE	0x3e0

#define LVT_MASKED		(1U << 16)
#define LVT_TIMER_PERIODIC	(1U << 17)

/* True once lapic_init() (an arch initcall) has enabled the local APIC. */
bool lapic_enabled(void);

uint32_t lapic_read(unsigned int reg);
void lapic_write(unsigned int reg, uint32_t val);

/* Signals end of interrupt for the vector being serviced. */
void lapic_eoi(void);

#endif /* X86_LAPIC_H */
