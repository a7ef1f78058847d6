/*
 * The x86_64 syscall path in C: the MSRs that route the syscall
 * instruction to syscall_entry.S, the C half of that entry, the last step of
 * every return to user mode, and the register conventions of the ABI
 * (<arch/user.h>): number in rax, arguments in rdi, rsi, rdx, r10, r8, r9,
 * result in rax; syscall itself clobbers rcx (rip) and r11 (rflags).
 */
#define pr_fmt(fmt) "syscall: " fmt

#include <arch/user.h>

#include <arch/memlayout.h>
#include <arch/irq.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/syscall.h>

#include "segment.h"
#include "traps.h"
#include "x86.h"
#include "x86_user.h"

void x86_syscall_entry(void);
bool x86_syscall(struct pt_regs *regs);

/* The kernel stack that syscall_entry.S switches to (arch_switch_thread()). */
uint64_t x86_kernel_stack_top;

/*
 * RFLAGS bits the syscall instruction clears: interrupts stay off until
 * the kernel stack is in place; DF, TF, AC, NT must not leak into the
 * kernel (Linux masks the same set).
 */
#define SYSCALL_MASK	(X86_FLAGS_IF | X86_FLAGS_DF | X86_FLAGS_TF | \
			 X86_FLAGS_AC | X86_FLAGS_NT | X86_FLAGS_IOPL)

/* The user flags that a sigreturn or a debugger may change. */
#define USER_FLAGS	(X86_FLAGS_AC | X86_FLAGS_OF | X86_FLAGS_DF | \
			 X86_FLAGS_TF | X86_FLAGS_SF | X86_FLAGS_ZF | \
			 X86_FLAGS_AF | X86_FLAGS_PF | X86_FLAGS_CF | \
			 X86_FLAGS_RF)

/*
 * STAR (SDM vol. 3, 5.8.8): syscall loads CS = STAR[47:32] and SS = +8;
 * sysret to 64-bit mode loads CS = STAR[63:48] + 16 and SS = +8, with RPL
 * 3. segment.h lays the GDT out for that.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((uint64_t)(GDT_USER_CS32 | 3) << 48) |
				((uint64_t)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)x86_syscall_entry);
	wrmsr(MSR_SFMASK, SYSCALL_MASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* 4-level paging: bits 63..47 all equal (SDM vol. 1, 3.3.7.1). */
static bool canonical(uint64_t addr)
{
	return (uint64_t)((int64_t)(addr << 16) >> 16) == addr;
}

bool x86_exit_to_user(struct pt_regs *regs)
{
	for (;;) {
		exit_to_user_mode(regs);
		if (canonical(regs->rip))
			break;
		/*
		 * iretq to a non-canonical rip faults in the kernel: make it
		 * the user fault it stands for (the signal moves rip or ends
		 * the task).
		 */
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	}
	/*
	 * sysret takes rip from rcx and rflags from r11, cannot restore RF,
	 * traps at once with TF, and faults in the kernel on a non-canonical
	 * rcx (Intel) or in the last user page (hence USER_SPACE_END).
	 */
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->cs == USER_CS && regs->ss == USER_DS &&
	       regs->rip < USER_SPACE_END &&
	       !(regs->rflags & (X86_FLAGS_RF | X86_FLAGS_TF));
}

/* syscall_entry.S, interrupts off; returns true when sysret may be used. */
bool x86_syscall(struct pt_regs *regs)
{
	arch_irq_enable();
	syscall_handler(regs);
	arch_irq_disable();
	return x86_exit_to_user(regs);
}

/* --- <arch/user.h> register conventions ------------------------------ */

void arch_user_regs_init(struct pt_regs *regs, uintptr_t pc, uintptr_t sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->orig_rax = -1;
	regs->rip = pc;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags = X86_FLAGS_IF | X86_FLAGS_FIXED;
}

/* Forces a user-mode frame: user selectors, interrupts on, no IOPL. */
void x86_sanitize_user_regs(struct pt_regs *regs, uint64_t user_flags)
{
	regs->rflags = (regs->rflags & ~USER_FLAGS) | (user_flags & USER_FLAGS);
	regs->rflags = (regs->rflags & ~(X86_FLAGS_IOPL | X86_FLAGS_NT)) |
		       X86_FLAGS_IF | X86_FLAGS_FIXED;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
}

long arch_syscall_nr(const struct pt_regs *regs)
{
	return (long)regs->orig_rax;
}

void arch_syscall_args(const struct pt_regs *regs, unsigned long args[6])
{
	args[0] = regs->rdi;
	args[1] = regs->rsi;
	args[2] = regs->rdx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

void arch_syscall_set_return(struct pt_regs *regs, long value)
{
	regs->rax = value;
}

long arch_syscall_return(const struct pt_regs *regs)
{
	return (long)regs->rax;
}

/* rdi is not clobbered by the return value; `syscall` is 2 bytes (0f 05). */
void arch_syscall_rewind(struct pt_regs *regs)
{
	regs->rax = regs->orig_rax;
	regs->rip -= 2;
}

uintptr_t arch_user_pc(const struct pt_regs *regs)
{
	return regs->rip;
}

uintptr_t arch_user_sp(const struct pt_regs *regs)
{
	return regs->rsp;
}

void arch_set_user_sp(struct pt_regs *regs, uintptr_t sp)
{
	regs->rsp = sp;
}

void arch_fork_regs(struct pt_regs *child, const struct pt_regs *parent,
		    uintptr_t newsp)
{
	*child = *parent;
	child->rax = 0;
	if (newsp)
		child->rsp = newsp;
}
