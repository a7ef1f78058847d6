/*
 * Flattened device tree (DTB) reader. Read-only, allocation-free, and safe
 * on untrusted input: every offset is bounds-checked against the blob's
 * header, so a corrupt tree gives -EINVAL, never a bad memory access.
 * Nodes are named by their byte offset in the structure block, as in the
 * devicetree specification (v0.4, chapter 5).
 */
#ifndef CORE_FDT_H
#define CORE_FDT_H

#include <core/types.h>

#define FDT_MAGIC 0xd00dfeedU

/* 0 when fdt starts with a sane version-17 compatible header, else -EINVAL. */
int fdt_check(const void *fdt);

/*
 * fdt_check() for a blob known to be len bytes long: also -EINVAL when the
 * buffer is shorter than the header or than the header's totalsize. Use it
 * whenever the size of what was handed over is known.
 */
int fdt_check_len(const void *fdt, size_t len);

/* totalsize from the header (call fdt_check() first). */
uint32_t fdt_total_size(const void *fdt);

/* Offset of the node at an absolute path ("/", "/chosen", "/psci"). */
int fdt_path_offset(const void *fdt, const char *path);

/*
 * Next node after offset `from` (or from the root when from < 0) whose
 * "compatible" list holds compat. Returns its offset or -ENOENT.
 */
int fdt_node_by_compatible(const void *fdt, int from, const char *compat);

/*
 * Next node after `from` (from < 0: the root) whose name without unit
 * address is `name` (e.g. "memory" matches "memory@40000000").
 */
int fdt_node_by_name(const void *fdt, int from, const char *name);

/*
 * Offset of the node's first child, or of the next child of its parent
 * after it. -ENOENT when there is none, -EINVAL when node is not a node or
 * the tree is corrupt. The root has no siblings.
 */
int fdt_first_child(const void *fdt, int node);
int fdt_next_sibling(const void *fdt, int node);

/* Node name including unit address ("uart@9000000"), or NULL. */
const char *fdt_node_name(const void *fdt, int node);

/* Property value and length (in *len when not NULL), or NULL if absent. */
const void *fdt_getprop(const void *fdt, int node, const char *name, int *len);

/* Reads a one-cell (u32) property; returns 0 or -ENOENT/-EINVAL. */
int fdt_prop_u32(const void *fdt, int node, const char *name, uint32_t *out);

/* True when the node's "compatible" list holds compat. */
bool fdt_is_compatible(const void *fdt, int node, const char *compat);

/*
 * Entry `index` of the node's "reg", decoded with the parent's
 * #address-cells and #size-cells (defaults 2 and 1).
 * Returns 0, -ENOENT when there is no such entry, -EINVAL when malformed.
 */
int fdt_reg(const void *fdt, int node, int index, uint64_t *base,
	    uint64_t *size);

/*
 * Entry `index` of the memory reservation block (§5.3): 0 with *base and
 * *size set, -ENOENT at or past the terminating (0, 0) entry, -EINVAL when
 * the block runs out of the blob before its terminator.
 */
int fdt_mem_rsv(const void *fdt, int index, uint64_t *base, uint64_t *size);

/* Big-endian cell to CPU order. */
static inline uint32_t fdt32_to_cpu(uint32_t be)
{
	return __builtin_bswap32(be);
}

#endif /* CORE_FDT_H */
