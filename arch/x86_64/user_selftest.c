/*
 * Boot self test of the x86_64 user-mode paths (test=user): a kernel
 * thread builds a scratch address space, copies one small program from
 * user_selftest_code.S into it and enters ring 3 with
 * arch_user_regs_init() + arch_return_to_user(). Each program ends in a
 * fault; since the thread has no process to signal, user_trap.c hands
 * the fault to user_selftest_fault(), which checks the signal the
 * exception would have sent and the registers, then starts the next
 * program on the same thread (arch_return_to_user() resets its stack).
 *
 * Covered: syscall entry and sysret (an unknown number gives -ENOSYS,
 * callee registers survive), SSE in user mode, arch_prctl(ARCH_SET_FS)
 * and %fs loads, timer interrupts taken in user mode, the signal of each
 * exception (#PF unmapped, read-only and kernel addresses, #UD, #DE, #BP,
 * #GP), and a signal frame round trip (arch_setup_rt_frame(), a handler
 * in user mode, arch_rt_sigreturn(), the FP state on both sides).
 *
 * Prints "selftest: user passed (N checks)" or "selftest: user FAILED:
 * ..." and powers off.
 */
#define pr_fmt(fmt) "selftest: " fmt

#include <core/selftest.h>

#include <arch/irq.h>
#include <arch/power.h>
#include <arch/user.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <core/vm.h>

#include "segment.h"
#include "traps.h"
#include "tsc.h"
#include "user_selftest.h"
#include "x86.h"
#include "x86_user.h"

#define UT_OLDMASK	0x5a5aULL
#define UT_MXCSR	0x7f80		/* default | round toward zero */

struct ut_case {
	const char *name;
	const uint8_t *start, *end;
	unsigned int data_prot;
	void (*setup)(struct pt_regs *regs);
	void (*check)(struct pt_regs *regs, int sig, int code,
		      uintptr_t addr);
};

static unsigned int checks;
static int fail_line;
static const char *fail_what;
static bool running;
static unsigned int index;
static uint64_t start_jiffies;
static struct pt_regs signal_regs;	/* the interrupted state */

#define CHECK(cond)                                                           \
	do {                                                                  \
		checks++;                                                     \
		if (!(cond) && !fail_line) {                                  \
			fail_line = __LINE__;                                 \
			fail_what = #cond;                                    \
		}                                                             \
	} while (0)

static uintptr_t user_addr(const uint8_t *start, const uint8_t *label)
{
	return UT_CODE + (label - start);
}

static void setup_syscall(struct pt_regs *regs)
{
	/* 50 ms of TSC cycles: a few ticks at any HZ. */
	regs->r8 = tsc_hz() / 20;
}

static void check_syscall(struct pt_regs *regs, int sig, int code,
			  uintptr_t addr)
{
	CHECK(sig == SIGSEGV && code == SEGV_MAPERR && addr == 0x28);
	CHECK(regs->rip == user_addr(ut_syscall, ut_syscall_fault));
	CHECK(regs->rbx == (uint64_t)-ENOSYS);
	CHECK(regs->r14 == (uint64_t)-ENOSYS);
	CHECK(regs->r12 == UT_REG_MAGIC);
	CHECK(regs->r15 == 0 || !IS_ENABLED(CONFIG_SYSCALL_PROCESS));
	CHECK(regs->r13 == UT_DATA_MAGIC ||
	      !IS_ENABLED(CONFIG_SYSCALL_PROCESS));
	CHECK(regs->cs == USER_CS && regs->ss == USER_DS);
	CHECK(regs->rflags & X86_FLAGS_IF);
	CHECK(regs->orig_rax == (uint64_t)-1);
	CHECK(jiffies - start_jiffies >= 2);
}

static void check_ud2(struct pt_regs *regs, int sig, int code, uintptr_t addr)
{
	CHECK(sig == SIGILL && code == ILL_ILLOPC && addr == UT_CODE);
	CHECK(regs->rip == UT_CODE);
}

