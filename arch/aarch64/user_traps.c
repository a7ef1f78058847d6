/*
 * Exceptions taken from EL0 other than svc (entry.S): each becomes a
 * signal to the current thread (force_sig_fault(), <core/signal.h>),
 * delivered by exit_to_user_mode() on the way back. The kernel never
 * halts for anything user code does.
 *
 *   instruction/data abort  the VM layer first (demand paging, copy on
 *                           write); unresolved: SIGSEGV, SEGV_MAPERR when
 *                           no area holds the address, else SEGV_ACCERR.
 *                           Alignment faults: SIGBUS BUS_ADRALN; external
 *                           aborts and the like: SIGBUS BUS_ADRERR.
 *   PC or SP alignment      SIGBUS BUS_ADRALN
 *   BRK, debug exceptions   SIGTRAP
 *   FP exception (trapped)  SIGFPE
 *   anything else           SIGILL ILL_ILLOPC (undefined instruction,
 *                           illegal execution state, trapped system
 *                           register access, AArch32)
 *
 * The faulting address and ESR are kept in current->thread for the
 * signal frame's sigcontext (fault_address, esr_context).
 */
#define pr_fmt(fmt) "trap: " fmt

#include <arch/ptregs.h>

#include <arch/irq.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/vm.h>

#include "esr.h"

/* si_code values <core/signal.h> does not list (asm-generic/siginfo.h). */
#define TRAP_TRACE	2
#define TRAP_HWBKPT	4
#define FPE_FLTUNK	14

static void user_signal(int sig, int code, uintptr_t addr, uint64_t esr)
{
	current->thread.fault_address = addr;
	current->thread.fault_esr = esr;
	pr_debug("%s[%d]: signal %d code %d at pc 0x%lx addr 0x%lx esr 0x%lx\n",
		 current->name, current->tid, sig, code,
		 (unsigned long)task_pt_regs(current)->elr,
		 (unsigned long)addr, (unsigned long)esr);
	force_sig_fault(sig, code, addr);
}

/* An instruction or data abort from EL0 at far. Interrupts on. */
static void user_abort(struct pt_regs *regs, uint64_t esr, uint64_t far)
{
	unsigned int ec = ESR_EC(esr), iss = ESR_ISS(esr);
	unsigned int fsc = ISS_FSC(iss), access;

	if (ec == EC_IABT_LOW)
		access = VM_ACCESS_EXEC;
	else
		access = iss & ISS_WNR ? VM_ACCESS_WRITE : VM_ACCESS_READ;

	if (FSC_PAGE_FAULT(fsc)) {
		if (vm_trap_fault(far, access, true, &regs->elr))
			return;
		user_signal(SIGSEGV, vm_fault_code(far), far, esr);
	} else if (FSC_ADDR_SIZE(fsc)) {
		/* An address beyond the 48-bit user range. */
		user_signal(SIGSEGV, SEGV_MAPERR, far, esr);
	} else if (fsc == FSC_ALIGNMENT) {
		user_signal(SIGBUS, BUS_ADRALN, far, esr);
	} else {
		user_signal(SIGBUS, BUS_ADRERR, far, esr);
	}
}

void el0_sync_handler(struct pt_regs *regs, uint64_t esr, uint64_t far)
{
	uintptr_t pc = regs->elr;

	/* ESR and FAR are read: a nested exception may now change them. */
	arch_irq_enable();
	switch (ESR_EC(esr)) {
	case EC_IABT_LOW:
	case EC_DABT_LOW:
		user_abort(regs, esr, far);
		break;
	case EC_PC_ALIGN:
		user_signal(SIGBUS, BUS_ADRALN, far, 0);
		break;
	case EC_SP_ALIGN:
		user_signal(SIGBUS, BUS_ADRALN, regs->sp, 0);
		break;
	case EC_BRK64:
	case EC_BREAKPT_LOW:
		user_signal(SIGTRAP, TRAP_BRKPT, pc, 0);
		break;
	case EC_SOFTSTP_LOW:
		user_signal(SIGTRAP, TRAP_TRACE, pc, 0);
		break;
	case EC_WATCHPT_LOW:
		user_signal(SIGTRAP, TRAP_HWBKPT, far, 0);
		break;
	case EC_FP_EXC64:
		user_signal(SIGFPE, FPE_FLTUNK, pc, 0);
		break;
	default:
		user_signal(SIGILL, ILL_ILLOPC, pc, 0);
		break;
	}
	arch_irq_disable();
}

void el0_bad_handler(struct pt_regs *regs, unsigned long vector)
{
	switch (vector % 4) {
	case VEC_IRQ:
		trap_irq(regs, vector);
		return;
	case VEC_FIQ:
		/* FIQs are never routed anywhere: not the task's doing. */
		trap_unexpected(regs, vector);
	case VEC_SERROR:
		/* An asynchronous external abort while the task ran. */
		user_signal(SIGBUS, BUS_ADRERR, 0, 0);
		return;
	default:
		/* Synchronous from AArch32: no task is ever started there. */
		user_signal(SIGILL, ILL_ILLOPC, regs->elr, 0);
		return;
	}
}
