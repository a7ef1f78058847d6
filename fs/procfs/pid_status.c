/*
 * /proc/<pid>/status: the human-readable state of a process or thread,
 * "Key:\tvalue" lines in Linux's order and formats (fs/proc/array.c
 * output, proc(5)). Memory lines appear only while the process has an
 * address space (not for a zombie), as on Linux.
 *
 * Not kept here, shown as Linux shows a process that has none: peaks
 * (VmPeak and VmHWM equal the current sizes), locked and swapped memory,
 * capabilities (everything runs as root: the full set), seccomp.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/mm.h>
#include <core/vm.h>
#include <fs/fdtable.h>

/* Linux's CAP_LAST_CAP is 40: the full set. */
#define CAP_FULL	0x000001ffffffffffULL

/* Linux's fd table size: 64 slots, doubled until the highest fd fits. */
static unsigned int fd_size(uint64_t data)
{
	struct files *files = proc_get_files(data);
	unsigned int size = 64;
	int fd, last = -1;

	if (!files)
		return 0;
	for (fd = files_next_fd(files, 0); fd >= 0;
	     fd = files_next_fd(files, fd + 1))
		last = fd;
	proc_put_files(files);
	while ((unsigned int)last >= size)
		size *= 2;
	return size;
}

static void kb(struct seq_buf *s, const char *key, uint64_t bytes)
{
	seq_printf(s, "%s:\t%8llu kB\n", key, (unsigned long long)(bytes >> 10));
}

static void show_mm(struct seq_buf *s, struct mm *mm)
{
	struct proc_mm_stats st;
	uint64_t exe = 0;

	proc_mm_stats(mm, &st);
	if (mm->end_code > mm->start_code)
		exe = ALIGN_UP(mm->end_code, PAGE_SIZE) -
		      ALIGN_DOWN(mm->start_code, PAGE_SIZE);
	kb(s, "VmPeak", st.vsize);
	kb(s, "VmSize", st.vsize);
	kb(s, "VmLck", 0);
	kb(s, "VmPin", 0);
	kb(s, "VmHWM", st.rss);
	kb(s, "VmRSS", st.rss);
	/* Every page is anonymous: there is no page cache yet. */
	kb(s, "RssAnon", st.rss);
	kb(s, "RssFile", 0);
	kb(s, "RssShmem", 0);
	kb(s, "VmData", st.data);
	kb(s, "VmStk", st.stack);
	kb(s, "VmExe", exe);
	kb(s, "VmLib", st.exec > exe ? st.exec - exe : 0);
	kb(s, "VmPTE", 0);
	kb(s, "VmSwap", 0);
	kb(s, "HugetlbPages", 0);
	seq_puts(s, "CoreDumping:\t0\nTHP_enabled:\t0\n");
}

static void sigset(struct seq_buf *s, const char *key, ksigset_t set)
{
	seq_printf(s, "%s:\t%016llx\n", key, (unsigned long long)set);
}

int proc_show_status(struct seq_buf *s, uint64_t data)
{
	struct proc_info in;
	struct mm *mm;

	if (proc_info_get(data, &in))
		return -ESRCH;
	seq_printf(s, "Name:\t%s\n", in.comm);
	if (in.has_fs)
		seq_printf(s, "Umask:\t%04o\n", in.umask);
	seq_printf(s, "State:\t%s\n", proc_state_name(in.state));
	seq_printf(s, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n", in.tgid,
		   in.id, in.ppid);
	seq_puts(s, "TracerPid:\t0\n");
	seq_printf(s, "Uid:\t%u\t%u\t%u\t%u\n", in.uid[0], in.uid[1],
		   in.uid[2], in.uid[3]);
	seq_printf(s, "Gid:\t%u\t%u\t%u\t%u\n", in.gid[0], in.gid[1],
		   in.gid[2], in.gid[3]);
	seq_printf(s, "FDSize:\t%u\n", in.zombie ? 0 : fd_size(data));
	seq_puts(s, "Groups:\t");
	for (int i = 0; i < in.ngroups; i++)
		seq_printf(s, "%s%u", i ? " " : "", in.groups[i]);
	seq_puts(s, " \n");
	seq_printf(s, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   in.tgid, in.id, in.pgid, in.sid);
	seq_puts(s, "Kthread:\t0\n");

	mm = in.zombie ? NULL : proc_get_mm(data);
	if (mm) {
		show_mm(s, mm);
		proc_put_mm(mm);
	}

	seq_printf(s, "Threads:\t%d\n", in.nr_threads);
	seq_printf(s, "SigQ:\t%u/%llu\n", in.sigq,
		   (unsigned long long)in.rlim[RLIMIT_SIGPENDING].rlim_cur);
	sigset(s, "SigPnd", in.pending);
	sigset(s, "ShdPnd", in.shpending);
	sigset(s, "SigBlk", in.blocked);
	sigset(s, "SigIgn", in.ignored);
	sigset(s, "SigCgt", in.caught);
	sigset(s, "CapInh", 0);
	sigset(s, "CapPrm", CAP_FULL);
	sigset(s, "CapEff", CAP_FULL);
	sigset(s, "CapBnd", CAP_FULL);
	sigset(s, "CapAmb", 0);
	seq_printf(s, "NoNewPrivs:\t%d\n", in.no_new_privs);
	seq_puts(s, "Seccomp:\t0\nSeccomp_filters:\t0\n");
	seq_puts(s, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
	seq_puts(s, "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(s, "voluntary_ctxt_switches:\t%llu\n",
		   (unsigned long long)in.nvcsw);
	seq_printf(s, "nonvoluntary_ctxt_switches:\t%llu\n",
		   (unsigned long long)in.nivcsw);
	return 0;
}
