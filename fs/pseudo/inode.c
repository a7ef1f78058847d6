/*
 * Pseudo inodes and directories: an inode is made for an (entry, data)
 * node each time a name is looked up and lives as long as its dentry. Its
 * number is a hash of the node, so it is the same every time the node is
 * looked at during a boot. Directories list ".", "..", their static
 * children (positions 2..n+1), then the dynamic ones, whose getdents
 * position is n+2 plus the file system's cursor, so a listing resumes
 * where the previous getdents call stopped. All under vfs_lock().
 */
#include <core/slab.h>
#include <core/string.h>

#include "internal.h"

uint64_t pseudo_ino(const struct pseudo_node *node, bool root)
{
	uint64_t x;

	if (root)
		return 1;
	/* splitmix64's finalizer over the entry's address and the data. */
	x = (uint64_t)(uintptr_t)node->entry * 0x9e3779b97f4a7c15ull ^
	    node->data;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	x ^= x >> 31;
	/* 32 bits, as Linux's procfs numbers: stat-based tools print them. */
	x = (x ^ (x >> 32)) & 0xffffffffu;
	return x > 1 ? x : x + 2;
}

bool pseudo_node_valid(const struct pseudo_node *node)
{
	return !node->entry->valid || node->entry->valid(node->data);
}

static uint32_t static_subdirs(const struct pseudo_entry *e)
{
	uint32_t n = 0;

	for (const struct pseudo_entry *c = e->children; c && c->name; c++)
		n += S_ISDIR(c->mode);
	return n;
}

struct inode *pseudo_make_inode(struct super_block *sb,
				const struct pseudo_node *node, bool root)
{
	const struct pseudo_entry *e = node->entry;
	struct inode *inode = new_inode(sb);
	struct pseudo_inode *pi = kzalloc(sizeof(*pi));

	if (!inode || !pi) {
		kfree(pi);
		if (inode)
			inode_free(inode);
		return NULL;
	}
	pi->node = *node;
	inode->i_private = pi;
	inode->i_ino = pseudo_ino(node, root);
	inode->i_mode = e->mode;
	inode->i_uid = node->uid;
	inode->i_gid = node->gid;
	inode->i_nlink = 1;
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		inode->i_nlink = 2 + static_subdirs(e);
		inode->i_op = &pseudo_dir_iops;
		inode->i_fop = &pseudo_dir_fops;
		break;
	case S_IFREG:
		inode->i_op = &pseudo_file_iops;
		inode->i_fop = e->fops ? e->fops : &pseudo_file_fops;
		break;
	case S_IFLNK:
		inode->i_op = &pseudo_link_iops;
		break;
	default:
		inode->i_op = &pseudo_file_iops;
		inode->i_rdev = e->rdev ? e->rdev(node->data) : 0;
		break;
	}
	return inode;
}

const struct pseudo_node *pseudo_node_of(const struct inode *inode)
{
	return &PI(inode)->node;
}

static bool name_is(const char *s, const char *name, size_t len)
{
	return strncmp(s, name, len) == 0 && s[len] == '\0';
}

static struct inode *pseudo_lookup(struct inode *dir, const char *name,
				   size_t len)
{
	const struct pseudo_node *pn = &PI(dir)->node;
	const struct pseudo_entry *e = pn->entry;
	struct pseudo_node child = { .data = pn->data, .uid = pn->uid,
				     .gid = pn->gid };
	struct inode *inode;
	int err;

	if (!pseudo_node_valid(pn))
		return NULL;
	for (const struct pseudo_entry *c = e->children; c && c->name; c++) {
		if (name_is(c->name, name, len)) {
			child.entry = c;
			goto found;
		}
	}
	if (!e->dir_ops || !e->dir_ops->lookup)
		return NULL;
	err = e->dir_ops->lookup(pn->data, name, len, &child);
	if (err == -ENOENT)
		return NULL;
	if (err)
		return ERR_PTR(err);
found:
	if (!pseudo_node_valid(&child))
		return NULL;
	inode = pseudo_make_inode(dir->i_sb, &child, false);
	return inode ? inode : ERR_PTR(-ENOMEM);
}

/* Lists the dynamic children from position base + cursor on. */
static int iterate_dynamic(const struct pseudo_node *pn, int64_t base,
			   struct dir_context *ctx)
{
	const struct pseudo_dir_ops *ops = pn->entry->dir_ops;
	char name[NAME_MAX + 1];

	if (!ops || !ops->next)
		return 0;
	for (;;) {
		struct pseudo_node child = { .data = pn->data, .uid = pn->uid,
					     .gid = pn->gid };
		uint64_t cursor = (uint64_t)(ctx->pos - base);
		int n = ops->next(pn->data, &cursor, name, sizeof(name),
				  &child);

		if (n <= 0)
			return n;
		if (!ctx->actor(ctx, name, n, pseudo_ino(&child, false),
				mode_to_dtype(child.entry->mode),
				base + (int64_t)cursor))
			return 0;
		ctx->pos = base + (int64_t)cursor;
	}
}

static int pseudo_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	struct inode *parent = file->f_path.dentry->d_parent->d_inode;
	const struct pseudo_node *pn = &PI(dir)->node;
	const struct pseudo_entry *c = pn->entry->children;
	int64_t i = 2;

	if (!pseudo_node_valid(pn))
		return -ENOENT;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, dir->i_ino, DT_DIR, 1))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, parent->i_ino, DT_DIR, 2))
			return 0;
		ctx->pos = 2;
	}
	for (; c && c->name; c++, i++) {
		struct pseudo_node child = { c, pn->data, pn->uid, pn->gid };

		if (i < ctx->pos || !pseudo_node_valid(&child))
			continue;
		if (!ctx->actor(ctx, c->name, strlen(c->name),
				pseudo_ino(&child, false),
				mode_to_dtype(c->mode), i + 1))
			return 0;
		ctx->pos = i + 1;
	}
	if (ctx->pos < i)
		ctx->pos = i;
	return iterate_dynamic(pn, i, ctx);
}

const struct inode_ops pseudo_dir_iops = {
	.lookup = pseudo_lookup,
};

const struct file_ops pseudo_dir_fops = {
	.iterate = pseudo_iterate,
};
