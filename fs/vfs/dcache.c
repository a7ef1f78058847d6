/*
 * The dentry cache: every name the VFS has looked up, hashed by (parent,
 * name). A dentry holds a reference on its parent and on its inode, so a
 * cached name keeps its ancestors cached too. Dentries stay cached while
 * their name exists (there is no memory-pressure shrinker yet); an
 * unhashed dentry (its name was removed) is freed at its last dput().
 * A file system may veto a cached dentry when a lookup finds it
 * (d_revalidate: it is dropped and looked up again) and ask for a dentry
 * to be freed at its last dput() instead of kept (d_delete).
 * Negative dentries are not kept: a miss asks the file system each time.
 * Everything here runs under vfs_lock().
 */
#define pr_fmt(fmt) "dcache: " fmt

#include <core/slab.h>
#include <core/string.h>

#include "internal.h"

#define DCACHE_BUCKETS 256

static struct list_head dcache_hash[DCACHE_BUCKETS];

void dcache_init(void)
{
	for (size_t i = 0; i < DCACHE_BUCKETS; i++)
		list_init(&dcache_hash[i]);
}

/* FNV-1a over the name, mixed with the parent's address. */
static uint32_t name_hash(const struct dentry *parent, const char *name,
			  size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)((uintptr_t)parent >> 4);

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

static struct list_head *bucket(uint32_t hash)
{
	return &dcache_hash[hash % DCACHE_BUCKETS];
}

struct dentry *dget(struct dentry *d)
{
	d->d_ref++;
	return d;
}

static void d_free(struct dentry *d)
{
	list_del(&d->d_sb_link);
	if (d->d_inode)
		iput(d->d_inode);
	kfree(d->d_name);
	kfree(d);
}

/* The file system wants d freed at its last reference (d_delete). */
static bool want_delete(const struct dentry *d)
{
	const struct super_ops *sop = d->d_sb->s_op;

	return sop && sop->d_delete && !d->d_mounted && sop->d_delete(d);
}

void dput(struct dentry *d)
{
	while (d && --d->d_ref == 0) {
		struct dentry *parent = d->d_parent;

		if (d->d_hashed) {
			if (!want_delete(d))
				break;
			d_drop(d);
		}
		d_free(d);
		d = parent != d ? parent : NULL;
	}
}

static char *copy_name(const char *name, size_t len)
{
	char *s = kmalloc(len + 1);

	if (s) {
		memcpy(s, name, len);
		s[len] = '\0';
	}
	return s;
}

static void d_hash(struct dentry *d)
{
	d->d_hash = name_hash(d->d_parent, d->d_name, d->d_len);
	list_add(&d->d_hash_link, bucket(d->d_hash));
	d->d_hashed = true;
}

struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len,
		       struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d));

	if (!d)
		return NULL;
	d->d_name = copy_name(name, len);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	d->d_len = len;
	d->d_ref = 1;
	d->d_parent = dget(parent);
	d->d_inode = inode;
	d->d_sb = parent->d_sb;
	list_add(&d->d_sb_link, &d->d_sb->s_dentries);
	d_hash(d);
	return d;
}

struct dentry *d_make_root(struct super_block *sb, struct inode *root)
{
	struct dentry *d = kzalloc(sizeof(*d));

	if (!d || !(d->d_name = copy_name("/", 1))) {
		kfree(d);
		iput(root);
		return NULL;
	}
	d->d_len = 1;
	d->d_ref = 1;
	d->d_parent = d;
	d->d_inode = root;
	d->d_sb = sb;
	list_init(&d->d_hash_link);
	list_add(&d->d_sb_link, &sb->s_dentries);
	return d;
}

static struct dentry *d_find(struct dentry *parent, const char *name,
			     size_t len)
{
	struct list_head *head = bucket(name_hash(parent, name, len));

	for (struct list_head *p = head->next; p != head; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_hash_link);

		if (d->d_parent == parent && d->d_len == len &&
		    memcmp(d->d_name, name, len) == 0)
			return d;
	}
	return NULL;
}

struct dentry *d_lookup(struct dentry *parent, const char *name, size_t len)
{
	const struct super_ops *sop = parent->d_sb->s_op;
	struct inode *dir = parent->d_inode;
	struct inode *inode;
	struct dentry *d;

	d = d_find(parent, name, len);
	if (d && !d->d_mounted && sop && sop->d_revalidate &&
	    !sop->d_revalidate(d)) {
		/* Unhashed, it is freed at its last dput(), maybe this one. */
		dget(d);
		d_drop(d);
		dput(d);
	} else if (d) {
		return dget(d);
	}
	inode = dir->i_op->lookup(dir, name, len);
	if (IS_ERR(inode) || !inode)
		return (struct dentry *)inode;
	d = d_alloc(parent, name, len, inode);
	if (!d) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	return d;
}

void d_drop(struct dentry *d)
{
	if (!d->d_hashed)
		return;
	list_del(&d->d_hash_link);
	d->d_hashed = false;
}

int d_move(struct dentry *d, struct dentry *new_parent, const char *name,
	   size_t len)
{
	char *s = copy_name(name, len);
	struct dentry *old_parent = d->d_parent;

	if (!s)
		return -ENOMEM;
	d_drop(d);
	kfree(d->d_name);
	d->d_name = s;
	d->d_len = len;
	d->d_parent = dget(new_parent);
	d_hash(d);
	dput(old_parent);
	return 0;
}

bool d_is_ancestor(struct dentry *anc, struct dentry *d)
{
	for (;;) {
		if (d == anc)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

void d_kill_sb(struct super_block *sb)
{
	while (!list_empty(&sb->s_dentries)) {
		struct dentry *d = list_first_entry(&sb->s_dentries,
						    struct dentry, d_sb_link);

		d_drop(d);
		d_free(d);
	}
}
