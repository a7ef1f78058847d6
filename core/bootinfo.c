/*
 * Helpers for arch boot code filling in a struct boot_info.
 */
#include <core/bootinfo.h>

void boot_add_mem(struct boot_info *bi, paddr_t base, uint64_t size,
		  enum mem_type type)
{
	if (size == 0 || bi->nr_mem == BOOT_MAX_REGIONS)
		return;
	bi->mem[bi->nr_mem++] = (struct mem_region){ base, size, type };
}

void boot_add_reserved(struct boot_info *bi, paddr_t base, uint64_t size)
{
	if (size == 0 || bi->nr_reserved == BOOT_MAX_REGIONS)
		return;
	bi->reserved[bi->nr_reserved++] =
		(struct mem_region){ base, size, MEM_RESERVED };
}
