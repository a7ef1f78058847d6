/*
 * Multiboot2 boot information (Multiboot2 specification 1.0, §3.6): a
 * header {total_size, reserved} followed by 8-byte aligned tags, ended by
 * a tag of type 0. We take the command line, the boot loader name, the
 * memory map (or basic meminfo when there is none), the modules (the first
 * is the initrd) and the ACPI RSDP copy. Every tag is bounds-checked
 * against total_size.
 */
#include "boot.h"

#include <core/string.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER_NAME	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15

struct mb2_info {
	uint32_t total_size;
	uint32_t reserved;
};

struct mb2_tag {
	uint32_t type;
	uint32_t size;
};

struct mb2_tag_string {
	struct mb2_tag tag;
	char string[];
};

struct mb2_tag_module {
	struct mb2_tag tag;
	uint32_t mod_start;
	uint32_t mod_end;
	char cmdline[];
};

struct mb2_tag_basic_meminfo {
	struct mb2_tag tag;
	uint32_t mem_lower;	/* KiB from 0 */
	uint32_t mem_upper;	/* KiB from 1 MiB */
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	uint32_t entry_size;
	uint32_t entry_version;
};

struct mb2_mmap_entry {
	uint64_t base_addr;
	uint64_t length;
	uint32_t type;
	uint32_t reserved;
};

/* The tag's string if it is NUL-terminated inside the tag, else NULL. */
static const char *tag_string(const struct mb2_tag *tag)
{
	const struct mb2_tag_string *t = (const void *)tag;
	size_t max = tag->size - sizeof(*tag);

	return memchr(t->string, '\0', max) ? t->string : NULL;
}

static void parse_mmap(struct boot_info *bi, const struct mb2_tag *tag)
{
	const struct mb2_tag_mmap *m = (const void *)tag;
	const struct mb2_mmap_entry *e;
	uint32_t off;

	if (tag->size < sizeof(*m) || m->entry_size < sizeof(*e))
		return;
	for (off = sizeof(*m); off + m->entry_size <= tag->size;
	     off += m->entry_size) {
		e = (const void *)((const char *)m + off);
		boot_add_e820(bi, e->base_addr, e->length, e->type);
	}
}

static void parse_module(struct boot_info *bi, const struct mb2_tag *tag)
{
	const struct mb2_tag_module *m = (const void *)tag;

	if (tag->size < sizeof(*m) || m->mod_end <= m->mod_start)
		return;
	boot_add_reserved(bi, m->mod_start, m->mod_end - m->mod_start);
	if (!bi->initrd_base) {
		bi->initrd_base = m->mod_start;
		bi->initrd_size = m->mod_end - m->mod_start;
	}
}

void multiboot2_parse(struct boot_info *bi, paddr_t info)
{
	const struct mb2_info *hdr = boot_phys(info, sizeof(*hdr));
	const struct mb2_tag *basic_meminfo = NULL;
	paddr_t rsdp_old = 0, rsdp_new = 0;
	const struct mb2_tag *tag;
	bool have_mmap = false;
	uint32_t off;

	bi->protocol = "multiboot2";
	if (!hdr || hdr->total_size < sizeof(*hdr) ||
	    !boot_phys(info, hdr->total_size))
		return;
	boot_add_reserved(bi, info, hdr->total_size);

	for (off = sizeof(*hdr); off + sizeof(*tag) <= hdr->total_size;
	     off = ALIGN_UP(off + tag->size, 8)) {
		tag = (const void *)((const char *)hdr + off);
		if (tag->type == MB2_TAG_END || tag->size < sizeof(*tag) ||
		    tag->size > hdr->total_size - off)
			break;

		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			bi->cmdline = tag_string(tag) ?: "";
			break;
		case MB2_TAG_LOADER_NAME:
			bi->loader = tag_string(tag);
			break;
		case MB2_TAG_MODULE:
			parse_module(bi, tag);
			break;
		case MB2_TAG_BASIC_MEMINFO:
			basic_meminfo = tag;
			break;
		case MB2_TAG_MMAP:
			parse_mmap(bi, tag);
			have_mmap = true;
			break;
		/* The tags hold a copy of the RSDP (§3.6.15, §3.6.16). */
		case MB2_TAG_ACPI_OLD:
			rsdp_old = info + off + sizeof(*tag);
			break;
		case MB2_TAG_ACPI_NEW:
			rsdp_new = info + off + sizeof(*tag);
			break;
		}
	}

	if (!have_mmap && basic_meminfo &&
	    basic_meminfo->size >= sizeof(struct mb2_tag_basic_meminfo)) {
		const struct mb2_tag_basic_meminfo *m =
			(const void *)basic_meminfo;

		boot_add_mem(bi, 0, (uint64_t)m->mem_lower << 10, MEM_USABLE);
		boot_add_mem(bi, 0x100000, (uint64_t)m->mem_upper << 10,
			     MEM_USABLE);
	}
	bi->acpi_rsdp = rsdp_new ? rsdp_new : rsdp_old;
}
