/*
 * PVH boot information: struct hvm_start_info, as defined by Xen's
 * public/arch-x86/hvm/start_info.h and passed in ebx by QEMU -kernel.
 * Version 1 adds the memory map; without one the kernel sees no memory.
 */
#include "boot.h"

#include <core/string.h>

#define HVM_START_MAGIC		0x336ec578

/* How far to look for the end of the command line (cmdline_init cuts it). */
#define PVH_CMDLINE_MAX		0x10000

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	/* version >= 1 */
	uint64_t memmap_paddr;
	uint32_t memmap_entries;
	uint32_t reserved;
};

struct hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;
	uint64_t reserved;
};

struct hvm_memmap_table_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;		/* E820 type */
	uint32_t reserved;
};

/* The fields of version 0, which ends before memmap_paddr. */
#define HVM_START_INFO_V0_SIZE 40

static void parse_modules(struct boot_info *bi, const struct hvm_start_info *si)
{
	uint64_t len = (uint64_t)si->nr_modules *
		       sizeof(struct hvm_modlist_entry);
	const struct hvm_modlist_entry *mod;
	uint32_t i;

	mod = boot_phys(si->modlist_paddr, len);
	if (!si->nr_modules || !mod)
		return;
	boot_add_reserved(bi, si->modlist_paddr, len);
	for (i = 0; i < si->nr_modules; i++)
		boot_add_reserved(bi, mod[i].paddr, mod[i].size);
	bi->initrd_base = mod[0].paddr;
	bi->initrd_size = mod[0].size;
}

static void parse_memmap(struct boot_info *bi, const struct hvm_start_info *si)
{
	uint64_t len = (uint64_t)si->memmap_entries *
		       sizeof(struct hvm_memmap_table_entry);
	const struct hvm_memmap_table_entry *e;
	uint32_t i;

	e = boot_phys(si->memmap_paddr, len);
	if (si->version < 1 || !si->memmap_entries || !e)
		return;
	boot_add_reserved(bi, si->memmap_paddr, len);
	for (i = 0; i < si->memmap_entries; i++)
		boot_add_e820(bi, e[i].addr, e[i].size, e[i].type);
}

void pvh_parse(struct boot_info *bi, paddr_t info)
{
	const struct hvm_start_info *si;
	const char *cmdline;

	bi->protocol = "pvh";
	si = boot_phys(info, HVM_START_INFO_V0_SIZE);
	if (!si || si->magic != HVM_START_MAGIC)
		return;
	if (si->version >= 1 && !boot_phys(info, sizeof(*si)))
		return;
	boot_add_reserved(bi, info, si->version >= 1 ? sizeof(*si) :
			  HVM_START_INFO_V0_SIZE);

	if (si->cmdline_paddr) {
		cmdline = boot_string(si->cmdline_paddr, PVH_CMDLINE_MAX);
		if (cmdline) {
			bi->cmdline = cmdline;
			boot_add_reserved(bi, si->cmdline_paddr,
					  strnlen(cmdline, PVH_CMDLINE_MAX) + 1);
		}
	}
	parse_modules(bi, si);
	parse_memmap(bi, si);
	bi->acpi_rsdp = si->rsdp_paddr;
}
