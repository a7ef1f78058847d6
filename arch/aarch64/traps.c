/*
 * C side of the kernel (EL1) exception vectors (vectors.S); entries from
 * EL0 go to entry.S and user_traps.c. IRQs go to the interrupt
 * controller's root handler (<core/irq.h>). Instruction and data aborts
 * (translation, access flag and permission faults) go to the VM layer
 * (vm_trap_fault: demand paging and copy on write of user pages the kernel
 * touches, the uaccess fixups). Nothing else synchronous in the kernel is
 * recoverable: an unresolved abort or other synchronous exception, FIQ or
 * SError prints the exception syndrome (ESR_EL1 decoded, FAR_EL1) and
 * every register at LOG_EMERG, then halts the CPU.
 *
 * A fault while printing that report re-enters here; the nesting count
 * turns it into one short line and a halt instead of a silent loop.
 */
#define pr_fmt(fmt) "trap: " fmt

#include <arch/ptregs.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/sysreg.h>
#include <core/irq.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/vm.h>

#include "esr.h"

static const char *const ec_names[64] = {
	[0x00] = "unknown reason",
	[0x01] = "WFI/WFE trapped",
	[0x07] = "FP/SIMD access trapped",
	[0x0e] = "illegal execution state",
	[0x11] = "SVC from AArch32",
	[0x15] = "SVC from AArch64",
	[0x16] = "HVC from AArch64",
	[0x17] = "SMC from AArch64",
	[0x18] = "MSR/MRS/system instruction trapped",
	[0x19] = "SVE access trapped",
	[EC_IABT_LOW] = "instruction abort, lower EL",
	[EC_IABT_CUR] = "instruction abort, current EL",
	[0x22] = "PC alignment fault",
	[EC_DABT_LOW] = "data abort, lower EL",
	[EC_DABT_CUR] = "data abort, current EL",
	[0x26] = "SP alignment fault",
	[0x2c] = "FP exception",
	[0x2f] = "SError",
	[0x30] = "breakpoint, lower EL",
	[0x31] = "breakpoint, current EL",
	[0x32] = "software step, lower EL",
	[0x33] = "software step, current EL",
	[0x34] = "watchpoint, lower EL",
	[0x35] = "watchpoint, current EL",
	[0x3c] = "BRK instruction",
};

static const char *const vector_names[16] = {
	"EL1t sync",   "EL1t IRQ",   "EL1t FIQ",   "EL1t SError",
	"EL1h sync",   "EL1h IRQ",   "EL1h FIQ",   "EL1h SError",
	"EL0 64 sync", "EL0 64 IRQ", "EL0 64 FIQ", "EL0 64 SError",
	"EL0 32 sync", "EL0 32 IRQ", "EL0 32 FIQ", "EL0 32 SError",
};

static int depth;

static const char *ec_name(uint64_t esr)
{
	const char *name = ec_names[ESR_EC(esr)];

	return name ? name : "reserved or unrecognised";
}

/* Fault status code of an instruction or data abort (ISS[5:0]). */
static const char *fsc_name(unsigned int fsc)
{
	switch (fsc & 0x3c) {
	case 0x00:
		return "address size fault";
	case 0x04:
		return "translation fault";
	case 0x08:
		return "access flag fault";
	case 0x0c:
		return "permission fault";
	}
	switch (fsc) {
	case 0x10:
		return "synchronous external abort";
	case 0x21:
		return "alignment fault";
	case 0x30:
		return "TLB conflict abort";
	}
	return "other fault";
}

static void dump_abort(uint64_t esr)
{
	unsigned int ec = ESR_EC(esr), iss = ESR_ISS(esr);
	unsigned int fsc = ISS_FSC(iss);
	bool is_data = ec == EC_DABT_LOW || ec == EC_DABT_CUR;

	if (!is_data && ec != EC_IABT_LOW && ec != EC_IABT_CUR)
		return;
	if (fsc < 0x10)
		pr_emerg("  %s, level %u%s\n", fsc_name(fsc), fsc & 3,
			 is_data ? (iss & ISS_WNR ? ", on write" : ", on read")
				 : "");
	else
		pr_emerg("  %s (FSC 0x%x)\n", fsc_name(fsc), fsc);
}

static void dump_regs(const struct pt_regs *regs)
{
	int i;

	for (i = 0; i + 2 < 31; i += 3)
		pr_emerg("  x%-2d 0x%016lx  x%-2d 0x%016lx  x%-2d 0x%016lx\n",
			 i, regs->regs[i], i + 1, regs->regs[i + 1], i + 2,
			 regs->regs[i + 2]);
	pr_emerg("  x30 0x%016lx  sp  0x%016lx\n", regs->regs[30], regs->sp);
}

/* Reports the exception described by regs/esr/far and stops the CPU. */
static void __noreturn die(const char *what, struct pt_regs *regs,
			   unsigned long vector)
{
	uint64_t esr = read_sysreg(esr_el1);
	uint64_t far = read_sysreg(far_el1);

	depth++;
	if (depth > 2)
		arch_halt();
	if (depth == 2) {
		pr_emerg("nested exception: ESR=0x%lx FAR=0x%lx ELR=0x%lx; halting\n",
			 esr, far, regs->elr);
		arch_halt();
	}

	if (vector % 4 == VEC_FIQ) {
		/* ESR and FAR describe only sync exceptions and SError. */
		pr_emerg("%s in %s\n", what, vector_names[vector % 16]);
		pr_emerg("  ELR=0x%lx SPSR=0x%lx\n", regs->elr, regs->spsr);
	} else {
		pr_emerg("%s in %s: %s (EC 0x%02x)\n", what,
			 vector_names[vector % 16], ec_name(esr),
			 (unsigned int)ESR_EC(esr));
		pr_emerg("  ESR=0x%lx FAR=0x%lx ELR=0x%lx SPSR=0x%lx\n", esr,
			 far, regs->elr, regs->spsr);
		dump_abort(esr);
	}
	dump_regs(regs);
	pr_emerg("CPU halted\n");
	arch_halt();
}

/*
 * Returns true when the VM layer resolved the kernel-mode abort described
 * by ESR. The VM layer may sleep (mm->lock): when the interrupted code ran
 * with interrupts on, they are back on meanwhile.
 */
static bool page_fault(struct pt_regs *regs)
{
	uint64_t esr = read_sysreg(esr_el1);
	uint64_t far = read_sysreg(far_el1);
	unsigned int ec = ESR_EC(esr), iss = ESR_ISS(esr);
	unsigned int fsc = ISS_FSC(iss), access;
	bool irqs_on = !(regs->spsr & PSR_I), handled;

	if (ec == EC_DABT_CUR)
		access = iss & ISS_WNR ? VM_ACCESS_WRITE : VM_ACCESS_READ;
	else if (ec == EC_IABT_CUR)
		access = VM_ACCESS_EXEC;
	else
		return false;
	if (!FSC_PAGE_FAULT(fsc))
		return false;
	if (irqs_on)
		arch_irq_enable();
	handled = vm_trap_fault(far, access, false, &regs->elr);
	arch_irq_disable();
	return handled;
}

void trap_sync(struct pt_regs *regs, unsigned long vector)
{
	if (page_fault(regs))
		return;
	die("unhandled synchronous exception", regs, vector);
}

void trap_irq(struct pt_regs *regs, unsigned long vector)
{
	irq_handle_root();
	/* The GIC has had its EOI: switching tasks here is safe. */
	sched_irq_exit();
}

void trap_unexpected(struct pt_regs *regs, unsigned long vector)
{
	die("unexpected exception", regs, vector);
}
