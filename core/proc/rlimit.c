/*
 * Resource limits from user space (<core/process.h>): prlimit64,
 * getrlimit and setrlimit. The limits live in struct process; fork
 * copies them and rlimit() reads the current process's soft value.
 *
 * As Linux kernel/sys.c: the soft limit may not exceed the hard one
 * (EINVAL), RLIMIT_NOFILE may not exceed nr_open (EPERM); raising a hard
 * limit needs CAP_SYS_RESOURCE, which every process has (all run as
 * root for now).
 */
#include "internal.h"

#include <core/errno.h>
#include <core/uaccess.h>

/* Linux's default fs.nr_open. */
#define NR_OPEN_MAX	(1024 * 1024)

/*
 * Reads and/or replaces limit resource of process pid (0: the caller).
 * Returns 0, -EINVAL, -EPERM or -ESRCH. Takes tasklist_lock.
 */
static int do_prlimit(int pid, unsigned int resource,
		      const struct rlimit64 *new, struct rlimit64 *old)
{
	struct process *p;
	unsigned long flags;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	spin_lock_irqsave(&tasklist_lock, &flags);
	p = pid ? find_process(pid) : current_process();
	if (!p) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	if (old)
		*old = p->rlim[resource];
	if (new)
		p->rlim[resource] = *new;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

long sys_prlimit64(int pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim)
{
	struct rlimit64 new, old;
	int err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	err = do_prlimit(pid, resource, new_rlim ? &new : NULL,
			 old_rlim ? &old : NULL);
	if (err)
		return err;
	if (old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit64 *rlim)
{
	struct rlimit64 old;
	int err = do_prlimit(0, resource, NULL, &old);

	if (err)
		return err;
	if (copy_to_user(rlim, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_setrlimit(unsigned int resource, const struct rlimit64 *rlim)
{
	struct rlimit64 new;

	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(0, resource, &new, NULL);
}
