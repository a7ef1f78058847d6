/*
 * The root of procfs: the fs type "proc", its root directory with the
 * system files as static entries, then /proc/self and /proc/thread-self
 * and a directory per process (base.c), listed after them in pid order.
 * The system files themselves are in the other files of this folder
 * (system.h lists them). A proc super block caches no dentries
 * (PSEUDO_NOCACHE): names come and go with processes.
 */
#include "system.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/string.h>

#define DIR_MODE	(S_IFDIR | 0555)
#define REG_MODE	(S_IFREG | 0444)
#define LNK_MODE	(S_IFLNK | 0777)

static int link_mounts(uint64_t data, char *buf, size_t len)
{
	(void)data;
	return strlcpy(buf, "self/mounts", len) < len ? 0 : -ENAMETOOLONG;
}

static const struct pseudo_entry root_children[] = {
	{ .name = "cmdline", .mode = REG_MODE, .show = proc_cmdline_show },
	{ .name = "cpuinfo", .mode = REG_MODE, .show = proc_cpuinfo_show },
	{ .name = "devices", .mode = REG_MODE, .show = proc_devices_show },
	{ .name = "filesystems", .mode = REG_MODE,
	  .show = proc_filesystems_show },
	{ .name = "interrupts", .mode = REG_MODE,
	  .show = proc_interrupts_show },
	{ .name = "loadavg", .mode = REG_MODE, .show = proc_loadavg_show },
	{ .name = "meminfo", .mode = REG_MODE, .show = proc_meminfo_show },
	{ .name = "mounts", .mode = LNK_MODE, .link = link_mounts },
	{ .name = "partitions", .mode = REG_MODE,
	  .show = proc_partitions_show },
	{ .name = "stat", .mode = REG_MODE, .show = proc_stat_show },
	{ .name = "swaps", .mode = REG_MODE, .show = proc_swaps_show },
	{ .name = "sys", .mode = DIR_MODE, .children = proc_sys_dir },
	{ .name = "uptime", .mode = REG_MODE, .show = proc_uptime_show },
	{ .name = "version", .mode = REG_MODE, .show = proc_version_show },
	{ 0 }
};

/*
 * Dynamic children of the root: "self" and "thread-self" at cursors 0
 * and 1, then the process directories, whose cursors are shifted by 2.
 */
#define ROOT_LINKS	2

static const struct pseudo_entry *const root_links[ROOT_LINKS] = {
	&proc_self_entry,
	&proc_thread_self_entry,
};

static int root_lookup(uint64_t dir, const char *name, size_t len,
		       struct pseudo_node *out)
{
	for (int i = 0; i < ROOT_LINKS; i++) {
		const char *s = root_links[i]->name;

		if (strlen(s) == len && memcmp(s, name, len) == 0) {
			out->entry = root_links[i];
			return 0;
		}
	}
	if (!proc_pid_dir_ops.lookup)
		return -ENOENT;
	return proc_pid_dir_ops.lookup(dir, name, len, out);
}

static int root_next(uint64_t dir, uint64_t *cursor, char *name,
		     size_t namelen, struct pseudo_node *out)
{
	uint64_t c;
	int n;

	if (*cursor < ROOT_LINKS) {
		out->entry = root_links[*cursor];
		n = strlcpy(name, out->entry->name, namelen);
		(*cursor)++;
		return n;
	}
	if (!proc_pid_dir_ops.next)
		return 0;
	c = *cursor - ROOT_LINKS;
	n = proc_pid_dir_ops.next(dir, &c, name, namelen, out);
	if (n > 0)
		*cursor = c + ROOT_LINKS;
	return n;
}

static const struct pseudo_dir_ops root_dir_ops = {
	.lookup = root_lookup,
	.next = root_next,
};

static const struct pseudo_entry proc_root = {
	.name = "/",
	.mode = DIR_MODE,
	.children = root_children,
	.dir_ops = &root_dir_ops,
};

static struct super_block *proc_mount(struct fs_type *type, const char *data)
{
	(void)data;
	return pseudo_new_sb(type, &proc_root, 0, PROC_SUPER_MAGIC,
			     PSEUDO_NOCACHE);
}

static struct fs_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
};

static int proc_init(void)
{
	return register_filesystem(&proc_fs_type);
}
core_initcall(proc_init);
