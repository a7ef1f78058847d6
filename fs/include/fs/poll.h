/*
 * Readiness of files, for poll, select and epoll (fs/poll/). A file's
 * ->poll op returns the POLL* events that hold now and, when pt is not
 * NULL, registers the caller on every wait queue whose wake_up() may
 * change them (poll_wait()). A file without ->poll is always ready for
 * reading and writing, as regular files in Linux.
 */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <core/types.h>

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLRDHUP	0x2000

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct file;
struct wait_queue;

struct poll_table {
	/* Adds the polling task to wq (the poll code owns the entries). */
	void (*queue)(struct poll_table *pt, struct wait_queue *wq);
};

static inline void poll_wait(struct file *file, struct wait_queue *wq,
			     struct poll_table *pt)
{
	if (pt && pt->queue)
		pt->queue(pt, wq);
}

/* The events of file now; registers on its queues when pt != NULL. */
unsigned int vfs_poll(struct file *file, struct poll_table *pt);

#endif /* FS_POLL_H */
