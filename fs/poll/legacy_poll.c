/*
 * poll(2), x86_64's older form of ppoll: a time-out in milliseconds
 * (negative: none) and no signal mask.
 */
#include "sys_poll.h"

#include "poll_internal.h"

long sys_poll(void *ufds, unsigned int nfds, int timeout_ms)
{
	uint64_t deadline = POLL_INFINITE;

	if (timeout_ms >= 0)
		poll_deadline(timeout_ms / 1000,
			      (int64_t)(timeout_ms % 1000) * 1000000,
			      &deadline);
	return do_sys_poll(ufds, nfds, deadline);
}
