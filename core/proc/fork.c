/*
 * clone (<core/process.h>): a new thread of the current process or a new
 * process, sharing or copying the address space, fd table, fs context
 * and signal handlers as the flags say, and returning 0 to user mode in
 * the child. The syscall entry points are in sys_clone.c and legacy.c.
 *
 * The child starts in clone_entry() on its own kernel stack, whose top
 * already holds its user registers (a copy of the parent's, set to return
 * 0); it finishes the switch, stores its tid for CLONE_CHILD_SETTID and
 * leaves for user mode.
 *
 * vfork: the parent sleeps on vfork_wait until the child releases it
 * (vfork_release(), at its execve or exit). Only SIGKILL ends the sleep
 * early.
 */
#include "internal.h"

#include <arch/user.h>
#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <core/vm.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

/* Namespaces are not implemented: these ask for one. */
#define CLONE_NAMESPACES (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | \
			  CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | \
			  CLONE_NEWNET | CLONE_NEWTIME)

static struct wait_queue vfork_wait = WAIT_QUEUE_INIT(vfork_wait);

/* The flag combinations Linux's copy_process() refuses, and ours. */
static int check_flags(unsigned long flags, const struct process *p)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
	    (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return -EINVAL;
	/* init's siblings would have no one to reap them. */
	if ((flags & CLONE_PARENT) && p == init_process)
		return -EINVAL;
	if (flags & (CLONE_NAMESPACES | CLONE_INTO_CGROUP))
		return -EINVAL;
	/* A pidfd names a process: none for threads (Linux before 6.9). */
	if ((flags & CLONE_PIDFD) &&
	    (!IS_ENABLED(CONFIG_SYSCALL_PIDFD) ||
	     (flags & (CLONE_DETACHED | CLONE_THREAD))))
		return -EINVAL;
	return 0;
}

/* First code of a cloned task, entered from the switch that starts it. */
static void clone_entry(void *arg)
{
	struct task *t = arg;
	int tid = t->tid;

	schedule_tail();
	/* A bad pointer is the child's problem, as in Linux. */
	if (t->set_child_tid)
		copy_to_user(t->set_child_tid, &tid, sizeof(tid));
	arch_return_to_user(task_pt_regs(t));
}

/* The child's handlers: shared, copied, or copied and reset. */
static struct sighand *clone_sighand(struct sighand *sh, unsigned long flags)
{
	struct sighand *copy;

	if (flags & CLONE_SIGHAND) {
		__atomic_add_fetch(&sh->ref, 1, __ATOMIC_RELAXED);
		return sh;
	}
	copy = sighand_dup(sh);
	if (copy && (flags & CLONE_CLEAR_SIGHAND)) {
		for (int i = 0; i < NSIG; i++) {
			if (copy->action[i].handler != SIG_IGN)
				memset(&copy->action[i], 0,
				       sizeof(copy->action[i]));
		}
	}
	return copy;
}

/* A new process for a child of p (not yet linked), or NULL. */
static struct process *clone_process(struct process *p, unsigned long flags)
{
	struct process *np = process_alloc();

	if (!np)
		return NULL;
	np->sighand = clone_sighand(p->sighand, flags);
	if (!np->sighand) {
		process_free(np);
		return NULL;
	}
	np->parent = (flags & CLONE_PARENT) ? p->parent : p;
	np->pgid = p->pgid;
	np->sid = p->sid;
	np->tty = p->tty;
	/* A sibling reports to the shared parent as the caller does. */
	np->exit_signal = (flags & CLONE_PARENT) ? p->exit_signal :
						   (int)(flags & CSIGNAL);
	np->start_ns = clock_ns();
	memcpy(np->rlim, p->rlim, sizeof(np->rlim));
	np->uid = p->uid;
	np->euid = p->euid;
	np->suid = p->suid;
	np->fsuid = p->fsuid;
	np->gid = p->gid;
	np->egid = p->egid;
	np->sgid = p->sgid;
	np->fsgid = p->fsgid;
	memcpy(np->groups, p->groups, sizeof(np->groups));
	np->ngroups = p->ngroups;
	np->not_dumpable = p->not_dumpable;
	np->no_new_privs = p->no_new_privs;
	np->oom_score_adj = p->oom_score_adj;
	/* pdeath_signal and the interval timers start clear, as in Linux. */
	return np;
}

/* The child's share of the caller's mm, files and fs; -ENOMEM. */
static int clone_resources(struct task *t, unsigned long flags)
{
	struct task *cur = current;

	if (cur->mm) {
		t->mm = (flags & CLONE_VM) ? mm_get(cur->mm) : mm_dup(cur->mm);
		if (!t->mm)
			return -ENOMEM;
	}
	if (cur->files) {
		t->files = (flags & CLONE_FILES) ? files_get(cur->files) :
						   files_dup(cur->files);
		if (!t->files)
			return -ENOMEM;
	}
	if (cur->fs) {
		t->fs = (flags & CLONE_FS) ? fs_struct_get(cur->fs) :
					     fs_struct_copy(cur->fs);
		if (!t->fs)
			return -ENOMEM;
	}
	return 0;
}

static void release_resources(struct task *t)
{
	if (t->fs)
		fs_struct_put(t->fs);
	if (t->files)
		files_put(t->files);
	if (t->mm)
		mm_put(t->mm);
}

/* Whether SIGKILL is on its way to the current task. */
static bool fatal_signal_pending(void)
{
	struct process *p = current_process();
	ksigset_t pending = current->sig_pending.signal;

	if (p) {
		if (p->group_exiting)
			return true;
		pending |= p->shared_pending.signal;
	}
	return pending & sigmask(SIGKILL);
}

