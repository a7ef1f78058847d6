/*
 * openat(2): flags from the user's numbering (arm64 differs in four bits),
 * O_LARGEFILE forced as on every 64-bit Linux, O_PATH keeping only the
 * flags Linux keeps for it, the fd installed with O_CLOEXEC as its
 * close-on-exec flag (never part of the file's flags). O_TMPFILE is not
 * supported (EOPNOTSUPP). openat2 is not implemented (ENOSYS).
 */
#include "sys.h"
#include "calls.h"
#include "abi.h"

/* What O_PATH keeps of the other flags (Linux's O_PATH_FLAGS). */
#define O_PATH_FLAGS	(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)
/* The bit of O_TMPFILE that is not O_DIRECTORY. */
#define O_TMPFILE_BIT	(O_TMPFILE & ~O_DIRECTORY)

long do_sys_open(int dirfd, const char *uname, unsigned int flags,
		 uint32_t mode)
{
	struct file *file;
	struct upath p;
	int err, fd;

	if (flags & O_TMPFILE_BIT)
		return -EOPNOTSUPP;
	flags |= O_LARGEFILE;
	if (flags & O_PATH)
		flags &= O_PATH_FLAGS;
	if (!(flags & O_CREAT))
		mode = 0;
	err = upath_get(&p, dirfd, uname, false);
	if (err)
		return err;
	file = vfs_open(cur_fs(), p.dir, p.name, flags & ~O_CLOEXEC,
			mode & S_IALLUGO);
	upath_put(&p);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = fd_install(file, flags & O_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_openat(int dirfd, const char *filename, int flags, uint32_t mode)
{
	return do_sys_open(dirfd, filename, oflags_from_user(flags), mode);
}
