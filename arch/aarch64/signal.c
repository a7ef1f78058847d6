/*
 * Signal frames on aarch64 (<arch/user.h>), in the Linux arm64 layout
 * that musl and gdb expect (uapi asm/sigcontext.h, asm/ucontext.h):
 *
 *   sp ->  struct rt_sigframe      siginfo (128 bytes), then ucontext:
 *                                  uc_flags, uc_link, uc_stack,
 *                                  uc_sigmask (8 bytes, padded to the
 *                                  128 of glibc's sigset_t), then the
 *                                  sigcontext (16-byte aligned):
 *                                  fault_address, x0-x30, sp, pc, pstate,
 *                                  __reserved[4096] holding records
 *                                  {magic, size, ...}: fpsimd_context,
 *                                  esr_context after a fault, and a zero
 *                                  terminator
 *   x29 -> struct frame_record     the interrupted {x29, x30}, so that
 *                                  unwinders walk through the handler
 *
 * The handler runs with x0 = sig, x1 = &info, x2 = &uc, sp at the frame
 * and x30 = the sa_restorer (musl always gives one: its rt_sigreturn
 * stub). rt_sigreturn finds the frame at sp and takes only a user-mode
 * PSTATE back: a frame can never grant EL1.
 */
#define pr_fmt(fmt) "signal: " fmt

#include <arch/user.h>

#include <arch/irq.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/uaccess.h>

#define FPSIMD_MAGIC	0x46508001
#define ESR_MAGIC	0x45535201

struct ctx_header {
	uint32_t magic;
	uint32_t size;
};

struct user_fpsimd_context {
	struct ctx_header head;
	uint32_t fpsr;
	uint32_t fpcr;
	uint64_t vregs[64];	/* __uint128_t vregs[32] */
};

struct user_esr_context {
	struct ctx_header head;
	uint64_t esr;
};

/* struct sigcontext up to __reserved. */
struct user_sigregs {
	uint64_t fault_address;
	uint64_t regs[31];
	uint64_t sp;
	uint64_t pc;
	uint64_t pstate;
};

struct user_sigcontext {
	struct user_sigregs r;
	uint8_t reserved[4096] __aligned(16);
};

struct user_ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct kstack uc_stack;
	ksigset_t uc_sigmask;
	uint8_t unused[1024 / 8 - sizeof(ksigset_t)];
	struct user_sigcontext uc_mcontext;
};

struct rt_sigframe {
	struct ksiginfo info;
	struct user_ucontext uc;
};

struct frame_record {
	uint64_t fp;
	uint64_t lr;
};

STATIC_ASSERT(sizeof(struct user_fpsimd_context) == 528);
STATIC_ASSERT(sizeof(struct kstack) == 24);
STATIC_ASSERT(__builtin_offsetof(struct user_ucontext, uc_sigmask) == 40);
STATIC_ASSERT(__builtin_offsetof(struct user_ucontext, uc_mcontext) == 176);
STATIC_ASSERT(__builtin_offsetof(struct user_sigcontext, reserved) == 288);
STATIC_ASSERT(sizeof(struct user_sigcontext) == 4384);
STATIC_ASSERT(sizeof(struct rt_sigframe) == 4688);
STATIC_ASSERT(sizeof(struct rt_sigframe) % 16 == 0);

/* PSTATE bits a user frame may carry: NZCV, DIT, SSBS. */
#define PSR_NZCV	0xf0000000UL
#define PSR_DIT		(1UL << 24)
#define PSR_SSBS	(1UL << 12)
#define PSR_USER_BITS	(PSR_NZCV | PSR_DIT | PSR_SSBS)
/* Bits that must be clear for EL0t AArch64 with interrupts unmasked. */
#define PSR_PRIVILEGED	(PSR_MODE_MASK | PSR_MODE32 | PSR_F | PSR_I | \
			 PSR_A | PSR_D | PSR_IL | PSR_SS)

/* Writes the __reserved records: FP/SIMD, ESR when faulted, terminator. */
static int put_records(uint8_t *res)
{
	struct arch_thread *th = &current->thread;
	struct user_fpsimd_context fp_head;
	struct user_esr_context esr;
	struct ctx_header end = { 0, 0 };
	size_t off = sizeof(struct user_fpsimd_context);
	unsigned long flags;
	int err;

	/* The live registers are the CPU's: save them first. */
	flags = arch_irq_save();
	fpsimd_save(&th->fpsimd);
	arch_irq_restore(flags);

	fp_head.head.magic = FPSIMD_MAGIC;
	fp_head.head.size = sizeof(struct user_fpsimd_context);
	fp_head.fpsr = th->fpsimd.fpsr;
	fp_head.fpcr = th->fpsimd.fpcr;
	err = copy_to_user(res, &fp_head, offsetof(struct user_fpsimd_context,
						   vregs));
	err = err ?: copy_to_user(res + offsetof(struct user_fpsimd_context,
						 vregs),
				  th->fpsimd.vregs, sizeof(th->fpsimd.vregs));
	if (!err && th->fault_esr) {
		esr.head.magic = ESR_MAGIC;
		esr.head.size = sizeof(esr);
		esr.esr = th->fault_esr;
		err = copy_to_user(res + off, &esr, sizeof(esr));
		off += sizeof(esr);
	}
	return err ?: copy_to_user(res + off, &end, sizeof(end));
}