static void check_divide(struct pt_regs *regs, int sig, int code,
			 uintptr_t addr)
{
	uintptr_t pc = user_addr(ut_divide, ut_divide_fault);

	CHECK(sig == SIGFPE && code == FPE_INTDIV && addr == pc);
}

static void check_int3(struct pt_regs *regs, int sig, int code,
		       uintptr_t addr)
{
	CHECK(sig == SIGTRAP && code == SI_KERNEL);
	CHECK(regs->rip == UT_CODE + 1);	/* a trap: past the int3 */
}

static void check_readonly(struct pt_regs *regs, int sig, int code,
			   uintptr_t addr)
{
	CHECK(sig == SIGSEGV && code == SEGV_ACCERR && addr == UT_DATA);
}

static void check_privileged(struct pt_regs *regs, int sig, int code,
			     uintptr_t addr)
{
	CHECK(sig == SIGSEGV && code == SI_KERNEL && addr == 0);
	CHECK(regs->vector == VEC_GP_FAULT);
}

static void check_kernel_read(struct pt_regs *regs, int sig, int code,
			      uintptr_t addr)
{
	CHECK(sig == SIGSEGV && code == SEGV_MAPERR &&
	      addr == 0xffffffff80000000);
}

static void setup_signal(struct pt_regs *regs)
{
	uint8_t fx[FXSAVE_SIZE] __aligned(16);
	uint32_t mxcsr = UT_MXCSR;
	struct ksiginfo info = { .si_signo = SIGUSR1, .si_code = SI_USER };
	struct k_sigaction ka = {
		.handler = UT_CODE,
		.flags = SA_SIGINFO | SA_RESTORER,
		.restorer = user_addr(ut_signal, ut_signal_restorer),
	};
	struct kstack alt = { .ss_flags = SS_DISABLE };
	int err;

	/* The interrupted state: odd registers and flags, a custom MXCSR. */
	regs->rip = UT_CODE + 0x800;
	regs->rsp = UT_STACK + 0xf00 + 8;
	regs->rbx = 0x1111;
	regs->r12 = 0x2222;
	regs->rcx = 0x3333;
	regs->r11 = 0x4444;
	regs->rflags |= X86_FLAGS_CF;
	signal_regs = *regs;
	fpu_fresh(fx);
	memcpy(fx + 24, &mxcsr, sizeof(mxcsr));
	fpu_restore(fx);

	err = arch_setup_rt_frame(regs, SIGUSR1, &info, &ka, UT_OLDMASK,
				  &alt, regs->rsp);
	CHECK(err == 0);
	ka.flags = SA_SIGINFO;
	CHECK(arch_setup_rt_frame(&signal_regs, SIGUSR1, &info, &ka,
				  UT_OLDMASK, &alt, regs->rsp) == -EFAULT);
}

static void check_signal(struct pt_regs *regs, int sig, int code,
			 uintptr_t addr)
{
	struct pt_regs *want = &signal_regs;
	struct kstack alt;
	ksigset_t mask = 0;
	uint32_t mxcsr;

	CHECK(sig == SIGSEGV && addr == 0x30);
	CHECK(regs->r15 == SIGUSR1 && regs->rbx == SIGUSR1);
	CHECK(regs->r12 == UT_OLDMASK);
	CHECK(regs->r14 == 0x1f80);		/* a fresh FP state */
	CHECK(((regs->r13 + 8) & 15) == 0);	/* as if called */
	CHECK(regs->r13 < want->rsp - 128 - FXSAVE_SIZE);
	CHECK(regs->rsp == regs->r13 + 8);	/* the handler returned */

	CHECK(arch_rt_sigreturn(regs, &mask, &alt) == 0);
	CHECK(mask == UT_OLDMASK && alt.ss_flags == SS_DISABLE);
	CHECK(regs->rip == want->rip && regs->rsp == want->rsp);
	CHECK(regs->rbx == want->rbx && regs->r12 == want->r12 &&
	      regs->rcx == want->rcx && regs->r11 == want->r11);
	CHECK(regs->rflags == want->rflags);
	CHECK(regs->cs == USER_CS && regs->ss == USER_DS);
	__asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
	CHECK(mxcsr == UT_MXCSR);
}

