/*
 * The device model (drivers/base/): every device the kernel knows, as a
 * tree, with the class ("mem", "tty", "block") or bus ("pci", "virtio")
 * it belongs to and the device number of its node. sysfs (fs/sysfs/)
 * shows it as Linux does:
 *
 *   /sys/devices/<path>          one directory per device (dev, uevent,
 *                                subsystem, the driver's attributes)
 *   /sys/class/<class>/<name>    -> ../../devices/<path>
 *   /sys/bus/<bus>/devices/<name> -> ../../../devices/<path>
 *   /sys/dev/{char,block}/M:m    -> ../../devices/<path>
 *   /sys/block/<disk>            -> ../devices/<path>
 *
 * <path> follows Linux's placement: a device without a parent sits at
 * /sys/devices/<name>, or in /sys/devices/virtual/<class>/ when it has a
 * class; a class device whose parent has no class sits in a directory
 * named after its class under the parent (.../virtio1/block/vda); any
 * other device sits directly under its parent (.../block/vda/vda1).
 * The model makes those intermediate directories itself ("glue"
 * devices: no class, no bus, no number, no files).
 *
 * The model sits below the file systems: it depends on core/ only. The
 * VFS's character device table (fs/vfs/chrdev.c) registers a device for
 * each named character device with a class, and sysfs reads the model;
 * the model never calls into fs/. Devices are never removed yet (no
 * hotplug): pointers handed out stay valid.
 */
#ifndef DRIVERS_DEVICE_H
#define DRIVERS_DEVICE_H

#include <core/list.h>
#include <core/types.h>
#include <fs/uapi.h>

#define DEVICE_NAME_MAX	32

struct device;

/*
 * An extra file in a device's sysfs directory ("size", "vendor"): mode
 * 0444, or 0644 when it has store().
 */
struct device_attr {
	const char *name;	/* NULL ends a table */
	/* The file's text into buf (size bytes): its length or -errno. */
	ssize_t (*show)(struct device *dev, char *buf, size_t size);
	/* Optional: the bytes of one write(2); len or -errno. */
	ssize_t (*store)(struct device *dev, const char *buf, size_t len);
};

struct device {
	/* Set by the owner before device_register(). */
	char name[DEVICE_NAME_MAX];	/* directory name; no '/' */
	const char *class;	/* "mem", "tty", "misc", "block", or NULL */
	const char *bus;	/* "pci", "virtio", "platform", or NULL */
	const char *type;	/* uevent DEVTYPE ("disk", "partition"), or NULL */
	kdev_t devt;		/* number of its /dev node, or 0 for none */
	const char *devname;	/* node path under /dev when not name ("net/tun") */
	uint32_t devmode;	/* uevent DEVMODE (node permissions), 0: none */
	struct device *parent;	/* NULL: a root or virtual device */
	const struct device_attr *attrs;	/* extra files, or NULL */
	void *driver_data;

	/* The model's. */
	struct device *dir;	/* the device whose directory holds it */
	uint64_t seq;		/* registration order, from 1 */
	unsigned int flags;	/* DEVICE_F_* */
	struct list_head link;	/* all devices, in registration order */
};

#define DEVICE_F_GLUE	0x1	/* a directory the model made: no files */

/*
 * Adds dev (caller-owned, lives forever) to the model, and its class or
 * bus to the lists of classes and buses. Returns 0, -EINVAL (empty name,
 * a '/' in it, or both a class and a bus), -EEXIST (the same name in the
 * same directory, or a device number already taken), -ENOMEM.
 */
int device_register(struct device *dev);

/*
 * Iteration in registration order, glue directories included: the first
 * device whose seq is at least *cursor (start with 0), or NULL; moves
 * *cursor past it. Safe against devices registered meanwhile.
 */
struct device *device_next(uint64_t *cursor);

/* The device called (name, len) in dir's directory (NULL: /sys/devices). */
struct device *device_find_child(const struct device *dir, const char *name,
				 size_t len);

/* The device with number devt in the block (or else char) space, or NULL. */
struct device *device_find_devt(kdev_t devt, bool block);

/* True for a device of class "block" (its node is S_IFBLK). */
bool device_is_block(const struct device *dev);

/*
 * The device's path below /sys/devices ("virtual/mem/null") into buf,
 * NUL-terminated: its length, or -ENAMETOOLONG.
 */
int device_path(const struct device *dev, char *buf, size_t len);

/* How many directories deep dev is below /sys/devices (1 for a root). */
int device_depth(const struct device *dev);

/*
 * Classes and buses: the names /sys/class and /sys/bus list, in order of
 * registration. device_register() adds its device's; a subsystem with no
 * devices yet registers itself. Names are static strings.
 */
struct dev_subsys {
	const char *name;
	bool bus;
	uint64_t seq;
	struct list_head link;
};

/* Idempotent: 0, or -ENOMEM. */
int class_register(const char *name);
int bus_register(const char *name);

/* The first class (bus true: bus) with seq >= *cursor, moving *cursor. */
const struct dev_subsys *subsys_next(bool bus, uint64_t *cursor);
const struct dev_subsys *subsys_find(bool bus, const char *name, size_t len);

#endif /* DRIVERS_DEVICE_H */
