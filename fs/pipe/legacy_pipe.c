/*
 * pipe(2), x86_64's older form of pipe2 without flags.
 */
#include <core/types.h>

long sys_pipe2(int *ufds, int flags);
long sys_pipe(int *ufds);

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}
