/*
 * x86_64's older process calls (<core/process.h>): fork and vfork are
 * clone with fixed flags, getpgrp is getpgid(0). Built only where the
 * arch's syscall table has them (CONFIG_ARCH_HAS_LEGACY_SYSCALLS).
 */
#include "internal.h"

long sys_getpgid(int pid);

long sys_fork(void)
{
	return do_clone(SIGCHLD, 0, NULL, NULL, 0);
}

long sys_vfork(void)
{
	return do_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0);
}

long sys_getpgrp(void)
{
	return sys_getpgid(0);
}
