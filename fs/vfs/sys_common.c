/*
 * Helpers of the file syscalls (sys.h): the caller's fs_struct, resolving
 * the dirfd of an *at call, bounce buffers.
 */
#include "sys.h"

#include <core/mm.h>
#include <core/sched.h>
#include <core/slab.h>

struct fs_struct *cur_fs(void)
{
	return current->fs ? current->fs : &init_fs;
}

int upath_get(struct upath *p, int dirfd, const char *uname, bool empty_ok)
{
	struct file *file;
	char *name;

	p->file = NULL;
	p->dir = NULL;
	p->name = (char *)"";
	p->copied = false;
	if (uname || !empty_ok) {
		name = getname(uname);
		if (IS_ERR(name))
			return PTR_ERR(name);
		p->name = name;
		p->copied = true;
	}
	name = p->name;
	if (!*name && !empty_ok) {
		upath_put(p);
		return -ENOENT;
	}
	if (*name == '/' || dirfd == AT_FDCWD)
		return 0;
	file = fd_get_raw(dirfd);
	if (!file) {
		upath_put(p);
		return -EBADF;
	}
	if (*name && !S_ISDIR(file->f_inode->i_mode)) {
		fput(file);
		upath_put(p);
		return -ENOTDIR;
	}
	p->file = file;
	p->dir = &file->f_path;
	return 0;
}

void upath_put(struct upath *p)
{
	if (p->file)
		fput(p->file);
	if (p->copied)
		putname(p->name);
}

int fd_path(int fd, struct upath *p)
{
	p->name = (char *)"";
	p->copied = false;
	p->file = fd_get_raw(fd);
	if (!p->file)
		return -EBADF;
	p->dir = &p->file->f_path;
	return 0;
}

void *bounce_alloc(size_t want, size_t *size)
{
	size_t n = want < 1 ? 1 : (want > BOUNCE_MAX ? BOUNCE_MAX : want);
	void *buf = kmalloc(n);

	if (!buf && n > PAGE_SIZE) {
		n = PAGE_SIZE;
		buf = kmalloc(n);
	}
	*size = n;
	return buf;
}

void bounce_free(void *buf)
{
	kfree(buf);
}
