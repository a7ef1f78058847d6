/*
 * select(2), x86_64's older form of pselect6: a struct timeval time-out
 * (microseconds past a second carry over, as Linux), updated with the
 * time left, and no signal mask.
 */
#include "sys_poll.h"

#include "poll_internal.h"

#include <core/errno.h>
#include <core/uaccess.h>

long sys_select(int n, void *inp, void *outp, void *exp,
		struct ktimeval *utv)
{
	uint64_t deadline = POLL_INFINITE;
	struct ktimeval tv;
	long ret;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_usec < 0)
			return -EINVAL;
		/* Past ~146 years the deadline saturates anyway. */
		if (tv.tv_sec > (int64_t)1 << 32)
			tv.tv_sec = (int64_t)1 << 32;
		ret = poll_deadline(tv.tv_sec + tv.tv_usec / 1000000,
				    tv.tv_usec % 1000000 * 1000, &deadline);
		if (ret)
			return ret;
	}
	ret = do_sys_select(n, inp, outp, exp, deadline);
	poll_put_timeval(utv, deadline);
	return ret;
}
