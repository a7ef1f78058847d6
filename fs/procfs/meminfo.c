/*
 * /proc/meminfo in Linux's format ("Name:   <n> kB"), which free, top and
 * ps read. The totals come from the page allocator; kernel stacks from
 * the number of tasks. Memory the kernel does not tell apart yet (page
 * cache, buffers, slab by kind, swap) shows 0; MemAvailable is what is
 * free, since nothing is reclaimable. CommitLimit follows Linux's rule
 * (half of RAM plus swap).
 */
#include "system.h"

#include <core/page.h>
#include <core/sched.h>

static void line(struct seq_buf *s, const char *name, uint64_t bytes)
{
	seq_printf(s, "%-16s%8llu kB\n", name,
		   (unsigned long long)(bytes >> 10));
}

int proc_meminfo_show(struct seq_buf *s, uint64_t data)
{
	uint64_t total = pmm_total_bytes(), free = pmm_free_bytes();
	uint64_t stacks = (uint64_t)sched_nr_tasks() * KTHREAD_STACK_SIZE;

	(void)data;
	line(s, "MemTotal:", total);
	line(s, "MemFree:", free);
	line(s, "MemAvailable:", free);
	line(s, "Buffers:", 0);
	line(s, "Cached:", 0);
	line(s, "SwapCached:", 0);
	line(s, "Active:", 0);
	line(s, "Inactive:", 0);
	line(s, "SwapTotal:", 0);
	line(s, "SwapFree:", 0);
	line(s, "Dirty:", 0);
	line(s, "Writeback:", 0);
	line(s, "AnonPages:", 0);
	line(s, "Mapped:", 0);
	line(s, "Shmem:", 0);
	line(s, "Slab:", 0);
	line(s, "SReclaimable:", 0);
	line(s, "SUnreclaim:", 0);
	line(s, "KernelStack:", stacks);
	line(s, "CommitLimit:", total / 2);
	seq_printf(s, "HugePages_Total:%8u\nHugePages_Free: %8u\n", 0, 0);
	line(s, "Hugepagesize:", 2UL << 20);
	return 0;
}
