/*
 * Starting user space: the "init" kernel thread becomes process 1 and
 * executes the first program, as Linux does for an initramfs: rdinit=
 * (default /init), then init= when given, then /sbin/init, /etc/init,
 * /bin/init and /bin/sh. When none runs the kernel panics: a system
 * without init has nothing left to do.
 */
#define pr_fmt(fmt) "init: " fmt

#include <core/initproc.h>

#include <arch/user.h>
#include <core/cmdline.h>
#include <core/errno.h>
#include <core/exec.h>
#include <core/panic.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/sched.h>

static const char *const init_envp[] = { "HOME=/", "TERM=linux", NULL };

/* Tries path; returns only when it cannot be executed. */
static int try_init(const char *path)
{
	const char *argv[] = { path, NULL };
	int err = kernel_execve(path, argv, init_envp);

	if (err == 0) {
		pr_info("running %s\n", path);
		arch_return_to_user(task_pt_regs(current));
	}
	if (err != -ENOENT)
		pr_err("cannot run %s: error %d\n", path, -err);
	return err;
}

static void init_thread(void *unused)
{
	static const char *const fallbacks[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	const char *rdinit = cmdline_value("rdinit");
	const char *init = cmdline_value("init");
	int err;

	err = process_init_first();
	if (err)
		panic("cannot create the init process: error %d", -err);
	try_init(rdinit ? rdinit : "/init");
	if (init)
		try_init(init);
	for (size_t i = 0; i < ARRAY_SIZE(fallbacks); i++)
		try_init(fallbacks[i]);
	panic("no working init found; try passing init= or rdinit=");
}

void start_init(void)
{
	struct task *t = kthread_create(init_thread, NULL, "init");

	if (IS_ERR(t))
		panic("cannot start the init thread: error %ld", PTR_ERR(t));
}
