/*
 * The ABI differential suite's output helpers. Every program prints one
 * line per case, "<case>: <result>", in a form that is the same on every
 * architecture (errno and flag names, never raw numbers that differ by
 * arch), so Linux on the host is the oracle for every guest: the
 * harness runs the x86_64 build natively and compares each guest's
 * output with it line by line. Programs are built with -D_GNU_SOURCE.
 */
#ifndef ABI_H
#define ABI_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

static const char *errname(int e)
{
	static const struct { int e; const char *name; } names[] = {
		{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
		{ EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" },
		{ E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
		{ ECHILD, "ECHILD" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
		{ EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
		{ EEXIST, "EEXIST" }, { EXDEV, "EXDEV" }, { ENODEV, "ENODEV" },
		{ ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" }, { EINVAL, "EINVAL" },
		{ EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" }, { EFBIG, "EFBIG" },
		{ ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" }, { EROFS, "EROFS" },
		{ EMLINK, "EMLINK" }, { EPIPE, "EPIPE" }, { ERANGE, "ERANGE" },
		{ ENAMETOOLONG, "ENAMETOOLONG" }, { ENOSYS, "ENOSYS" },
		{ ENOTEMPTY, "ENOTEMPTY" }, { ELOOP, "ELOOP" },
		{ EOVERFLOW, "EOVERFLOW" }, { ETIMEDOUT, "ETIMEDOUT" },
		{ EOPNOTSUPP, "EOPNOTSUPP" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == e)
			return names[i].name;
	return "E?";
}

/* Prints "<what>: <ret>" or "<what>: -1 <ERRNO>". */
#define T(what, call)							\
	do {								\
		errno = 0;						\
		long _r = (long)(call);					\
		if (_r == -1)						\
			printf("%s: -1 %s\n", what, errname(errno));	\
		else							\
			printf("%s: %ld\n", what, _r);			\
		fflush(stdout);						\
	} while (0)

/* Prints whether a call succeeded, without its (varying) value. */
#define S(what, call)							\
	do {								\
		errno = 0;						\
		long _r = (long)(call);					\
		if (_r < 0)						\
			printf("%s: -1 %s\n", what, errname(errno));	\
		else							\
			printf("%s: ok\n", what);			\
		fflush(stdout);						\
	} while (0)

/*
 * "what: " then the n bytes at b, escaped, in quotes, with their count;
 * n < 0 prints the errno of the call that returned it.
 */
static __attribute__((unused)) void show_bytes(const char *what,
					       const char *b, ssize_t n)
{
	printf("%s: ", what);
	if (n < 0) {
		printf("-1 %s\n", errname(errno));
		return;
	}
	printf("\"");
	for (ssize_t i = 0; i < n; i++) {
		unsigned char c = b[i];

		if (c == '\n')
			printf("\\n");
		else if (c == '\r')
			printf("\\r");
		else if (c == '\b')
			printf("\\b");
		else if (c < 0x20 || c >= 0x7f)
			printf("\\x%02x", c);
		else
			printf("%c", c);
	}
	printf("\" (%zd)\n", n);
	fflush(stdout);
}

/* The open flags in f, by name (values differ between arches). */
static __attribute__((unused)) const char *oflags(int f)
{
	static char buf[256];
	static const struct { int f; const char *name; } bits[] = {
		{ O_APPEND, "APPEND" }, { O_NONBLOCK, "NONBLOCK" },
		{ O_DIRECTORY, "DIRECTORY" }, { O_NOFOLLOW, "NOFOLLOW" },
		{ O_CLOEXEC, "CLOEXEC" }, { O_LARGEFILE, "LARGEFILE" },
		{ O_DIRECT, "DIRECT" }, { O_SYNC, "SYNC" }, { O_PATH, "PATH" },
		{ O_NOATIME, "NOATIME" }, { O_DSYNC, "DSYNC" },
	};
	int acc = f & O_ACCMODE;

	snprintf(buf, sizeof(buf), "%s", acc == O_RDONLY ? "RDONLY" :
		 acc == O_WRONLY ? "WRONLY" : acc == O_RDWR ? "RDWR" : "ACC?");
	f &= ~O_ACCMODE;
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if ((f & bits[i].f) == bits[i].f && bits[i].f) {
			strcat(buf, "|");
			strcat(buf, bits[i].name);
			f &= ~bits[i].f;
		}
	}
	if (f)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "|0x%x", f);
	return buf;
}

#endif /* ABI_H */
