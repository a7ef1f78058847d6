/*
 * The kernel's global descriptor table and task state segment.
 *
 * Long mode ignores segment bases and limits except for FS/GS, so the
 * code and data descriptors are flat; what matters is the DPL and the L
 * bit. The TSS supplies the interrupt stack table: double faults switch to
 * their own stack (IST_DOUBLE_FAULT), so a kernel stack overflow still
 * ends in a register dump instead of a triple fault; so do NMIs, which
 * may arrive in syscall_entry.S before it has left the user stack. rsp0 is the
 * stack that an interrupt or exception in user mode switches to: the top
 * of the running task's kernel stack (arch_switch_thread()).
 */
#include "segment.h"

#include <core/compiler.h>
#include <core/types.h>

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

STATIC_ASSERT(sizeof(struct tss) == 104);

/*
 * Descriptor layout: SDM vol. 3, 3.4.5 and 8.2.3. 0x00af9a... is present,
 * DPL 0, code, readable, L=1; 0x00cf92... is present, DPL 0, data,
 * writable; the user ones differ in DPL (3).
 */
static uint64_t gdt[8] __aligned(16) = {
	[KERNEL_CS >> 3] = 0x00af9a000000ffff,
	[KERNEL_DS >> 3] = 0x00cf92000000ffff,
	[USER_DS >> 3] = 0x00cff2000000ffff,
	[USER_CS >> 3] = 0x00affa000000ffff,
	/* TSS_SEL: filled in by set_tss_descriptor() */
};

static struct tss tss __aligned(16);
static uint8_t double_fault_stack[8192] __aligned(16);
static uint8_t nmi_stack[4096] __aligned(16);

/* 64-bit available TSS descriptor, 16 bytes (SDM vol. 3, 8.2.3). */
static void set_tss_descriptor(void)
{
	uint64_t base = (uint64_t)(uintptr_t)&tss;
	uint64_t limit = sizeof(tss) - 1;

	gdt[TSS_SEL >> 3] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			    (0x89UL << 40) | (((limit >> 16) & 0xf) << 48) |
			    (((base >> 24) & 0xff) << 56);
	gdt[(TSS_SEL >> 3) + 1] = base >> 32;
}

void gdt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed gdtr = { sizeof(gdt) - 1, (uint64_t)(uintptr_t)gdt };

	tss.ist[IST_DOUBLE_FAULT - 1] =
		(uint64_t)(uintptr_t)(double_fault_stack +
				      sizeof(double_fault_stack));
	tss.ist[IST_NMI - 1] =
		(uint64_t)(uintptr_t)(nmi_stack + sizeof(nmi_stack));
	tss.iomap_base = sizeof(tss);	/* no I/O permission bitmap */
	set_tss_descriptor();

	__asm__ __volatile__("lgdt %0" : : "m"(gdtr));
	/* CS can only be reloaded by a far transfer: lretq to the next line. */
	__asm__ __volatile__("pushq %[cs]\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %[ds], %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     "xorl %%eax, %%eax\n\t"
			     "movl %%eax, %%fs\n\t"
			     "movl %%eax, %%gs"
			     :
			     : [cs] "i"(KERNEL_CS), [ds] "i"(KERNEL_DS)
			     : "rax", "memory");
	__asm__ __volatile__("ltr %w0" : : "r"(TSS_SEL));
}

void tss_set_rsp0(uint64_t rsp0)
{
	tss.rsp[0] = rsp0;
}
