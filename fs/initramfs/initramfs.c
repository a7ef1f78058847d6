/*
 * The initramfs at boot. The boot path left the initrd's physical range in
 * boot_info (PVH module 0, the first Multiboot2 module, or /chosen
 * linux,initrd-start/end) and reserved it, so the page allocator never
 * handed its pages out. Once the heap is up, this reads every cpio archive
 * in it through the linear map into the file list of initramfs.h, which
 * the tmpfs unpacker will consume.
 *
 * Always logged: a summary line ("initramfs: 2 archives, 412 entries,
 * 1234 bytes at 0x7f00000"), or an error line when an archive is malformed
 * (boot goes on with the entries read before it). With "initramfs.list"
 * on the command line, every path of the list is printed, as ls -ln would
 * show it: "initramfs: -rwxr-xr-x 0 0 1234567 /bin/busybox".
 */
#define pr_fmt(fmt) "initramfs: " fmt

#include "initramfs.h"

#include <core/bootinfo.h>
#include <core/cmdline.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/printk.h>

#include "cpio.h"

static struct initramfs rootfs_list;
static bool have_list;

const struct initramfs *initramfs_get(void)
{
	return have_list ? &rootfs_list : NULL;
}

/* The file type letter of ls -l. */
static char type_letter(uint32_t mode)
{
	switch (mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR:
		return 'd';
	case CPIO_S_IFLNK:
		return 'l';
	case CPIO_S_IFCHR:
		return 'c';
	case CPIO_S_IFBLK:
		return 'b';
	case CPIO_S_IFIFO:
		return 'p';
	case CPIO_S_IFSOCK:
		return 's';
	default:
		return '-';
	}
}

/* Writes mode as ls -l does ("drwxr-xr-x", "-rwsr-xr-x") into s[11]. */
static void mode_string(uint32_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = type_letter(mode);
	for (i = 0; i < 9; i++)
		s[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	/* set-user-ID, set-group-ID, sticky: over the x bits */
	if (mode & 04000)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (mode & 02000)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (mode & 01000)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/* One line: mode, uid, gid, size (major,minor for devices), path. */
static void print_entry(const struct initramfs_entry *ent)
{
	uint32_t type = ent->mode & CPIO_S_IFMT;
	char mode[11];

	mode_string(ent->mode, mode);
	if (type == CPIO_S_IFCHR || type == CPIO_S_IFBLK)
		pr_notice("%s %u %u %u,%u %s\n", mode, ent->uid, ent->gid,
			  ent->rdev_major, ent->rdev_minor, ent->path);
	else if (type == CPIO_S_IFLNK)
		pr_notice("%s %u %u %zu %s -> %.*s\n", mode, ent->uid,
			  ent->gid, ent->size, ent->path, (int)ent->size,
			  (const char *)ent->data);
	else
		pr_notice("%s %u %u %zu %s\n", mode, ent->uid, ent->gid,
			  ent->size, ent->path);
}

static void print_list(const struct initramfs *ir)
{
	const struct list_head *pos;

	for (pos = ir->entries.next; pos != &ir->entries; pos = pos->next)
		print_entry(list_entry(pos, struct initramfs_entry, node));
}

/* True when no page of [base, base + size) can come from the allocator. */
static bool range_reserved(paddr_t base, uint64_t size)
{
	const struct page *page;
	paddr_t pa;

	for (pa = ALIGN_DOWN(base, PAGE_SIZE); pa < base + size;
	     pa += PAGE_SIZE) {
		page = phys_to_page(pa);
		if (page && !(page->flags & PG_RESERVED))
			return false;
	}
	return true;
}

static int initramfs_init(void)
{
	paddr_t base = boot_info->initrd_base;
	uint64_t size = boot_info->initrd_size;
	struct initramfs *ir = &rootfs_list;
	int err;

	if (!size) {
		pr_info("no initrd\n");
		return 0;
	}
	if (base >= BOOT_LINEAR_MAP_END || size > BOOT_LINEAR_MAP_END - base) {
		pr_err("initrd at 0x%llx (%llu bytes) is outside the linear "
		       "map: ignored\n", (unsigned long long)base,
		       (unsigned long long)size);
		return -ERANGE;
	}
	/* A boot path that forgot to reserve it: its pages may be reused. */
	if (!range_reserved(base, size)) {
		pr_err("initrd at 0x%llx (%llu bytes) is not reserved: "
		       "ignored\n", (unsigned long long)base,
		       (unsigned long long)size);
		return -EFAULT;
	}

	err = initramfs_build(ir, phys_to_virt(base), size);
	have_list = true;
	if (cmdline_has("initramfs.list"))
		print_list(ir);
	if (err)
		pr_err("bad archive at offset 0x%zx: %s; keeping the %u entries "
		       "before it\n", ir->error_offset, ir->error,
		       ir->nr_entries);
	pr_info("%u archives, %u entries, %llu bytes at 0x%llx\n",
		ir->archives, ir->nr_entries, (unsigned long long)size,
		(unsigned long long)base);
	return err;
}
core_initcall(initramfs_init);
