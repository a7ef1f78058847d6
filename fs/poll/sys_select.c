/*
 * pselect6(2) (and, through legacy_select.c, x86_64's select(2)): the
 * fd_set form of poll. A set fd that is not open fails the call with
 * EBADF; readable means POLLIN, POLLHUP or POLLERR, writable POLLOUT or
 * POLLERR, exceptional POLLPRI, as Linux. On return the sets hold only
 * the ready fds and the time-out the time left.
 */
#include "sys_poll.h"

#include "poll_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/signal.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/uaccess.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	POLLPRI

#define BITS_PER_WORD	64

/* The three sets in, then the three results. */
struct fd_sets {
	uint64_t *in, *out, *ex;
	uint64_t *res_in, *res_out, *res_ex;
};

static bool test_bit(const uint64_t *set, int fd)
{
	return set[fd / BITS_PER_WORD] & (1ULL << (fd % BITS_PER_WORD));
}

static void set_bit(uint64_t *set, int fd)
{
	set[fd / BITS_PER_WORD] |= 1ULL << (fd % BITS_PER_WORD);
}

struct select_scan {
	int n;
	struct fd_sets *s;
	size_t bytes;
};

/* One scan; returns the number of bits set in the results or -EBADF. */
static long scan(void *arg, struct poll_table *pt, struct poll_wqueues *pw)
{
	struct select_scan *a = arg;
	int n = a->n;
	struct fd_sets *s = a->s;
	size_t bytes = a->bytes;
	int count = 0;

	memset(s->res_in, 0, 3 * bytes);
	for (int fd = 0; fd < n; fd++) {
		bool in = test_bit(s->in, fd), out = test_bit(s->out, fd);
		bool ex = test_bit(s->ex, fd);
		unsigned int mask;
		struct file *file;

		if (!in && !out && !ex)
			continue;
		file = fd_get(fd);
		if (!file)
			return -EBADF;
		pw->file = file;
		mask = vfs_poll(file, pt);
		fput(file);
		if (in && (mask & POLLIN_SET)) {
			set_bit(s->res_in, fd);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			set_bit(s->res_out, fd);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			set_bit(s->res_ex, fd);
			count++;
		}
	}
	return count;
}

static int get_set(uint64_t *set, void *uset, size_t bytes)
{
	if (!uset) {
		memset(set, 0, bytes);
		return 0;
	}
	return copy_from_user(set, uset, bytes);
}

static int put_set(void *uset, const uint64_t *set, size_t bytes)
{
	return uset ? copy_to_user(uset, set, bytes) : 0;
}

long do_sys_select(int n, void *inp, void *outp, void *exp, uint64_t deadline)
{
	struct fd_sets s;
	uint64_t *buf;
	size_t bytes;
	long ret;

	if (n < 0)
		return -EINVAL;
	if ((uint64_t)n > rlimit(RLIMIT_NOFILE))
		n = (int)MIN(rlimit(RLIMIT_NOFILE), (uint64_t)INT32_MAX - 64);
	bytes = (size_t)(n + BITS_PER_WORD - 1) / BITS_PER_WORD * 8;
	buf = kmalloc(6 * bytes + 8);
	if (!buf)
		return -ENOMEM;
	s.in = buf;
	s.out = s.in + bytes / 8;
	s.ex = s.out + bytes / 8;
	s.res_in = s.ex + bytes / 8;
	s.res_out = s.res_in + bytes / 8;
	s.res_ex = s.res_out + bytes / 8;
	if (get_set(s.in, inp, bytes) || get_set(s.out, outp, bytes) ||
	    get_set(s.ex, exp, bytes)) {
		ret = -EFAULT;
		goto out_free;
	}

	ret = poll_loop(scan, &(struct select_scan){ n, &s, bytes }, deadline);
	if (ret >= 0 && (put_set(inp, s.res_in, bytes) ||
			 put_set(outp, s.res_out, bytes) ||
			 put_set(exp, s.res_ex, bytes)))
		ret = -EFAULT;
out_free:
	kfree(buf);
	return ret;
}

/* pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; }. */
struct sigset_arg {
	const void *ss;
	size_t ss_len;
};

long sys_pselect6(int n, void *inp, void *outp, void *exp,
		  struct ktimespec *utmo, const void *usig)
{
	struct sigset_arg sa = { NULL, 0 };
	uint64_t deadline;
	long ret;

	ret = poll_get_timespec(utmo, &deadline);
	if (ret)
		return ret;
	if (usig && copy_from_user(&sa, usig, sizeof(sa)))
		return -EFAULT;
	ret = poll_sigmask_set(sa.ss, sa.ss_len);
	if (ret)
		return ret;
	ret = do_sys_select(n, inp, outp, exp, deadline);
	poll_sigmask_done(sa.ss, ret);
	poll_put_timespec(utmo, deadline);
	return ret;
}