int arch_setup_rt_frame(struct pt_regs *regs, int sig,
			const struct ksiginfo *info,
			const struct k_sigaction *ka, ksigset_t oldmask,
			const struct kstack *altstack, uintptr_t sp)
{
	struct rt_sigframe *frame;
	struct frame_record *rec, record;
	struct user_ucontext *uc;
	struct user_sigregs sr;
	uint64_t head[2] = { 0, 0 };	/* uc_flags, uc_link */
	int err;

	sp &= ~(uintptr_t)15;
	rec = (struct frame_record *)(sp - sizeof(*rec));
	frame = (struct rt_sigframe *)((uintptr_t)rec - sizeof(*frame));
	uc = &frame->uc;
	if ((uintptr_t)frame >= sp)	/* wrapped around zero */
		return -EFAULT;

	memcpy(sr.regs, regs->regs, sizeof(sr.regs));
	sr.fault_address = current->thread.fault_address;
	sr.sp = regs->sp;
	sr.pc = regs->elr;
	sr.pstate = regs->spsr;
	record.fp = regs->regs[29];
	record.lr = regs->regs[30];

	err = copy_to_user(&frame->info, info, sizeof(*info));
	err = err ?: copy_to_user(uc, head, sizeof(head));
	err = err ?: copy_to_user(&uc->uc_stack, altstack, sizeof(*altstack));
	err = err ?: copy_to_user(&uc->uc_sigmask, &oldmask, sizeof(oldmask));
	err = err ?: clear_user(uc->unused, sizeof(uc->unused));
	err = err ?: copy_to_user(&uc->uc_mcontext.r, &sr, sizeof(sr));
	err = err ?: put_records(uc->uc_mcontext.reserved);
	err = err ?: copy_to_user(rec, &record, sizeof(record));
	if (err)
		return -EFAULT;
	/* The fault is reported; a later frame has none unless one occurs. */
	current->thread.fault_address = 0;
	current->thread.fault_esr = 0;

	regs->regs[0] = sig;
	regs->regs[1] = (uintptr_t)&frame->info;
	regs->regs[2] = (uintptr_t)uc;
	regs->regs[29] = (uintptr_t)rec;
	regs->regs[30] = ka->flags & SA_RESTORER ? ka->restorer : 0;
	regs->sp = (uintptr_t)frame;
	regs->elr = ka->handler;
	regs->spsr &= PSR_USER_BITS;	/* EL0t, AArch64, unmasked */
	return 0;
}

/*
 * Reads the records of __reserved into *fp: a valid fpsimd_context is
 * required, an esr_context is skipped, anything else is refused.
 */
static int get_records(const uint8_t *res, struct user_fpsimd_context *fp)
{
	struct ctx_header h;
	size_t off = 0;
	bool have_fp = false;

	while (off + sizeof(h) <= sizeof(((struct user_sigcontext *)0)->reserved)) {
		if (copy_from_user(&h, res + off, sizeof(h)))
			return -EFAULT;
		if (h.magic == 0 && h.size == 0)
			return have_fp ? 0 : -EFAULT;
		if (h.size < sizeof(h) || h.size % 16 ||
		    h.size > sizeof(((struct user_sigcontext *)0)->reserved) - off)
			return -EFAULT;
		if (h.magic == FPSIMD_MAGIC) {
			if (have_fp || h.size != sizeof(*fp) ||
			    copy_from_user(fp, res + off, sizeof(*fp)))
				return -EFAULT;
			have_fp = true;
		} else if (h.magic != ESR_MAGIC) {
			return -EFAULT;
		}
		off += h.size;
	}
	return -EFAULT;
}

int arch_rt_sigreturn(struct pt_regs *regs, ksigset_t *mask,
		      struct kstack *altstack)
{
	const struct rt_sigframe *frame;
	struct user_fpsimd_context fp;
	struct user_sigregs sr;
	struct arch_thread *th = &current->thread;
	unsigned long flags;

	if (regs->sp & 15)
		return -EFAULT;
	frame = (const struct rt_sigframe *)regs->sp;
	if (copy_from_user(&sr, &frame->uc.uc_mcontext.r, sizeof(sr)) ||
	    copy_from_user(mask, &frame->uc.uc_sigmask, sizeof(*mask)) ||
	    copy_from_user(altstack, &frame->uc.uc_stack, sizeof(*altstack)))
		return -EFAULT;
	if (sr.pstate & PSR_PRIVILEGED)
		return -EFAULT;
	if (get_records(frame->uc.uc_mcontext.reserved, &fp))
		return -EFAULT;

	memcpy(regs->regs, sr.regs, sizeof(regs->regs));
	regs->sp = sr.sp;
	regs->elr = sr.pc;
	regs->spsr = sr.pstate & PSR_USER_BITS;
	/* Not a syscall any more: its x0 must not look like a restart. */
	regs->syscallno = -1;

	flags = arch_irq_save();
	th->fpsimd.fpsr = fp.fpsr;
	th->fpsimd.fpcr = fp.fpcr;
	memcpy(th->fpsimd.vregs, fp.vregs, sizeof(th->fpsimd.vregs));
	fpsimd_load(&th->fpsimd);
	arch_irq_restore(flags);
	return 0;
}
