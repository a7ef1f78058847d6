/*
 * ppoll(2) (and, through legacy_poll.c, x86_64's poll(2)): scans an
 * array of struct pollfd, sleeping on every file's queues until one is
 * ready, the time-out passes or a signal comes (-ERESTARTNOHAND: EINTR
 * after a handler, a restart otherwise).
 */
#include "sys_poll.h"

#include "poll_internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/signal.h>
#include <core/slab.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

struct pollfd {
	int fd;
	short events;
	short revents;
};

struct pollfds {
	struct pollfd *fds;
	unsigned int nfds;
};

/* One scan of every pollfd; returns how many have events. */
static long scan(void *arg, struct poll_table *pt, struct poll_wqueues *pw)
{
	struct pollfd *fds = ((struct pollfds *)arg)->fds;
	unsigned int nfds = ((struct pollfds *)arg)->nfds;
	int count = 0;

	for (unsigned int i = 0; i < nfds; i++) {
		struct pollfd *p = &fds[i];
		unsigned int mask;
		struct file *file;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		file = fd_get(p->fd);
		if (!file) {
			p->revents = POLLNVAL;
			count++;
			continue;
		}
		pw->file = file;
		mask = vfs_poll(file, pt);
		fput(file);
		mask &= (unsigned short)p->events | POLLERR | POLLHUP;
		p->revents = (short)mask;
		if (mask)
			count++;
	}
	return count;
}

long do_sys_poll(void *ufds, unsigned int nfds, uint64_t deadline)
{
	struct pollfd *fds = NULL;
	size_t size = (size_t)nfds * sizeof(*fds);
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds) {
		fds = kmalloc(size);
		if (!fds)
			return -ENOMEM;
		if (copy_from_user(fds, ufds, size)) {
			kfree(fds);
			return -EFAULT;
		}
	}
	ret = poll_loop(scan, &(struct pollfds){ fds, nfds }, deadline);
	if (ret >= 0 && nfds && copy_to_user(ufds, fds, size))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

long sys_ppoll(void *ufds, unsigned int nfds,
	       const struct ktimespec *utmo, const void *usigmask,
	       size_t sigsetsize)
{
	uint64_t deadline;
	long ret;

	ret = poll_get_timespec(utmo, &deadline);
	if (ret)
		return ret;
	ret = poll_sigmask_set(usigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, deadline);
	poll_sigmask_done(usigmask, ret);
	poll_put_timespec((struct ktimespec *)utmo, deadline);
	return ret;
}
