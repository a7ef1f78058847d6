/*
 * Character devices: a table from device number (major, minor) to the
 * file_ops that serve it. vfs_open() of a S_IFCHR inode looks its i_rdev
 * up here; devtmpfs creates a /dev node for each device registered with a
 * name.
 */
#ifndef FS_CHRDEV_H
#define FS_CHRDEV_H

#include <fs/vfs.h>

struct chrdev {
	const char *name;	/* node name under /dev, or NULL for none */
	kdev_t dev;
	uint32_t mode;		/* permission bits of the node */
	const struct file_ops *fops;
	struct list_head link;
};

/* Adds cdev (caller-owned, static). -EBUSY if its number is taken. */
int chrdev_register(struct chrdev *cdev);

/* The device with number dev, or NULL. */
const struct chrdev *chrdev_find(kdev_t dev);

/* Calls fn for every registered device, in registration order. */
void chrdev_for_each(void (*fn)(const struct chrdev *cdev, void *arg),
		     void *arg);

#endif /* FS_CHRDEV_H */
