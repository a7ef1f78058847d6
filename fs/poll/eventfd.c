/*
 * eventfd2(2): a 64-bit counter behind a file. write() adds to it
 * (blocking while the sum would pass 0xfffffffffffffffe), read() takes it
 * whole (or 1 with EFD_SEMAPHORE), blocking while it is 0. Both move
 * exactly 8 bytes (EINVAL for shorter buffers, as Linux; longer ones use
 * their first 8). poll: POLLIN while the counter is not 0, POLLOUT while
 * at least 1 can be added.
 */
#define pr_fmt(fmt) "eventfd: " fmt

#include <core/errno.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/sync.h>
#include <core/wait.h>
#include <fs/anon_inode.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define EFD_SEMAPHORE	1
#define EFD_CLOEXEC	O_CLOEXEC
#define EFD_NONBLOCK	O_NONBLOCK

#define EVENTFD_MAX	0xfffffffffffffffeULL

struct eventfd {
	struct mutex lock;
	uint64_t count;
	bool semaphore;
	struct wait_queue wq;		/* readers, writers and pollers */
};

long sys_eventfd2(unsigned int initval, int flags);

static ssize_t eventfd_read(struct file *file, void *buf, size_t len,
			    int64_t *pos)
{
	struct eventfd *e = file->private_data;
	uint64_t val;

	if (len < sizeof(val))
		return -EINVAL;
	if (mutex_lock_interruptible(&e->lock))
		return -ERESTARTSYS;
	while (!e->count) {
		mutex_unlock(&e->lock);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(&e->wq, READ_ONCE(e->count)) ||
		    mutex_lock_interruptible(&e->lock))
			return -ERESTARTSYS;
	}
	val = e->semaphore ? 1 : e->count;
	e->count -= val;
	mutex_unlock(&e->lock);
	wake_up(&e->wq);
	*(uint64_t *)buf = val;
	return sizeof(val);
}

static bool room_for(struct eventfd *e, uint64_t val)
{
	return EVENTFD_MAX - READ_ONCE(e->count) >= val;
}

static ssize_t eventfd_write(struct file *file, const void *buf, size_t len,
			     int64_t *pos)
{
	struct eventfd *e = file->private_data;
	uint64_t val;

	if (len < sizeof(val))
		return -EINVAL;
	val = *(const uint64_t *)buf;
	if (val == ~0ULL)
		return -EINVAL;
	if (mutex_lock_interruptible(&e->lock))
		return -ERESTARTSYS;
	while (EVENTFD_MAX - e->count < val) {
		mutex_unlock(&e->lock);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(&e->wq, room_for(e, val)) ||
		    mutex_lock_interruptible(&e->lock))
			return -ERESTARTSYS;
	}
	e->count += val;
	mutex_unlock(&e->lock);
	if (val)
		wake_up(&e->wq);
	return sizeof(val);
}

static unsigned int eventfd_poll(struct file *file, struct poll_table *pt)
{
	struct eventfd *e = file->private_data;
	uint64_t count;
	unsigned int mask = 0;

	poll_wait(file, &e->wq, pt);
	count = READ_ONCE(e->count);
	if (count)
		mask |= POLLIN | POLLRDNORM;
	if (count < EVENTFD_MAX)
		mask |= POLLOUT | POLLWRNORM;
	if (count == ~0ULL)
		mask |= POLLERR;
	return mask;
}

/* As Linux's noop_llseek: the position stays 0. */
static int64_t eventfd_llseek(struct file *file, int64_t offset, int whence)
{
	return file->f_pos;
}

static void eventfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
}

static const struct file_ops eventfd_fops = {
	.read = eventfd_read,
	.write = eventfd_write,
	.poll = eventfd_poll,
	.llseek = eventfd_llseek,
	.release = eventfd_release,
};

long sys_eventfd2(unsigned int initval, int flags)
{
	struct eventfd *e;
	struct file *file;
	int fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	e = kzalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	mutex_init(&e->lock);
	wait_queue_init(&e->wq);
	e->count = initval;
	e->semaphore = flags & EFD_SEMAPHORE;
	file = anon_file_create(&eventfd_fops, e, O_RDWR | (flags & O_NONBLOCK));
	if (IS_ERR(file)) {
		kfree(e);
		return PTR_ERR(file);
	}
	fd = fd_install(file, flags & EFD_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}
