/*
 * futex(2): decodes the operation and its arguments for futex.c.
 * Implemented: WAIT, WAKE, REQUEUE, CMP_REQUEUE, WAIT_BITSET and
 * WAKE_BITSET, with or without FUTEX_PRIVATE_FLAG (the same here), and
 * FUTEX_CLOCK_REALTIME with WAIT_BITSET. The priority-inheritance ops,
 * WAKE_OP and FD answer ENOSYS.
 *
 * Time-outs: WAIT takes a relative time on CLOCK_MONOTONIC, WAIT_BITSET
 * an absolute one on CLOCK_MONOTONIC or (FUTEX_CLOCK_REALTIME)
 * CLOCK_REALTIME. A wait ended by a signal returns -ERESTARTSYS without a
 * time-out and -ERESTART_RESTARTBLOCK with one, as Linux (restarted when
 * no handler runs; EINTR after one).
 */
#include "futex_internal.h"

#include <core/errno.h>
#include <core/time.h>
#include <core/uaccess.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

long sys_futex(uint32_t *uaddr, int op, uint32_t val,
	       const struct ktimespec *utime, uint32_t *uaddr2, uint32_t val3);

/* The monotonic deadline of a wait's time-out (NULL: none). */
static int get_deadline(const struct ktimespec *utime, int cmd, bool realtime,
			uint64_t *deadline)
{
	struct ktimespec ts;
	uint64_t ns, now = clock_ns();
	int64_t rt;

	*deadline = FUTEX_INFINITE;
	if (!utime)
		return 0;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
	    ts.tv_nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	if ((uint64_t)ts.tv_sec >= (FUTEX_INFINITE / 2) / NSEC_PER_SEC)
		return 0;	/* centuries away: never */
	ns = (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	if (cmd == FUTEX_WAIT) {
		*deadline = now + ns;
	} else if (realtime) {
		rt = clock_realtime_ns();
		*deadline = (int64_t)ns <= rt ? now : now + (ns - (uint64_t)rt);
	} else {
		*deadline = ns;
	}
	return 0;
}

long sys_futex(uint32_t *uaddr, int op, uint32_t val,
	       const struct ktimespec *utime, uint32_t *uaddr2, uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	uint32_t bitset = FUTEX_BITSET_MATCH_ANY;
	uint64_t deadline;
	long ret;

	if (realtime && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT_BITSET:
		bitset = val3;
		/* fallthrough */
	case FUTEX_WAIT:
		if (!bitset)
			return -EINVAL;
		ret = get_deadline(utime, cmd, realtime, &deadline);
		if (ret)
			return ret;
		ret = futex_wait(uaddr, val, bitset, deadline);
		if (ret == -EINTR)
			ret = utime ? -ERESTART_RESTARTBLOCK : -ERESTARTSYS;
		return ret;
	case FUTEX_WAKE_BITSET:
		bitset = val3;
		/* fallthrough */
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)val, bitset);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* The fourth argument is nr_requeue, not a time. */
		return futex_requeue(uaddr, uaddr2, (int)val,
				     (int)(uintptr_t)utime,
				     cmd == FUTEX_CMP_REQUEUE, val3);
	default:
		return -ENOSYS;
	}
}
