/*
 * Unit tests of core/lib/fdt.c on device trees compiled by dtc from the
 * .dts files of fixtures/ and on the DTB QEMU's virt machine generates, both
 * made at test build time (see the Makefile), and on small blobs written
 * here in shapes dtc never emits. Then the same calls on broken blobs:
 * truncated buffers, cut blocks, bad header offsets, missing terminators
 * and random corruption, which must give errors and never an out-of-bounds
 * read (every blob sits in a malloc() of exactly its size, so ASan sees
 * any).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <core/fdt.h>

struct blob {
	uint8_t *data;
	size_t len;
};

static struct blob basic, empty, virt, children;

static struct blob load(const char *name)
{
	char path[512];
	struct blob b;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	b.len = ftell(f);
	rewind(f);
	b.data = malloc(b.len);
	if (!b.data || fread(b.data, 1, b.len, f) != b.len)
		abort();
	fclose(f);
	return b;
}

static struct blob copy(const struct blob *b, size_t len)
{
	struct blob c = { malloc(len ? len : 1), len };

	memcpy(c.data, b->data, len < b->len ? len : b->len);
	return c;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* Header field i (in 32-bit words). */
#define H_TOTALSIZE	1
#define H_OFF_STRUCT	2
#define H_OFF_STRINGS	3
#define H_OFF_RSVMAP	4
#define H_VERSION	5
#define H_LAST_COMP	6
#define H_SIZE_STRINGS	8
#define H_SIZE_STRUCT	9

static uint32_t field(const struct blob *b, int i)
{
	return be32(b->data + 4 * i);
}

static void set_field(struct blob *b, int i, uint32_t v)
{
	put_be32(b->data + 4 * i, v);
}

static int path(const struct blob *b, const char *p)
{
	return fdt_path_offset(b->data, p);
}

static void assert_reg(const struct blob *b, int node, int index,
		       uint64_t base, uint64_t size)
{
	uint64_t got_base = 0, got_size = 0;

	assert_int_equal(fdt_reg(b->data, node, index, &got_base, &got_size),
			 0);
	assert_int_equal(got_base, base);
	assert_int_equal(got_size, size);
}

static int setup(void **state)
{
	basic = load("basic.dtb");
	empty = load("empty.dtb");
	virt = load("qemu-virt.dtb");
	children = load("children.dtb");
	return 0;
}

static int teardown(void **state)
{
	free(basic.data);
	free(empty.data);
	free(virt.data);
	free(children.data);
	return 0;
}

static void test_header(void **state)
{
	assert_int_equal(fdt_check(basic.data), 0);
	assert_int_equal(fdt_check_len(basic.data, basic.len), 0);
	assert_int_equal(fdt_check_len(basic.data, basic.len - 1), -EINVAL);
	assert_int_equal(fdt_check_len(basic.data, 39), -EINVAL);
	assert_int_equal(fdt_total_size(basic.data), basic.len);
	assert_int_equal(fdt_check(NULL), -EINVAL);
}

static void test_paths(void **state)
{
	int root = path(&basic, "/");

	assert_true(root >= 0);
	assert_string_equal(fdt_node_name(basic.data, root), "");
	assert_string_equal(fdt_node_name(basic.data, path(&basic, "/chosen")),
			    "chosen");
	assert_string_equal(
		fdt_node_name(basic.data, path(&basic, "/soc/serial@2000")),
		"serial@2000");
	/* Without a unit address the first node of that name matches. */
	assert_int_equal(path(&basic, "/soc/serial"),
			 path(&basic, "/soc/serial@1000"));
	assert_int_equal(path(&basic, "//soc//bus@3000/"),
			 path(&basic, "/soc/bus@3000"));
	assert_string_equal(
		fdt_node_name(basic.data,
			      path(&basic, "/soc/bus@3000/leaf@7/deep/deeper")),
		"deeper");
	assert_int_equal(path(&basic, "/soc/serial@3000"), -ENOENT);
	assert_int_equal(path(&basic, "/deep"), -ENOENT);
	assert_int_equal(path(&basic, "/so"), -ENOENT);
	assert_int_equal(path(&basic, "/chosen/x"), -ENOENT);
	assert_int_equal(path(&basic, "chosen"), -EINVAL);
	assert_int_equal(path(&basic, ""), -EINVAL);
	assert_int_equal(path(&empty, "/"), 0);
	assert_int_equal(path(&empty, "/chosen"), -ENOENT);
}

