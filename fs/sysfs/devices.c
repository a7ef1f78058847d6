/*
 * /sys/devices: one directory per device of the model, where the model
 * placed it (virtual/mem/null, pci0000:00/0000:00:04.0/virtio1/block/vda).
 * A device's directory holds
 *
 *   dev        "M:m\n", when the device has a node
 *   uevent     MAJOR, MINOR, DEVNAME (with a node), DEVMODE, DEVTYPE
 *   subsystem  -> ../../../../class/<class> (or bus/<bus>)
 *   the driver's extra files (struct device_attr), then its children.
 *
 * Glue directories (virtual, virtual/mem) hold only their children.
 */
#include "sysfs.h"

#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>

/* Dynamic cursors: extra files count from 0, child devices from here. */
#define CHILD_BASE	(1ULL << 32)

static bool has_devt(uint64_t data)
{
	return to_dev(data)->devt != 0;
}

static bool not_glue(uint64_t data)
{
	return !(to_dev(data)->flags & DEVICE_F_GLUE);
}

static bool has_subsys(uint64_t data)
{
	return to_dev(data)->class || to_dev(data)->bus;
}

static int show_dev(struct seq_buf *s, uint64_t data)
{
	kdev_t devt = to_dev(data)->devt;

	seq_printf(s, "%u:%u\n", MAJOR(devt), MINOR(devt));
	return 0;
}

/* The variables in Linux's order (drivers/base/core.c dev_uevent()). */
static int show_uevent(struct seq_buf *s, uint64_t data)
{
	const struct device *dev = to_dev(data);

	if (dev->devt) {
		seq_printf(s, "MAJOR=%u\nMINOR=%u\nDEVNAME=%s\n",
			   MAJOR(dev->devt), MINOR(dev->devt),
			   dev->devname ? dev->devname : dev->name);
		if (dev->devmode)
			seq_printf(s, "DEVMODE=%04o\n", dev->devmode & 07777);
	}
	if (dev->type)
		seq_printf(s, "DEVTYPE=%s\n", dev->type);
	return 0;
}

/*
 * Writing an action ("add") asks Linux to send that uevent again. There
 * is no uevent channel (netlink, hotplug helper) to send it on yet.
 */
static ssize_t store_uevent(uint64_t data, const char *buf, size_t len)
{
	return -ENOSYS;
}

/* "../" n times into buf at *pos. */
static int ups(char *buf, size_t len, size_t *pos, int n)
{
	for (; n > 0; n--) {
		if (*pos + 3 >= len)
			return -ENAMETOOLONG;
		memcpy(buf + *pos, "../", 3);
		*pos += 3;
	}
	return 0;
}

static int subsystem_link(uint64_t data, char *buf, size_t len)
{
	const struct device *dev = to_dev(data);
	size_t pos = 0;
	int err, n;

	/* Up out of the device's directories and out of devices/. */
	err = ups(buf, len, &pos, device_depth(dev) + 1);
	if (err)
		return err;
	n = snprintf(buf + pos, len - pos, "%s/%s",
		     dev->class ? "class" : "bus",
		     dev->class ? dev->class : dev->bus);
	return n < 0 || (size_t)n >= len - pos ? -ENAMETOOLONG : 0;
}

int sysfs_device_link(const struct device *dev, int n, char *buf, size_t len)
{
	size_t pos = 0;
	int err = ups(buf, len, &pos, n);

	if (err)
		return err;
	if (pos + sizeof("devices/") > len)
		return -ENAMETOOLONG;
	memcpy(buf + pos, "devices/", 8);
	pos += 8;
	err = device_path(dev, buf + pos, len - pos);
	return err < 0 ? err : 0;
}

/*
 * A driver's extra file is the pair (device, attribute): one record per
 * pair looked at, kept for the device's life (devices are never removed).
 */
struct sysfs_attr {
	struct device *dev;
	const struct device_attr *attr;
	struct list_head link;
};

static struct list_head attrs = LIST_HEAD_INIT(attrs);
static struct mutex attrs_lock = MUTEX_INIT(attrs_lock);

