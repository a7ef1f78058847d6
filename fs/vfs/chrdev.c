/*
 * The character device table (see <fs/chrdev.h>): a list, in registration
 * order, of device numbers and the file ops that serve them.
 */
#include <fs/chrdev.h>

static struct list_head chrdevs = LIST_HEAD_INIT(chrdevs);

const struct chrdev *chrdev_find(kdev_t dev)
{
	for (struct list_head *p = chrdevs.next; p != &chrdevs; p = p->next) {
		struct chrdev *c = list_entry(p, struct chrdev, link);

		if (c->dev == dev)
			return c;
	}
	return NULL;
}

int chrdev_register(struct chrdev *cdev)
{
	if (chrdev_find(cdev->dev))
		return -EBUSY;
	list_add_tail(&cdev->link, &chrdevs);
	return 0;
}

void chrdev_for_each(void (*fn)(const struct chrdev *cdev, void *arg),
		     void *arg)
{
	for (struct list_head *p = chrdevs.next; p != &chrdevs; p = p->next)
		fn(list_entry(p, struct chrdev, link), arg);
}