static void test_props(void **state)
{
	int chosen = path(&basic, "/chosen");
	int serial = path(&basic, "/soc/serial@1000");
	int deeper = path(&basic, "/soc/bus@3000/leaf@7/deep/deeper");
	const char *s;
	uint32_t v = 0;
	int len = -1;

	s = fdt_getprop(basic.data, chosen, "bootargs", &len);
	assert_non_null(s);
	assert_string_equal(s, "console=ttyAMA0 test=boot");
	assert_int_equal(len, strlen(s) + 1);
	assert_null(fdt_getprop(basic.data, chosen, "nope", &len));
	assert_non_null(fdt_getprop(basic.data, serial, "empty", &len));
	assert_int_equal(len, 0);
	assert_non_null(fdt_getprop(basic.data, serial, "odd", NULL));
	/* Properties of children are not the node's own. */
	assert_null(fdt_getprop(basic.data, path(&basic, "/soc"), "interrupts",
				NULL));

	assert_int_equal(fdt_prop_u32(basic.data, deeper, "value", &v), 0);
	assert_int_equal(v, 0xdeadbeef);
	assert_int_equal(fdt_prop_u32(basic.data, serial, "odd", &v), -EINVAL);
	assert_int_equal(fdt_prop_u32(basic.data, serial, "interrupts", &v),
			 -EINVAL);
	assert_int_equal(fdt_prop_u32(basic.data, serial, "nope", &v),
			 -ENOENT);

	assert_true(fdt_is_compatible(basic.data, serial, "arm,pl011"));
	assert_true(fdt_is_compatible(basic.data, serial, "arm,primecell"));
	assert_false(fdt_is_compatible(basic.data, serial, "arm,pl01"));
	assert_false(fdt_is_compatible(basic.data, serial, "arm"));
	assert_false(fdt_is_compatible(basic.data, chosen, "arm,pl011"));
}

static void test_search(void **state)
{
	int node, count;

	assert_int_equal(fdt_node_by_compatible(basic.data, -1, "test,board"),
			 path(&basic, "/"));
	node = fdt_node_by_compatible(basic.data, -1, "arm,primecell");
	assert_int_equal(node, path(&basic, "/soc/serial@1000"));
	assert_int_equal(fdt_node_by_compatible(basic.data, node,
						"arm,primecell"), -ENOENT);
	assert_int_equal(fdt_node_by_compatible(basic.data, -1, "test,leaf"),
			 path(&basic, "/soc/bus@3000/leaf@7"));
	assert_int_equal(fdt_node_by_compatible(basic.data, -1, "none"),
			 -ENOENT);

	count = 0;
	for (node = fdt_node_by_name(basic.data, -1, "memory"); node >= 0;
	     node = fdt_node_by_name(basic.data, node, "memory"))
		count++;
	assert_int_equal(count, 2);
	assert_int_equal(fdt_node_by_name(basic.data, -1, "serial"),
			 path(&basic, "/soc/serial@1000"));
	assert_int_equal(fdt_node_by_name(basic.data, -1, "deeper"),
			 path(&basic, "/soc/bus@3000/leaf@7/deep/deeper"));
	assert_int_equal(fdt_node_by_name(basic.data, -1, "seria"), -ENOENT);
	assert_int_equal(fdt_node_by_name(empty.data, -1, "x"), -ENOENT);
}

