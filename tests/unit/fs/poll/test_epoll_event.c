/*
 * Unit tests of fs/poll/epoll_event.h, the two user layouts of struct
 * epoll_event: the packed one (12 bytes, x86_64) must match the host C
 * library's struct (this test runs on an x86_64 host), and the aligned
 * one (16 bytes, aarch64) a struct of the generic shape.
 */
#include "../../../../fs/poll/epoll_event.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sys/epoll.h>

struct aligned_event {
	uint32_t events;
	uint64_t data;
};

static void test_sizes(void **state)
{
	assert_int_equal(epoll_event_size(true), 12);
	assert_int_equal(epoll_event_size(false), 16);
	assert_int_equal(sizeof(struct aligned_event), 16);
#if defined(__x86_64__)
	assert_int_equal(sizeof(struct epoll_event), 12);
#endif
}

static void test_packed_matches_host(void **state)
{
#if defined(__x86_64__)
	struct epoll_event ev;
	unsigned char buf[16];
	uint32_t events;
	uint64_t data;

	epoll_event_encode(buf, true, EPOLLIN | EPOLLET, 0x1122334455667788ULL);
	memcpy(&ev, buf, sizeof(ev));
	assert_int_equal(ev.events, EPOLLIN | EPOLLET);
	assert_true(ev.data.u64 == 0x1122334455667788ULL);

	ev.events = EPOLLOUT | EPOLLHUP;
	ev.data.u64 = 0xdeadbeefcafef00dULL;
	memcpy(buf, &ev, sizeof(ev));
	epoll_event_decode(buf, true, &events, &data);
	assert_int_equal(events, EPOLLOUT | EPOLLHUP);
	assert_true(data == 0xdeadbeefcafef00dULL);
#else
	skip();
#endif
}

static void test_aligned_matches_generic(void **state)
{
	struct aligned_event ev;
	unsigned char buf[16];
	uint32_t events;
	uint64_t data;

	memset(buf, 0xff, sizeof(buf));
	epoll_event_encode(buf, false, 0x80000005u, 42);
	memcpy(&ev, buf, sizeof(ev));
	assert_int_equal(ev.events, 0x80000005u);
	assert_true(ev.data == 42);
	/* The padding between the fields is zeroed. */
	for (int i = 4; i < 8; i++)
		assert_int_equal(buf[i], 0);

	ev.events = 7;
	ev.data = ~0ULL;
	memcpy(buf, &ev, sizeof(ev));
	epoll_event_decode(buf, false, &events, &data);
	assert_int_equal(events, 7);
	assert_true(data == ~0ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_packed_matches_host),
		cmocka_unit_test(test_aligned_matches_generic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
