/*
 * The directories of symlinks into /sys/devices, each a view of the
 * device model:
 *
 *   /sys/class/<class>/<name>      -> ../../devices/<path>
 *   /sys/bus/<bus>/devices/<name>  -> ../../../devices/<path>
 *   /sys/bus/<bus>/drivers/        (empty: no driver binding yet)
 *   /sys/dev/char/M:m, block/M:m   -> ../../devices/<path>
 *   /sys/block/<disk>              -> ../devices/<path> (not partitions)
 *
 * A view is a filter over the model's devices, the name it gives them
 * and the link entry (whose target depends on how deep the view is).
 */
#include "sysfs.h"

#include <core/errno.h>
#include <core/string.h>

struct view {
	bool (*match)(const struct device *d, const struct dev_subsys *s);
	bool numbers;		/* named "M:m" rather than by name */
	const struct pseudo_entry *link;
};

static const struct dev_subsys *to_subsys(uint64_t data)
{
	return (const struct dev_subsys *)(uintptr_t)data;
}

static bool real(const struct device *d)
{
	return !(d->flags & DEVICE_F_GLUE);
}

static bool in_class(const struct device *d, const struct dev_subsys *s)
{
	return real(d) && d->class && !strcmp(d->class, s->name);
}

static bool on_bus(const struct device *d, const struct dev_subsys *s)
{
	return real(d) && d->bus && !strcmp(d->bus, s->name);
}

static bool char_node(const struct device *d, const struct dev_subsys *s)
{
	return real(d) && d->devt && !device_is_block(d);
}

static bool block_node(const struct device *d, const struct dev_subsys *s)
{
	return real(d) && d->devt && device_is_block(d);
}

/* A disk: a block device that is not a partition of another. */
static bool disk(const struct device *d, const struct dev_subsys *s)
{
	return real(d) && device_is_block(d) &&
	       !(d->parent && device_is_block(d->parent));
}

static int link_up1(uint64_t data, char *buf, size_t len)
{
	return sysfs_device_link(to_dev(data), 1, buf, len);
}

static int link_up2(uint64_t data, char *buf, size_t len)
{
	return sysfs_device_link(to_dev(data), 2, buf, len);
}

static int link_up3(uint64_t data, char *buf, size_t len)
{
	return sysfs_device_link(to_dev(data), 3, buf, len);
}

static const struct pseudo_entry dev_link1 = {
	.name = "link", .mode = S_IFLNK | 0777, .link = link_up1,
};

static const struct pseudo_entry dev_link2 = {
	.name = "link", .mode = S_IFLNK | 0777, .link = link_up2,
};

/* The same targets as dev_link2, but another inode number. */
static const struct pseudo_entry num_link2 = {
	.name = "link", .mode = S_IFLNK | 0777, .link = link_up2,
};

static const struct pseudo_entry dev_link3 = {
	.name = "link", .mode = S_IFLNK | 0777, .link = link_up3,
};

static int name_of(const struct view *v, const struct device *d, char *buf,
		   size_t len)
{
	int n;

	if (!v->numbers)
		n = strlcpy(buf, d->name, len);
	else
		n = snprintf(buf, len, "%u:%u", MAJOR(d->devt),
			     MINOR(d->devt));
	return n >= 0 && (size_t)n < len ? n : -ENAMETOOLONG;
}

static int view_lookup(const struct view *v, uint64_t dir, const char *name,
		       size_t len, struct pseudo_node *out)
{
	char buf[DEVICE_NAME_MAX];
	uint64_t cursor = 0;
	struct device *d;

	while ((d = device_next(&cursor))) {
		if (!v->match(d, to_subsys(dir)) ||
		    name_of(v, d, buf, sizeof(buf)) != (int)len ||
		    memcmp(buf, name, len))
			continue;
		out->entry = v->link;
		out->data = dev_data(d);
		return 0;
	}
	return -ENOENT;
}

static int view_next(const struct view *v, uint64_t dir, uint64_t *cursor,
		     char *name, size_t namelen, struct pseudo_node *out)
{
	struct device *d;

	while ((d = device_next(cursor))) {
		if (!v->match(d, to_subsys(dir)))
			continue;
		out->entry = v->link;
		out->data = dev_data(d);
		return name_of(v, d, name, namelen);
	}
	return 0;
}

