/*
 * C side of the x86_64 boot. head.S arrives in x86_start() on the boot
 * stack, in the higher half, with the linear map of the first 4 GiB and
 * the identity map already gone. We install the real GDT and IDT (so that
 * any fault from here on gets a register dump), enable SSE and the
 * syscall instruction for user mode, calibrate the TSC, turn the
 * boot protocol's data into a struct boot_info and enter the generic kernel.
 */
#include "boot.h"

#include <core/mm.h>
#include <core/string.h>

#include "segment.h"
#include "traps.h"
#include "tsc.h"
#include "x86_user.h"

/* Linker script symbols (physical addresses). */
extern char __kernel_phys_start[], __kernel_phys_end[];

static struct boot_info x86_boot_info;

const void *boot_phys(paddr_t pa, uint64_t len)
{
	if (pa >= BOOT_LINEAR_MAP_END || len > BOOT_LINEAR_MAP_END - pa)
		return NULL;
	return phys_to_virt(pa);
}

const char *boot_string(paddr_t pa, size_t max)
{
	const char *s;

	if (pa >= BOOT_LINEAR_MAP_END)
		return NULL;
	max = MIN(max, BOOT_LINEAR_MAP_END - pa);
	s = phys_to_virt(pa);
	return strnlen(s, max) < max ? s : NULL;
}

/* E820 / Multiboot2 memory types (ACPI 6.5, Table 15.4). */
#define E820_USABLE		1
#define E820_ACPI_RECLAIM	3

void boot_add_e820(struct boot_info *bi, paddr_t base, uint64_t size,
		   uint32_t type)
{
	enum mem_type mt;

	if (type == E820_USABLE)
		mt = MEM_USABLE;
	else if (type == E820_ACPI_RECLAIM)
		mt = MEM_ACPI_RECLAIM;
	else
		mt = MEM_RESERVED;
	boot_add_mem(bi, base, size, mt);
}

void x86_start(uint32_t protocol, uint32_t info)
{
	struct boot_info *bi = &x86_boot_info;
	paddr_t kstart = (paddr_t)(uintptr_t)__kernel_phys_start;
	paddr_t kend = (paddr_t)(uintptr_t)__kernel_phys_end;

	gdt_init();
	idt_init();
	fpu_init();
	syscall_init();
	tsc_init();

	bi->cmdline = "";
	if (protocol == BOOT_PROTO_MULTIBOOT2)
		multiboot2_parse(bi, info);
	else
		pvh_parse(bi, info);

	/* Real-mode IVT, BDA, EBDA, video memory, option ROMs, BIOS. */
	boot_add_reserved(bi, 0, kstart);
	/* The image, including .bss with the boot page tables and stack. */
	boot_add_reserved(bi, kstart, kend - kstart);

	kernel_main(bi);
}
