/*
 * test=vm: the VM layer on the real machine (<core/selftest.h>). Builds a
 * space, switches to it, and touches it only through the uaccess routines,
 * so every page comes in by a real page fault: demand paging, -EFAULT on
 * unmapped, PROT_NONE, read-only and kernel addresses, mprotect-like
 * splits and merges, unmapping the middle of an area, brk, and
 * copy-on-write after mm_dup() (frames counted by physical address).
 * Destroying both spaces must give back every page. Prints
 * "selftest: vm passed (...)" or "selftest: vm FAILED: ..." and powers off.
 */
#define pr_fmt(fmt) "selftest: " fmt

#include <core/selftest.h>

#include <arch/pgtable.h>
#include <arch/power.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/uaccess.h>
#include <core/vm.h>

#define P PAGE_SIZE
#define RW (VM_PROT_READ | VM_PROT_WRITE)

static unsigned int checks;
static int fail_line;
static const char *fail_what;

#define CHECK(cond)                                                           \
	do {                                                                  \
		checks++;                                                     \
		if (!(cond)) {                                                \
			fail_line = __LINE__;                                 \
			fail_what = #cond;                                    \
			return -1;                                            \
		}                                                             \
	} while (0)

static void *uptr(uintptr_t addr)
{
	return (void *)addr;
}

static paddr_t frame(struct mm *mm, uintptr_t va)
{
	paddr_t pa;

	return arch_pgtable_query(mm->root, va, &pa, NULL) ? 0 : pa;
}

static bool user_equals(uintptr_t addr, const char *s)
{
	char buf[32];
	size_t n = strlen(s) + 1;

	return copy_from_user(buf, uptr(addr), n) == 0 && !memcmp(buf, s, n);
}

/* Demand paging and the -EFAULT cases. rw: 4 pages; ro: 2; none: 1. */
static int check_access(struct mm *mm, uintptr_t rw, uintptr_t ro,
			uintptr_t none)
{
	char buf[64], kbuf[8] = "kernel";
	size_t pages = mm->nr_pages;

	CHECK(copy_to_user(uptr(rw + P - 4), "crosses", 8) == 0);
	CHECK(mm->nr_pages == pages + 2);
	CHECK(user_equals(rw + P - 4, "crosses"));
	CHECK(copy_from_user(buf, uptr(ro), 16) == 0);
	CHECK(buf[0] == 0 && buf[15] == 0 && mm->nr_pages == pages + 3);
	CHECK(copy_to_user(uptr(ro), "x", 1) == -EFAULT);
	CHECK(clear_user(uptr(ro + P), 1) == -EFAULT);
	CHECK(copy_from_user(buf, uptr(none), 1) == -EFAULT);
	CHECK(copy_to_user(uptr(none), "x", 1) == -EFAULT);
	CHECK(copy_from_user(buf, uptr(VM_MIN_ADDR), 1) == -EFAULT);
	CHECK(copy_from_user(buf, kbuf, sizeof(kbuf)) == -EFAULT);
	CHECK(copy_to_user(kbuf, "user", 5) == -EFAULT);
	CHECK(strcmp(kbuf, "kernel") == 0);
	CHECK(copy_to_user(uptr(KERNEL_VBASE), "x", 1) == -EFAULT);
	CHECK(copy_from_user(buf, uptr(USER_SPACE_END - 4), 8) == -EFAULT);
	/* Past the end of rw: the first half lands, then -EFAULT. */
	CHECK(copy_to_user(uptr(rw + 4 * P - 4), "abcdefg", 8) == -EFAULT);
	CHECK(copy_from_user(buf, uptr(rw + 4 * P - 4), 4) == 0);
	CHECK(memcmp(buf, "abcd", 4) == 0);

	CHECK(copy_to_user(uptr(rw), "hello", 6) == 0);
	CHECK(strncpy_from_user(buf, uptr(rw), sizeof(buf)) == 5);
	CHECK(strcmp(buf, "hello") == 0);
	CHECK(strncpy_from_user(buf, uptr(rw), 3) == -ENAMETOOLONG);
	CHECK(buf[2] == '\0');
	CHECK(strncpy_from_user(buf, uptr(rw + 4 * P - 4), sizeof(buf)) ==
	      -EFAULT);
	CHECK(strncpy_from_user(buf, kbuf, sizeof(buf)) == -EFAULT);
	CHECK(strncpy_from_user(buf, uptr(none), sizeof(buf)) == -EFAULT);
	CHECK(clear_user(uptr(rw), 3) == 0);
	CHECK(copy_from_user(buf, uptr(rw), 6) == 0);
	CHECK(memcmp(buf, "\0\0\0lo", 6) == 0);
	return 0;
}

/* mprotect-like changes and unmapping the middle of an area. */
static int check_protect_unmap(struct mm *mm, uintptr_t rw)
{
	size_t vmas = mm->nr_vmas;

	CHECK(vm_protect(mm, rw + P, P, VM_PROT_READ) == 0);
	CHECK(mm->nr_vmas == vmas + 2);
	CHECK(copy_to_user(uptr(rw + P), "x", 1) == -EFAULT);
	CHECK(copy_to_user(uptr(rw), "x", 1) == 0);
	CHECK(vm_protect(mm, rw + P, P, RW) == 0);
	CHECK(mm->nr_vmas == vmas);
	CHECK(copy_to_user(uptr(rw + P), "x", 1) == 0);

	/* PROT_NONE keeps the data for when access comes back. */
	CHECK(copy_to_user(uptr(rw), "kept", 5) == 0);
	CHECK(vm_protect(mm, rw, P, VM_PROT_NONE) == 0);
	CHECK(!user_equals(rw, "kept"));
	CHECK(vm_protect(mm, rw, P, VM_PROT_READ) == 0);
	CHECK(user_equals(rw, "kept"));
	CHECK(vm_protect(mm, rw, P, RW) == 0);
	CHECK(mm->nr_vmas == vmas);
	CHECK(vm_protect(mm, rw, 8 * P, RW) == -ENOMEM);

	CHECK(copy_to_user(uptr(rw + 2 * P), "third", 6) == 0);
	CHECK(vm_unmap(mm, rw + P, P) == 0);
	CHECK(mm->nr_vmas == vmas + 1);
	CHECK(copy_to_user(uptr(rw + P), "x", 1) == -EFAULT);
	CHECK(user_equals(rw, "kept") && user_equals(rw + 2 * P, "third"));
	CHECK(vm_unmap(mm, rw + P, P) == 0);
	return 0;
}