/*
 * One dir_ops table per view (the callbacks know only the dir's data),
 * static or not as scope says.
 */
#define VIEW_OPS(scope, ops, ...)					\
	static const struct view ops##_view = { __VA_ARGS__ };		\
	static int ops##_lookup(uint64_t dir, const char *name,		\
				size_t len, struct pseudo_node *out)	\
	{								\
		return view_lookup(&ops##_view, dir, name, len, out);	\
	}								\
	static int ops##_next(uint64_t dir, uint64_t *cursor,		\
			      char *name, size_t namelen,		\
			      struct pseudo_node *out)			\
	{								\
		return view_next(&ops##_view, dir, cursor, name,	\
				 namelen, out);				\
	}								\
	scope const struct pseudo_dir_ops ops = {			\
		.lookup = ops##_lookup, .next = ops##_next,		\
	}

VIEW_OPS(static, class_members, .match = in_class, .link = &dev_link2);
VIEW_OPS(static, bus_members, .match = on_bus, .link = &dev_link3);
VIEW_OPS(static, char_numbers, .match = char_node, .numbers = true,
	 .link = &num_link2);
VIEW_OPS(static, block_numbers, .match = block_node, .numbers = true,
	 .link = &num_link2);
VIEW_OPS(, sysfs_disks_ops, .match = disk, .link = &dev_link1);

/* --- /sys/class and /sys/bus: one directory per subsystem ------------- */

static int subsys_lookup(bool bus, const struct pseudo_entry *e,
			 const char *name, size_t len, struct pseudo_node *out)
{
	const struct dev_subsys *s = subsys_find(bus, name, len);

	if (!s)
		return -ENOENT;
	out->entry = e;
	out->data = (uint64_t)(uintptr_t)s;
	return 0;
}

static int subsys_list(bool bus, const struct pseudo_entry *e,
		       uint64_t *cursor, char *name, size_t namelen,
		       struct pseudo_node *out)
{
	const struct dev_subsys *s = subsys_next(bus, cursor);
	size_t n;

	if (!s)
		return 0;
	n = strlcpy(name, s->name, namelen);
	if (n >= namelen)
		return -ENAMETOOLONG;
	out->entry = e;
	out->data = (uint64_t)(uintptr_t)s;
	return n;
}

static const struct pseudo_entry class_dir = {
	.name = "class", .mode = S_IFDIR | 0755, .dir_ops = &class_members,
};

static int classes_lookup(uint64_t dir, const char *name, size_t len,
			  struct pseudo_node *out)
{
	return subsys_lookup(false, &class_dir, name, len, out);
}

static int classes_next(uint64_t dir, uint64_t *cursor, char *name,
			size_t namelen, struct pseudo_node *out)
{
	return subsys_list(false, &class_dir, cursor, name, namelen, out);
}

const struct pseudo_dir_ops sysfs_classes_ops = {
	.lookup = classes_lookup, .next = classes_next,
};

static const struct pseudo_entry bus_files[] = {
	{ .name = "devices", .mode = S_IFDIR | 0755, .dir_ops = &bus_members },
	{ .name = "drivers", .mode = S_IFDIR | 0755 },
	{ .name = NULL },
};

static const struct pseudo_entry bus_dir = {
	.name = "bus", .mode = S_IFDIR | 0755, .children = bus_files,
};

static int buses_lookup(uint64_t dir, const char *name, size_t len,
			struct pseudo_node *out)
{
	return subsys_lookup(true, &bus_dir, name, len, out);
}

static int buses_next(uint64_t dir, uint64_t *cursor, char *name,
		      size_t namelen, struct pseudo_node *out)
{
	return subsys_list(true, &bus_dir, cursor, name, namelen, out);
}

const struct pseudo_dir_ops sysfs_buses_ops = {
	.lookup = buses_lookup, .next = buses_next,
};

/* --- /sys/dev --------------------------------------------------------- */

const struct pseudo_entry sysfs_dev_dirs[] = {
	{ .name = "block", .mode = S_IFDIR | 0755, .dir_ops = &block_numbers },
	{ .name = "char", .mode = S_IFDIR | 0755, .dir_ops = &char_numbers },
	{ .name = NULL },
};
