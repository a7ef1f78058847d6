/*
 * Pipes, poll, select, epoll, eventfd and futex: blocking and
 * non-blocking pipe I/O, EPIPE and SIGPIPE, readiness through each
 * waiting call with time-outs and signals, eventfd counters, futex wait,
 * wake, requeue and time-outs.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define CHECK(c)							\
	do {								\
		int _ok = !!(c);					\
		ok(_ok, "%s", #c);					\
		if (!_ok)						\
			printf("#   errno %d\n", errno);			\
	} while (0)

static volatile int got_pipe;
static void on_sigpipe(int s) { got_pipe = 1; }
static void on_alrm(int s) { }

static long ms_since(struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

static long futex(uint32_t *u, int op, uint32_t v, struct timespec *t, uint32_t *u2, uint32_t v3)
{
	return syscall(SYS_futex, u, op, v, t, u2, v3);
}

int main(void)
{
	int p[2], q[2], r;
	char buf[100000];
	struct stat st;
	struct timespec t0;

	CHECK(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0);
	CHECK(read(p[0], buf, 10) == -1 && errno == EAGAIN);
	CHECK(write(p[1], "hello", 5) == 5);
	CHECK(ioctl(p[0], FIONREAD, &r) == 0 && r == 5);
	CHECK(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
	CHECK(read(p[0], buf, 100) == 5 && memcmp(buf, "hello", 5) == 0);
	CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC);
	memset(buf, 'a', sizeof(buf));
	CHECK(write(p[1], buf, sizeof(buf)) == 65536);
	CHECK(write(p[1], buf, 1) == -1 && errno == EAGAIN);
	{
		struct pollfd pf = { p[1], POLLOUT, 0 };
		CHECK(poll(&pf, 1, 0) == 0);
	}
	CHECK(read(p[0], buf, sizeof(buf)) == 65536);
	CHECK(pipe2(q, 0x1) == -1 && errno == EINVAL);
	close(p[1]);
	CHECK(read(p[0], buf, 10) == 0);
	{
		struct pollfd pf = { p[0], POLLIN, 0 };
		CHECK(poll(&pf, 1, 0) == 1 && pf.revents == POLLHUP);
	}
	close(p[0]);

	/* EPIPE and SIGPIPE. */
	CHECK(pipe(p) == 0);
	close(p[0]);
	signal(SIGPIPE, on_sigpipe);
	CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE && got_pipe);
	{
		struct pollfd pf = { p[1], POLLOUT, 0 };
		CHECK(poll(&pf, 1, 0) == 1 && (pf.revents & POLLERR));
	}
	close(p[1]);

	/* Blocking read woken by a child's write; poll timeouts. */
	CHECK(pipe(p) == 0);
	{
		struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { 999, POLLIN, 0 } };
		clock_gettime(CLOCK_MONOTONIC, &t0);
		CHECK(poll(pf, 1, 100) == 0 && ms_since(&t0) >= 99);
		CHECK(poll(pf, 2, 0) == 1 && pf[1].revents == POLLNVAL);
	}
	if (fork() == 0) {
		usleep(50000);
		write(p[1], "zz", 2);
		_exit(0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(read(p[0], buf, 10) == 2 && ms_since(&t0) >= 40);
	wait(NULL);
	{
		fd_set rs;
		struct timeval tv = { 0, 200000 };
		FD_ZERO(&rs);
		FD_SET(p[0], &rs);
		if (fork() == 0) {
			usleep(50000);
			write(p[1], "z", 1);
			_exit(0);
		}
		struct timespec ts = { 0, 200000000 };
		(void)tv;
		CHECK(syscall(SYS_pselect6, p[0] + 1, &rs, NULL, NULL, &ts, NULL) == 1 && FD_ISSET(p[0], &rs));
		CHECK(ts.tv_sec == 0 && ts.tv_nsec > 0 && ts.tv_nsec < 200000000);
		wait(NULL);
		FD_ZERO(&rs);
		FD_SET(77, &rs);
		CHECK(select(78, &rs, NULL, NULL, NULL) == -1 && errno == EBADF);
	}
	read(p[0], buf, 10);

	/* epoll. */
	{
		int ep = epoll_create1(EPOLL_CLOEXEC);
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1234567890ULL }, out[4];
		CHECK(ep >= 0);
		CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
		CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == -1 && errno == EEXIST);
		CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev) == -1 && errno == ENOENT);
		CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev) == -1 && errno == EINVAL);
		CHECK(epoll_wait(ep, out, 4, 0) == 0);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		CHECK(epoll_wait(ep, out, 4, 60) == 0 && ms_since(&t0) >= 59);
		write(p[1], "e", 1);
		CHECK(epoll_wait(ep, out, 4, -1) == 1 && out[0].events == EPOLLIN && out[0].data.u64 == 0x1234567890ULL);
		CHECK(epoll_wait(ep, out, 4, 0) == 1); /* level-triggered: still there */
		ev.events = EPOLLIN | EPOLLET;
		CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev) == 0);
		CHECK(epoll_wait(ep, out, 4, 0) == 1);
		CHECK(epoll_wait(ep, out, 4, 0) == 0); /* edge: reported once */
		write(p[1], "f", 1);
		CHECK(epoll_wait(ep, out, 4, 0) == 1);
		ev.events = EPOLLIN | EPOLLONESHOT;
		CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev) == 0);
		CHECK(epoll_wait(ep, out, 4, 0) == 1);
		CHECK(epoll_wait(ep, out, 4, 0) == 0);
		CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0);
		CHECK(epoll_wait(ep, out, 0, 0) == -1 && errno == EINVAL);
		read(p[0], buf, 10);
		/* A wait woken by a child's write. */
		ev.events = EPOLLIN;
		CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
		if (fork() == 0) {
			usleep(50000);
			write(p[1], "g", 1);
			_exit(0);
		}
		CHECK(epoll_wait(ep, out, 4, 2000) == 1);
		wait(NULL);
		read(p[0], buf, 10);
		/* Interrupted by a handled signal: EINTR. */
		signal(SIGALRM, on_alrm);
		ualarm(50000, 0);
		CHECK(epoll_wait(ep, out, 4, 2000) == -1 && errno == EINTR);
		ualarm(50000, 0);
		{
			struct pollfd pf = { p[0], POLLIN, 0 };
			CHECK(poll(&pf, 1, 2000) == -1 && errno == EINTR);
		}
		close(ep);
	}

	/* eventfd. */
	{
		int e = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
		uint64_t v = 0;
		CHECK(e >= 0);
		CHECK(read(e, &v, 8) == 8 && v == 3);
		CHECK(read(e, &v, 8) == -1 && errno == EAGAIN);
		CHECK(read(e, &v, 4) == -1 && errno == EINVAL);
		v = ~0ULL;
		CHECK(write(e, &v, 8) == -1 && errno == EINVAL);
		v = 0xfffffffffffffffeULL;
		CHECK(write(e, &v, 8) == 8);
		v = 1;
		CHECK(write(e, &v, 8) == -1 && errno == EAGAIN);
		close(e);
		e = eventfd(2, EFD_SEMAPHORE);
		CHECK(read(e, &v, 8) == 8 && v == 1);
		{
			struct pollfd pf = { e, POLLIN | POLLOUT, 0 };
			CHECK(poll(&pf, 1, 0) == 1 && pf.revents == (POLLIN | POLLOUT));
		}
		close(e);
	}

	/* futex. */
	{
		static uint32_t word = 5;
		struct timespec ts = { 0, 50000000 };
		CHECK(futex(&word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0) == -1 && errno == EAGAIN);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		CHECK(futex(&word, FUTEX_WAIT_PRIVATE, 5, &ts, NULL, 0) == -1 && errno == ETIMEDOUT && ms_since(&t0) >= 49);
		CHECK(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0);
		CHECK(futex((uint32_t *)((char *)&word + 1), FUTEX_WAKE, 1, NULL, NULL, 0) == -1 && errno == EINVAL);
		CHECK(futex(&word, FUTEX_WAIT_BITSET, 5, NULL, NULL, 0) == -1 && errno == EINVAL);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 30000000;
		if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
		CHECK(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5, &ts, NULL, ~0u) == -1 && errno == ETIMEDOUT);
		CHECK(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word, 4) == -1 && errno == EAGAIN);
		CHECK(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word, 5) == 0);
	}
	return done_testing();
}
