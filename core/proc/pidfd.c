/*
 * pidfds (SYSCALL_PIDFD; pidfd_open(2)): a file that stands for one
 * process, made by pidfd_open or by clone with CLONE_PIDFD. It is
 * polled (readable once the process has exited, POLLHUP too once it
 * was reaped), named by waitid(P_PIDFD) and by pidfd_send_signal
 * (core/signal/sys_pidfd.c).
 *
 * A pidfd does not pin its process: it keeps the pid and the process's
 * start time, and pidfd_lookup() finds the process again under
 * tasklist_lock; a pid reused by a later process has another start time,
 * so the pidfd never reaches the wrong process. Exits wake pidfd_wait
 * (notify.c), one queue for every pidfd.
 */
#define pr_fmt(fmt) "pidfd: " fmt

#include "internal.h"

#include <core/errno.h>
#include <core/slab.h>
#include <fs/anon_inode.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define PIDFD_NONBLOCK	O_NONBLOCK

struct pidfd {
	int pid;		/* 0 until bound (CLONE_PIDFD) */
	uint64_t start_ns;	/* the process's, telling it from reuses */
};

long sys_pidfd_open(int pid, unsigned int flags);

static unsigned int pidfd_poll(struct file *file, struct poll_table *pt)
{
	struct process *p;
	unsigned long flags;
	unsigned int mask = 0;

	poll_wait(file, &pidfd_wait, pt);
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (pidfd_lookup(file, &p))
		mask = POLLIN | POLLRDNORM | POLLHUP;	/* reaped */
	else if (p->state == PROC_ZOMBIE)
		mask = POLLIN | POLLRDNORM;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mask;
}

static void pidfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
}

static const struct file_ops pidfd_fops = {
	.poll = pidfd_poll,
	.release = pidfd_release,
};

int pidfd_lookup(struct file *file, struct process **out)
{
	struct pidfd *pf;
	struct process *p;

	if (file->f_op != &pidfd_fops)
		return -EBADF;
	pf = file->private_data;
	p = find_process(pf->pid);
	if (!p || p->start_ns != pf->start_ns)
		return -ESRCH;
	*out = p;
	return 0;
}

struct file *pidfd_file_alloc(unsigned int flags)
{
	struct pidfd *pf = kzalloc(sizeof(*pf));
	struct file *file;

	if (!pf)
		return ERR_PTR(-ENOMEM);
	file = anon_file_create(&pidfd_fops, pf, O_RDWR | (flags & O_NONBLOCK));
	if (IS_ERR(file))
		kfree(pf);
	return file;
}

void pidfd_file_bind(struct file *file, const struct process *p)
{
	struct pidfd *pf = file->private_data;

	pf->pid = p->pid;
	pf->start_ns = p->start_ns;
}

/*
 * A pidfd (close-on-exec, O_NONBLOCK with PIDFD_NONBLOCK) for process
 * pid. -EINVAL: bad flags, pid <= 0 or a thread that is not a process's
 * first; -ESRCH: no such process; -ENOMEM, -EMFILE.
 */
long sys_pidfd_open(int pid, unsigned int flags)
{
	struct process *p;
	struct task *t;
	struct file *file;
	unsigned long irq;
	int fd;

	if (flags & ~PIDFD_NONBLOCK)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	file = pidfd_file_alloc(flags);
	if (IS_ERR(file))
		return PTR_ERR(file);
	spin_lock_irqsave(&tasklist_lock, &irq);
	p = find_process(pid);
	t = p ? NULL : find_task(pid);
	if (p)
		pidfd_file_bind(file, p);
	spin_unlock_irqrestore(&tasklist_lock, irq);
	if (!p) {
		fput(file);
		return t ? -EINVAL : -ESRCH;
	}
	fd = fd_install(file, true);
	if (fd < 0)
		fput(file);
	return fd;
}
