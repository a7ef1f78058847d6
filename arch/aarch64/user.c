/*
 * The user register frame on aarch64 (<arch/user.h>): a fresh frame for
 * execve, the syscall registers, and the child's frame for clone.
 *
 * Syscall ABI (Linux arm64, man syscall(2)): svc #0 with the number in
 * w8 and the arguments in x0-x5; the result comes back in x0. The entry
 * (entry.S) records the number in regs->syscallno and x0 in
 * regs->orig_x0, because x0 is overwritten by the result: a restart puts
 * x0 back and moves the pc onto the svc again (an svc is 4 bytes; ELR
 * points after it).
 */
#include <arch/user.h>

#include <arch/irq.h>
#include <core/panic.h>
#include <core/sched.h>
#include <core/string.h>

#define SVC_INSN_SIZE	4

void arch_user_regs_init(struct pt_regs *regs, uintptr_t pc, uintptr_t sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->elr = pc;
	regs->sp = sp;
	/* EL0t, AArch64, DAIF clear: interrupts unmasked. */
	regs->spsr = PSR_MODE_EL0t;
	regs->syscallno = -1;
}

void __return_to_user(struct pt_regs *regs) __noreturn;	/* entry.S */

void arch_return_to_user(struct pt_regs *regs)
{
	if (regs != task_pt_regs(current))
		panic("BUG: %s returns to user mode with a frame off its stack top",
		      current->name);
	arch_irq_disable();
	__return_to_user(regs);
}

long arch_syscall_nr(const struct pt_regs *regs)
{
	return regs->syscallno;
}

void arch_syscall_args(const struct pt_regs *regs, unsigned long args[6])
{
	for (int i = 0; i < 6; i++)
		args[i] = regs->regs[i];
}

void arch_syscall_set_return(struct pt_regs *regs, long value)
{
	regs->regs[0] = value;
}

long arch_syscall_return(const struct pt_regs *regs)
{
	return regs->regs[0];
}

void arch_syscall_rewind(struct pt_regs *regs)
{
	regs->regs[0] = regs->orig_x0;
	regs->elr -= SVC_INSN_SIZE;
}

uintptr_t arch_user_pc(const struct pt_regs *regs)
{
	return regs->elr;
}

uintptr_t arch_user_sp(const struct pt_regs *regs)
{
	return regs->sp;
}

void arch_set_user_sp(struct pt_regs *regs, uintptr_t sp)
{
	regs->sp = sp;
}

void arch_fork_regs(struct pt_regs *child, const struct pt_regs *parent,
		    uintptr_t newsp)
{
	*child = *parent;
	child->regs[0] = 0;
	if (newsp)
		child->sp = newsp;
}
