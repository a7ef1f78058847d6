/*
 * mm_init(): brings up physical memory management at boot, the page
 * allocator from the boot memory map and then the kernel heap on top.
 */
#define pr_fmt(fmt) "mm: " fmt

#include <core/mm.h>

#include <core/page.h>
#include <core/printk.h>
#include <core/slab.h>

void mm_init(const struct boot_info *bi)
{
	int err = pmm_init(bi);

	/* Without pages kmalloc() still works: it returns NULL. */
	kmalloc_init();
	if (err) {
		pr_err("no page allocator (%d): the kernel has no memory\n",
		       err);
		return;
	}
	pr_info("buddy page allocator (orders 0-%d), kmalloc %u-%lu bytes "
		"from slabs, larger from pages\n", MAX_ORDER, KMALLOC_MIN,
		KMALLOC_MAX_CACHE);
}
