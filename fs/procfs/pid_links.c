/*
 * /proc/<pid>/exe, cwd and root: symlinks to the process's executable
 * (recorded in its mm by execve), working directory and root, named as
 * the reader sees them (from the reader's root, as Linux's d_path()).
 * Following one walks that name.
 *
 * The name is built under tasklist_lock, without taking references:
 * the library calls link() with vfs_lock() held, so the paths cannot
 * change, and the lock keeps the task, its mm and its fs context from
 * being freed while d_path() (which never sleeps) reads them.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/string.h>
#include <core/vm.h>
#include <fs/vfs.h>

enum which { LINK_EXE, LINK_CWD, LINK_ROOT };

static int show_link(uint64_t data, char *buf, size_t len, enum which w)
{
	struct fs_struct *me = current->fs;
	const struct path *path = NULL;
	struct proc_target tg;
	unsigned long flags;
	int err = -ENOENT;
	char *name;

	if (!me)
		return -ENOENT;
	if (proc_target_lock(data, &tg, &flags))
		return -ENOENT;
	if (tg.t && w == LINK_EXE && tg.t->mm && tg.t->mm->exe_file)
		path = &tg.t->mm->exe_file->f_path;
	else if (tg.t && w == LINK_CWD && tg.t->fs)
		path = &tg.t->fs->cwd;
	else if (tg.t && w == LINK_ROOT && tg.t->fs)
		path = &tg.t->fs->root;
	if (path) {
		name = d_path(path, &me->root, buf, len);
		if (IS_ERR(name)) {
			err = PTR_ERR(name);
		} else {
			memmove(buf, name, strlen(name) + 1);
			err = 0;
		}
	}
	proc_target_unlock(flags);
	return err;
}

int proc_link_exe(uint64_t data, char *buf, size_t len)
{
	return show_link(data, buf, len, LINK_EXE);
}

int proc_link_cwd(uint64_t data, char *buf, size_t len)
{
	return show_link(data, buf, len, LINK_CWD);
}

int proc_link_root(uint64_t data, char *buf, size_t len)
{
	return show_link(data, buf, len, LINK_ROOT);
}
