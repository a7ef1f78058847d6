/*
 * The system side of procfs (root.c and the files it lists): the show()
 * callbacks of /proc's system files and the /proc/sys tree.
 */
#ifndef FS_PROCFS_SYSTEM_H
#define FS_PROCFS_SYSTEM_H

#include "internal.h"

/* misc.c */
int proc_version_show(struct seq_buf *s, uint64_t data);
int proc_cmdline_show(struct seq_buf *s, uint64_t data);
int proc_filesystems_show(struct seq_buf *s, uint64_t data);
int proc_devices_show(struct seq_buf *s, uint64_t data);
int proc_partitions_show(struct seq_buf *s, uint64_t data);
int proc_swaps_show(struct seq_buf *s, uint64_t data);

/* meminfo.c, cpuinfo.c, interrupts.c */
int proc_meminfo_show(struct seq_buf *s, uint64_t data);
int proc_cpuinfo_show(struct seq_buf *s, uint64_t data);
int proc_interrupts_show(struct seq_buf *s, uint64_t data);

/* stat.c */
int proc_stat_show(struct seq_buf *s, uint64_t data);
int proc_uptime_show(struct seq_buf *s, uint64_t data);
int proc_loadavg_show(struct seq_buf *s, uint64_t data);

/* sysctl.c: the children of /proc/sys */
extern const struct pseudo_entry proc_sys_dir[];

#endif /* FS_PROCFS_SYSTEM_H */
