/*
 * Trap dispatch. A page fault goes to the VM layer first (vm_trap_fault:
 * demand paging, copy on write, the uaccess fixups). An exception that
 * user code caused, and a user page fault the VM layer cannot resolve,
 * becomes a signal (user_trap.c). In kernel mode, other exceptions and
 * unresolved page faults are kernel bugs: the handler prints a full
 * register dump at LOG_EMERG and halts. Interrupt vectors go to the
 * generic irq layer, then get their local APIC EOI. Every trap from user
 * mode returns through exit_to_user_mode() (x86_exit_to_user()).
 *
 * A fault while reporting a fault must not loop or vanish: the nesting
 * depth picks ever simpler ways to say so, and past three levels the CPU
 * just halts. A kernel stack overflow becomes a double fault, which runs
 * on its own stack (gdt.c) and so still gets its dump.
 */
#define pr_fmt(fmt) "trap: " fmt

#include "traps.h"

#include <arch/cpu.h>
#include <core/compiler.h>
#include <core/console.h>
#include <core/irq.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/vm.h>

#include "lapic.h"
#include "x86.h"
#include "x86_user.h"

struct exception_info {
	const char *mnemonic;
	const char *name;
};

/* SDM vol. 3, Table 6-1. */
static const struct exception_info exceptions[NR_EXCEPTIONS] = {
	[0] = { "#DE", "divide error" },
	[1] = { "#DB", "debug" },
	[2] = { "NMI", "non-maskable interrupt" },
	[3] = { "#BP", "breakpoint" },
	[4] = { "#OF", "overflow" },
	[5] = { "#BR", "BOUND range exceeded" },
	[6] = { "#UD", "invalid opcode" },
	[7] = { "#NM", "device not available" },
	[8] = { "#DF", "double fault" },
	[9] = { NULL, "coprocessor segment overrun" },
	[10] = { "#TS", "invalid TSS" },
	[11] = { "#NP", "segment not present" },
	[12] = { "#SS", "stack-segment fault" },
	[13] = { "#GP", "general protection" },
	[14] = { "#PF", "page fault" },
	[16] = { "#MF", "x87 floating-point error" },
	[17] = { "#AC", "alignment check" },
	[18] = { "#MC", "machine check" },
	[19] = { "#XM", "SIMD floating-point exception" },
	[20] = { "#VE", "virtualization exception" },
	[21] = { "#CP", "control protection exception" },
	[28] = { "#HV", "hypervisor injection exception" },
	[29] = { "#VC", "VMM communication exception" },
	[30] = { "#SX", "security exception" },
};

/* Page-fault error code bits (SDM vol. 3, 4.7). */
#define PF_PRESENT	(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
#define PF_RSVD		(1 << 3)
#define PF_FETCH	(1 << 4)

static volatile int exception_depth;

static void dump_page_fault(const struct pt_regs *f)
{
	const char *access = f->error & PF_FETCH ? "instruction fetch" :
			     f->error & PF_WRITE ? "write" : "read";

	pr_emerg("%s of %s page, %s mode%s, CR2=0x%lx\n", access,
		 f->error & PF_PRESENT ? "a present" : "a not-present",
		 f->error & PF_USER ? "user" : "kernel",
		 f->error & PF_RSVD ? ", reserved bit set" : "", read_cr2());
}

static void dump_registers(const struct pt_regs *f, unsigned int vec)
{
	const struct exception_info *e = &exceptions[vec];

	pr_emerg("CPU exception %u: %s (%s), error code 0x%lx\n", vec,
		 e->name ? e->name : "reserved", e->mnemonic ? e->mnemonic : "-",
		 f->error);
	if (vec == VEC_PAGE_FAULT)
		dump_page_fault(f);
	pr_emerg("RIP=0x%016lx RSP=0x%016lx RFLAGS=0x%lx\n", f->rip, f->rsp,
		 f->rflags);
	pr_emerg("CS=0x%lx SS=0x%lx CR3=0x%lx\n", f->cs, f->ss, read_cr3());
	pr_emerg("RAX=0x%016lx RBX=0x%016lx RCX=0x%016lx\n", f->rax, f->rbx,
		 f->rcx);
	pr_emerg("RDX=0x%016lx RSI=0x%016lx RDI=0x%016lx\n", f->rdx, f->rsi,
		 f->rdi);
	pr_emerg("RBP=0x%016lx R8 =0x%016lx R9 =0x%016lx\n", f->rbp, f->r8,
		 f->r9);
	pr_emerg("R10=0x%016lx R11=0x%016lx R12=0x%016lx\n", f->r10, f->r11,
		 f->r12);
	pr_emerg("R13=0x%016lx R14=0x%016lx R15=0x%016lx\n", f->r13, f->r14,
		 f->r15);
}

static void __noreturn exception(const struct pt_regs *f, unsigned int vec)
{
	static const char nested[] = "\nnested CPU exception; halting\n";
	int depth = ++exception_depth;

	if (depth == 1) {
		dump_registers(f, vec);
		pr_emerg("kernel halted\n");
	} else if (depth == 2) {
		pr_emerg("CPU exception %u at RIP=0x%lx while handling "
			 "another; halting\n", vec, f->rip);
	} else if (depth == 3) {
		/* printk itself faulted: skip the formatter and the log. */
		console_write(nested, sizeof(nested) - 1);
	}
	arch_halt();
}

/* Returns true when the VM layer resolved the page fault in f. */
static bool page_fault(struct pt_regs *f)
{
	unsigned int access = f->error & PF_FETCH ? VM_ACCESS_EXEC :
			      f->error & PF_WRITE ? VM_ACCESS_WRITE :
						    VM_ACCESS_READ;

	if (f->error & PF_RSVD)
		return false;
	return vm_trap_fault(read_cr2(), access, f->error & PF_USER, &f->rip);
}

static void handle_exception(struct pt_regs *frame, unsigned int vec)
{
	if (vec == VEC_PAGE_FAULT && page_fault(frame))
		return;
	if (user_mode(frame) && user_exception(frame, vec))
		return;
	exception(frame, vec);
}

static void handle_irq(unsigned int vec)
{
	/*
	 * The spurious vector gets no EOI (SDM vol. 3, 10.9). The 8259s are
	 * masked and LINT0 is off, so their vectors are never really raised.
	 */
	if (vec == VEC_SPURIOUS ||
	    (vec >= VEC_PIC_BASE && vec < VEC_PIC_BASE + 16))
		return;
	irq_dispatch(vec);
	lapic_eoi();
	/* After the EOI: the next task may run long before we return. */
	sched_irq_exit();
}

void trap_dispatch(struct pt_regs *frame)
{
	unsigned int vec = frame->vector;

	if (vec < NR_EXCEPTIONS)
		handle_exception(frame, vec);
	else
		handle_irq(vec);
	if (user_mode(frame))
		x86_exit_to_user(frame);
}
