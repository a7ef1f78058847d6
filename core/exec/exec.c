/*
 * execve (<core/exec.h>): builds the new image beside the old one, then
 * switches. Up to the point of no return, everything (argument copy,
 * open, #! rewrites, ELF load into a new struct mm, initial stack) can
 * fail and the caller's image is untouched. Past it, nothing fails: the
 * other threads exit, the new space replaces the old one, close-on-exec
 * fds are closed, caught signals reset, a vfork parent released, and the
 * user registers point at the entry with a fresh FP/SIMD state.
 */
#define pr_fmt(fmt) "exec: " fmt

#include <core/exec.h>

#include "exec_internal.h"

#include <arch/user.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/signal.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/vm.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

/*
 * Exec needs only one x bit, whoever runs it (everything runs as root,
 * and root may execute a file when any of the three is set).
 */
static bool executable(const struct inode *inode)
{
	return S_ISREG(inode->i_mode) && (inode->i_mode & 0111);
}

int exec_open(struct binprm *b, const struct path *dir, const char *name,
	      bool nofollow)
{
	unsigned int flags = nofollow ? 0 : LOOKUP_FOLLOW;
	struct inode *inode;
	struct file *file;
	struct path path;
	int64_t pos = 0;
	ssize_t n;
	int err;

	/* The callers let "" through only for AT_EMPTY_PATH. */
	if (!*name)
		flags |= LOOKUP_EMPTY;
	err = vfs_lookup(current->fs, dir, name, flags, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	if (nofollow && S_ISLNK(inode->i_mode))
		err = -ELOOP;
	else if (!executable(inode) || path_noexec(&path))
		err = -EACCES;
	if (err) {
		path_put(&path);
		return err;
	}
	/* A lookup, then an open of what was found: no device is opened. */
	file = vfs_open_path(&path, O_RDONLY);
	path_put(&path);
	if (IS_ERR(file))
		return PTR_ERR(file);

	memset(b->buf, 0, sizeof(b->buf));
	n = vfs_read(file, b->buf, sizeof(b->buf), &pos);
	if (n < 0) {
		fput(file);
		return n;
	}
	b->buf_len = n;
	b->file = file;
	return 0;
}

/* The point of no return: the new image b replaces the current one. */
static void exec_commit(struct binprm *b)
{
	struct mm *old;

	exec_kill_other_threads();

	/* /proc/<pid>/exe: the file loaded last (a script's interpreter). */
	b->mm->exe_file = fget(b->file);
	preempt_disable();
	old = current->mm;
	current->mm = b->mm;
	mm_switch(b->mm);
	preempt_enable();
	b->mm = NULL;
	if (old)
		mm_put(old);

	if (current->files)
		files_close_on_exec(current->files);
	signal_exec_reset();
	vfork_release(current);
	strlcpy(current->name, b->comm, sizeof(current->name));
	arch_thread_init(&current->thread);
	arch_user_regs_init(task_pt_regs(current), b->entry, b->sp);
}

/* The name execve gives the task: the file's base name, 15 characters. */
static void set_comm(struct binprm *b, const char *name)
{
	const char *base = strrchr(name, '/');

	strlcpy(b->comm, base ? base + 1 : name, sizeof(b->comm));
}

int do_execve_common(const struct path *dir, const char *name,
		     const char *filename, struct exec_args *args,
		     unsigned int flags)
{
	struct binprm *b = kzalloc(sizeof(*b));
	int err;

	if (!b) {
		exec_args_free(args);
		return -ENOMEM;
	}
	b->args = *args;
	exec_args_init(args);
	err = -ENOMEM;
	b->filename = kmalloc(strlen(filename) + 1);
	if (!b->filename)
		goto out;
	memcpy(b->filename, filename, strlen(filename) + 1);
	set_comm(b, filename);

	/* Linux 5.18+: an empty argv gets "" as argv[0]. */
	if (b->args.argc == 0) {
		const char *empty = "";

		err = exec_args_replace_argv0(&b->args, &empty, 1);
		if (err)
			goto out;
	}

	err = exec_open(b, dir, name, flags & EXEC_NOFOLLOW);
	if (err)
		goto out;
	/* Linux: a /dev/fd/N name gives the task the file's own name. */
	if (flags & EXEC_FDPATH)
		strlcpy(b->comm, b->file->f_path.dentry->d_name,
			MIN(sizeof(b->comm),
			    b->file->f_path.dentry->d_len + 1));
	for (;;) {
		err = load_script(b);
		if (err == -ENOEXEC)
			break;
		if (err)
			goto out;
	}
	err = load_elf(b);
	if (err)
		goto out;
	err = exec_setup_stack(b);
	if (err)
		goto out;

	exec_commit(b);
out:
	if (b->file)
		fput(b->file);
	if (b->mm)
		mm_destroy(b->mm);
	exec_args_free(&b->args);
	kfree(b->filename);
	kfree(b);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct exec_args args;
	int err;

	if (!*filename)
		return -ENOENT;
	exec_args_init(&args);
	err = exec_args_copy(&args, argv, false, false);
	if (!err)
		err = exec_args_copy(&args, envp, true, false);
	if (err) {
		exec_args_free(&args);
		return err;
	}
	return do_execve_common(NULL, filename, filename, &args, 0);
}
