/*
 * What the boot protocol told us, in one arch-neutral form. The arch entry
 * code (Multiboot2 or PVH on x86_64, the device tree on aarch64) fills a
 * struct boot_info and hands it to kernel_main(); nothing after that knows
 * which protocol booted the machine.
 *
 * All addresses are physical. Pointers (cmdline, fdt) are kernel virtual.
 */
#ifndef CORE_BOOTINFO_H
#define CORE_BOOTINFO_H

#include <core/compiler.h>
#include <core/types.h>

#define BOOT_MAX_REGIONS 64

enum mem_type {
	MEM_USABLE = 1,		/* free RAM */
	MEM_RESERVED,		/* firmware, MMIO holes, ACPI NVS ... */
	MEM_ACPI_RECLAIM,	/* ACPI tables: keep until parsed */
};

struct mem_region {
	paddr_t base;
	uint64_t size;
	enum mem_type type;
};

struct boot_info {
	const char *protocol;		/* "multiboot2", "pvh", "dtb" ... */
	const char *loader;		/* boot loader name, or NULL */
	const char *cmdline;		/* kernel command line, never NULL */

	/* Physical memory as the firmware reported it. */
	struct mem_region mem[BOOT_MAX_REGIONS];
	unsigned int nr_mem;

	/*
	 * Ranges inside usable memory that must never be handed out: the
	 * kernel image, boot page tables, the initrd, the device tree, boot
	 * loader structures still referenced. pmm_init() honours them.
	 */
	struct mem_region reserved[BOOT_MAX_REGIONS];
	unsigned int nr_reserved;

	paddr_t initrd_base;		/* 0 when there is none */
	uint64_t initrd_size;

	const void *fdt;		/* flattened device tree, or NULL */
	paddr_t acpi_rsdp;		/* ACPI RSDP, or 0 */
};

/* The boot information kernel_main() was given, for drivers that need it. */
extern const struct boot_info *boot_info;

/* Helpers for the arch code that fills it in; silently drop past the cap. */
void boot_add_mem(struct boot_info *bi, paddr_t base, uint64_t size,
		  enum mem_type type);
void boot_add_reserved(struct boot_info *bi, paddr_t base, uint64_t size);

/* Entry into the generic kernel, called once by the arch boot code. */
void kernel_main(struct boot_info *bi) __noreturn;

#endif /* CORE_BOOTINFO_H */