static void test_reg(void **state)
{
	int mem = path(&basic, "/memory@40000000");
	uint64_t base, size;

	assert_reg(&basic, mem, 0, 0x40000000, 0x10000000);
	assert_reg(&basic, mem, 1, 0x100000000ULL, 0x20000000);
	assert_int_equal(fdt_reg(basic.data, mem, 2, &base, &size), -ENOENT);
	assert_int_equal(fdt_reg(basic.data, mem, -1, &base, &size), -ENOENT);
	assert_reg(&basic, path(&basic, "/soc/serial@2000"), 0, 0x2000, 0x100);
	assert_reg(&basic, path(&basic, "/soc/bus@3000"), 0, 0x3000, 0x10);
	/* #size-cells = <0>: a size of 0. */
	assert_reg(&basic, path(&basic, "/soc/bus@3000/leaf@7"), 0, 7, 0);
	assert_int_equal(fdt_reg(basic.data, path(&basic, "/chosen"), 0, &base,
				 &size), -ENOENT);
	assert_int_equal(fdt_reg(basic.data, path(&basic, "/"), 0, &base,
				 &size), -ENOENT);
	assert_int_equal(fdt_reg(basic.data, path(&basic, "/badcells/child@0"),
				 0, &base, &size), -EINVAL);
	assert_int_equal(fdt_reg(basic.data, path(&basic, "/badlen/child@0"),
				 0, &base, &size), -EINVAL);
}

/* Asserts that node's children are the nodes at paths, in that order. */
static void assert_children(const struct blob *b, const char *node,
			    const char *const *paths, int n)
{
	int child = fdt_first_child(b->data, path(b, node)), i;

	for (i = 0; i < n; i++) {
		assert_int_equal(child, path(b, paths[i]));
		child = fdt_next_sibling(b->data, child);
	}
	assert_int_equal(child, -ENOENT);
}

/*
 * Visits the subtree under node by first_child/next_sibling, storing the
 * first max offsets in order in out. Returns the number of nodes seen,
 * or the error that ended a walk. Every step moves forward in the blob and
 * the depth is bounded, so it ends on any blob.
 */
static int walk(const void *fdt, int node, int *out, int max, int depth)
{
	int child, n = 1, sub;

	if (max > 0)
		out[0] = node;
	if (depth > 40)
		return -ELOOP;
	for (child = fdt_first_child(fdt, node); child >= 0;
	     child = fdt_next_sibling(fdt, child)) {
		sub = walk(fdt, child, n < max ? out + n : NULL, max - n,
			   depth + 1);
		if (sub < 0)
			return sub;
		n += sub;
	}
	return child == -ENOENT ? n : child;
}

static void test_children(void **state)
{
	static const char *const root[] = { "/a", "/b", "/c" };
	static const char *const a[] = { "/a/a1", "/a/a2", "/a/a3" };
	static const char *const a2[] = { "/a/a2/a2x" };
	static const char *const c[] = { "/c/c1" };
	static const char *const soc[] = { "/soc/serial@1000",
					   "/soc/serial@2000",
					   "/soc/bus@3000" };
	static const char *const leaves[] = { "/b", "/a/a1", "/a/a3",
					      "/a/a2/a2x", "/c/c1" };
	int nodes[64], n, i;
	size_t j;

	assert_children(&children, "/", root, 3);
	assert_children(&children, "/a", a, 3);
	assert_children(&children, "/a/a2", a2, 1);
	assert_children(&children, "/c", c, 1);
	for (j = 0; j < sizeof(leaves) / sizeof(leaves[0]); j++)
		assert_children(&children, leaves[j], NULL, 0);
	assert_children(&basic, "/soc", soc, 3);
	assert_children(&empty, "/", NULL, 0);
	/* The root has no siblings. */
	assert_int_equal(fdt_next_sibling(children.data, 0), -ENOENT);
	assert_int_equal(fdt_next_sibling(empty.data, 0), -ENOENT);

	/* The whole tree, in document order, as the searches see it. */
	assert_int_equal(walk(basic.data, 0, nodes, 64, 0), 15);
	n = walk(virt.data, 0, nodes, 64, 0);
	assert_true(n > 20 && n <= 64);
	for (i = 1; i < n; i++)
		assert_int_equal(fdt_node_by_name(virt.data, nodes[i - 1],
						  fdt_node_name(virt.data,
								nodes[i])),
				 nodes[i]);
}

/* A small blob writer for trees dtc will not produce. */
struct writer {
	uint8_t st[256];
	size_t len;
	char strs[64];
	size_t strs_len;
};

static void w_tok(struct writer *w, uint32_t v)
{
	put_be32(w->st + w->len, v);
	w->len += 4;
}

/* Returns the offset of the node begun. */
static int w_begin(struct writer *w, const char *name)
{
	int off = w->len;

	w_tok(w, 1);
	strcpy((char *)w->st + w->len, name);
	w->len += (strlen(name) + 4) & ~3UL;
	return off;
}

