/*
 * Exceptions taken in user mode become signals to the current thread
 * (force_sig_fault(), <core/signal.h>), with the si_code and address
 * Linux gives them (arch/x86 traps and fault handling, man 7 signal):
 *
 *   #PF          SIGSEGV SEGV_MAPERR (no area) / SEGV_ACCERR (the area
 *                forbids the access), SIGBUS BUS_ADRERR (out of memory)
 *   #DE          SIGFPE FPE_INTDIV at rip
 *   #MF, #XM     SIGFPE with the code of the unmasked flagged exception
 *   #UD          SIGILL ILL_ILLOPC at rip
 *   #BP          SIGTRAP SI_KERNEL (int3; rip is past it)
 *   #DB          SIGTRAP TRAP_TRACE (single step) or TRAP_BRKPT
 *   #AC          SIGBUS BUS_ADRALN
 *   #GP #SS #NP #TS #OF #BR and the rest: SIGSEGV SI_KERNEL, address 0
 *
 * NMI, machine check and double fault are not the user's doing and stay
 * fatal. The trap number, error code and fault address are kept in
 * struct arch_thread for the signal frame's sigcontext.
 */
#include <arch/user.h>

#include <core/sched.h>
#include <core/vm.h>

#include "traps.h"
#include "x86.h"
#include "x86_user.h"

#define TRAP_TRACE	2

/* Page-fault error code bits (SDM vol. 3, 4.7). */
#define PF_WRITE	(1 << 1)
#define PF_FETCH	(1 << 4)

/* Debug status: single step, and the value with no status bits. */
#define DR6_BS		(1 << 14)
#define DR6_RESET	0xffff0ff0UL

static void deliver(struct pt_regs *regs, int sig, int code, uintptr_t addr)
{
	if (!current->proc)
		user_selftest_fault(regs, sig, code, addr);
	force_sig_fault(sig, code, addr);
}

/* vm_fault()'s rule: any protection but PROT_NONE reads. */
static bool area_allows(const struct vma *v, unsigned int access)
{
	if (!(v->prot & VM_PROT_MASK))
		return false;
	if ((access & VM_ACCESS_WRITE) && !(v->prot & VM_PROT_WRITE))
		return false;
	if ((access & VM_ACCESS_EXEC) && !(v->prot & VM_PROT_EXEC))
		return false;
	return true;
}

/*
 * A page fault that vm_trap_fault() could not resolve. Its area tells
 * why: none, or one that forbids the access, is SIGSEGV; an area that
 * allows it means the fault handler ran out of memory: SIGBUS.
 */
static void user_page_fault(struct pt_regs *regs, uintptr_t addr)
{
	unsigned int access = regs->error & PF_FETCH ? VM_ACCESS_EXEC :
			      regs->error & PF_WRITE ? VM_ACCESS_WRITE :
						       VM_ACCESS_READ;
	struct mm *mm = mm_current();
	struct vma *v = NULL;

	if (mm && addr < USER_SPACE_END)
		v = find_vma(mm, addr);
	if (!v)
		deliver(regs, SIGSEGV, SEGV_MAPERR, addr);
	else if (!area_allows(v, access))
		deliver(regs, SIGSEGV, SEGV_ACCERR, addr);
	else
		deliver(regs, SIGBUS, BUS_ADRERR, addr);
}

/* Reads DR6 and resets it: its status bits are sticky (SDM vol. 3, 17.2.3). */
static uint64_t take_dr6(void)
{
	uint64_t v, reset = DR6_RESET;

	__asm__ __volatile__("mov %%dr6, %0" : "=r"(v));
	__asm__ __volatile__("mov %0, %%dr6" : : "r"(reset));
	return v;
}

bool user_exception(struct pt_regs *regs, unsigned int vec)
{
	struct arch_thread *th = &current->thread;
	uintptr_t pc = regs->rip;

	th->trap_nr = vec;
	th->error_code = regs->error;
	switch (vec) {
	case VEC_NMI:
	case VEC_DOUBLE_FAULT:
	case VEC_MACHINE_CHECK:
		return false;
	case VEC_PAGE_FAULT:
		th->cr2 = read_cr2();
		user_page_fault(regs, th->cr2);
		break;
	case VEC_DIVIDE_ERROR:
		deliver(regs, SIGFPE, FPE_INTDIV, pc);
		break;
	case VEC_X87_FP:
		deliver(regs, SIGFPE, fpu_x87_code(), pc);
		break;
	case VEC_SIMD_FP:
		deliver(regs, SIGFPE, fpu_simd_code(), pc);
		break;
	case VEC_INVALID_OP:
		deliver(regs, SIGILL, ILL_ILLOPC, pc);
		break;
	case VEC_BREAKPOINT:
		deliver(regs, SIGTRAP, SI_KERNEL, 0);
		break;
	case VEC_DEBUG:
		deliver(regs, SIGTRAP,
			take_dr6() & DR6_BS ? TRAP_TRACE : TRAP_BRKPT, pc);
		break;
	case VEC_ALIGNMENT:
		deliver(regs, SIGBUS, BUS_ADRALN, 0);
		break;
	default:
		deliver(regs, SIGSEGV, SI_KERNEL, 0);
		break;
	}
	return true;
}
