/*
 * x86_64's older time calls (CONFIG_SYSCALL_TIME on arches with legacy
 * syscalls): time() and alarm(), thin wrappers onto the wall clock and
 * ITIMER_REAL (sys_itimer.c). arm64 has neither; its C library uses
 * clock_gettime and setitimer.
 */
#include <core/time.h>

#include <core/errno.h>
#include <core/uaccess.h>

#include "itimer.h"

long sys_time(int64_t *tloc)
{
	int64_t secs = clock_realtime_ns() / (int64_t)NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &secs, sizeof(secs)))
		return -EFAULT;
	return secs;
}

/*
 * alarm(seconds): ITIMER_REAL without interval. Returns the seconds left
 * of the previous alarm, rounded as Linux does (to the nearest second,
 * but never 0 while one was pending).
 */
long sys_alarm(unsigned int seconds)
{
	struct kitimerval val = { .it_value = { seconds, 0 } }, old;
	long left;

	if (itimer_set(ITIMER_REAL, &val, &old))
		return 0;
	left = old.it_value.tv_sec;
	if ((!left && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		left++;
	return left;
}
