/*
 * clone, clone3, exit and exit_group: the syscall entry points of
 * fork.c and exit.c (<core/process.h>).
 *
 * clone's last two arguments are (child_tid, tls) on x86_64 and (tls,
 * child_tid) where CONFIG_CLONE_BACKWARDS says so (aarch64). clone3
 * takes struct clone_args (linux/sched.h), which may grow: a larger
 * struct is accepted when the bytes we do not know are zero (E2BIG
 * otherwise), as Linux's copy_struct_from_user().
 */
#include "internal.h"

#include <core/errno.h>
#include <core/mm.h>
#include <core/string.h>
#include <core/uaccess.h>

struct clone_args {
	uint64_t flags;
	uint64_t pidfd;
	uint64_t child_tid;
	uint64_t parent_tid;
	uint64_t exit_signal;
	uint64_t stack;
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;
	uint64_t set_tid_size;
	uint64_t cgroup;
};

#define CLONE_ARGS_SIZE_VER0	64	/* up to tls */

long sys_clone(unsigned long flags, unsigned long newsp, int *parent_tid,
	       unsigned long arg3, unsigned long arg4)
{
	int *child_tid = (int *)arg3;
	uintptr_t tls = arg4;

	if (IS_ENABLED(CONFIG_CLONE_BACKWARDS)) {
		tls = arg3;
		child_tid = (int *)arg4;
	}
	/* clone() returns the pidfd through parent_tid: not both (Linux). */
	if ((flags & CLONE_PIDFD) && (flags & CLONE_PARENT_SETTID))
		return -EINVAL;
	/* The legacy call has 32 bits of flags, exit signal included. */
	return do_clone_pidfd(flags & 0xffffffffUL, newsp, parent_tid,
			      child_tid, tls, parent_tid);
}

/* Reads a clone_args of size bytes; -EFAULT, -E2BIG or -EINVAL. */
static int copy_clone_args(struct clone_args *args,
			   const struct clone_args *uargs, size_t size)
{
	unsigned char tail[64];
	size_t off;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(args, 0, sizeof(*args));
	if (copy_from_user(args, uargs, MIN(size, sizeof(*args))))
		return -EFAULT;
	for (off = sizeof(*args); off < size; off += sizeof(tail)) {
		size_t n = MIN(sizeof(tail), size - off);

		if (copy_from_user(tail, (const char *)uargs + off, n))
			return -EFAULT;
		for (size_t i = 0; i < n; i++) {
			if (tail[i])
				return -E2BIG;
		}
	}
	return 0;
}

long sys_clone3(struct clone_args *uargs, size_t size)
{
	struct clone_args a;
	uintptr_t sp = 0;
	int err = copy_clone_args(&a, uargs, size);

	if (err)
		return err;
	/* Linux's clone3_args_valid() and copy_clone_args_from_user(). */
	if (a.flags & ~(0xffffffffULL | CLONE_CLEAR_SIGHAND |
			CLONE_INTO_CGROUP))
		return -EINVAL;
	if (a.flags & CSIGNAL)
		return -EINVAL;
	if (a.exit_signal & ~(uint64_t)CSIGNAL)
		return -EINVAL;
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	if (!a.stack != !a.stack_size)
		return -EINVAL;
	if ((a.set_tid && !a.set_tid_size) || (!a.set_tid && a.set_tid_size))
		return -EINVAL;
	/* Choosing the child's pid (set_tid) is not supported. */
	if (a.set_tid_size)
		return -EINVAL;
	if (a.stack)
		sp = a.stack + a.stack_size;	/* stacks grow down */
	if ((a.flags & CLONE_PIDFD) && (a.flags & CLONE_PARENT_SETTID) &&
	    a.pidfd == a.parent_tid)
		return -EINVAL;
	return do_clone_pidfd(a.flags | a.exit_signal, sp,
			      (int *)(uintptr_t)a.parent_tid,
			      (int *)(uintptr_t)a.child_tid, a.tls,
			      (int *)(uintptr_t)a.pidfd);
}

long sys_exit(int status)
{
	do_exit(W_EXITCODE(status & 0xff, 0));
}

long sys_exit_group(int status)
{
	do_group_exit(W_EXITCODE(status & 0xff, 0));
}
