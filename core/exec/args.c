/*
 * The argument and environment strings of an execve, copied from the
 * caller (user space, or the kernel for init) into one kernel buffer
 * before anything of the old image is touched, so that a bad pointer or
 * too long a list fails cleanly. Limits are Linux's: each string at most
 * MAX_ARG_STRLEN bytes, all strings plus their pointers at most
 * ARG_TOTAL_MAX, else -E2BIG.
 */
#include "exec_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/uaccess.h>

#define ARGS_MIN_CAP	PAGE_SIZE

void exec_args_init(struct exec_args *a)
{
	*a = (struct exec_args){ 0 };
}

void exec_args_free(struct exec_args *a)
{
	kfree(a->buf);
	exec_args_init(a);
}

/* Bytes the strings and their pointers take, with one more of each. */
static size_t total_with(const struct exec_args *a, size_t more)
{
	return a->len + more + (a->argc + a->envc + 1) * sizeof(void *);
}

/* Makes room for at least need more bytes. 0, -E2BIG or -ENOMEM. */
static int grow(struct exec_args *a, size_t need)
{
	size_t cap = a->cap ? a->cap : ARGS_MIN_CAP;
	char *buf;

	while (cap - a->len < need)
		cap *= 2;
	if (cap == a->cap)
		return 0;
	if (cap > 2 * (ARG_TOTAL_MAX + MAX_ARG_STRLEN))
		return -E2BIG;
	buf = kmalloc(cap);
	if (!buf)
		return -ENOMEM;
	if (a->len)
		memcpy(buf, a->buf, a->len);
	kfree(a->buf);
	a->buf = buf;
	a->cap = cap;
	return 0;
}

static void count(struct exec_args *a, bool env)
{
	if (env)
		a->envc++;
	else
		a->argc++;
}

static int push_kernel(struct exec_args *a, const char *s, bool env)
{
	size_t n = strlen(s) + 1;
	int err;

	if (n > MAX_ARG_STRLEN || total_with(a, n) > ARG_TOTAL_MAX)
		return -E2BIG;
	err = grow(a, n);
	if (err)
		return err;
	memcpy(a->buf + a->len, s, n);
	a->len += n;
	count(a, env);
	return 0;
}

static int push_user(struct exec_args *a, const char *us, bool env)
{
	for (;;) {
		size_t room = a->cap - a->len;
		size_t lim = MIN(room, (size_t)MAX_ARG_STRLEN);
		long n = lim ? strncpy_from_user(a->buf + a->len, us, lim)
			     : -ENAMETOOLONG;
		int err;

		if (n >= 0) {
			if (total_with(a, n + 1) > ARG_TOTAL_MAX)
				return -E2BIG;
			a->len += n + 1;
			count(a, env);
			return 0;
		}
		if (n != -ENAMETOOLONG)
			return -EFAULT;
		if (lim == MAX_ARG_STRLEN ||
		    total_with(a, room) > ARG_TOTAL_MAX)
			return -E2BIG;
		err = grow(a, room + 1);
		if (err)
			return err;
	}
}

int exec_args_copy(struct exec_args *a, const char *const *vec, bool env,
		   bool user)
{
	size_t i;
	int err;

	if (!vec)
		return 0;
	for (i = 0;; i++) {
		const char *s;

		if (!user)
			s = vec[i];
		else if (copy_from_user(&s, &vec[i], sizeof(s)))
			return -EFAULT;
		if (!s)
			return 0;
		err = user ? push_user(a, s, env) : push_kernel(a, s, env);
		if (err)
			return err;
	}
}

int exec_args_replace_argv0(struct exec_args *a, const char *const *front,
			    int n)
{
	size_t first = a->argc ? strlen(a->buf) + 1 : 0, add = 0, len;
	struct exec_args b;
	int i;

	for (i = 0; i < n; i++) {
		size_t l = strlen(front[i]) + 1;

		if (l > MAX_ARG_STRLEN)
			return -E2BIG;
		add += l;
	}
	len = a->len - first + add;
	if (len + (a->argc - !!first + n + a->envc + 1) * sizeof(void *) >
	    ARG_TOTAL_MAX)
		return -E2BIG;
	exec_args_init(&b);
	if (grow(&b, len))
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		size_t l = strlen(front[i]) + 1;

		memcpy(b.buf + b.len, front[i], l);
		b.len += l;
	}
	memcpy(b.buf + b.len, a->buf + first, a->len - first);
	b.len += a->len - first;
	b.argc = a->argc - !!first + n;
	b.envc = a->envc;
	exec_args_free(a);
	*a = b;
	return 0;
}
