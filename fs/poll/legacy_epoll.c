/*
 * x86_64's older epoll calls: epoll_create(size) (size must be positive
 * and is otherwise ignored) and epoll_wait (epoll_pwait without a mask).
 * epoll_ctl_old and epoll_wait_old were never implemented by Linux
 * either: they stay ENOSYS.
 */
#include <core/errno.h>
#include <core/types.h>

long sys_epoll_create1(int flags);
long sys_epoll_pwait(int epfd, void *uevents, int maxevents, int timeout,
		     const void *usigmask, size_t sigsetsize);
long sys_epoll_create(int size);
long sys_epoll_wait(int epfd, void *uevents, int maxevents, int timeout);

long sys_epoll_create(int size)
{
	if (size <= 0)
		return -EINVAL;
	return sys_epoll_create1(0);
}

long sys_epoll_wait(int epfd, void *uevents, int maxevents, int timeout)
{
	return sys_epoll_pwait(epfd, uevents, maxevents, timeout, NULL, 0);
}
