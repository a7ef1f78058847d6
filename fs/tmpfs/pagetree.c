/*
 * The sparse page array of tmpfs files (see pagetree.h). Nodes and pages
 * are page-sized kmalloc() blocks.
 */
#include <core/mm.h>
#include <core/slab.h>

#include "pagetree.h"

#define PT_SHIFT	9
#define PT_SLOTS	(1u << PT_SHIFT)

static uint64_t span(unsigned int height)
{
	return 1ULL << (PT_SHIFT * height);
}

void *pt_lookup(const struct pagetree *t, uint64_t idx)
{
	void *node = t->root;

	if (idx >= span(t->height))
		return NULL;
	for (unsigned int h = t->height; h > 0 && node; h--)
		node = ((void **)node)[(idx >> (PT_SHIFT * (h - 1))) &
				       (PT_SLOTS - 1)];
	return node;
}

void **pt_slot(struct pagetree *t, uint64_t idx)
{
	void **slot = &t->root;

	while (idx >= span(t->height)) {
		void **node;

		if (t->height == PT_MAX_HEIGHT)
			return NULL;
		if (t->root) {
			node = kzalloc(PAGE_SIZE);
			if (!node)
				return NULL;
			node[0] = t->root;
			t->root = node;
		}
		t->height++;
	}
	for (unsigned int h = t->height; h > 0; h--) {
		if (!*slot) {
			*slot = kzalloc(PAGE_SIZE);
			if (!*slot)
				return NULL;
		}
		slot = &((void **)*slot)[(idx >> (PT_SHIFT * (h - 1))) &
					 (PT_SLOTS - 1)];
	}
	return slot;
}

static bool next_in(void *node, unsigned int h, uint64_t base, uint64_t from,
		    uint64_t *idx)
{
	if (!node)
		return false;
	if (h == 0) {
		*idx = base;
		return true;
	}
	for (unsigned int i = 0; i < PT_SLOTS; i++) {
		uint64_t b = base + i * span(h - 1);

		if (b + span(h - 1) <= from)
			continue;
		if (next_in(((void **)node)[i], h - 1, b, from, idx))
			return true;
	}
	return false;
}

bool pt_next(const struct pagetree *t, uint64_t from, uint64_t *idx)
{
	if (from >= span(t->height))
		return false;
	return next_in(t->root, t->height, 0, from, idx);
}

static void *truncate_in(void *node, unsigned int h, uint64_t base,
			 uint64_t from, uint64_t *freed)
{
	bool empty = true;

	if (!node)
		return NULL;
	if (h == 0) {
		if (base < from)
			return node;
		kfree(node);
		(*freed)++;
		return NULL;
	}
	for (unsigned int i = 0; i < PT_SLOTS; i++) {
		void **slot = &((void **)node)[i];
		uint64_t b = base + i * span(h - 1);

		if (b + span(h - 1) > from)
			*slot = truncate_in(*slot, h - 1, b, from, freed);
		if (*slot)
			empty = false;
	}
	if (!empty)
		return node;
	kfree(node);
	return NULL;
}

uint64_t pt_truncate(struct pagetree *t, uint64_t from)
{
	uint64_t freed = 0;

	t->root = truncate_in(t->root, t->height, 0, from, &freed);
	if (!t->root)
		t->height = 0;
	return freed;
}
