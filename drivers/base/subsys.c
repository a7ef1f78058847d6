/*
 * The classes and buses of the device model (<drivers/device.h>): the
 * names /sys/class and /sys/bus list, each recorded once, in order of
 * registration. A subsystem is registered by its first device or by its
 * driver at start-up, and never removed.
 */
#include <drivers/device.h>

#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>

static struct list_head subsystems = LIST_HEAD_INIT(subsystems);
static struct mutex subsys_lock = MUTEX_INIT(subsys_lock);
static uint64_t next_seq = 1;

/* Caller holds subsys_lock. */
static struct dev_subsys *find(bool bus, const char *name, size_t len)
{
	struct dev_subsys *s;

	list_for_each_entry(s, &subsystems, link)
		if (s->bus == bus && strlen(s->name) == len &&
		    !memcmp(s->name, name, len))
			return s;
	return NULL;
}

static int subsys_register(bool bus, const char *name)
{
	struct dev_subsys *s;
	int err = 0;

	if (!*name || strchr(name, '/'))
		return -EINVAL;
	mutex_lock(&subsys_lock);
	if (find(bus, name, strlen(name)))
		goto out_unlock;
	s = kzalloc(sizeof(*s));
	if (!s) {
		err = -ENOMEM;
		goto out_unlock;
	}
	s->name = name;
	s->bus = bus;
	s->seq = next_seq++;
	list_add_tail(&s->link, &subsystems);
out_unlock:
	mutex_unlock(&subsys_lock);
	return err;
}

int class_register(const char *name)
{
	return subsys_register(false, name);
}

int bus_register(const char *name)
{
	return subsys_register(true, name);
}

const struct dev_subsys *subsys_next(bool bus, uint64_t *cursor)
{
	struct dev_subsys *s, *found = NULL;

	mutex_lock(&subsys_lock);
	list_for_each_entry(s, &subsystems, link) {
		if (s->bus == bus && s->seq >= *cursor) {
			found = s;
			*cursor = s->seq + 1;
			break;
		}
	}
	mutex_unlock(&subsys_lock);
	return found;
}

const struct dev_subsys *subsys_find(bool bus, const char *name, size_t len)
{
	struct dev_subsys *s;

	mutex_lock(&subsys_lock);
	s = find(bus, name, len);
	mutex_unlock(&subsys_lock);
	return s;
}
