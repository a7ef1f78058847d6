/*
 * The byte ring of a pipe (ring.h): a circular buffer over an array of
 * pages. Byte i of the ring (0 <= i < PIPE_RING_SIZE) lives at offset
 * i % page size of page i / page size. A page is allocated when a write
 * first reaches it and all pages go back as soon as the ring is empty,
 * which is the common state of a pipe between bursts.
 */
#include "ring.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/slab.h>
#include <core/string.h>

void pipe_ring_init(struct pipe_ring *r)
{
	memset(r, 0, sizeof(*r));
}

void pipe_ring_free(struct pipe_ring *r)
{
	for (size_t i = 0; i < PIPE_RING_PAGES; i++) {
		kfree(r->pages[i]);
		r->pages[i] = NULL;
	}
	r->head = 0;
	r->len = 0;
}

/* Bytes from ring offset off to the end of its page and of the ring. */
static size_t chunk(size_t off, size_t n)
{
	size_t room = PIPE_RING_PAGE_SIZE - off % PIPE_RING_PAGE_SIZE;

	return MIN(n, room);
}

ssize_t pipe_ring_write(struct pipe_ring *r, const void *src, size_t n)
{
	const char *s = src;
	size_t done = 0;

	n = MIN(n, pipe_ring_space(r));
	while (done < n) {
		size_t off = (r->head + r->len) % PIPE_RING_SIZE;
		size_t page = off / PIPE_RING_PAGE_SIZE;
		size_t c = chunk(off, n - done);

		if (!r->pages[page]) {
			r->pages[page] = kmalloc(PIPE_RING_PAGE_SIZE);
			if (!r->pages[page])
				return done ? (ssize_t)done : -ENOMEM;
		}
		memcpy((char *)r->pages[page] + off % PIPE_RING_PAGE_SIZE,
		       s + done, c);
		r->len += c;
		done += c;
	}
	return done;
}

size_t pipe_ring_read(struct pipe_ring *r, void *dst, size_t n)
{
	char *d = dst;
	size_t done = 0;

	n = MIN(n, r->len);
	while (done < n) {
		size_t page = r->head / PIPE_RING_PAGE_SIZE;
		size_t c = chunk(r->head, n - done);

		memcpy(d + done,
		       (char *)r->pages[page] + r->head % PIPE_RING_PAGE_SIZE,
		       c);
		r->head = (r->head + c) % PIPE_RING_SIZE;
		r->len -= c;
		done += c;
	}
	if (r->len == 0)
		pipe_ring_free(r);
	return done;
}
