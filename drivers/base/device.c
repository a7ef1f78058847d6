/*
 * The device tree of the model (<drivers/device.h>): registration, the
 * placement of a device in the /sys/devices hierarchy (with the glue
 * directories Linux makes: virtual/<class>, <parent>/<class>), lookups
 * by name and number, and paths.
 *
 * All devices, glue ones included, sit on one list in registration order
 * under one mutex; a device's directory always comes before it on the
 * list. The lists are short (tens of devices), so lookups are linear.
 */
#define pr_fmt(fmt) "device: " fmt

#include <drivers/device.h>

#include <core/errno.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>

static struct list_head devices = LIST_HEAD_INIT(devices);
static struct mutex devices_lock = MUTEX_INIT(devices_lock);
static uint64_t next_seq = 1;

static bool name_is(const struct device *d, const char *name, size_t len)
{
	return strnlen(d->name, DEVICE_NAME_MAX) == len &&
	       !memcmp(d->name, name, len);
}

/* Caller holds devices_lock. */
static struct device *find_child(const struct device *dir, const char *name,
				 size_t len)
{
	struct device *d;

	list_for_each_entry(d, &devices, link)
		if (d->dir == dir && name_is(d, name, len))
			return d;
	return NULL;
}

/* Caller holds devices_lock. */
static void add(struct device *dev, struct device *dir)
{
	dev->dir = dir;
	dev->seq = next_seq++;
	list_add_tail(&dev->link, &devices);
}

/*
 * The glue directory called name in dir, made if missing. Caller holds
 * devices_lock. ERR_PTR(-EEXIST) when a real device has that name.
 */
static struct device *glue(struct device *dir, const char *name)
{
	struct device *g = find_child(dir, name, strlen(name));

	if (g)
		return (g->flags & DEVICE_F_GLUE) ? g : ERR_PTR(-EEXIST);
	g = kzalloc(sizeof(*g));
	if (!g)
		return ERR_PTR(-ENOMEM);
	if (strlcpy(g->name, name, sizeof(g->name)) >= sizeof(g->name)) {
		kfree(g);
		return ERR_PTR(-ENAMETOOLONG);
	}
	g->flags = DEVICE_F_GLUE;
	add(g, dir);
	return g;
}

/* Where Linux puts dev (see the header). Caller holds devices_lock. */
static struct device *placement(struct device *dev)
{
	struct device *virt;

	if (!dev->class)
		return dev->parent;
	if (dev->parent && dev->parent->class)
		return dev->parent;
	if (dev->parent)
		return glue(dev->parent, dev->class);
	virt = glue(NULL, "virtual");
	return IS_ERR(virt) ? virt : glue(virt, dev->class);
}

bool device_is_block(const struct device *dev)
{
	return dev->class && !strcmp(dev->class, "block");
}

/* Caller holds devices_lock. */
static struct device *find_devt(kdev_t devt, bool block)
{
	struct device *d;

	list_for_each_entry(d, &devices, link)
		if (d->devt == devt && !(d->flags & DEVICE_F_GLUE) &&
		    device_is_block(d) == block)
			return d;
	return NULL;
}

int device_register(struct device *dev)
{
	size_t len = strnlen(dev->name, DEVICE_NAME_MAX);
	struct device *dir;
	int err;

	if (!len || len == DEVICE_NAME_MAX || memchr(dev->name, '/', len) ||
	    (dev->class && dev->bus))
		return -EINVAL;
	err = dev->class ? class_register(dev->class) : 0;
	if (!err && dev->bus)
		err = bus_register(dev->bus);
	if (err)
		return err;

	mutex_lock(&devices_lock);
	dir = placement(dev);
	if (IS_ERR(dir)) {
		err = PTR_ERR(dir);
		goto out_unlock;
	}
	if (find_child(dir, dev->name, len) ||
	    (dev->devt && find_devt(dev->devt, device_is_block(dev)))) {
		err = -EEXIST;
		goto out_unlock;
	}
	dev->flags = 0;
	add(dev, dir);
out_unlock:
	mutex_unlock(&devices_lock);
	if (err)
		pr_err("cannot register %s: %d\n", dev->name, err);
	return err;
}

struct device *device_next(uint64_t *cursor)
{
	struct device *d, *found = NULL;

	mutex_lock(&devices_lock);
	list_for_each_entry(d, &devices, link) {
		if (d->seq >= *cursor) {
			found = d;
			*cursor = d->seq + 1;
			break;
		}
	}
	mutex_unlock(&devices_lock);
	return found;
}

struct device *device_find_child(const struct device *dir, const char *name,
				 size_t len)
{
	struct device *d;

	mutex_lock(&devices_lock);
	d = find_child(dir, name, len);
	mutex_unlock(&devices_lock);
	return d;
}

struct device *device_find_devt(kdev_t devt, bool block)
{
	struct device *d;

	mutex_lock(&devices_lock);
	d = find_devt(devt, block);
	mutex_unlock(&devices_lock);
	return d;
}

/* A device's dir never changes once registered: no lock needed. */
int device_depth(const struct device *dev)
{
	int depth = 0;

	for (; dev; dev = dev->dir)
		depth++;
	return depth;
}

int device_path(const struct device *dev, char *buf, size_t len)
{
	size_t end = len, total = 0;

	if (!len)
		return -ENAMETOOLONG;
	/* Built from the end of buf, then moved to its start. */
	for (const struct device *d = dev; d; d = d->dir) {
		size_t n = strnlen(d->name, DEVICE_NAME_MAX);
		size_t need = n + (d != dev);

		if (need + 1 > end)
			return -ENAMETOOLONG;
		if (d != dev)
			buf[--end] = '/';
		end -= n;
		memcpy(buf + end, d->name, n);
		total += need;
	}
	memmove(buf, buf + end, total);
	buf[total] = '\0';
	return total;
}
