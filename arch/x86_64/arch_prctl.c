/*
 * arch_prctl(2), x86_64 only: the FS and GS base registers. musl sets its
 * thread pointer with ARCH_SET_FS before main(). The other codes Linux
 * knows (CPUID faulting, vDSO mapping, AMX permissions) answer -EINVAL.
 */
#include <arch/user.h>

#include <arch/memlayout.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/uaccess.h>

#include "x86.h"

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

long sys_arch_prctl(int code, unsigned long addr);

/*
 * Returns 0, -EPERM for a base that is no user address (as Linux, which
 * refuses >= TASK_SIZE_MAX), -EFAULT for a bad pointer in the GET codes,
 * -EINVAL for any other code.
 */
long sys_arch_prctl(int code, unsigned long addr)
{
	struct arch_thread *th = &current->thread;

	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_SPACE_END)
			return -EPERM;
		arch_set_tls(current, addr);
		return 0;
	case ARCH_SET_GS:
		if (addr >= USER_SPACE_END)
			return -EPERM;
		th->gs_base = addr;
		wrmsr(MSR_GS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return copy_to_user((void *)addr, &th->fs_base,
				    sizeof(th->fs_base));
	case ARCH_GET_GS:
		return copy_to_user((void *)addr, &th->gs_base,
				    sizeof(th->gs_base));
	default:
		return -EINVAL;
	}
}