static void w_prop(struct writer *w, const char *name, uint32_t val)
{
	w_tok(w, 3);
	w_tok(w, 4);
	w_tok(w, w->strs_len);
	w_tok(w, val);
	strcpy(w->strs + w->strs_len, name);
	w->strs_len += strlen(name) + 1;
}

/* Header, an empty reservation block, then the two blocks. */
static struct blob w_finish(const struct writer *w)
{
	size_t total = 40 + 16 + w->len + w->strs_len;
	struct blob b = { calloc(1, total), total };

	put_be32(b.data, 0xd00dfeed);
	set_field(&b, H_TOTALSIZE, total);
	set_field(&b, H_OFF_RSVMAP, 40);
	set_field(&b, H_OFF_STRUCT, 56);
	set_field(&b, H_SIZE_STRUCT, w->len);
	set_field(&b, H_OFF_STRINGS, 56 + w->len);
	set_field(&b, H_SIZE_STRINGS, w->strs_len);
	set_field(&b, H_VERSION, 17);
	set_field(&b, H_LAST_COMP, 16);
	memcpy(b.data + 56, w->st, w->len);
	memcpy(b.data + 56 + w->len, w->strs, w->strs_len);
	return b;
}

static void test_children_written(void **state)
{
	struct writer *w = calloc(1, sizeof(*w));
	int root, a, a1, a2, b;
	struct blob t;

	/* Properties after subnodes and NOPs between nodes are skipped. */
	root = w_begin(w, "");
	a = w_begin(w, "a");
	a1 = w_begin(w, "a1");
	w_tok(w, 2);
	w_prop(w, "p", 1);
	w_tok(w, 4);
	a2 = w_begin(w, "a2");
	w_tok(w, 2);
	w_prop(w, "q", 2);
	w_tok(w, 2);
	w_tok(w, 4);
	b = w_begin(w, "b");
	w_tok(w, 2);
	w_prop(w, "r", 3);
	w_tok(w, 2);
	w_tok(w, 9);
	t = w_finish(w);
	assert_int_equal(fdt_check_len(t.data, t.len), 0);
	assert_int_equal(fdt_first_child(t.data, root), a);
	assert_int_equal(fdt_next_sibling(t.data, a), b);
	assert_int_equal(fdt_next_sibling(t.data, b), -ENOENT);
	assert_int_equal(fdt_first_child(t.data, a), a1);
	assert_int_equal(fdt_next_sibling(t.data, a1), a2);
	assert_int_equal(fdt_next_sibling(t.data, a2), -ENOENT);
	assert_int_equal(fdt_first_child(t.data, a1), -ENOENT);
	assert_int_equal(fdt_first_child(t.data, b), -ENOENT);
	free(t.data);

	/* The tree ends inside the root: a corrupt tree, not the last child. */
	memset(w, 0, sizeof(*w));
	root = w_begin(w, "");
	a = w_begin(w, "a");
	w_tok(w, 2);
	b = w_begin(w, "b");
	w_tok(w, 9);
	t = w_finish(w);
	assert_int_equal(fdt_first_child(t.data, root), a);
	assert_int_equal(fdt_next_sibling(t.data, a), b);
	assert_int_equal(fdt_next_sibling(t.data, b), -EINVAL);
	assert_int_equal(fdt_first_child(t.data, b), -EINVAL);
	assert_int_equal(fdt_next_sibling(t.data, root), -ENOENT);
	free(t.data);
	free(w);
}

static void assert_rsv(const struct blob *b, int index, uint64_t base,
		       uint64_t size)
{
	uint64_t got_base = 0, got_size = 0;

	assert_int_equal(fdt_mem_rsv(b->data, index, &got_base, &got_size), 0);
	assert_int_equal(got_base, base);
	assert_int_equal(got_size, size);
}

