/*
 * Red-black tree (<core/rbtree.h>). The caller links a new node as a red
 * leaf; rb_insert_fixup() and rb_erase() restore the two invariants that
 * keep the tree balanced:
 *
 *   1. a red node has no red child;
 *   2. every path from a node down to a missing child (NULL) passes the
 *      same number of black nodes.
 *
 * The root is kept black. Missing children count as black leaves. Both
 * fixups walk up from the change and stop after at most three rotations,
 * so everything is O(log n).
 */
#include <core/rbtree.h>

static inline bool is_red(const struct rb_node *n)
{
	return n && n->red;
}

/* Makes new take old's place under old's parent (or as the root). */
static void replace_child(struct rb_root *root, struct rb_node *old,
			  struct rb_node *new)
{
	struct rb_node *parent = old->parent;

	if (!parent)
		root->node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
	if (new)
		new->parent = parent;
}

/*
 *     x              y
 *    / \            / \
 *   a   y    ->    x   c
 *      / \        / \
 *     b   c      a   b
 */
static void rotate_left(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	replace_child(root, x, y);
	y->left = x;
	x->parent = y;
}

/* The mirror image of rotate_left(). */
static void rotate_right(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	replace_child(root, x, y);
	y->right = x;
	x->parent = y;
}

void rb_insert_fixup(struct rb_root *root, struct rb_node *node)
{
	struct rb_node *parent, *grand, *uncle;

	/* node is red; the only possible violation is a red parent. */
	while ((parent = node->parent) && parent->red) {
		/* A red parent is never the root, so grand exists. */
		grand = parent->parent;
		if (parent == grand->left) {
			uncle = grand->right;
			if (is_red(uncle)) {
				/* Push the red up two levels and retry there. */
				parent->red = uncle->red = false;
				grand->red = true;
				node = grand;
				continue;
			}
			if (node == parent->right) {
				rotate_left(root, parent);
				node = parent;
				parent = node->parent;
			}
			rotate_right(root, grand);
		} else {
			uncle = grand->left;
			if (is_red(uncle)) {
				parent->red = uncle->red = false;
				grand->red = true;
				node = grand;
				continue;
			}
			if (node == parent->left) {
				rotate_right(root, parent);
				node = parent;
				parent = node->parent;
			}
			rotate_left(root, grand);
		}
		/* parent now heads the rotated subtree: black over two reds. */
		parent->red = false;
		grand->red = true;
		break;
	}
	root->node->red = false;
}

/*
 * One black node was removed from the paths through the position of x
 * (possibly NULL) under parent: rebalance until that deficit is gone.
 */
static void erase_fixup(struct rb_root *root, struct rb_node *x,
			struct rb_node *parent)
{
	struct rb_node *sib;

	while (x != root->node && !is_red(x)) {
		if (x == parent->left) {
			sib = parent->right;
			if (sib->red) {
				/* Make the sibling black; the deficit stays. */
				sib->red = false;
				parent->red = true;
				rotate_left(root, parent);
				sib = parent->right;
			}
			if (!is_red(sib->left) && !is_red(sib->right)) {
				/* Remove a black from the sibling's side too. */
				sib->red = true;
				x = parent;
				parent = x->parent;
				continue;
			}
			if (!is_red(sib->right)) {
				sib->left->red = false;
				sib->red = true;
				rotate_right(root, sib);
				sib = parent->right;
			}
			/* A red far nephew: one rotation ends the deficit. */
			sib->red = parent->red;
			parent->red = false;
			sib->right->red = false;
			rotate_left(root, parent);
		} else {
			sib = parent->left;
			if (sib->red) {
				sib->red = false;
				parent->red = true;
				rotate_right(root, parent);
				sib = parent->left;
			}
			if (!is_red(sib->left) && !is_red(sib->right)) {
				sib->red = true;
				x = parent;
				parent = x->parent;
				continue;
			}
			if (!is_red(sib->left)) {
				sib->right->red = false;
				sib->red = true;
				rotate_left(root, sib);
				sib = parent->left;
			}
			sib->red = parent->red;
			parent->red = false;
			sib->left->red = false;
			rotate_right(root, parent);
		}
		x = root->node;
		break;
	}
	if (x)
		x->red = false;
}

void rb_erase(struct rb_root *root, struct rb_node *node)
{
	struct rb_node *x, *parent, *succ;
	bool removed_red;

	if (!node->left || !node->right) {
		/* At most one child: it takes node's place. */
		x = node->left ? node->left : node->right;
		parent = node->parent;
		removed_red = node->red;
		replace_child(root, node, x);
	} else {
		/*
		 * Two children: the in-order successor (leftmost of the right
		 * subtree, no left child) moves into node's place and colour;
		 * the colour lost is the successor's, at its old position.
		 */
		succ = node->right;
		while (succ->left)
			succ = succ->left;
		x = succ->right;
		removed_red = succ->red;
		if (succ->parent == node) {
			parent = succ;
		} else {
			parent = succ->parent;
			replace_child(root, succ, x);
			succ->right = node->right;
			succ->right->parent = succ;
		}
		replace_child(root, node, succ);
		succ->left = node->left;
		succ->left->parent = succ;
		succ->red = node->red;
	}
	if (!removed_red && root->node)
		erase_fixup(root, x, parent);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->node;

	if (!n)
		return NULL;
	while (n->left)
		n = n->left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->node;

	if (!n)
		return NULL;
	while (n->right)
		n = n->right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	const struct rb_node *n = node;

	if (n->right) {
		n = n->right;
		while (n->left)
			n = n->left;
		return (struct rb_node *)n;
	}
	/* Climb until we come up from a left child. */
	while (n->parent && n == n->parent->right)
		n = n->parent;
	return n->parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	const struct rb_node *n = node;

	if (n->left) {
		n = n->left;
		while (n->right)
			n = n->right;
		return (struct rb_node *)n;
	}
	while (n->parent && n == n->parent->left)
		n = n->parent;
	return n->parent;
}
