/*
 * A sparse array of pages indexed by page number, for tmpfs file data: a
 * radix tree of 512-slot nodes that grows in height as higher indexes are
 * used. Only indexes written to have a page; holes cost nothing.
 */
#ifndef FS_TMPFS_PAGETREE_H
#define FS_TMPFS_PAGETREE_H

#include <core/types.h>

#define PT_MAX_HEIGHT	4	/* 2^36 pages: files up to 256 TiB */

struct pagetree {
	void *root;
	unsigned int height;	/* 0: root is the page of index 0 */
};

/* The page at idx, or NULL for a hole. */
void *pt_lookup(const struct pagetree *t, uint64_t idx);
/* The slot for idx, creating nodes; NULL without memory or past the max. */
void **pt_slot(struct pagetree *t, uint64_t idx);
/* The first present index >= from in *idx; false when there is none. */
bool pt_next(const struct pagetree *t, uint64_t from, uint64_t *idx);
/* Frees every page at index >= from (and emptied nodes); returns how many. */
uint64_t pt_truncate(struct pagetree *t, uint64_t from);

#endif /* FS_TMPFS_PAGETREE_H */
