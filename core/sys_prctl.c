/*
 * prctl (CONFIG_SYSCALL_SYSINFO): the operations programs built on musl
 * and BusyBox use. Others answer EINVAL, as Linux does for an unknown
 * option.
 *
 *   PR_SET_NAME / PR_GET_NAME        the thread's name (16 bytes, NUL
 *                                    included), current->name
 *   PR_SET_PDEATHSIG / GET           signal sent when the parent exits
 *                                    (proc->pdeath_signal; the exit code
 *                                    sends it)
 *   PR_SET_DUMPABLE / GET            stored (no core dumps yet)
 *   PR_SET_NO_NEW_PRIVS / GET        stored and sticky (no set-id programs
 *                                    yet for it to restrict)
 */
#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/uaccess.h>

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

static long set_name(const char *uname)
{
	char name[TASK_NAME_LEN];
	long len;

	/* Linux keeps the first 15 bytes of a longer name. */
	len = strncpy_from_user(name, uname, sizeof(name));
	if (len == -EFAULT)
		return -EFAULT;
	memcpy(current->name, name, sizeof(name));
	current->name[TASK_NAME_LEN - 1] = '\0';
	return 0;
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3,
	       unsigned long arg4, unsigned long arg5)
{
	struct process *p = current_process();
	int sig;

	switch (option) {
	case PR_SET_NAME:
		return set_name((const char *)arg2);
	case PR_GET_NAME:
		return copy_to_user((char *)arg2, current->name,
				    TASK_NAME_LEN);
	case PR_SET_PDEATHSIG:
		if (arg2 > NSIG)
			return -EINVAL;
		p->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		sig = p->pdeath_signal;
		return copy_to_user((int *)arg2, &sig, sizeof(sig));
	case PR_GET_DUMPABLE:
		return !p->not_dumpable;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;
		p->not_dumpable = !arg2;
		return 0;
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		p->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return p->no_new_privs;
	}
	return -EINVAL;
}
