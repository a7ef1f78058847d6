/*
 * Unit tests of core/lib/rbtree.c against a model: a sorted array holding
 * the same keys. After every insert and erase the tree must hold exactly
 * the model's keys in order (forwards with rb_first/rb_next, backwards
 * with rb_last/rb_prev), its parent links must be consistent, and the
 * red-black invariants must hold: black root, no red node with a red
 * child, the same black height on every path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <core/rbtree.h>

#define MAX_NODES 600

struct item {
	struct rb_node node;
	int key;
	bool in_tree;
};

static struct item items[MAX_NODES];
static int model[MAX_NODES];
static int model_len;
static struct rb_root root;
static unsigned int rng = 12345;

static unsigned int rnd(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static int key_of(const struct rb_node *n)
{
	return container_of(n, struct item, node)->key;
}

static void tree_insert(struct item *it)
{
	struct rb_node **link = &root.node, *parent = NULL;

	/* Equal keys go to the right: duplicates keep insertion order. */
	while (*link) {
		parent = *link;
		link = it->key < key_of(parent) ? &parent->left : &parent->right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_fixup(&root, &it->node);
	it->in_tree = true;
}

static void model_insert(int key)
{
	int i = model_len;

	while (i > 0 && model[i - 1] > key) {
		model[i] = model[i - 1];
		i--;
	}
	model[i] = key;
	model_len++;
}

static void model_erase(int key)
{
	int i = 0;

	while (model[i] != key)
		i++;
	memmove(&model[i], &model[i + 1], (model_len - i - 1) * sizeof(int));
	model_len--;
}

/* Checks the subtree at n; returns its black height and counts nodes. */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent,
			 int *count)
{
	int lh, rh;

	if (!n)
		return 1;
	assert_ptr_equal(n->parent, parent);
	if (n->red) {
		assert_false(n->left && n->left->red);
		assert_false(n->right && n->right->red);
	}
	if (n->left)
		assert_true(key_of(n->left) <= key_of(n));
	if (n->right)
		assert_true(key_of(n->right) >= key_of(n));
	lh = check_subtree(n->left, n, count);
	rh = check_subtree(n->right, n, count);
	assert_int_equal(lh, rh);
	(*count)++;
	return lh + !n->red;
}

static void check_tree(void)
{
	const struct rb_node *n;
	int count = 0, i;

	if (root.node)
		assert_false(root.node->red);
	check_subtree(root.node, NULL, &count);
	assert_int_equal(count, model_len);
	assert_int_equal(rb_empty(&root), model_len == 0);

	for (n = rb_first(&root), i = 0; n; n = rb_next(n), i++)
		assert_int_equal(key_of(n), model[i]);
	assert_int_equal(i, model_len);
	for (n = rb_last(&root), i = model_len - 1; n; n = rb_prev(n), i--)
		assert_int_equal(key_of(n), model[i]);
	assert_int_equal(i, -1);
}

static void reset(void)
{
	memset(items, 0, sizeof(items));
	model_len = 0;
	root = RB_ROOT_INIT;
}

static void test_empty(void **state)
{
	reset();
	assert_true(rb_empty(&root));
	assert_null(rb_first(&root));
	assert_null(rb_last(&root));
}

static void test_ascending_then_descending(void **state)
{
	int i;

	reset();
	for (i = 0; i < 200; i++) {
		items[i].key = i;
		tree_insert(&items[i]);
		model_insert(i);
		check_tree();
	}
	for (i = 199; i >= 0; i--) {
		rb_erase(&root, &items[i].node);
		model_erase(i);
		check_tree();
	}
	assert_true(rb_empty(&root));
}

static void test_erase_root_repeatedly(void **state)
{
	int i;

	reset();
	for (i = 0; i < 100; i++) {
		items[i].key = (i * 37) % 100;
		tree_insert(&items[i]);
		model_insert(items[i].key);
	}
	while (root.node) {
		struct item *it = container_of(root.node, struct item, node);

		rb_erase(&root, root.node);
		model_erase(it->key);
		check_tree();
	}
}

/* Random inserts and erases, duplicates allowed, checked after each step. */
static void test_random_against_model(void **state)
{
	int step, i;

	for (int round = 0; round < 4; round++) {
		reset();
		for (step = 0; step < 6000; step++) {
			struct item *it = &items[rnd() % MAX_NODES];

			if (!it->in_tree) {
				it->key = (int)(rnd() % (round == 0 ? 50 : 100000));
				tree_insert(it);
				model_insert(it->key);
			} else {
				rb_erase(&root, &it->node);
				it->in_tree = false;
				model_erase(it->key);
			}
			check_tree();
		}
		for (i = 0; i < MAX_NODES; i++)
			if (items[i].in_tree) {
				rb_erase(&root, &items[i].node);
				model_erase(items[i].key);
				check_tree();
			}
		assert_true(rb_empty(&root));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_ascending_then_descending),
		cmocka_unit_test(test_erase_root_repeatedly),
		cmocka_unit_test(test_random_against_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
