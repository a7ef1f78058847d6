/*
 * x86_64 signal frames (<arch/user.h>), in the layout of Linux's
 * rt_sigframe, which libc and debuggers read (asm/sigcontext.h,
 * asm/ucontext.h):
 *
 *   high   [red zone: 128 bytes below the interrupted rsp, left alone]
 *          fpstate: the FXSAVE image, 64-byte aligned
 *          struct rt_sigframe { pretcode; ucontext; siginfo }
 *   rsp -> pretcode = sa_restorer, as if the handler had been called
 *          (rsp + 8 is 16-byte aligned)
 *
 * The handler gets rdi = sig, rsi = &info, rdx = &uc, rax = 0; its `ret`
 * goes to the restorer, whose rt_sigreturn finds the frame at rsp - 8.
 * The handler starts with a fresh FP state, as on Linux.
 */
#include <arch/user.h>

#include <arch/memlayout.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/uaccess.h>

#include "x86.h"
#include "x86_user.h"

#define RED_ZONE		128
#define FPSTATE_ALIGN		64

/* uc_flags (asm/ucontext.h): ss is saved, and restored as-is. */
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

struct sigcontext64 {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err;
	uint64_t trapno;
	uint64_t oldmask;
	uint64_t cr2;
	uint64_t fpstate;	/* user pointer to the FXSAVE image, or 0 */
	uint64_t reserved1[8];
};

struct stack64 {
	uint64_t ss_sp;
	int32_t ss_flags;
	int32_t _pad;
	uint64_t ss_size;
};

struct ucontext64 {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct stack64 uc_stack;
	struct sigcontext64 uc_mcontext;
	uint64_t uc_sigmask;
};

struct rt_sigframe {
	uint64_t pretcode;
	struct ucontext64 uc;
	struct ksiginfo info;
};

/* Offsets of the Linux uapi (checked against asm/sigcontext.h). */
STATIC_ASSERT(sizeof(struct sigcontext64) == 256);
STATIC_ASSERT(__builtin_offsetof(struct sigcontext64, eflags) == 136);
STATIC_ASSERT(__builtin_offsetof(struct sigcontext64, ss) == 150);
STATIC_ASSERT(__builtin_offsetof(struct sigcontext64, fpstate) == 184);
STATIC_ASSERT(sizeof(struct ucontext64) == 304);
STATIC_ASSERT(__builtin_offsetof(struct ucontext64, uc_mcontext) == 40);
STATIC_ASSERT(__builtin_offsetof(struct ucontext64, uc_sigmask) == 296);
STATIC_ASSERT(sizeof(struct rt_sigframe) == 440);

static void save_sigcontext(struct sigcontext64 *sc,
			    const struct pt_regs *regs, ksigset_t oldmask,
			    uintptr_t fpstate)
{
	const struct arch_thread *th = &current->thread;

	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->rdi = regs->rdi;
	sc->rsi = regs->rsi;
	sc->rbp = regs->rbp;
	sc->rbx = regs->rbx;
	sc->rdx = regs->rdx;
	sc->rax = regs->rax;
	sc->rcx = regs->rcx;
	sc->rsp = regs->rsp;
	sc->rip = regs->rip;
	sc->eflags = regs->rflags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->err = th->error_code;
	sc->trapno = th->trap_nr;
	sc->oldmask = oldmask;
	sc->cr2 = th->cr2;
	sc->fpstate = fpstate;
}

int arch_setup_rt_frame(struct pt_regs *regs, int sig,
			const struct ksiginfo *info,
			const struct k_sigaction *ka, ksigset_t oldmask,
			const struct kstack *altstack, uintptr_t sp)
{
	uint8_t fpstate[FXSAVE_SIZE] __aligned(16);
	uint8_t fresh[FXSAVE_SIZE] __aligned(16);
	struct rt_sigframe frame;
	uintptr_t fp, addr;

	/* Without a restorer the handler has nowhere to return: Linux kills. */
	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;
	fp = ALIGN_DOWN(sp - RED_ZONE - FXSAVE_SIZE, FPSTATE_ALIGN);
	addr = ALIGN_DOWN(fp - sizeof(frame), 16) - 8;

	/* The CPU holds the current task's FP state (fpu.c). */
	fpu_save(fpstate);
	fpu_sanitize(fpstate);

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = ka->restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	frame.uc.uc_stack.ss_sp = altstack->ss_sp;
	frame.uc.uc_stack.ss_flags = altstack->ss_flags;
	frame.uc.uc_stack.ss_size = altstack->ss_size;
	save_sigcontext(&frame.uc.uc_mcontext, regs, oldmask, fp);
	frame.uc.uc_sigmask = oldmask;
	frame.info = *info;

	if (copy_to_user((void *)fp, fpstate, sizeof(fpstate)) ||
	    copy_to_user((void *)addr, &frame, sizeof(frame)))
		return -EFAULT;

	regs->rdi = sig;
	regs->rsi = addr + __builtin_offsetof(struct rt_sigframe, info);
	regs->rdx = addr + __builtin_offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = addr;
	regs->rip = ka->handler;
	/* DF clear for the handler (the ABI), no trace or resume flag. */
	x86_sanitize_user_regs(regs, regs->rflags & ~(X86_FLAGS_DF |
						      X86_FLAGS_TF |
						      X86_FLAGS_RF));
	fpu_fresh(fresh);
	fpu_restore(fresh);
	return 0;
}

int arch_rt_sigreturn(struct pt_regs *regs, ksigset_t *mask,
		      struct kstack *altstack)
{
	uint8_t fpstate[FXSAVE_SIZE] __aligned(16);
	const struct sigcontext64 *sc;
	struct ucontext64 uc;
	uintptr_t addr = regs->rsp - 8;

	if (copy_from_user(&uc, (const void *)(addr + __builtin_offsetof(
						  struct rt_sigframe, uc)),
			   sizeof(uc)))
		return -EFAULT;
	sc = &uc.uc_mcontext;
	/* iretq to a non-canonical rip would fault in the kernel. */
	if (sc->rip >= USER_SPACE_END)
		return -EFAULT;
	if (sc->fpstate) {
		if (copy_from_user(fpstate, (const void *)sc->fpstate,
				   sizeof(fpstate)))
			return -EFAULT;
		fpu_sanitize(fpstate);
	} else {
		fpu_fresh(fpstate);
	}

	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->rdi;
	regs->rsi = sc->rsi;
	regs->rbp = sc->rbp;
	regs->rbx = sc->rbx;
	regs->rdx = sc->rdx;
	regs->rax = sc->rax;
	regs->rcx = sc->rcx;
	regs->rsp = sc->rsp;
	regs->rip = sc->rip;
	x86_sanitize_user_regs(regs, sc->eflags);
	/* No syscall restart on the way out: this is not that call. */
	regs->orig_rax = -1;
	fpu_restore(fpstate);

	*mask = uc.uc_sigmask;
	altstack->ss_sp = uc.uc_stack.ss_sp;
	altstack->ss_flags = uc.uc_stack.ss_flags;
	altstack->ss_size = uc.uc_stack.ss_size;
	return 0;
}
