/*
 * /proc/<pid>/maps and smaps_rollup in Linux's formats
 * (fs/proc/task_mmu.c output): one line per area, "start-end perms
 * offset dev inode", the name padded to column 73.
 *
 * Every area is anonymous memory here (a private file mapping is a copy
 * of the file made at mmap time: there is no page cache yet), so the
 * offset, device and inode are 0 and the only names are [heap] (the brk
 * area) and [stack] (the area holding the initial stack).
 */
#include "pid.h"

#include <core/errno.h>
#include <core/mm.h>
#include <core/rbtree.h>
#include <core/string.h>
#include <core/vm.h>

/* The column where names start, less one (Linux: 25 + 6 * 8 - 1). */
#define NAME_COLUMN	72

static const char *area_name(const struct mm *mm, const struct vma *v)
{
	uintptr_t sp = mm->start_stack ? mm->start_stack : mm->arg_start;

	/* Not an empty heap's neighbour: the image's data ends there. */
	if (mm->brk > mm->brk_start && v->start < mm->brk &&
	    v->end > mm->brk_start)
		return "[heap]";
	if (sp && v->start <= sp && sp < v->end)
		return "[stack]";
	return NULL;
}

/* The fixed part of a line, then the name padded as Linux pads it. */
static void show_line(struct seq_buf *s, uintptr_t start, uintptr_t end,
		      const char *perms, const char *name)
{
	char prefix[96];
	int n;

	n = snprintf(prefix, sizeof(prefix), "%08lx-%08lx %s %08lx %02x:%02x %lu ",
		     (unsigned long)start, (unsigned long)end, perms, 0UL, 0,
		     0, 0UL);
	seq_puts(s, prefix);
	if (name) {
		for (; n < NAME_COLUMN; n++)
			seq_putc(s, ' ');
		seq_putc(s, ' ');
		seq_puts(s, name);
	}
	seq_putc(s, '\n');
}

int proc_show_maps(struct seq_buf *s, uint64_t data)
{
	struct rb_node *n;
	struct mm *mm;

	if (!proc_pid_valid(data))
		return -ESRCH;
	mm = proc_get_mm(data);
	if (!mm)
		return 0;
	mutex_lock(&mm->lock);
	for (n = rb_first(&mm->vmas); n && !s->overflow; n = rb_next(n)) {
		struct vma *v = container_of(n, struct vma, node);
		char perms[5] = {
			v->prot & VM_PROT_READ ? 'r' : '-',
			v->prot & VM_PROT_WRITE ? 'w' : '-',
			v->prot & VM_PROT_EXEC ? 'x' : '-',
			v->flags & VMA_SHARED ? 's' : 'p',
			'\0',
		};

		show_line(s, v->start, v->end, perms, area_name(mm, v));
	}
	mutex_unlock(&mm->lock);
	proc_put_mm(mm);
	return 0;
}

static void kb(struct seq_buf *s, const char *key, uint64_t bytes)
{
	/* Linux: the key padded to 16 columns, the value to 8. */
	seq_printf(s, "%s:%*s%8llu kB\n", key, (int)(15 - strlen(key)), "",
		   (unsigned long long)(bytes >> 10));
}

/*
 * The sums of maps in smaps format. Every page is private, anonymous,
 * dirty and referenced; none is shared, swapped or locked.
 */
int proc_show_smaps_rollup(struct seq_buf *s, uint64_t data)
{
	static const char *const zero[] = {
		"Pss_File", "Pss_Shmem", "Shared_Clean", "Shared_Dirty",
		"Private_Clean",
	};
	static const char *const zero2[] = {
		"KSM", "LazyFree", "AnonHugePages", "ShmemPmdMapped",
		"FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb", "Swap",
		"SwapPss", "Locked",
	};
	uintptr_t lo = 0, hi = 0;
	struct rb_node *n;
	uint64_t rss;
	struct mm *mm;

	if (!proc_pid_valid(data))
		return -ESRCH;
	mm = proc_get_mm(data);
	if (!mm)
		return 0;
	mutex_lock(&mm->lock);
	n = rb_first(&mm->vmas);
	if (n)
		lo = container_of(n, struct vma, node)->start;
	for (; n; n = rb_next(n))
		hi = container_of(n, struct vma, node)->end;
	rss = (uint64_t)mm->nr_pages * PAGE_SIZE;
	mutex_unlock(&mm->lock);
	proc_put_mm(mm);

	show_line(s, lo, hi, "---p", "[rollup]");
	kb(s, "Rss", rss);
	kb(s, "Pss", rss);
	kb(s, "Pss_Dirty", rss);
	kb(s, "Pss_Anon", rss);
	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		kb(s, zero[i], 0);
	kb(s, "Private_Dirty", rss);
	kb(s, "Referenced", rss);
	kb(s, "Anonymous", rss);
	for (size_t i = 0; i < ARRAY_SIZE(zero2); i++)
		kb(s, zero2[i], 0);
	return 0;
}
