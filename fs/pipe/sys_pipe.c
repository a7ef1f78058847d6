/*
 * pipe2(2): a new pipe, its read end and write end installed as the two
 * lowest free fds and written to user space as int[2].
 */
#include <core/errno.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/pipe.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

long sys_pipe2(int *ufds, int flags);

long sys_pipe2(int *ufds, int flags)
{
	bool cloexec = flags & O_CLOEXEC;
	struct file *files[2];
	int fds[2], err;

	/* O_DIRECT (packet mode) is not implemented: refused, not faked. */
	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = pipe_create(files, flags);
	if (err)
		return err;
	fds[0] = fd_install(files[0], cloexec);
	if (fds[0] < 0) {
		err = fds[0];
		goto err_files;
	}
	fds[1] = fd_install(files[1], cloexec);
	if (fds[1] < 0) {
		err = fds[1];
		fd_close(fds[0]);
		fput(files[1]);
		return err;
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
err_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}
