/*
 * Red-black tree, intrusive: embed a struct rb_node in the object and find
 * the object back with container_of(). The caller searches and links a new
 * node itself (so the comparison stays typed and inline), then asks the
 * tree to rebalance:
 *
 *	struct rb_node **link = &root->node, *parent = NULL;
 *	while (*link) {
 *		parent = *link;
 *		link = key < keyof(parent) ? &parent->left : &parent->right;
 *	}
 *	rb_link_node(&obj->node, parent, link);
 *	rb_insert_fixup(root, &obj->node);
 *
 * All operations are O(log n); nothing allocates.
 */
#ifndef CORE_RBTREE_H
#define CORE_RBTREE_H

#include <core/types.h>

struct rb_node {
	struct rb_node *parent;
	struct rb_node *left;
	struct rb_node *right;
	bool red;
};

struct rb_root {
	struct rb_node *node;
};

#define RB_ROOT_INIT ((struct rb_root){ NULL })

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->parent = parent;
	node->left = node->right = NULL;
	node->red = true;
	*link = node;
}

/* Restores the red-black properties after rb_link_node(). */
void rb_insert_fixup(struct rb_root *root, struct rb_node *node);

/* Unlinks node from the tree. */
void rb_erase(struct rb_root *root, struct rb_node *node);

/* In-order traversal; NULL past either end. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

static inline bool rb_empty(const struct rb_root *root)
{
	return root->node == NULL;
}

#endif /* CORE_RBTREE_H */
