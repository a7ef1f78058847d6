/*
 * execve(2) and execveat(2) (SYSCALL_PROCESS): the user-space entry to
 * core/exec/. The file name is copied with getname(), the argv and envp
 * arrays with their strings into one kernel buffer (args.c), then
 * do_execve_common() does the rest. On success the syscall "returns" 0
 * into the new image, whose registers exec has already set.
 *
 * execveat resolves a relative name against dirfd; with AT_EMPTY_PATH
 * and an empty name it executes dirfd's file itself. The program is then
 * told the name /dev/fd/N or /dev/fd/N/name, as Linux does.
 */
#include "exec_internal.h"

#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/user.h>
#include <fs/vfs.h>

long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp);
long sys_execveat(int dirfd, const char *pathname, const char *const *argv,
		  const char *const *envp, int flags);

static int copy_args(struct exec_args *args, const char *const *argv,
		     const char *const *envp)
{
	int err;

	exec_args_init(args);
	err = exec_args_copy(args, argv, false, true);
	if (!err)
		err = exec_args_copy(args, envp, true, true);
	if (err)
		exec_args_free(args);
	return err;
}

long sys_execveat(int dirfd, const char *pathname, const char *const *argv,
		  const char *const *envp, int flags)
{
	struct file *dirfile = NULL;
	struct exec_args args;
	char *name, *shown = NULL;
	unsigned int eflags = 0;
	long err;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = -ENOENT;
	if (!*name && !(flags & AT_EMPTY_PATH))
		goto out_name;
	if (flags & AT_SYMLINK_NOFOLLOW)
		eflags |= EXEC_NOFOLLOW;

	if (name[0] != '/' && dirfd != AT_FDCWD) {
		size_t len = strlen(name) + 32;

		err = -EBADF;
		dirfile = fd_get(dirfd);
		if (!dirfile)
			goto out_name;
		err = -ENOMEM;
		shown = kmalloc(len);
		if (!shown)
			goto out_file;
		if (*name)
			snprintf(shown, len, "/dev/fd/%d/%s", dirfd, name);
		else
			snprintf(shown, len, "/dev/fd/%d", dirfd);
		eflags |= EXEC_FDPATH;
	}

	err = copy_args(&args, argv, envp);
	if (err)
		goto out_shown;
	err = do_execve_common(dirfile ? &dirfile->f_path : NULL, name,
			       shown ? shown : name, &args, eflags);
out_shown:
	kfree(shown);
out_file:
	if (dirfile)
		fput(dirfile);
out_name:
	putname(name);
	return err;
}

long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp)
{
	return sys_execveat(AT_FDCWD, filename, argv, envp, 0);
}
