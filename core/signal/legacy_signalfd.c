/*
 * signalfd(2), x86_64's older form of signalfd4 without flags.
 */
#include <core/signal.h>
#include <core/types.h>

long sys_signalfd4(int ufd, const ksigset_t *umask, size_t sizemask,
		   int flags);
long sys_signalfd(int ufd, const ksigset_t *umask, size_t sizemask);

long sys_signalfd(int ufd, const ksigset_t *umask, size_t sizemask)
{
	return sys_signalfd4(ufd, umask, sizemask, 0);
}
