/*
 * Time-outs and temporary signal masks of the waiting syscalls (poll,
 * ppoll, select, pselect6, epoll_pwait): user timespec/timeval in,
 * monotonic deadlines inside, the time left written back out as Linux
 * does for select, pselect6 and ppoll.
 */
#include "poll_internal.h"

#include <core/errno.h>
#include <core/signal.h>
#include <core/time.h>
#include <core/uaccess.h>

int poll_deadline(int64_t sec, int64_t nsec, uint64_t *deadline)
{
	uint64_t now = clock_ns(), rel;

	if (sec < 0 || nsec < 0 || nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	if ((uint64_t)sec >= (POLL_INFINITE - now) / NSEC_PER_SEC) {
		*deadline = POLL_INFINITE;
		return 0;
	}
	rel = (uint64_t)sec * NSEC_PER_SEC + (uint64_t)nsec;
	*deadline = now + rel;
	return 0;
}

uint64_t poll_remaining(uint64_t deadline)
{
	uint64_t now = clock_ns();

	return deadline > now ? deadline - now : 0;
}

int poll_get_timespec(const struct ktimespec *uts, uint64_t *deadline)
{
	struct ktimespec ts;

	if (!uts) {
		*deadline = POLL_INFINITE;
		return 0;
	}
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	return poll_deadline(ts.tv_sec, ts.tv_nsec, deadline);
}

void poll_put_timespec(struct ktimespec *uts, uint64_t deadline)
{
	uint64_t left = poll_remaining(deadline);
	struct ktimespec ts = {
		.tv_sec = (int64_t)(left / NSEC_PER_SEC),
		.tv_nsec = (int64_t)(left % NSEC_PER_SEC),
	};

	if (uts && deadline != POLL_INFINITE)
		(void)copy_to_user(uts, &ts, sizeof(ts));
}

void poll_put_timeval(struct ktimeval *utv, uint64_t deadline)
{
	uint64_t left = poll_remaining(deadline);
	struct ktimeval tv = {
		.tv_sec = (int64_t)(left / NSEC_PER_SEC),
		.tv_usec = (int64_t)(left % NSEC_PER_SEC / 1000),
	};

	if (utv && deadline != POLL_INFINITE)
		(void)copy_to_user(utv, &tv, sizeof(tv));
}

int poll_sigmask_set(const void *umask, size_t size)
{
	ksigset_t mask;

	if (!umask)
		return 0;
	if (size != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_temporary_sigmask(mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP)));
	return 0;
}

void poll_sigmask_done(const void *umask, long ret)
{
	if (!umask)
		return;
	if (ret == -EINTR || ret == -ERESTARTNOHAND || ret == -ERESTARTSYS ||
	    ret == -ERESTART_RESTARTBLOCK)
		return;
	restore_temporary_sigmask();
}
