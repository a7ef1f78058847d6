/*
 * The epoll syscalls: epoll_create1, epoll_ctl, epoll_pwait and
 * epoll_pwait2 (x86_64's epoll_create and epoll_wait are in
 * legacy_epoll.c). The epoll object itself is epoll.c.
 */
#include "epoll.h"

#include "epoll_event.h"
#include "poll_internal.h"

#include <core/errno.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define EPOLL_CLOEXEC	O_CLOEXEC
/* Linux's EP_MAX_EVENTS: the array must fit in INT_MAX bytes. */
#define EP_MAX_EVENTS(size)	(0x7fffffff / (int)(size))

long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, const void *uevent);
long sys_epoll_pwait(int epfd, void *uevents, int maxevents, int timeout,
		     const void *usigmask, size_t sigsetsize);
long sys_epoll_pwait2(int epfd, void *uevents, int maxevents,
		      const struct ktimespec *utmo, const void *usigmask,
		      size_t sigsetsize);

long sys_epoll_create1(int flags)
{
	struct file *file;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	file = epoll_file_create();
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = fd_install(file, flags & EPOLL_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_epoll_ctl(int epfd, int op, int fd, const void *uevent)
{
	bool packed = EPOLL_EVENT_PACKED;
	char buf[EPOLL_EVENT_SIZE_ALIGNED];
	struct file *epfile, *tfile;
	uint32_t events = 0;
	uint64_t data = 0;
	long ret;

	if (op != EPOLL_CTL_DEL) {
		if (copy_from_user(buf, uevent, epoll_event_size(packed)))
			return -EFAULT;
		epoll_event_decode(buf, packed, &events, &data);
	}
	epfile = fd_get(epfd);
	if (!epfile)
		return -EBADF;
	tfile = fd_get(fd);
	if (!tfile) {
		ret = -EBADF;
		goto out_ep;
	}
	ret = epoll_ctl_file(epfile, op, tfile, fd, events, data);
	fput(tfile);
out_ep:
	fput(epfile);
	return ret;
}

static long do_epoll_wait(int epfd, void *uevents, int maxevents,
			  uint64_t deadline)
{
	struct file *epfile;
	long ret;

	if (maxevents <= 0 ||
	    maxevents > EP_MAX_EVENTS(epoll_event_size(EPOLL_EVENT_PACKED)))
		return -EINVAL;
	epfile = fd_get(epfd);
	if (!epfile)
		return -EBADF;
	ret = -EINVAL;
	if (file_is_epoll(epfile))
		ret = epoll_wait_file(epfile, uevents, maxevents, deadline);
	fput(epfile);
	return ret;
}

static uint64_t ms_deadline(int timeout)
{
	uint64_t deadline = POLL_INFINITE;

	if (timeout >= 0)
		poll_deadline(timeout / 1000, (int64_t)(timeout % 1000) * 1000000,
			      &deadline);
	return deadline;
}

long sys_epoll_pwait(int epfd, void *uevents, int maxevents, int timeout,
		     const void *usigmask, size_t sigsetsize)
{
	long ret = poll_sigmask_set(usigmask, sigsetsize);

	if (ret)
		return ret;
	ret = do_epoll_wait(epfd, uevents, maxevents, ms_deadline(timeout));
	poll_sigmask_done(usigmask, ret);
	return ret;
}

long sys_epoll_pwait2(int epfd, void *uevents, int maxevents,
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
	ret = do_epoll_wait(epfd, uevents, maxevents, deadline);
	poll_sigmask_done(usigmask, ret);
	return ret;
}
