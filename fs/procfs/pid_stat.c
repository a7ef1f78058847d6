/*
 * /proc/<pid>/stat and statm, in Linux's formats (proc(5), fs/proc/array.c
 * output): stat is one line of 52 fields that ps and top parse by
 * position, statm seven page counts. Also the address-space figures that
 * status shares (proc_mm_stats()).
 *
 * Times are clock ticks of USER_HZ (100 on both arches), starttime ticks
 * since boot. Figures that are not kept (page faults, wchan, the kernel
 * stack pointer) are 0, as Linux shows them to unprivileged readers.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/mm.h>
#include <core/rbtree.h>
#include <core/time.h>
#include <core/vm.h>

#define USER_HZ			100
#define NS_PER_TICK		(NSEC_PER_SEC / USER_HZ)

/* The task flag Linux shows for user processes (linux/sched.h). */
#define PF_RANDOMIZE		0x00400000

static bool is_stack(const struct mm *mm, const struct vma *v)
{
	uintptr_t sp = mm->start_stack ? mm->start_stack : mm->arg_start;

	return sp && v->start <= sp && sp < v->end;
}

void proc_mm_stats(struct mm *mm, struct proc_mm_stats *st)
{
	struct rb_node *n;

	*st = (struct proc_mm_stats){ 0 };
	mutex_lock(&mm->lock);
	for (n = rb_first(&mm->vmas); n; n = rb_next(n)) {
		struct vma *v = container_of(n, struct vma, node);
		uint64_t len = v->end - v->start;

		st->vsize += len;
		st->nr_vmas++;
		if (v->prot & VM_PROT_EXEC)
			st->exec += len;
		if (v->flags & VMA_SHARED)
			st->shared += len;
		else if (is_stack(mm, v))
			st->stack += len;
		else if (v->prot & VM_PROT_WRITE)
			st->data += len;
	}
	st->rss = (uint64_t)mm->nr_pages * PAGE_SIZE;
	mutex_unlock(&mm->lock);
}

static unsigned long ticks(uint64_t ns)
{
	return ns / NS_PER_TICK;
}

int proc_show_stat(struct seq_buf *s, uint64_t data)
{
	struct proc_mm_stats st = { 0 };
	struct proc_info in;
	struct mm *mm;
	struct {
		uintptr_t start_code, end_code, start_stack, start_data,
			end_data, start_brk, arg_start, arg_end, env_start,
			env_end;
	} a = { 0 };
	unsigned long flags;

	if (proc_info_get(data, &in))
		return -ESRCH;
	mm = in.zombie ? NULL : proc_get_mm(data);
	if (mm) {
		proc_mm_stats(mm, &st);
		a.start_code = mm->start_code;
		a.end_code = mm->end_code;
		a.start_stack = mm->start_stack;
		a.start_data = mm->start_data;
		a.end_data = mm->end_data;
		a.start_brk = mm->brk_start;
		a.arg_start = mm->arg_start;
		a.arg_end = mm->arg_end;
		a.env_start = mm->env_start;
		a.env_end = mm->env_end;
		proc_put_mm(mm);
	}
	flags = PF_RANDOMIZE;

	/* 1-13: pid (comm) state ppid pgrp session tty_nr tpgid flags faults */
	seq_printf(s, "%d (%s) %c %d %d %d %llu %d %lu 0 0 0 0 ", in.id,
		   in.comm, in.state, in.ppid, in.pgid, in.sid,
		   (unsigned long long)in.tty_nr, in.tpgid, flags);
	/* 14-20: utime stime cutime cstime priority nice num_threads */
	seq_printf(s, "%lu %lu %ld %ld %d %d %d ", ticks(in.utime),
		   ticks(in.stime), (long)ticks(in.cutime),
		   (long)ticks(in.cstime), 20 + in.nice, in.nice,
		   in.nr_threads);
	/* 21-25: itrealvalue starttime vsize rss rsslim */
	seq_printf(s, "0 %llu %llu %llu %llu ",
		   (unsigned long long)ticks(in.start_ns),
		   (unsigned long long)st.vsize,
		   (unsigned long long)(st.rss / PAGE_SIZE),
		   (unsigned long long)in.rlim[RLIMIT_RSS].rlim_cur);
	/* 26-30: startcode endcode startstack kstkesp kstkeip */
	seq_printf(s, "%lu %lu %lu 0 0 ", (unsigned long)a.start_code,
		   (unsigned long)a.end_code, (unsigned long)a.start_stack);
	/* 31-34: signal blocked sigignore sigcatch (the first 31 bits) */
	seq_printf(s, "%lu %lu %lu %lu ",
		   (unsigned long)(in.pending & 0x7fffffffUL),
		   (unsigned long)(in.blocked & 0x7fffffffUL),
		   (unsigned long)(in.ignored & 0x7fffffffUL),
		   (unsigned long)(in.caught & 0x7fffffffUL));
	/*
	 * 35-44: wchan nswap cnswap exit_signal processor rt_priority policy
	 * delayacct_blkio_ticks guest_time cguest_time
	 */
	seq_printf(s, "0 0 0 %d 0 0 0 0 0 0 ", in.exit_signal);
	/* 45-52: start_data end_data start_brk arg/env bounds exit_code */
	seq_printf(s, "%lu %lu %lu %lu %lu %lu %lu %d\n",
		   (unsigned long)a.start_data, (unsigned long)a.end_data,
		   (unsigned long)a.start_brk, (unsigned long)a.arg_start,
		   (unsigned long)a.arg_end, (unsigned long)a.env_start,
		   (unsigned long)a.env_end, in.exit_code);
	return 0;
}

int proc_show_statm(struct seq_buf *s, uint64_t data)
{
	struct proc_mm_stats st = { 0 };
	unsigned long text = 0;
	struct mm *mm;

	if (!proc_pid_valid(data))
		return -ESRCH;
	mm = proc_get_mm(data);
	if (mm) {
		proc_mm_stats(mm, &st);
		if (mm->end_code > mm->start_code)
			text = (ALIGN_UP(mm->end_code, PAGE_SIZE) -
				ALIGN_DOWN(mm->start_code, PAGE_SIZE)) /
			       PAGE_SIZE;
		proc_put_mm(mm);
	}
	/* size resident shared text lib data dt */
	seq_printf(s, "%llu %llu %llu %lu 0 %llu 0\n",
		   (unsigned long long)(st.vsize / PAGE_SIZE),
		   (unsigned long long)(st.rss / PAGE_SIZE),
		   (unsigned long long)(st.shared / PAGE_SIZE), text,
		   (unsigned long long)((st.data + st.stack) / PAGE_SIZE));
	return 0;
}