#define CASE(n, prot, s, c) { #n, ut_##n, ut_##n##_end, prot, s, c }
static const struct ut_case cases[] = {
	CASE(syscall, VM_PROT_READ | VM_PROT_WRITE, setup_syscall,
	     check_syscall),
	CASE(ud2, VM_PROT_READ, NULL, check_ud2),
	CASE(divide, VM_PROT_READ, NULL, check_divide),
	CASE(int3, VM_PROT_READ, NULL, check_int3),
	CASE(readonly, VM_PROT_READ, NULL, check_readonly),
	CASE(privileged, VM_PROT_READ, NULL, check_privileged),
	CASE(kernel_read, VM_PROT_READ, NULL, check_kernel_read),
	CASE(signal, VM_PROT_READ, setup_signal, check_signal),
};

static void __noreturn finish(void)
{
	struct mm *mm = current->mm;

	current->mm = NULL;
	if (mm)
		mm_destroy(mm);
	if (!fail_line)
		pr_notice("user passed (%u checks)\n", checks);
	else
		pr_err("user FAILED: case %s, line %d: %s\n",
		       cases[index < ARRAY_SIZE(cases) ? index : 0].name,
		       fail_line, fail_what);
	arch_poweroff();
	task_exit();
}

/* Builds the case's address space and enters user mode in it. */
static void __noreturn run_case(void)
{
	const struct ut_case *c = &cases[index];
	uint64_t magic = UT_DATA_MAGIC;
	struct mm *old = current->mm, *mm;
	struct pt_regs *regs = task_pt_regs(current);
	int err = 0;

	mm = mm_create();
	CHECK(mm != NULL);
	if (!mm)
		finish();
	err |= vm_map(mm, UT_CODE, PAGE_SIZE,
		      VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXEC,
		      VM_MAP_FIXED) < 0;
	err |= vm_map(mm, UT_DATA, PAGE_SIZE, VM_PROT_READ | VM_PROT_WRITE,
		      VM_MAP_FIXED) < 0;
	err |= vm_map(mm, UT_STACK, PAGE_SIZE, VM_PROT_READ | VM_PROT_WRITE,
		      VM_MAP_FIXED) < 0;
	mm_switch(mm);
	current->mm = mm;
	if (old)
		mm_destroy(old);
	err |= copy_to_user((void *)UT_CODE, c->start, c->end - c->start);
	err |= copy_to_user((void *)UT_DATA, &magic, sizeof(magic));
	err |= vm_protect(mm, UT_DATA, PAGE_SIZE, c->data_prot);
	CHECK(err == 0);
	if (err)
		finish();

	arch_thread_init(&current->thread);
	arch_user_regs_init(regs, UT_CODE, UT_STACK + PAGE_SIZE);
	if (c->setup)
		c->setup(regs);
	if (fail_line)
		finish();
	start_jiffies = jiffies;
	arch_return_to_user(regs);
}

void user_selftest_fault(struct pt_regs *regs, int sig, int code,
			 uintptr_t addr)
{
	/* A user fault: process context, as a syscall would be. */
	arch_irq_enable();
	if (!running) {
		pr_err("%s[%d] without a process: signal %d (code %d, addr "
		       "0x%lx) at 0x%lx; ending it\n",
		       current->name, current->tid, sig, code, addr,
		       (unsigned long)regs->rip);
		task_exit();
	}
	cases[index].check(regs, sig, code, addr);
	if (fail_line || ++index == ARRAY_SIZE(cases))
		finish();
	run_case();
}

static void user_test_thread(void *unused)
{
	running = true;
	index = 0;
	run_case();
}

void selftest_user(void)
{
	struct task *t = kthread_create(user_test_thread, NULL, "usertest");

	if (IS_ERR(t)) {
		pr_err("user FAILED: no thread (%ld)\n", PTR_ERR(t));
		arch_poweroff();
	}
}
