/*
 * Character devices: a table from device number (major, minor) to the
 * file_ops that serve it. vfs_open() of a S_IFCHR inode looks its i_rdev
 * up here; devtmpfs creates a /dev node for each device registered with a
 * name. A named device with a class also gets its device in the device
 * model (<drivers/device.h>), which sysfs shows and mdev -s reads.
 */
#ifndef FS_CHRDEV_H
#define FS_CHRDEV_H

#include <drivers/device.h>
#include <fs/vfs.h>

struct chrdev {
	const char *name;	/* node name under /dev, or NULL for none */
	kdev_t dev;
	/*
	 * Consecutive minors it serves, from dev's (0 means 1): the pty
	 * slaves 136:0..255 are one registration. The open finds the minor
	 * in the inode's i_rdev.
	 */
	unsigned int minors;
	uint32_t mode;		/* permission bits of the node */
	const struct file_ops *fops;
	/*
	 * The class Linux gives it ("mem", "tty", "misc"...): with a name,
	 * chrdev_register() adds .device to the device model, so that it
	 * appears as /sys/class/<class>/<name>. NULL: not in the model.
	 */
	const char *class;
	struct device device;	/* filled by chrdev_register(); a driver
				   may set .device.parent before it */
	struct list_head link;
};

/*
 * Adds cdev (caller-owned, static), and its device to the device model.
 * -EBUSY if its number (or a minor of its range) is taken; the model's errors (-EEXIST, -ENOMEM).
 */
int chrdev_register(struct chrdev *cdev);

/* The device whose number (or minor range) holds dev, or NULL. */
const struct chrdev *chrdev_find(kdev_t dev);

/* Calls fn for every registered device, in registration order. */
void chrdev_for_each(void (*fn)(const struct chrdev *cdev, void *arg),
		     void *arg);

#endif /* FS_CHRDEV_H */
