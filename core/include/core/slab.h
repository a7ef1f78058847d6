/*
 * Kernel heap. A slab cache hands out objects of one size, carved from
 * slabs of 2^order pages taken from the page allocator; kmalloc() picks a
 * power-of-two size-class cache (KMALLOC_MIN .. KMALLOC_MAX_CACHE bytes) or,
 * for larger sizes, takes whole pages from the buddy allocator.
 *
 * kmalloc(n) memory is aligned to the power of two at or above n, up to a
 * page. Every function masks interrupts itself, so all may be called from
 * interrupt handlers. Freeing memory that is not allocated is reported
 * (pr_err) and ignored, never turned into a corrupt heap.
 */
#ifndef CORE_SLAB_H
#define CORE_SLAB_H

#include <core/list.h>
#include <core/mm.h>
#include <core/types.h>

#define KMALLOC_MIN		8
#define KMALLOC_MAX_CACHE	(PAGE_SIZE / 2)

/* Fields are private to core/mm/slab.c; declared here for static caches. */
struct kmem_cache {
	const char *name;
	size_t size;		/* object size asked for */
	size_t stride;		/* object size rounded up to the alignment */
	unsigned int order;	/* a slab is 2^order pages */
	unsigned int objs;	/* objects per slab */
	struct list_head partial;	/* slabs with free and used objects */
	struct list_head full;
	struct list_head empty;		/* at most one, kept for reuse */
};

/*
 * Sets up a cache in caller-provided memory (for caches that exist before
 * the heap does). align is a power of two up to PAGE_SIZE, or 0 for the
 * default (8). Returns 0, or -EINVAL for a bad size or alignment.
 */
int kmem_cache_init(struct kmem_cache *cache, const char *name, size_t size,
		    size_t align);

/* kmem_cache_init() on a heap-allocated cache: the cache or ERR_PTR(). */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align);

/*
 * Frees a cache from kmem_cache_create() and its empty slab.
 * Returns 0, or -EBUSY (and does nothing) while objects are allocated.
 */
int kmem_cache_destroy(struct kmem_cache *cache);

/* An object (contents undefined), or NULL when memory is exhausted. */
void *kmem_cache_alloc(struct kmem_cache *cache);

/* Frees obj (NULL is ignored) back to the cache it came from. */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/* Sets up the size-class caches; called by mm_init(). */
void kmalloc_init(void);

/* size bytes (size 0 gives a minimal object), or NULL. */
void *kmalloc(size_t size);

/* kmalloc() of zeroed memory. */
void *kzalloc(size_t size);

/* Frees kmalloc() memory; NULL is ignored. */
void kfree(const void *ptr);

#endif /* CORE_SLAB_H */
