/*
 * The scheduler's figures: /proc/stat, /proc/uptime and /proc/loadavg,
 * in Linux's formats (proc(5)), which top, uptime, ps and vmstat parse.
 *
 *   stat:    "cpu" user nice system idle iowait irq softirq steal guest
 *            guest_nice in USER_HZ (1/100 s), the same for "cpu0", then
 *            intr (total, then each line from 0), ctxt, btime,
 *            processes, procs_running, procs_blocked, softirq
 *   uptime:  seconds since boot and idle seconds, two decimals
 *   loadavg: the three averages, running/total tasks, the last pid
 *
 * One CPU: cpu0 repeats the total. No interrupt, iowait or steal time is
 * told apart, so those columns are 0.
 */
#include "system.h"

#include <core/irq.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/time.h>

#define USER_HZ		100
#define NS_PER_USER_HZ	(NSEC_PER_SEC / USER_HZ)

static void cpu_line(struct seq_buf *s, const char *name,
		     const struct cpu_times *ct)
{
	seq_printf(s, "%s %llu %llu %llu %llu 0 0 0 0 0 0\n", name,
		   (unsigned long long)(ct->user / NS_PER_USER_HZ),
		   (unsigned long long)(ct->nice / NS_PER_USER_HZ),
		   (unsigned long long)(ct->system / NS_PER_USER_HZ),
		   (unsigned long long)(ct->idle / NS_PER_USER_HZ));
}

/* The interrupt counts, from line 0 to the last line in use. */
static void intr_line(struct seq_buf *s)
{
	unsigned int last = 0;
	uint64_t total = 0;

	for (unsigned int i = 0; i < IRQ_MAX; i++) {
		if (irq_count(i) || irq_registered(i))
			last = i + 1;
		total += irq_count(i);
	}
	seq_printf(s, "intr %llu", (unsigned long long)total);
	for (unsigned int i = 0; i < last; i++)
		seq_printf(s, " %llu", (unsigned long long)irq_count(i));
	seq_putc(s, '\n');
}

int proc_stat_show(struct seq_buf *s, uint64_t data)
{
	struct cpu_times ct;
	int64_t boot_ns = clock_realtime_ns() - (int64_t)clock_ns();

	(void)data;
	cpu_times_read(&ct);
	cpu_line(s, "cpu ", &ct);
	cpu_line(s, "cpu0", &ct);
	intr_line(s);
	seq_printf(s, "ctxt %llu\n", (unsigned long long)sched_nr_switches());
	seq_printf(s, "btime %lld\n",
		   (long long)(boot_ns / (int64_t)NSEC_PER_SEC));
	seq_printf(s, "processes %llu\n",
		   (unsigned long long)pid_nr_allocated());
	seq_printf(s, "procs_running %u\n", sched_nr_running());
	seq_printf(s, "procs_blocked %u\n", sched_nr_blocked());
	seq_puts(s, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

int proc_uptime_show(struct seq_buf *s, uint64_t data)
{
	uint64_t up = clock_ns() / (NSEC_PER_SEC / 100);
	struct cpu_times ct;
	uint64_t idle;

	(void)data;
	cpu_times_read(&ct);
	idle = ct.idle / (NSEC_PER_SEC / 100);
	seq_printf(s, "%llu.%02llu %llu.%02llu\n",
		   (unsigned long long)up / 100, (unsigned long long)up % 100,
		   (unsigned long long)idle / 100,
		   (unsigned long long)idle % 100);
	return 0;
}

/* Linux's LOAD_INT/LOAD_FRAC, rounded to two decimals. */
static void put_load(struct seq_buf *s, unsigned long load)
{
	load += LOAD_FIXED_1 / 200;
	seq_printf(s, "%lu.%02lu ", load >> LOAD_FSHIFT,
		   ((load & (LOAD_FIXED_1 - 1)) * 100) >> LOAD_FSHIFT);
}

int proc_loadavg_show(struct seq_buf *s, uint64_t data)
{
	unsigned long loads[3];

	(void)data;
	sched_loadavg(loads);
	for (int i = 0; i < 3; i++)
		put_load(s, loads[i]);
	/* Tasks but the idle one, as Linux counts threads. */
	seq_printf(s, "%u/%u %d\n", sched_nr_running(), sched_nr_tasks() - 1,
		   pid_last());
	return 0;
}