/* The vfork parent sleeps until child releases it (or SIGKILL). */
static void vfork_wait_for(struct task *child)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		if (current->vfork_done || fatal_signal_pending()) {
			/* Killed first: the child must not wake us later. */
			if (!current->vfork_done)
				child->vfork_parent = NULL;
			spin_unlock_irqrestore(&tasklist_lock, flags);
			break;
		}
		/* Interruptible so that SIGKILL wakes us; others re-sleep. */
		prepare_to_wait(&vfork_wait, &we, true);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
	}
	finish_wait(&vfork_wait, &we);
}

void vfork_release(struct task *child)
{
	struct task *parent;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, &flags);
	parent = child->vfork_parent;
	if (parent) {
		child->vfork_parent = NULL;
		parent->vfork_done = true;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (parent)
		wake_up(&vfork_wait);
}

/*
 * CLONE_PIDFD: a pidfd, not yet bound to the child, installed in the
 * caller's table with its number stored at upidfd before the child
 * exists (Linux does the same). Returns the fd with *out set (a
 * reference of the caller's), or -errno.
 */
static int pidfd_prepare(int *upidfd, struct file **out)
{
	struct file *file = pidfd_file_alloc(0);
	int fd;

	if (IS_ERR(file))
		return PTR_ERR(file);
	/* Our own reference: another thread may close the fd meanwhile. */
	fget(file);
	fd = fd_install(file, true);
	if (fd < 0) {
		fput(file);
		fput(file);
		return fd;
	}
	if (copy_to_user(upidfd, &fd, sizeof(fd))) {
		fd_close(fd);
		fput(file);
		return -EFAULT;
	}
	*out = file;
	return fd;
}

long do_clone(unsigned long flags, uintptr_t newsp, int *parent_tid,
	      int *child_tid, uintptr_t tls)
{
	return do_clone_pidfd(flags, newsp, parent_tid, child_tid, tls, NULL);
}

long do_clone_pidfd(unsigned long flags, uintptr_t newsp, int *parent_tid,
		    int *child_tid, uintptr_t tls, int *upidfd)
{
	struct process *p = current_process(), *np = NULL;
	struct file *pidfile = NULL;
	struct task *t;
	unsigned long irq;
	int tid, err, pidfd = -1;

	if (!p)
		return -EINVAL;
	err = check_flags(flags, p);
	if (err)
		return err;

	t = task_alloc(current->name);
	if (!t)
		return -ENOMEM;
	sigpending_init(&t->sig_pending);
	t->nice = current->nice;
	t->sig_blocked = current->sig_blocked;
	/* A thread on a shared stack must not inherit the altstack. */
	if ((flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		t->sig_altstack.ss_flags = SS_DISABLE;
	else
		t->sig_altstack = current->sig_altstack;
	err = clone_resources(t, flags);
	if (err)
		goto err_release;
	/* After the fd table was copied: the child does not inherit it. */
	if (IS_ENABLED(CONFIG_SYSCALL_PIDFD) && (flags & CLONE_PIDFD)) {
		err = pidfd_prepare(upidfd, &pidfile);
		if (err < 0)
			goto err_release;
		pidfd = err;
	}
	if (!(flags & CLONE_THREAD)) {
		np = clone_process(p, flags);
		if (!np) {
			err = -ENOMEM;
			goto err_release;
		}
	}

	arch_thread_copy(&t->thread);
	if (flags & CLONE_SETTLS)
		arch_set_tls(t, tls);
	arch_fork_regs(task_pt_regs(t), task_pt_regs(current), newsp);
	/* The kernel stack continues below the user registers. */
	arch_context_init(&t->ctx, clone_entry, t,
			  (void *)ALIGN_DOWN((uintptr_t)task_pt_regs(t), 16));
	if (flags & CLONE_CHILD_SETTID)
		t->set_child_tid = child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		t->clear_child_tid = child_tid;

	spin_lock_irqsave(&tasklist_lock, &irq);
	if (p->group_exiting) {
		/* A fatal signal is on its way: no new threads (Linux). */
		spin_unlock_irqrestore(&tasklist_lock, irq);
		err = -EINTR;
		goto err_process;
	}
	tid = pid_alloc();
	if (tid < 0) {
		spin_unlock_irqrestore(&tasklist_lock, irq);
		err = tid;
		goto err_process;
	}
	t->tid = tid;
	if (np) {
		np->pid = tid;
		process_link(np);
		if (IS_ENABLED(CONFIG_SYSCALL_PIDFD) && pidfile)
			pidfd_file_bind(pidfile, np);
	} else {
		np = p;
	}
	t->proc = np;
	list_add_tail(&t->thread_link, &np->threads);
	np->nr_threads++;
	if (flags & CLONE_VFORK) {
		t->vfork_parent = current;
		current->vfork_done = false;
	}
	spin_unlock_irqrestore(&tasklist_lock, irq);

	/* Before the child runs, as Linux; a bad pointer is ignored. */
	if (flags & CLONE_PARENT_SETTID)
		copy_to_user(parent_tid, &tid, sizeof(tid));
	if (pidfile)
		fput(pidfile);
	task_start(t);
	if (flags & CLONE_VFORK)
		vfork_wait_for(t);
	return tid;

err_process:
	if (np)
		process_free(np);
err_release:
	release_resources(t);
	task_free(t);
	if (pidfile) {
		/* The fd may have been reused meanwhile: only ours is closed. */
		struct file *f = fd_get_raw(pidfd);

		if (f)
			fput(f);
		if (f == pidfile)
			fd_close(pidfd);
		fput(pidfile);
	}
	return err;
}
