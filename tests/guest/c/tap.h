/*
 * TAP output for the in-guest test programs: ok()/is_long() print one
 * "ok N - what" or "not ok N - what" line each; done_testing() prints
 * the plan and returns the exit status (0 when everything passed).
 */
#ifndef GUEST_TAP_H
#define GUEST_TAP_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Passes when got == want; says both otherwise. */
#define is_long(got, want, ...)						\
	do {								\
		long _g = (long)(got), _w = (long)(want);		\
		ok(_g == _w, __VA_ARGS__);				\
		if (_g != _w)						\
			printf("#   got %ld (errno %d %s), want %ld\n",	\
			       _g, errno, strerror(errno), _w);		\
	} while (0)

/* A call that must fail with errno e. */
#define fails_with(call, e, ...)					\
	do {								\
		errno = 0;						\
		long _r = (long)(call);					\
		int _e = errno;						\
		ok(_r == -1 && _e == (e), __VA_ARGS__);			\
		if (!(_r == -1 && _e == (e)))				\
			printf("#   got %ld errno %d (%s), want -1 errno %d\n", \
			       _r, _e, strerror(_e), (e));		\
	} while (0)

static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif /* GUEST_TAP_H */