static void test_mem_rsv(void **state)
{
	uint32_t rsv = field(&children, H_OFF_RSVMAP);
	uint64_t base, size;
	struct blob t;
	int i;

	assert_rsv(&children, 0, 0x10000000, 0x2000);
	assert_rsv(&children, 1, 0x123456789000ULL, 0x100000000ULL);
	assert_rsv(&children, 2, 0, 0x1000);
	assert_int_equal(fdt_mem_rsv(children.data, 3, &base, &size), -ENOENT);
	assert_int_equal(fdt_mem_rsv(children.data, 100, &base, &size),
			 -ENOENT);
	assert_int_equal(fdt_mem_rsv(children.data, -1, &base, &size),
			 -ENOENT);
	assert_rsv(&basic, 0, 0x48000000, 0x100000);
	assert_int_equal(fdt_mem_rsv(basic.data, 1, &base, &size), -ENOENT);
	assert_int_equal(fdt_mem_rsv(empty.data, 0, &base, &size), -ENOENT);
	assert_int_equal(fdt_mem_rsv(virt.data, 0, &base, &size), -ENOENT);
	assert_int_equal(fdt_mem_rsv(NULL, 0, &base, &size), -EINVAL);

	/* Without its terminator the block runs on to the end of the blob. */
	t = copy(&children, children.len);
	t.data[rsv + 3 * 16 + 15] = 1;
	assert_rsv(&t, 3, 0, 1);
	for (i = 4; fdt_mem_rsv(t.data, i, &base, &size) == 0; i++)
		;
	assert_int_equal(fdt_mem_rsv(t.data, i, &base, &size), -EINVAL);
	assert_true(rsv + 16 * (uint32_t)i <= t.len &&
		    rsv + 16 * (uint32_t)i + 16 > t.len);
	free(t.data);

	/* Only one entry fits before the end: no room for a terminator. */
	t = copy(&children, children.len);
	set_field(&t, H_OFF_RSVMAP, (t.len - 16) & ~7UL);
	assert_int_equal(fdt_check(t.data), 0);
	assert_int_equal(fdt_mem_rsv(t.data, 1, &base, &size), -EINVAL);
	free(t.data);
}

static void test_bad_node_offsets(void **state)
{
	static const int offsets[] = { -1, 1, 2, 3, 5, 8, 12, 0x7ffffffc,
				       -0x7fffffff };
	uint64_t base, size;
	uint32_t v;
	size_t i;

	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		int off = offsets[i];

		assert_null(fdt_node_name(basic.data, off));
		assert_null(fdt_getprop(basic.data, off, "reg", NULL));
		assert_int_equal(fdt_prop_u32(basic.data, off, "x", &v),
				 -EINVAL);
		assert_false(fdt_is_compatible(basic.data, off, "test,board"));
		assert_int_equal(fdt_reg(basic.data, off, 0, &base, &size),
				 -EINVAL);
		assert_int_equal(fdt_first_child(basic.data, off), -EINVAL);
		assert_int_equal(fdt_next_sibling(basic.data, off), -EINVAL);
		if (off >= 0)
			assert_int_equal(fdt_node_by_name(basic.data, off, "x"),
					 -EINVAL);
	}
}

static void test_qemu_virt(void **state)
{
	int node, chosen;
	const char *s;

	assert_int_equal(fdt_check_len(virt.data, virt.len), 0);
	node = fdt_node_by_name(virt.data, -1, "memory");
	assert_true(node >= 0);
	assert_reg(&virt, node, 0, 0x40000000, 256 << 20);

	chosen = path(&virt, "/chosen");
	assert_true(chosen >= 0);
	s = fdt_getprop(virt.data, chosen, "stdout-path", NULL);
	assert_non_null(s);
	assert_string_equal(s, "/pl011@9000000");
	assert_int_equal(path(&virt, s), fdt_node_by_compatible(virt.data, -1,
							      "arm,pl011"));

	node = fdt_node_by_compatible(virt.data, -1, "arm,pl011");
	assert_string_equal(fdt_node_name(virt.data, node), "pl011@9000000");
	assert_reg(&virt, node, 0, 0x9000000, 0x1000);

	node = fdt_node_by_compatible(virt.data, -1, "arm,cortex-a15-gic");
	assert_true(node >= 0);
	assert_non_null(fdt_getprop(virt.data, node, "interrupt-controller",
				    NULL));
	assert_reg(&virt, node, 0, 0x8000000, 0x10000);
	assert_reg(&virt, node, 1, 0x8010000, 0x10000);

	s = fdt_getprop(virt.data, path(&virt, "/psci"), "method", NULL);
	assert_non_null(s);
	assert_string_equal(s, "hvc");
}

