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

/* CPU exceptions (SDM vol. 3, Table 6-1). */
#define VEC_DIVIDE_ERROR	0
#define VEC_DEBUG		1
#define VEC_NMI			2
#define VEC_BREAKPOINT		3
#define VEC_OVERFLOW		4
#define VEC_BOUND		5
#define VEC_INVALID_OP		6
#define VEC_NO_DEVICE		7
#define VEC_DOUBLE_FAULT	8
#define VEC_INVALID_TSS		10
#define VEC_SEGMENT_NP		11
#define VEC_STACK_FAULT		12
#define VEC_GP_FAULT		13
#define VEC_PAGE_FAULT		14
#define VEC_X87_FP		16
#define VEC_ALIGNMENT		17
#define VEC_MACHINE_CHECK	18
#define VEC_SIMD_FP		19

#ifndef __ASSEMBLER__

#include <arch/ptregs.h>
#include <core/types.h>

/* Installs the IDT: every vector goes through entry.S to trap_dispatch(). */
void idt_init(void);

/*
 * Called by entry.S with interrupts off. A trap from user mode ends with
 * exit_to_user_mode() (x86_exit_to_user()).
 */
void trap_dispatch(struct pt_regs *frame);

/*
 * An exception in user mode (user_trap.c): becomes a signal to the
 * current task. Returns false for those that no user action can cause
 * (NMI, machine check, double fault), which stay fatal.
 */
bool user_exception(struct pt_regs *frame, unsigned int vec);

/*
 * The last step of every return to user mode (syscall.c), interrupts
 * off: exit_to_user_mode(), and a SIGSEGV for a pc that iretq could not
 * return to. Returns true when sysret may restore regs (syscall_entry.S).
 */
bool x86_exit_to_user(struct pt_regs *regs);

/* entry.S: the address of each vector's stub. */
extern const uint64_t trap_stubs[256];

#endif /* !__ASSEMBLER__ */

#endif /* X86_TRAPS_H */
