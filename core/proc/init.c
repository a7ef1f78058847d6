/*
 * The first process (<core/process.h>): the "init" kernel thread
 * (core/initproc.c) turns itself into pid 1 before it executes /init.
 * It gets what every later process inherits through fork: default
 * signal handlers, Linux's default resource limits, the boot fs_struct
 * (root and cwd "/"), an fd table with 0, 1 and 2 open on /dev/console
 * (when the console device exists), and an empty address space that
 * execve replaces.
 */
#define pr_fmt(fmt) "proc: " fmt

#include "internal.h"

#include <arch/user.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/time.h>
#include <core/vm.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

/* fds 0, 1 and 2 on /dev/console, as Linux's console_on_rootfs(). */
static void open_console(void)
{
	struct file *file = vfs_open(current->fs, NULL, "/dev/console",
				     O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_warn("unable to open an initial console: error %ld\n",
			-PTR_ERR(file));
		return;
	}
	for (int fd = 0; fd < 3; fd++) {
		if (fd_install(fd ? fget(file) : file, false) < 0) {
			fput(file);
			pr_warn("cannot install fd %d on the console\n", fd);
			return;
		}
	}
}

int process_init_first(void)
{
	struct task *t = current;
	struct process *p;
	unsigned long flags;
	int err = -ENOMEM;

	if (t->proc || init_process)
		return -EEXIST;
	p = process_alloc();
	if (!p)
		return -ENOMEM;
	p->sighand = sighand_alloc();
	if (!p->sighand)
		goto err_free;
	t->mm = mm_create();
	if (!t->mm)
		goto err_free;
	t->files = files_alloc();
	if (!t->files)
		goto err_mm;
	t->fs = fs_struct_get(&init_fs);

	p->pid = p->pgid = p->sid = 1;
	p->exit_signal = SIGCHLD;
	p->start_ns = clock_ns();
	sigpending_init(&t->sig_pending);
	t->sig_blocked = 0;
	t->sig_altstack.ss_flags = SS_DISABLE;
	arch_thread_init(&t->thread);

	spin_lock_irqsave(&tasklist_lock, &flags);
	/* The kernel thread's own id goes back; init is 1. */
	pid_free(t->tid);
	pid_reserve(1);
	t->tid = 1;
	t->proc = p;
	list_add_tail(&t->thread_link, &p->threads);
	p->nr_threads = 1;
	process_link(p);
	init_process = p;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	mm_switch(t->mm);
	open_console();
	return 0;

err_mm:
	mm_put(t->mm);
	t->mm = NULL;
err_free:
	process_free(p);
	return err;
}
