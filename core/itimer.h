/*
 * Interval timers (core/sys_itimer.c), shared with the x86_64 legacy
 * alarm() (core/legacy_time.c). Private to core/.
 */
#ifndef CORE_ITIMER_H
#define CORE_ITIMER_H

#include <core/time.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct kitimerval {
	struct ktimeval it_interval;
	struct ktimeval it_value;
};

/*
 * Arms (or with a zero value disarms) timer which of the current
 * process and stores the previous setting in *old when old is not NULL.
 * Values are checked by the caller. Returns 0 or -EINVAL (bad which).
 */
int itimer_set(int which, const struct kitimerval *val,
	       struct kitimerval *old);

#endif /* CORE_ITIMER_H */
