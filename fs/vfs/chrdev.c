/*
 * The character device table (see <fs/chrdev.h>): a list, in registration
 * order, of device numbers and the file ops that serve them. Registering
 * a named device with a class also adds it to the device model, so that
 * the table, devtmpfs and sysfs name the same devices.
 */
#include <fs/chrdev.h>

#include <core/string.h>

static struct list_head chrdevs = LIST_HEAD_INIT(chrdevs);

/* Whether c's minor range holds a minor of [first, first + n). */
static bool overlaps(const struct chrdev *c, kdev_t first, unsigned int n)
{
	unsigned int cn = c->minors ? c->minors : 1;

	return MAJOR(c->dev) == MAJOR(first) &&
	       MINOR(first) < MINOR(c->dev) + cn &&
	       MINOR(c->dev) < MINOR(first) + n;
}

const struct chrdev *chrdev_find(kdev_t dev)
{
	for (struct list_head *p = chrdevs.next; p != &chrdevs; p = p->next) {
		struct chrdev *c = list_entry(p, struct chrdev, link);

		if (overlaps(c, dev, 1))
			return c;
	}
	return NULL;
}

/*
 * Fills cdev->device from the chrdev: the directory is the node's last
 * component ("net/tun" -> "tun", DEVNAME net/tun); DEVMODE is given when
 * the node's mode is not devtmpfs's default 0600, as Linux's class
 * devnode() callbacks do for mem and tty.
 */
static int add_device(struct chrdev *cdev)
{
	struct device *dev = &cdev->device;
	const char *base = strrchr(cdev->name, '/');

	base = base ? base + 1 : cdev->name;
	if (strlcpy(dev->name, base, sizeof(dev->name)) >= sizeof(dev->name))
		return -ENAMETOOLONG;
	dev->class = cdev->class;
	dev->devt = cdev->dev;
	dev->devname = base != cdev->name ? cdev->name : NULL;
	dev->devmode = (cdev->mode & S_IALLUGO) != 0600 ? cdev->mode : 0;
	return device_register(dev);
}

int chrdev_register(struct chrdev *cdev)
{
	int err;

	for (struct list_head *p = chrdevs.next; p != &chrdevs; p = p->next)
		if (overlaps(list_entry(p, struct chrdev, link), cdev->dev,
			     cdev->minors ? cdev->minors : 1))
			return -EBUSY;
	if (cdev->name && cdev->class) {
		err = add_device(cdev);
		if (err)
			return err;
	}
	list_add_tail(&cdev->link, &chrdevs);
	return 0;
}

void chrdev_for_each(void (*fn)(const struct chrdev *cdev, void *arg),
		     void *arg)
{
	for (struct list_head *p = chrdevs.next; p != &chrdevs; p = p->next)
		fn(list_entry(p, struct chrdev, link), arg);
}