/* brk: grows with fresh pages, shrinks by unmapping, refuses overlaps. */
static int check_brk(struct mm *mm, uintptr_t base, uintptr_t taken)
{
	vm_brk_init(mm, base);
	CHECK(vm_brk(mm, base - 1) == base);
	CHECK(vm_brk(mm, base + P + 100) == base + P + 100);
	CHECK(copy_to_user(uptr(base + P + 50), "heap", 5) == 0);
	CHECK(copy_to_user(uptr(base + 2 * P), "x", 1) == -EFAULT);
	CHECK(vm_brk(mm, base + 10) == base + 10);
	CHECK(copy_to_user(uptr(base + P), "x", 1) == -EFAULT);
	CHECK(vm_brk(mm, taken + P) == base + 10);
	return 0;
}

/* mm_dup(): pages shared until written, then copied (rw+P is unmapped). */
static int check_cow(struct mm *mm, uintptr_t rw)
{
	uintptr_t pages[3] = { rw, rw + 2 * P, rw + 3 * P };
	paddr_t before[3];
	struct mm *child;
	int i;

	for (i = 0; i < 3; i++) {
		CHECK(clear_user(uptr(pages[i]), 8) == 0);
		before[i] = frame(mm, pages[i]);
	}
	CHECK(copy_to_user(uptr(rw), "parent", 7) == 0);
	child = mm_dup(mm);
	CHECK(child && child->nr_pages == mm->nr_pages);
	for (i = 0; i < 3; i++) {
		CHECK(frame(child, pages[i]) == before[i]);
		CHECK(phys_to_page(before[i])->refcount == 2);
	}

	mm_switch(child);
	CHECK(user_equals(rw, "parent"));
	CHECK(frame(child, rw) == before[0]);
	CHECK(copy_to_user(uptr(rw), "child", 6) == 0);
	CHECK(frame(child, rw) != before[0]);
	CHECK(frame(child, rw + 2 * P) == before[1]);
	CHECK(user_equals(rw, "child"));

	mm_switch(mm);
	CHECK(user_equals(rw, "parent"));
	/* The child copied rw: the parent is its last user, no copy. */
	CHECK(copy_to_user(uptr(rw), "again", 6) == 0);
	CHECK(frame(mm, rw) == before[0]);
	/* rw+2P is still shared: the parent's write copies it. */
	CHECK(copy_to_user(uptr(rw + 2 * P), "p2", 3) == 0);
	CHECK(frame(mm, rw + 2 * P) != before[1]);
	CHECK(frame(child, rw + 2 * P) == before[1]);
	CHECK(frame(mm, rw + 3 * P) == before[2]);
	CHECK(phys_to_page(before[2])->refcount == 2);

	mm_destroy(child);
	CHECK(phys_to_page(before[2])->refcount == 1);
	CHECK(copy_to_user(uptr(rw + 3 * P), "last", 5) == 0);
	CHECK(frame(mm, rw + 3 * P) == before[2]);
	return 0;
}

static int run(void)
{
	uint64_t free_before;
	void *warm[32];
	long rw, ro, none;
	struct mm *mm;
	unsigned int i;

	/* Let the heap caches settle so that pages can be counted exactly. */
	for (i = 0; i < ARRAY_SIZE(warm); i++)
		warm[i] = kmalloc(sizeof(struct vma));
	for (i = 0; i < ARRAY_SIZE(warm); i++)
		kfree(warm[i]);
	kfree(kzalloc(sizeof(struct mm)));
	free_before = pmm_free_bytes();

	mm = mm_create();
	CHECK(mm);
	rw = vm_map(mm, 0, 4 * P, RW, 0);
	ro = vm_map(mm, 0, 2 * P - 100, VM_PROT_READ, 0);
	none = vm_map(mm, 0, P, VM_PROT_NONE, 0);
	CHECK(rw > 0 && ro > 0 && none > 0 && mm->nr_vmas == 3);
	CHECK(vm_map(mm, rw, P, RW, VM_MAP_NOREPLACE) == -EEXIST);
	CHECK(vm_map(mm, 0, 0, RW, 0) == -EINVAL);
	mm_switch(mm);

	if (check_access(mm, rw, ro, none) || check_protect_unmap(mm, rw) ||
	    check_brk(mm, 0x400000, ro) || check_cow(mm, rw))
		goto out;
	mm_destroy(mm);
	mm = NULL;
	CHECK(mm_current() == NULL);
	CHECK(pmm_free_bytes() == free_before);
	return 0;
out:
	mm_destroy(mm);
	return -1;
}

void selftest_vm(void)
{
	if (run() == 0)
		pr_notice("vm passed (%u checks)\n", checks);
	else
		pr_err("vm FAILED: line %d: %s\n", fail_line, fail_what);
	arch_poweroff();
}