/*
 * Calls every function on a possibly broken blob. Results are not
 * checked, only that nothing reads out of bounds and every walk ends.
 */
static void exercise(const struct blob *b)
{
	static const char *const paths[] = {
		"/", "/chosen", "/soc/serial@1000", "/soc/bus@3000/leaf@7",
		"/badlen/child@0", "/memory@40000000",
	};
	static const char *const props[] = { "reg", "compatible", "value",
					     "bootargs" };
	uint64_t base, size;
	uint32_t v, off, end;
	int node, n, nodes[8];
	size_t i, j;

	if (b->len < 40)
		return;
	fdt_check(b->data);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		node = fdt_path_offset(b->data, paths[i]);
		fdt_node_name(b->data, node);
		for (j = 0; j < 4; j++) {
			fdt_getprop(b->data, node, props[j], &n);
			fdt_prop_u32(b->data, node, props[j], &v);
		}
		fdt_is_compatible(b->data, node, "arm,pl011");
		fdt_reg(b->data, node, 0, &base, &size);
		fdt_reg(b->data, node, 1, &base, &size);
		walk(b->data, node, nodes, 8, 0);
	}
	for (n = 0; n < 10000; n++) {
		if (fdt_mem_rsv(b->data, n, &base, &size))
			break;
	}
	assert_true(n < 10000);
	for (node = -1, n = 0; n < 100; n++) {
		node = fdt_node_by_compatible(b->data, node, "arm,pl011");
		if (node < 0)
			break;
	}
	for (node = -1, n = 0; n < 100; n++) {
		node = fdt_node_by_name(b->data, node, "serial");
		if (node < 0)
			break;
	}
	/* Every offset of the structure block as a node. */
	end = field(b, H_SIZE_STRUCT);
	for (off = 0; off < end + 8 && off < 4096; off += 4) {
		fdt_node_name(b->data, off);
		fdt_getprop(b->data, off, "reg", &n);
		fdt_reg(b->data, off, 0, &base, &size);
		fdt_first_child(b->data, off);
		fdt_next_sibling(b->data, off);
	}
}

static void test_truncated(void **state)
{
	struct blob t;
	size_t len;

	for (len = 0; len < basic.len; len++) {
		t = copy(&basic, len);
		assert_int_equal(fdt_check_len(t.data, t.len), -EINVAL);
		free(t.data);
	}
}

static void test_cut_blocks(void **state)
{
	uint32_t size, off, orig_struct = field(&basic, H_SIZE_STRUCT);
	uint32_t orig_strings = field(&basic, H_SIZE_STRINGS);
	struct blob t = copy(&basic, basic.len);

	for (size = 0; size < orig_struct; size++) {
		set_field(&t, H_SIZE_STRUCT, size);
		exercise(&t);
		/* A structure block without its END cannot be searched. */
		assert_true(fdt_node_by_compatible(t.data, -1, "none") < 0);
	}
	set_field(&t, H_SIZE_STRUCT, orig_struct);
	for (size = 0; size < orig_strings; size++) {
		set_field(&t, H_SIZE_STRINGS, size);
		exercise(&t);
	}
	/* The last property name loses its NUL: its node is malformed. */
	set_field(&t, H_SIZE_STRINGS, orig_strings - 1);
	assert_int_equal(fdt_node_by_compatible(t.data, -1, "none"), -EINVAL);
	free(t.data);

	/* The reservation block starting anywhere, up to the blob's end. */
	t = copy(&children, children.len);
	for (off = 40; off + 16 <= t.len; off += 8) {
		set_field(&t, H_OFF_RSVMAP, off);
		exercise(&t);
	}
	free(t.data);
}

