/*
 * The byte ring of a pipe (fs/pipe/ring.c): PIPE_RING_PAGES pages,
 * allocated as data first needs them and freed when the ring drains, so
 * an idle pipe costs no page. Plain memory in, plain memory out; the
 * pipe code does the locking and the waiting.
 */
#ifndef FS_PIPE_RING_H
#define FS_PIPE_RING_H

#include <core/types.h>

#define PIPE_RING_PAGE_SIZE	4096
#define PIPE_RING_PAGES		16
#define PIPE_RING_SIZE		(PIPE_RING_PAGES * PIPE_RING_PAGE_SIZE)

struct pipe_ring {
	void *pages[PIPE_RING_PAGES];
	size_t head;		/* offset of the oldest byte, < PIPE_RING_SIZE */
	size_t len;		/* bytes held */
};

static inline size_t pipe_ring_space(const struct pipe_ring *r)
{
	return PIPE_RING_SIZE - r->len;
}

/* An empty ring (no pages yet). */
void pipe_ring_init(struct pipe_ring *r);
/* Frees every page. */
void pipe_ring_free(struct pipe_ring *r);

/*
 * Appends up to n bytes of src (as many as fit). Returns the count
 * appended, which is short only when the ring filled, or -ENOMEM when no
 * byte could be stored for want of a page.
 */
ssize_t pipe_ring_write(struct pipe_ring *r, const void *src, size_t n);

/* Removes up to n bytes into dst, oldest first. Returns the count. */
size_t pipe_ring_read(struct pipe_ring *r, void *dst, size_t n);

#endif /* FS_PIPE_RING_H */
