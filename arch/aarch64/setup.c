/*
 * aarch64 boot information from the device tree. head.S calls arch_setup()
 * with the MMU on, on the boot stack, with the physical addresses of the
 * DTB (x0 at entry) and of the loaded Image. This fills the arch-neutral
 * struct boot_info (<core/bootinfo.h>) and enters kernel_main():
 *
 *   memory    every reg range of every memory node;
 *   reserved  the kernel image (with .bss and boot page tables), the DTB,
 *             the initrd, the DTB's memory reservation block and the
 *             static /reserved-memory regions;
 *   cmdline   /chosen bootargs; initrd from /chosen linux,initrd-*.
 *
 * Devicetree specification v0.4: §3.4 memory node, §3.5 reserved-memory,
 * §3.6 chosen, §5.3 memory reservation block. <core/fdt.h> does all the
 * reading of the blob.
 */
#define pr_fmt(fmt) "dt: " fmt

#include <arch/cpu.h>
#include <core/bootinfo.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/mm.h>
#include <core/printk.h>
#include <core/string.h>

/* Linker script symbols: the image from _text to _end, .bss included. */
extern char _text[], _end[];

static struct boot_info bi;

static uint32_t be32_at(const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return fdt32_to_cpu(v);
}

static uint64_t be64_at(const void *p)
{
	return (uint64_t)be32_at(p) << 32 | be32_at((const uint8_t *)p + 4);
}

/* A string property, or NULL when absent or not NUL-terminated. */
static const char *prop_string(const void *fdt, int node, const char *name)
{
	const char *s;
	int len;

	s = fdt_getprop(fdt, node, name, &len);
	if (!s || len < 1 || s[len - 1] != '\0')
		return NULL;
	return s;
}

/* A /chosen address property of one or two cells. */
static int prop_addr(const void *fdt, int node, const char *name,
		     uint64_t *out)
{
	const void *p;
	int len;

	p = fdt_getprop(fdt, node, name, &len);
	if (!p)
		return -ENOENT;
	if (len == 4)
		*out = be32_at(p);
	else if (len == 8)
		*out = be64_at(p);
	else
		return -EINVAL;
	return 0;
}

static void add_memory(const void *fdt)
{
	uint64_t base, size;
	const char *type;
	int node = -1, i;

	while ((node = fdt_node_by_name(fdt, node, "memory")) >= 0) {
		type = prop_string(fdt, node, "device_type");
		if (!type || strcmp(type, "memory") != 0)
			continue;
		for (i = 0; fdt_reg(fdt, node, i, &base, &size) == 0; i++)
			boot_add_mem(&bi, base, size, MEM_USABLE);
	}
}

static void parse_chosen(const void *fdt)
{
	uint64_t start, end;
	int chosen;

	bi.cmdline = "";
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen < 0)
		return;
	bi.cmdline = prop_string(fdt, chosen, "bootargs") ?: "";

	if (prop_addr(fdt, chosen, "linux,initrd-start", &start) ||
	    prop_addr(fdt, chosen, "linux,initrd-end", &end) || end <= start)
		return;
	bi.initrd_base = start;
	bi.initrd_size = end - start;
	boot_add_reserved(&bi, start, end - start);
}

/* The DTB's memory reservation block (§5.3). */
static void add_rsvmap(const void *fdt)
{
	uint64_t base, size;
	int i;

	for (i = 0; fdt_mem_rsv(fdt, i, &base, &size) == 0; i++)
		boot_add_reserved(&bi, base, size);
}

/*
 * The static regions of /reserved-memory (§3.5.2): the reg ranges of its
 * direct children. Children with only "size" are allocated later, not
 * reserved now.
 */
static void add_reserved_memory(const void *fdt)
{
	uint64_t base, size;
	int node, child, i;

	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return;
	for (child = fdt_first_child(fdt, node); child >= 0;
	     child = fdt_next_sibling(fdt, child)) {
		for (i = 0; fdt_reg(fdt, child, i, &base, &size) == 0; i++)
			boot_add_reserved(&bi, base, size);
	}
}

static void log_region(const char *what, const struct mem_region *r)
{
	pr_debug("%-8s 0x%016llx-0x%016llx\n", what,
		 (unsigned long long)r->base,
		 (unsigned long long)(r->base + r->size - 1));
}

static void log_regions(void)
{
	unsigned int i;

	for (i = 0; i < bi.nr_mem; i++)
		log_region("memory", &bi.mem[i]);
	for (i = 0; i < bi.nr_reserved; i++)
		log_region("reserved", &bi.reserved[i]);
}

/*
 * Called once from head.S; dtb and load are physical. Without a usable
 * device tree there is no console to complain on, so the CPU just stops.
 */
void __noreturn arch_setup(paddr_t dtb, paddr_t load);
void arch_setup(paddr_t dtb, paddr_t load)
{
	const void *fdt;

	if (!dtb || dtb >= BOOT_LINEAR_MAP_END)
		arch_halt();
	fdt = phys_to_virt(dtb);
	if (fdt_check(fdt))
		arch_halt();

	bi.protocol = "dtb";
	bi.fdt = fdt;
	add_memory(fdt);
	boot_add_reserved(&bi, load, (uint64_t)(_end - _text));
	boot_add_reserved(&bi, dtb, fdt_total_size(fdt));
	parse_chosen(fdt);
	add_rsvmap(fdt);
	add_reserved_memory(fdt);
	log_regions();

	kernel_main(&bi);
}