static struct sysfs_attr *attr_of(struct device *dev,
				  const struct device_attr *attr)
{
	struct sysfs_attr *a;

	mutex_lock(&attrs_lock);
	list_for_each_entry(a, &attrs, link)
		if (a->dev == dev && a->attr == attr)
			goto out_unlock;
	a = kzalloc(sizeof(*a));
	if (a) {
		a->dev = dev;
		a->attr = attr;
		list_add_tail(&a->link, &attrs);
	}
out_unlock:
	mutex_unlock(&attrs_lock);
	return a;
}

static struct sysfs_attr *to_attr(uint64_t data)
{
	return (struct sysfs_attr *)(uintptr_t)data;
}

/* show() writes into the seq_buf's room; too long: the library retries. */
static int show_attr(struct seq_buf *s, uint64_t data)
{
	struct sysfs_attr *a = to_attr(data);
	size_t room = s->size - s->len;
	ssize_t n = a->attr->show(a->dev, s->buf + s->len, room);

	if (n < 0)
		return n;
	if ((size_t)n >= room)
		s->overflow = true;
	else
		s->len += n;
	return 0;
}

static ssize_t store_attr(uint64_t data, const char *buf, size_t len)
{
	struct sysfs_attr *a = to_attr(data);

	return a->attr->store(a->dev, buf, len);
}

static const struct pseudo_entry attr_ro = {
	.name = "attr", .mode = S_IFREG | 0444, .show = show_attr,
};

static const struct pseudo_entry attr_rw = {
	.name = "attr", .mode = S_IFREG | 0644, .show = show_attr,
	.store = store_attr,
};

static const struct pseudo_entry device_files[] = {
	{ .name = "dev", .mode = S_IFREG | 0444, .show = show_dev,
	  .valid = has_devt },
	{ .name = "uevent", .mode = S_IFREG | 0644, .show = show_uevent,
	  .store = store_uevent, .valid = not_glue },
	{ .name = "subsystem", .mode = S_IFLNK | 0777, .link = subsystem_link,
	  .valid = has_subsys },
	{ .name = NULL },
};

static const struct pseudo_entry device_dir = {
	.name = "device", .mode = S_IFDIR | 0755, .children = device_files,
	.dir_ops = &sysfs_devices_ops,
};

static int attr_node(struct device *dev, const struct device_attr *attr,
		     struct pseudo_node *out)
{
	struct sysfs_attr *a = attr_of(dev, attr);

	if (!a)
		return -ENOMEM;
	out->entry = attr->store ? &attr_rw : &attr_ro;
	out->data = (uint64_t)(uintptr_t)a;
	return 0;
}

static int lookup(uint64_t dir, const char *name, size_t len,
		  struct pseudo_node *out)
{
	struct device *dev = to_dev(dir), *child;

	for (const struct device_attr *at = dev ? dev->attrs : NULL;
	     at && at->name; at++)
		if (strlen(at->name) == len && !memcmp(at->name, name, len))
			return attr_node(dev, at, out);
	child = device_find_child(dev, name, len);
	if (!child)
		return -ENOENT;
	out->entry = &device_dir;
	out->data = dev_data(child);
	return 0;
}

static int put_name(const char *src, char *name, size_t namelen)
{
	size_t n = strlcpy(name, src, namelen);

	return n < namelen ? (int)n : -ENAMETOOLONG;
}

static int next(uint64_t dir, uint64_t *cursor, char *name, size_t namelen,
		struct pseudo_node *out)
{
	struct device *dev = to_dev(dir), *d;
	uint64_t c;
	int err;

	if (*cursor < CHILD_BASE) {
		const struct device_attr *at = dev ? dev->attrs : NULL;

		for (uint64_t i = 0; at && at[i].name; i++) {
			if (i < *cursor)
				continue;
			err = attr_node(dev, &at[i], out);
			if (err)
				return err;
			*cursor = i + 1;
			return put_name(at[i].name, name, namelen);
		}
		*cursor = CHILD_BASE;
	}
	c = *cursor - CHILD_BASE;
	while ((d = device_next(&c)) && d->dir != dev)
		;
	*cursor = CHILD_BASE + c;
	if (!d)
		return 0;
	out->entry = &device_dir;
	out->data = dev_data(d);
	return put_name(d->name, name, namelen);
}

const struct pseudo_dir_ops sysfs_devices_ops = {
	.lookup = lookup,
	.next = next,
};
