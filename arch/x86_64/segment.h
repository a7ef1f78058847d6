/*
 * x86_64 private: the GDT layout and the task state segment.
 *
 * The order of the user segments is fixed by SYSRET (SDM vol. 2,
 * SYSRET): with STAR[63:48] = GDT_USER_CS32, SS = +8 and CS = +16.
 * head.S's boot GDT uses the same kernel selectors.
 */
#ifndef X86_SEGMENT_H
#define X86_SEGMENT_H

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define GDT_USER_CS32	0x18	/* placeholder slot for SYSRET's layout */
#define USER_DS		0x23	/* 0x20 | RPL 3 */
#define USER_CS		0x2b	/* 0x28 | RPL 3 */
#define TSS_SEL		0x30	/* 16-byte descriptor: two slots */

/* Interrupt stack table slots (1-based, as in the IDT gate). */
#define IST_DOUBLE_FAULT 1
#define IST_NMI		2	/* may hit syscall_entry.S on the user stack */

#ifndef __ASSEMBLER__

#include <core/types.h>

/* Loads the kernel GDT and the TSS; reloads every segment register. */
void gdt_init(void);

/* The stack the CPU switches to on an interrupt or exception in user mode. */
void tss_set_rsp0(uint64_t rsp0);

#endif

#endif /* X86_SEGMENT_H */
