/*
 * pause (x86_64's legacy syscall; aarch64 libcs use ppoll or
 * rt_sigsuspend instead): sleeps until a signal is delivered. When a
 * handler runs the call reports EINTR; after a stop and continue, or a
 * signal that was ignored on delivery, it sleeps again.
 */
#include "internal.h"

#include <core/errno.h>

long sys_pause(void)
{
	signal_sleep(0);
	return -ERESTARTNOHAND;
}