static void test_bad_header(void **state)
{
	static const struct { int field; uint32_t value; } cases[] = {
		{ 0, 0xd00dfeee },		/* magic */
		{ H_VERSION, 16 },
		{ H_LAST_COMP, 18 },
		{ H_TOTALSIZE, 39 },
		{ H_TOTALSIZE, 0xffffffff },
		{ H_OFF_STRUCT, 0xfffffff0 },
		{ H_OFF_STRUCT, 0x39 },		/* misaligned */
		{ H_OFF_STRUCT, 0 },		/* inside the header */
		{ H_SIZE_STRUCT, 0xfffffffc },
		{ H_OFF_STRINGS, 0xffffffff },
		{ H_SIZE_STRINGS, 0x7fffffff },
		{ H_OFF_RSVMAP, 0x2c },		/* misaligned */
		{ H_OFF_RSVMAP, 0xfffffff8 },
	};
	uint64_t base, size;
	struct blob t;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t = copy(&basic, basic.len);
		set_field(&t, cases[i].field, cases[i].value);
		assert_int_equal(fdt_check(t.data), -EINVAL);
		assert_int_equal(path(&t, "/chosen"), -EINVAL);
		assert_int_equal(fdt_node_by_name(t.data, -1, "soc"), -EINVAL);
		assert_null(fdt_node_name(t.data, 0));
		assert_int_equal(fdt_first_child(t.data, 0), -EINVAL);
		assert_int_equal(fdt_next_sibling(t.data, 0), -EINVAL);
		assert_int_equal(fdt_mem_rsv(t.data, 0, &base, &size), -EINVAL);
		exercise(&t);
		free(t.data);
	}
	/* totalsize past the end of the buffer only fdt_check_len sees. */
	t = copy(&basic, basic.len);
	set_field(&t, H_TOTALSIZE, basic.len + 4);
	assert_int_equal(fdt_check_len(t.data, t.len), -EINVAL);
	free(t.data);
}

/* Finds the bytes of s in the blob; returns its offset or aborts. */
static size_t find(const struct blob *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return i;
	abort();
}

static void test_missing_terminators(void **state)
{
	struct blob t = copy(&basic, basic.len);
	uint32_t st = field(&basic, H_OFF_STRUCT);
	uint32_t end_tok = st + field(&basic, H_SIZE_STRUCT) - 4;
	size_t at;

	/* No FDT_END token: a NOP instead, so walks run off the block. */
	assert_int_equal(be32(t.data + end_tok), 9);
	put_be32(t.data + end_tok, 4);
	assert_int_equal(fdt_node_by_compatible(t.data, -1, "none"), -EINVAL);
	exercise(&t);
	free(t.data);

	/* The last node name reaching the end of the structure block. */
	t = copy(&basic, basic.len);
	at = find(&t, "child@0", 8);
	set_field(&t, H_SIZE_STRUCT, at + 7 - st);
	assert_null(fdt_node_name(t.data, at - 4 - st));
	exercise(&t);
	free(t.data);

	/* A name's NUL overwritten: the name runs into the next token. */
	t = copy(&basic, basic.len);
	at = find(&t, "chosen", 7);
	memset(t.data + at + 6, 'X', 2);
	exercise(&t);
	free(t.data);

	/* A property length running past the block. */
	t = copy(&basic, basic.len);
	at = find(&t, "console=ttyAMA0", 15);
	put_be32(t.data + at - 12 + 4, 0x7ffffff0);
	assert_null(fdt_getprop(t.data, path(&basic, "/chosen"), "bootargs",
				NULL));
	exercise(&t);
	free(t.data);
}

static void test_random_corruption(void **state)
{
	uint32_t rng = 12345;
	struct blob t;
	int i, j, flips;

	for (i = 0; i < 3000; i++) {
		struct blob *src = i % 50 ? i % 3 ? &basic : &children : &virt;

		t = copy(src, src->len);
		rng = rng * 1103515245 + 12345;
		flips = 1 + (rng >> 16) % 4;
		for (j = 0; j < flips; j++) {
			size_t at;

			rng = rng * 1103515245 + 12345;
			at = 40 + (rng >> 8) % (t.len - 44);
			if (rng & 1)
				put_be32(t.data + (at & ~3UL),
					 rng & 2 ? (rng >> 4) % 12 : rng);
			else
				t.data[at] ^= 1 << ((rng >> 4) % 8);
		}
		exercise(&t);
		free(t.data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_props),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_reg),
		cmocka_unit_test(test_children),
		cmocka_unit_test(test_children_written),
		cmocka_unit_test(test_mem_rsv),
		cmocka_unit_test(test_bad_node_offsets),
		cmocka_unit_test(test_qemu_virt),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_cut_blocks),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_missing_terminators),
		cmocka_unit_test(test_random_corruption),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
