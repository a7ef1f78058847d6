/*
 * Flattened device tree reader (see <core/fdt.h>), after the devicetree
 * specification v0.4, chapter 5: a 40-byte big-endian header, then a
 * structure block of 4-byte aligned tokens (BEGIN_NODE name, PROP len
 * nameoff value, END_NODE, NOP, END) and a strings block of property names.
 *
 * The blob is untrusted. Every entry point first checks the header (each
 * block inside totalsize), and every token is checked before it is used:
 * its offset inside the structure block, node names and property names
 * NUL-terminated inside their blocks, property values inside the structure
 * block, memory reservation entries inside totalsize. Each walk moves
 * forward by at least one token, so it ends. Values are read byte by byte:
 * nothing here assumes the blob is aligned.
 */
#include <core/fdt.h>

#include <core/compiler.h>
#include <core/errno.h>
#include <core/string.h>

#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

#define FDT_HEADER_SIZE	40
#define FDT_VERSION	17
#define FDT_MAX_DEPTH	32
#define FDT_RSV_ENTRY	16

/* next_node() min_depth for a walk on to the end of the tree. */
#define ANY_DEPTH	INT32_MIN

/* Header fields, in 32-bit words from the start of the blob (§5.2). */
enum {
	H_MAGIC, H_TOTALSIZE, H_OFF_STRUCT, H_OFF_STRINGS, H_OFF_RSVMAP,
	H_VERSION, H_LAST_COMP, H_BOOT_CPU, H_SIZE_STRINGS, H_SIZE_STRUCT,
};

/*
 * A checked blob: where its blocks are and how big. The memory reservation
 * block has no size of its own: it may run to the end of the blob.
 */
struct fdt_view {
	const uint8_t *st;
	uint32_t st_size;
	const char *strs;
	uint32_t strs_size;
	const uint8_t *rsv;
	uint32_t rsv_size;
};

static uint32_t rd32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

static uint32_t hdr(const void *fdt, int field)
{
	return rd32((const uint8_t *)fdt + 4 * field);
}

/* True when [off, off + size) lies in [FDT_HEADER_SIZE, total). */
static bool block_ok(uint32_t off, uint32_t size, uint32_t total)
{
	return off >= FDT_HEADER_SIZE && off <= total && size <= total - off;
}

static int view_init(const void *fdt, struct fdt_view *v)
{
	uint32_t total, off_st, off_strs, off_rsv, size_st, size_strs;

	if (!fdt || hdr(fdt, H_MAGIC) != FDT_MAGIC)
		return -EINVAL;
	if (hdr(fdt, H_VERSION) < FDT_VERSION ||
	    hdr(fdt, H_LAST_COMP) > FDT_VERSION)
		return -EINVAL;
	total = hdr(fdt, H_TOTALSIZE);
	off_st = hdr(fdt, H_OFF_STRUCT);
	size_st = hdr(fdt, H_SIZE_STRUCT);
	off_strs = hdr(fdt, H_OFF_STRINGS);
	size_strs = hdr(fdt, H_SIZE_STRINGS);
	off_rsv = hdr(fdt, H_OFF_RSVMAP);
	if (total > INT32_MAX || !IS_ALIGNED(off_st, 4) ||
	    !block_ok(off_st, size_st, total) ||
	    !block_ok(off_strs, size_strs, total) || !IS_ALIGNED(off_rsv, 8) ||
	    !block_ok(off_rsv, FDT_RSV_ENTRY, total))
		return -EINVAL;
	v->st = (const uint8_t *)fdt + off_st;
	v->st_size = size_st;
	v->strs = (const char *)fdt + off_strs;
	v->strs_size = size_strs;
	v->rsv = (const uint8_t *)fdt + off_rsv;
	v->rsv_size = total - off_rsv;
	return 0;
}

int fdt_check(const void *fdt)
{
	struct fdt_view v;

	return view_init(fdt, &v);
}

