/*
 * Private interfaces of sysfs (fs/sysfs/): the /sys tree is a set of
 * pseudo file system tables (<fs/pseudo.h>) over the device model
 * (<drivers/device.h>). super.c holds the root and the small fixed
 * directories, devices.c the /sys/devices hierarchy (one directory per
 * device), views.c the directories of symlinks into it (/sys/class,
 * /sys/bus, /sys/dev, /sys/block).
 *
 * A node's data is a pointer: to a struct device for a device's
 * directory, files and links, to a struct dev_subsys for a class or bus
 * directory, to a struct sysfs_attr for a driver's extra file.
 */
#ifndef FS_SYSFS_SYSFS_H
#define FS_SYSFS_SYSFS_H

#include <drivers/device.h>
#include <fs/pseudo.h>

static inline struct device *to_dev(uint64_t data)
{
	return (struct device *)(uintptr_t)data;
}

static inline uint64_t dev_data(const struct device *dev)
{
	return (uint64_t)(uintptr_t)dev;
}

/* devices.c: the children of a device's directory (data 0: the top). */
extern const struct pseudo_dir_ops sysfs_devices_ops;

/*
 * The target of a link from a directory ups levels below /sys to dev's
 * directory: "../" ups times, "devices/", its path. 0 or -ENAMETOOLONG.
 */
int sysfs_device_link(const struct device *dev, int ups, char *buf,
		      size_t len);

/* views.c: the contents of /sys/block, bus, class and dev. */
extern const struct pseudo_dir_ops sysfs_disks_ops;
extern const struct pseudo_dir_ops sysfs_buses_ops;
extern const struct pseudo_dir_ops sysfs_classes_ops;
extern const struct pseudo_entry sysfs_dev_dirs[];

#endif /* FS_SYSFS_SYSFS_H */
