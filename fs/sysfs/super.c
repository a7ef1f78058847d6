/*
 * sysfs, the file system type "sysfs" (mounted on /sys): the root
 * directory, the small fixed directories, and the mount. Every mount is
 * a new pseudo super block over the one device model. Its dentries are
 * cached (no PSEUDO_NOCACHE), so directories such as /sys/fs/cgroup and
 * /sys/kernel/debug can be mount points.
 *
 *   /sys/devices, class, bus, dev, block   the device model (devices.c,
 *                                          views.c)
 *   /sys/kernel/uevent_seqnum              uevents made so far
 *   /sys/kernel/{config,debug,security,tracing}, /sys/fs/cgroup
 *                                          empty: where those file
 *                                          systems mount on Linux
 *   /sys/firmware                          empty
 */
#include "sysfs.h"

#include <core/init.h>

#define SYSFS_MAGIC	0x62656572	/* Linux's, linux/magic.h */

/*
 * Linux numbers every uevent; each device added makes one ("add"). None
 * is sent anywhere yet, but the count is the same.
 */
static int show_seqnum(struct seq_buf *s, uint64_t data)
{
	uint64_t cursor = 0, n = 0;
	struct device *d;

	while ((d = device_next(&cursor)))
		n += !(d->flags & DEVICE_F_GLUE);
	seq_printf(s, "%llu\n", (unsigned long long)n);
	return 0;
}

static const struct pseudo_entry kernel_files[] = {
	{ .name = "config", .mode = S_IFDIR | 0755 },
	{ .name = "debug", .mode = S_IFDIR | 0700 },
	{ .name = "security", .mode = S_IFDIR | 0755 },
	{ .name = "tracing", .mode = S_IFDIR | 0700 },
	{ .name = "uevent_seqnum", .mode = S_IFREG | 0444,
	  .show = show_seqnum },
	{ .name = NULL },
};

static const struct pseudo_entry fs_dirs[] = {
	{ .name = "cgroup", .mode = S_IFDIR | 0755 },
	{ .name = NULL },
};

static const struct pseudo_entry root_dirs[] = {
	{ .name = "block", .mode = S_IFDIR | 0755,
	  .dir_ops = &sysfs_disks_ops },
	{ .name = "bus", .mode = S_IFDIR | 0755, .dir_ops = &sysfs_buses_ops },
	{ .name = "class", .mode = S_IFDIR | 0755,
	  .dir_ops = &sysfs_classes_ops },
	{ .name = "dev", .mode = S_IFDIR | 0755, .children = sysfs_dev_dirs },
	{ .name = "devices", .mode = S_IFDIR | 0755,
	  .dir_ops = &sysfs_devices_ops },
	{ .name = "firmware", .mode = S_IFDIR | 0755 },
	{ .name = "fs", .mode = S_IFDIR | 0755, .children = fs_dirs },
	{ .name = "kernel", .mode = S_IFDIR | 0755, .children = kernel_files },
	{ .name = NULL },
};

static const struct pseudo_entry root = {
	.name = "/", .mode = S_IFDIR | 0555, .children = root_dirs,
};

static struct super_block *sysfs_mount(struct fs_type *type, const char *data)
{
	return pseudo_new_sb(type, &root, 0, SYSFS_MAGIC, 0);
}

static struct fs_type sysfs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
};

static int sysfs_init(void)
{
	return register_filesystem(&sysfs_type);
}
core_initcall(sysfs_init);
