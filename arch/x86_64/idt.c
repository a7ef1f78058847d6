/*
 * The interrupt descriptor table: 256 interrupt gates (interrupts stay off
 * in handlers) pointing at entry.S's stubs. The double fault and the NMI
 * use their own stacks from the TSS (see gdt.c).
 */
#include "traps.h"

#include <core/compiler.h>

#include "segment.h"

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
} __packed;

/*
 * Present, DPL 0, 64-bit interrupt gate (SDM vol. 3, 6.14.1). int3 and
 * into get DPL 3 so that user code may execute them (#BP, #OF become
 * SIGTRAP, SIGSEGV); any other `int n` from user mode is a #GP.
 */
#define GATE_INTERRUPT	0x8e
#define GATE_USER	0x60

static struct idt_gate idt[256] __aligned(16);

static void set_gate(unsigned int vec, uint64_t handler, uint8_t ist)
{
	uint8_t dpl = vec == VEC_BREAKPOINT || vec == VEC_OVERFLOW ? GATE_USER :
								      0;

	idt[vec] = (struct idt_gate){
		.offset_lo = handler & 0xffff,
		.selector = KERNEL_CS,
		.ist = ist,
		.type_attr = GATE_INTERRUPT | dpl,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_hi = handler >> 32,
	};
}

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed idtr = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };
	unsigned int vec;

	for (vec = 0; vec < ARRAY_SIZE(idt); vec++)
		set_gate(vec, trap_stubs[vec],
			 vec == VEC_DOUBLE_FAULT ? IST_DOUBLE_FAULT :
			 vec == VEC_NMI		 ? IST_NMI :
						   0);
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
