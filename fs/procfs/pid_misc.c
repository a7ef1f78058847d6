/*
 * The smaller files of /proc/<pid>: comm (the thread's name, writable by
 * its own thread group as prctl(PR_SET_NAME) is), limits (Linux's table),
 * oom_score and oom_score_adj (stored in the process, -1000..1000, no
 * OOM killer acts on it yet), and mounts and mountinfo (the mount table
 * from the system side, mounts.c).
 */
#include "pid.h"

#include <core/errno.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/string.h>
#include <core/vm.h>

#define OOM_SCORE_ADJ_MIN	(-1000)
#define OOM_SCORE_ADJ_MAX	1000

int proc_show_comm(struct seq_buf *s, uint64_t data)
{
	struct proc_info in;

	if (proc_info_get(data, &in))
		return -ESRCH;
	seq_printf(s, "%s\n", in.comm);
	return 0;
}

/* Linux's comm_write(): up to 15 bytes, taken as they are. */
ssize_t proc_store_comm(uint64_t data, const char *buf, size_t len)
{
	char name[TASK_NAME_LEN] = { 0 };
	struct proc_target tg;
	unsigned long flags;
	ssize_t ret = len;

	memcpy(name, buf, MIN(len, sizeof(name) - 1));
	if (proc_target_lock(data, &tg, &flags))
		return -ESRCH;
	if (tg.p != current_process() || !tg.t)
		ret = -EINVAL;
	else
		memcpy(tg.t->name, name, sizeof(name));
	proc_target_unlock(flags);
	return ret;
}

static const struct {
	const char *name, *unit;
} limit_names[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

static void limit_value(struct seq_buf *s, uint64_t v)
{
	if (v == RLIM_INFINITY)
		seq_printf(s, "%-20s ", "unlimited");
	else
		seq_printf(s, "%-20llu ", (unsigned long long)v);
}

int proc_show_limits(struct seq_buf *s, uint64_t data)
{
	struct proc_info in;

	if (proc_info_get(data, &in))
		return -ESRCH;
	seq_printf(s, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		   "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(s, "%-25s ", limit_names[i].name);
		limit_value(s, in.rlim[i].rlim_cur);
		limit_value(s, in.rlim[i].rlim_max);
		if (limit_names[i].unit)
			seq_printf(s, "%-10s\n", limit_names[i].unit);
		else
			seq_putc(s, '\n');
	}
	return 0;
}

/*
 * Linux's proc_oom_score(): the badness (resident pages plus adj
 * thousandths of RAM) scaled to 0..2000, times 2/3; 0 for -1000.
 */
int proc_show_oom_score(struct seq_buf *s, uint64_t data)
{
	long total = pmm_total_bytes() / PAGE_SIZE, points = 0, badness;
	struct proc_info in;
	struct mm *mm;
	long rss = 0;

	if (proc_info_get(data, &in))
		return -ESRCH;
	mm = in.zombie ? NULL : proc_get_mm(data);
	if (mm) {
		rss = mm->nr_pages;
		proc_put_mm(mm);
	}
	if (total > 0 && in.oom_score_adj != OOM_SCORE_ADJ_MIN) {
		badness = rss + (long)in.oom_score_adj * total / 1000;
		points = (1000 + badness * 1000 / total) * 2 / 3;
		points = MAX(points, 0L);
	}
	seq_printf(s, "%ld\n", points);
	return 0;
}

int proc_show_oom_score_adj(struct seq_buf *s, uint64_t data)
{
	struct proc_info in;

	if (proc_info_get(data, &in))
		return -ESRCH;
	seq_printf(s, "%d\n", in.oom_score_adj);
	return 0;
}

ssize_t proc_store_oom_score_adj(uint64_t data, const char *buf, size_t len)
{
	struct proc_target tg;
	unsigned long flags;
	int v, err;

	err = proc_parse_int(buf, len, &v);
	if (err)
		return err;
	if (v < OOM_SCORE_ADJ_MIN || v > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	if (proc_target_lock(data, &tg, &flags))
		return -ESRCH;
	tg.p->oom_score_adj = v;
	proc_target_unlock(flags);
	return len;
}

int proc_show_pid_mounts(struct seq_buf *s, uint64_t data)
{
	return proc_show_mounts(s, proc_pid(data));
}

int proc_show_pid_mountinfo(struct seq_buf *s, uint64_t data)
{
	return proc_show_mountinfo(s, proc_pid(data));
}
