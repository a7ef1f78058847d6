/*
 * x86_64 private: the interrupt descriptor table, the vector layout and
 * the register frame that entry.S builds for every trap.
 *
 *   0x00-0x1f  CPU exceptions
 *   0x20-0x2f  the legacy 8259 PICs, remapped here and masked
 *   0x40       local APIC timer
 *   0xff       local APIC spurious interrupt
 */
#ifndef X86_TRAPS_H
#define X86_TRAPS_H

#define NR_EXCEPTIONS		32
#define VEC_PIC_BASE		0x20
#define VEC_LAPIC_TIMER		0x40
#define VEC_SPURIOUS		0xff

#define VEC_DOUBLE_FAULT	8
#define VEC_PAGE_FAULT		14

#ifndef __ASSEMBLER__

#include <arch/ptregs.h>
#include <core/types.h>

/* Installs the IDT: every vector goes through entry.S to trap_dispatch(). */
void idt_init(void);

/* Called by entry.S with interrupts off. */
void trap_dispatch(struct pt_regs *frame);

/* entry.S: the address of each vector's stub. */
extern const uint64_t trap_stubs[256];

#endif /* !__ASSEMBLER__ */

#endif /* X86_TRAPS_H */
