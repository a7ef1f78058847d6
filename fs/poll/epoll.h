/*
 * Private interface between epoll.c (the epoll object) and sys_epoll.c
 * (the syscalls).
 */
#ifndef FS_POLL_EPOLL_H
#define FS_POLL_EPOLL_H

#include <core/types.h>

#define EPOLLIN		0x00000001
#define EPOLLPRI	0x00000002
#define EPOLLOUT	0x00000004
#define EPOLLERR	0x00000008
#define EPOLLHUP	0x00000010
#define EPOLLNVAL	0x00000020
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLMSG	0x00000400
#define EPOLLRDHUP	0x00002000
#define EPOLLEXCLUSIVE	(1U << 28)
#define EPOLLWAKEUP	(1U << 29)
#define EPOLLONESHOT	(1U << 30)
#define EPOLLET		(1U << 31)

#define EPOLL_CTL_ADD	1
#define EPOLL_CTL_DEL	2
#define EPOLL_CTL_MOD	3

struct file;

/* A new epoll file (flags: O_CLOEXEC only matters to the caller). */
struct file *epoll_file_create(void);
bool file_is_epoll(const struct file *file);

/*
 * epoll_ctl on the epoll behind epfile for (tfile, fd); events and data
 * as the user gave them (ignored for DEL). Returns 0 or -EEXIST, -ENOENT,
 * -EINVAL, -ELOOP, -EPERM, -ENOMEM.
 */
int epoll_ctl_file(struct file *epfile, int op, struct file *tfile, int fd,
		   uint32_t events, uint64_t data);

/*
 * Waits for events until deadline (<poll_internal.h>) and writes up to
 * maxevents of them to the user array uevents. Returns their count, 0
 * at the deadline, -EINTR on a signal (epoll_wait is never restarted) or
 * -EFAULT.
 */
long epoll_wait_file(struct file *epfile, void *uevents, int maxevents,
		     uint64_t deadline);

#endif /* FS_POLL_EPOLL_H */
