/*
 * Unit tests of fs/pipe/ring.c, the byte ring behind a pipe: writes stop
 * at 64 KiB, reads return bytes in order across page and wrap-around
 * boundaries, pages come and go with the data, and a failed page
 * allocation is reported without losing what was stored. A random run is
 * checked against a model FIFO.
 */
#include "../../../../fs/pipe/ring.h"
#include <core/errno.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

extern long fake_kmalloc_fail_after;

static unsigned int pages_held(const struct pipe_ring *r)
{
	unsigned int n = 0;

	for (int i = 0; i < PIPE_RING_PAGES; i++)
		n += r->pages[i] != NULL;
	return n;
}

static void test_empty(void **state)
{
	struct pipe_ring r;
	char buf[16];

	pipe_ring_init(&r);
	assert_int_equal(r.len, 0);
	assert_int_equal(pipe_ring_space(&r), 65536);
	assert_int_equal(pipe_ring_read(&r, buf, sizeof(buf)), 0);
	assert_int_equal(pages_held(&r), 0);
	pipe_ring_free(&r);
}

static void test_fill_to_capacity(void **state)
{
	static char in[PIPE_RING_SIZE + 100], out[PIPE_RING_SIZE + 100];
	struct pipe_ring r;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)(i * 7 + 3);
	pipe_ring_init(&r);
	assert_int_equal(pipe_ring_write(&r, in, sizeof(in)), PIPE_RING_SIZE);
	assert_int_equal(pipe_ring_space(&r), 0);
	assert_int_equal(pages_held(&r), PIPE_RING_PAGES);
	assert_int_equal(pipe_ring_write(&r, in, 1), 0);
	assert_int_equal(pipe_ring_read(&r, out, sizeof(out)), PIPE_RING_SIZE);
	assert_memory_equal(in, out, PIPE_RING_SIZE);
	/* Drained: every page went back. */
	assert_int_equal(pages_held(&r), 0);
	pipe_ring_free(&r);
}

static void test_wrap_around(void **state)
{
	static char in[PIPE_RING_SIZE], out[PIPE_RING_SIZE];
	struct pipe_ring r;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)(i ^ (i >> 8));
	pipe_ring_init(&r);
	/* Move the head near the end, then write across the wrap. */
	assert_int_equal(pipe_ring_write(&r, in, PIPE_RING_SIZE - 10), PIPE_RING_SIZE - 10);
	assert_int_equal(pipe_ring_read(&r, out, PIPE_RING_SIZE - 20), PIPE_RING_SIZE - 20);
	assert_int_equal(r.len, 10);
	assert_int_equal(pipe_ring_write(&r, in, 5000), 5000);
	assert_int_equal(pipe_ring_read(&r, out, 10), 10);
	assert_memory_equal(out, in + PIPE_RING_SIZE - 20, 10);
	assert_int_equal(pipe_ring_read(&r, out, 6000), 5000);
	assert_memory_equal(out, in, 5000);
	pipe_ring_free(&r);
}

static void test_enomem(void **state)
{
	char in[3 * PIPE_RING_PAGE_SIZE], out[sizeof(in)];
	struct pipe_ring r;

	memset(in, 'x', sizeof(in));
	pipe_ring_init(&r);
	fake_kmalloc_fail_after = 0;
	assert_int_equal(pipe_ring_write(&r, in, 10), -ENOMEM);
	assert_int_equal(r.len, 0);
	/* One page, then failure: the first page's bytes are kept. */
	fake_kmalloc_fail_after = 1;
	assert_int_equal(pipe_ring_write(&r, in, sizeof(in)), PIPE_RING_PAGE_SIZE);
	fake_kmalloc_fail_after = -1;
	assert_int_equal(pipe_ring_read(&r, out, sizeof(out)), PIPE_RING_PAGE_SIZE);
	assert_memory_equal(in, out, PIPE_RING_PAGE_SIZE);
	pipe_ring_free(&r);
}

static void test_random_against_model(void **state)
{
	static unsigned char model[PIPE_RING_SIZE];
	static unsigned char buf[3 * PIPE_RING_PAGE_SIZE];
	size_t mhead = 0, mlen = 0;
	unsigned int rng = 4242;
	unsigned char next = 0;
	struct pipe_ring r;

	pipe_ring_init(&r);
	for (int step = 0; step < 20000; step++) {
		size_t n;

		rng = rng * 1103515245u + 12345u;
		n = (rng >> 8) % sizeof(buf);
		if ((rng >> 4) & 1) {
			ssize_t w;

			for (size_t i = 0; i < n; i++)
				buf[i] = next++;
			w = pipe_ring_write(&r, buf, n);
			assert_int_equal(w, n < PIPE_RING_SIZE - mlen ? n : PIPE_RING_SIZE - mlen);
			for (ssize_t i = 0; i < w; i++)
				model[(mhead + mlen + i) % PIPE_RING_SIZE] = buf[i];
			mlen += w;
			next = (unsigned char)(next - (n - w));
		} else {
			size_t got = pipe_ring_read(&r, buf, n);

			assert_int_equal(got, n < mlen ? n : mlen);
			for (size_t i = 0; i < got; i++)
				assert_int_equal(buf[i], model[(mhead + i) % PIPE_RING_SIZE]);
			mhead = (mhead + got) % PIPE_RING_SIZE;
			mlen -= got;
		}
		assert_int_equal(r.len, mlen);
	}
	pipe_ring_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_fill_to_capacity),
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_enomem),
		cmocka_unit_test(test_random_against_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