int fdt_check_len(const void *fdt, size_t len)
{
	if (!fdt || len < FDT_HEADER_SIZE)
		return -EINVAL;
	if (fdt_check(fdt))
		return -EINVAL;
	return fdt_total_size(fdt) <= len ? 0 : -EINVAL;
}

uint32_t fdt_total_size(const void *fdt)
{
	return hdr(fdt, H_TOTALSIZE);
}

static bool string_ok(const struct fdt_view *v, uint32_t nameoff)
{
	return nameoff < v->strs_size &&
	       memchr(v->strs + nameoff, '\0', v->strs_size - nameoff);
}

/*
 * Reads the token at off and sets *next to the offset of the one after it.
 * Returns the token, or -EINVAL when it is malformed or out of bounds.
 */
static int next_tag(const struct fdt_view *v, int off, int *next)
{
	uint32_t pos = off, tag, len;
	size_t n;

	if (off < 0 || !IS_ALIGNED(pos, 4) || v->st_size < 4 ||
	    pos > v->st_size - 4)
		return -EINVAL;
	tag = rd32(v->st + pos);
	pos += 4;
	switch (tag) {
	case FDT_BEGIN_NODE:
		n = strnlen((const char *)v->st + pos, v->st_size - pos);
		if (n == v->st_size - pos)
			return -EINVAL;
		pos += ALIGN_UP(n + 1, 4);
		break;
	case FDT_PROP:
		if (v->st_size - pos < 8)
			return -EINVAL;
		len = rd32(v->st + pos);
		if (!string_ok(v, rd32(v->st + pos + 4)))
			return -EINVAL;
		pos += 8;
		if (len > v->st_size - pos)
			return -EINVAL;
		pos += ALIGN_UP(len, 4);
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	/* Alignment padding may reach past the block: the next read fails. */
	*next = pos > v->st_size ? (int)v->st_size + 1 : (int)pos;
	return tag;
}

static int check_node(const struct fdt_view *v, int node)
{
	int next;

	return next_tag(v, node, &next) == FDT_BEGIN_NODE ? 0 : -EINVAL;
}

static const char *name_of(const struct fdt_view *v, int node)
{
	return (const char *)v->st + node + 4;
}

/* Offset of the root node: the first BEGIN_NODE, after any NOPs. */
static int root_node(const struct fdt_view *v)
{
	int off = 0, next, tag;

	while ((tag = next_tag(v, off, &next)) == FDT_NOP)
		off = next;
	return tag == FDT_BEGIN_NODE ? off : -EINVAL;
}

/*
 * The node after the node at off, in document order. *depth is the depth
 * of the node at off and is updated. Returns -ENOENT when an END_NODE takes
 * *depth below min_depth, or at the end of the tree when min_depth is
 * ANY_DEPTH. A walk confined to a subtree must meet the END_NODE closing
 * it first: reaching the end of the tree instead is -EINVAL.
 */
static int next_node(const struct fdt_view *v, int off, int *depth,
		     int min_depth)
{
	int next, tag;

	if (next_tag(v, off, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;;) {
		off = next;
		tag = next_tag(v, off, &next);
		switch (tag) {
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_BEGIN_NODE:
			(*depth)++;
			return off;
		case FDT_END_NODE:
			if (--(*depth) < min_depth)
				return -ENOENT;
			break;
		case FDT_END:
			return min_depth == ANY_DEPTH ? -ENOENT : -EINVAL;
		default:
			return tag < 0 ? tag : -EINVAL;
		}
	}
}

/* The node's direct child called name[0..len), unit address optional. */
static int find_child(const struct fdt_view *v, int node, const char *name,
		      size_t len)
{
	bool has_unit = memchr(name, '@', len) != NULL;
	int depth = 0;
	const char *cn;

	while ((node = next_node(v, node, &depth, 0)) >= 0) {
		if (depth != 1)
			continue;
		cn = name_of(v, node);
		if (strncmp(cn, name, len) == 0 &&
		    (cn[len] == '\0' || (cn[len] == '@' && !has_unit)))
			return node;
	}
	return node;
}

int fdt_path_offset(const void *fdt, const char *path)
{
	struct fdt_view v;
	const char *end;
	int node;

	if (view_init(fdt, &v) || path[0] != '/')
		return -EINVAL;
	node = root_node(&v);
	while (node >= 0) {
		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		node = find_child(&v, node, path, end - path);
		path = end;
	}
	return node;
}

/*
 * Finds property name of node. Returns 0 with *val and *len set,
 * -ENOENT when the node has no such property, -EINVAL when malformed.
 */
static int find_prop(const struct fdt_view *v, int node, const char *name,
		     const uint8_t **val, uint32_t *len)
{
	int off, next, tag;

	if (next_tag(v, node, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;;) {
		off = next;
		tag = next_tag(v, off, &next);
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP)
			return tag < 0 ? tag : -ENOENT;
		if (strcmp(v->strs + rd32(v->st + off + 8), name) == 0) {
			*len = rd32(v->st + off + 4);
			*val = v->st + off + 12;
			return 0;
		}
	}
}

static int prop_u32(const struct fdt_view *v, int node, const char *name,
		    uint32_t *out)
{
	const uint8_t *val;
	uint32_t len;
	int err = find_prop(v, node, name, &val, &len);

	if (err)
		return err;
	if (len != 4)
		return -EINVAL;
	*out = rd32(val);
	return 0;
}

static bool compatible(const struct fdt_view *v, int node, const char *compat)
{
	size_t want = strlen(compat), n;
	const uint8_t *val;
	const char *s;
	uint32_t len;

	if (find_prop(v, node, "compatible", &val, &len))
		return false;
	/* A list of NUL-terminated strings; the last one may lack its NUL. */
	for (s = (const char *)val; len; s += n + 1, len -= n + 1) {
		n = strnlen(s, len);
		if (n == want && memcmp(s, compat, n) == 0)
			return true;
		if (n == len)
			break;
	}
	return false;
}

static bool name_is(const struct fdt_view *v, int node, const char *name)
{
	const char *cn = name_of(v, node);
	size_t len = strlen(name);

	return strncmp(cn, name, len) == 0 &&
	       (cn[len] == '\0' || cn[len] == '@');
}

/*
 * Walks the nodes after `from` (from < 0: the root, included) and returns
 * the first for which match() holds, or -ENOENT.
 */
static int search(const void *fdt, int from,
		  bool (*match)(const struct fdt_view *, int, const char *),
		  const char *arg)
{
	struct fdt_view v;
	int node, depth = 0;

	if (view_init(fdt, &v))
		return -EINVAL;
	if (from < 0) {
		node = root_node(&v);
		if (node < 0 || match(&v, node, arg))
			return node;
	} else if (check_node(&v, from)) {
		return -EINVAL;
	} else {
		node = from;
	}
	while ((node = next_node(&v, node, &depth, ANY_DEPTH)) >= 0) {
		if (match(&v, node, arg))
			return node;
	}
	return node;
}

int fdt_node_by_compatible(const void *fdt, int from, const char *compat)
{
	return search(fdt, from, compatible, compat);
}

int fdt_node_by_name(const void *fdt, int from, const char *name)
{
	return search(fdt, from, name_is, name);
}

int fdt_first_child(const void *fdt, int node)
{
	struct fdt_view v;
	int depth = 0;

	if (view_init(fdt, &v))
		return -EINVAL;
	/* The first node the walk meets before node's END_NODE is a child. */
	return next_node(&v, node, &depth, 0);
}

int fdt_next_sibling(const void *fdt, int node)
{
	struct fdt_view v;
	int depth = 0;

	if (view_init(fdt, &v) || check_node(&v, node))
		return -EINVAL;
	if (node == root_node(&v))
		return -ENOENT;
	/* Skip node's subtree; its parent's END_NODE ends the search. */
	while ((node = next_node(&v, node, &depth, -1)) >= 0) {
		if (depth == 0)
			return node;
	}
	return node;
}

const char *fdt_node_name(const void *fdt, int node)
{
	struct fdt_view v;

	if (view_init(fdt, &v) || check_node(&v, node))
		return NULL;
	return name_of(&v, node);
}

const void *fdt_getprop(const void *fdt, int node, const char *name, int *len)
{
	struct fdt_view v;
	const uint8_t *val;
	uint32_t n;

	if (view_init(fdt, &v) || find_prop(&v, node, name, &val, &n))
		return NULL;
	if (len)
		*len = n;
	return val;
}

int fdt_prop_u32(const void *fdt, int node, const char *name, uint32_t *out)
{
	struct fdt_view v;

	if (view_init(fdt, &v))
		return -EINVAL;
	return prop_u32(&v, node, name, out);
}

bool fdt_is_compatible(const void *fdt, int node, const char *compat)
{
	struct fdt_view v;

	return view_init(fdt, &v) == 0 && compatible(&v, node, compat);
}

/*
 * Parent of node: walks down from the root keeping the path. Returns the
 * parent's offset, -ENOENT for the root, -EINVAL when node is not a node.
 */
static int find_parent(const struct fdt_view *v, int node)
{
	int path[FDT_MAX_DEPTH];
	int off = root_node(v), depth = 0;

	if (off < 0 || off == node)
		return off < 0 ? off : -ENOENT;
	path[0] = off;
	while ((off = next_node(v, off, &depth, 0)) >= 0) {
		if (depth >= FDT_MAX_DEPTH)
			return -EINVAL;
		path[depth] = off;
		if (off == node)
			return path[depth - 1];
		if (off > node)
			return -EINVAL;
	}
	return off == -ENOENT ? -EINVAL : off;
}

static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? (uint64_t)rd32(p) << 32 | rd32(p + 4) :
	       cells == 1 ? rd32(p) : 0;
}

int fdt_reg(const void *fdt, int node, int index, uint64_t *base,
	    uint64_t *size)
{
	uint32_t ac = 2, sc = 1, len, entry;
	struct fdt_view v;
	const uint8_t *reg;
	int parent, err;

	if (view_init(fdt, &v) || check_node(&v, node))
		return -EINVAL;
	parent = find_parent(&v, node);
	if (parent >= 0) {
		err = prop_u32(&v, parent, "#address-cells", &ac);
		if (err && err != -ENOENT)
			return err;
		err = prop_u32(&v, parent, "#size-cells", &sc);
		if (err && err != -ENOENT)
			return err;
	} else if (parent != -ENOENT) {
		return parent;
	}
	/* Cells beyond two would not fit a 64-bit address or size. */
	if (ac < 1 || ac > 2 || sc > 2)
		return -EINVAL;
	err = find_prop(&v, node, "reg", &reg, &len);
	if (err)
		return err;
	entry = (ac + sc) * 4;
	if (len % entry)
		return -EINVAL;
	if (index < 0 || (uint32_t)index >= len / entry)
		return -ENOENT;
	reg += index * entry;
	*base = read_cells(reg, ac);
	*size = read_cells(reg + ac * 4, sc);
	return 0;
}

int fdt_mem_rsv(const void *fdt, int index, uint64_t *base, uint64_t *size)
{
	struct fdt_view v;
	uint64_t b, s;
	uint32_t off;
	int i;

	if (view_init(fdt, &v))
		return -EINVAL;
	if (index < 0)
		return -ENOENT;
	/* (address, size) pairs up to a (0, 0) one, all inside the blob. */
	for (i = 0, off = 0; v.rsv_size - off >= FDT_RSV_ENTRY;
	     i++, off += FDT_RSV_ENTRY) {
		b = read_cells(v.rsv + off, 2);
		s = read_cells(v.rsv + off + 8, 2);
		if (!b && !s)
			return -ENOENT;
		if (i == index) {
			*base = b;
			*size = s;
			return 0;
		}
	}
	return -EINVAL;
}
