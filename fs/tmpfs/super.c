/*
 * tmpfs super blocks and inodes: mount options (size=, nr_inodes=,
 * mode=), the page and inode budgets, statfs, and freeing. The default
 * size is CONFIG_TMPFS_SIZE_PERCENT of RAM, the default inode budget half
 * the pages of RAM, as in Linux. Directory operations are in dir.c, file
 * data in file.c.
 */
#define pr_fmt(fmt) "tmpfs: " fmt

#include <core/init.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/slab.h>
#include <core/string.h>

#include "tmpfs.h"

int tmpfs_new_inode(struct super_block *sb, uint32_t mode, kdev_t rdev,
		    struct inode **out)
{
	struct tmpfs_sb *tsb = TSB(sb);
	struct tmpfs_inode *ti;
	struct inode *inode;

	if (tsb->inodes >= tsb->max_inodes)
		return -ENOSPC;
	ti = kzalloc(sizeof(*ti));
	inode = ti ? new_inode(sb) : NULL;
	if (!inode) {
		kfree(ti);
		return -ENOMEM;
	}
	tsb->inodes++;
	ti->inode = inode;
	list_init(&ti->entries);
	list_add_tail(&ti->all, &tsb->all);
	inode->i_private = ti;
	inode->i_ino = tsb->next_ino++;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	switch (mode & S_IFMT) {
	case S_IFDIR:
		inode->i_nlink = 2;
		inode->i_size = 2 * TMPFS_DIRENT_SIZE;
		inode->i_op = &tmpfs_dir_iops;
		inode->i_fop = &tmpfs_dir_fops;
		ti->next_index = 2;
		break;
	case S_IFLNK:
		inode->i_op = &tmpfs_symlink_iops;
		break;
	case S_IFREG:
		inode->i_op = &tmpfs_file_iops;
		inode->i_fop = &tmpfs_file_fops;
		break;
	default:
		inode->i_op = &tmpfs_file_iops;
		inode->i_rdev = rdev;
		break;
	}
	*out = inode;
	return 0;
}

static void free_data(struct inode *inode)
{
	struct tmpfs_inode *ti = TI(inode);
	struct tmpfs_sb *tsb = TSB(inode->i_sb);

	while (!list_empty(&ti->entries)) {
		struct tmpfs_dirent *de = list_first_entry(
			&ti->entries, struct tmpfs_dirent, link);

		list_del(&de->link);
		kfree(de);
	}
	__atomic_sub_fetch(&tsb->used_pages, pt_truncate(&ti->pages, 0),
			   __ATOMIC_RELAXED);
	kfree(ti->target);
	list_del(&ti->all);
	tsb->inodes--;
	kfree(ti);
}

static void tmpfs_evict(struct inode *inode)
{
	free_data(inode);
}

/* Every inode is freed here: the VFS has dropped all dentries. */
static void tmpfs_put_super(struct super_block *sb)
{
	struct tmpfs_sb *tsb = TSB(sb);

	while (!list_empty(&tsb->all)) {
		struct tmpfs_inode *ti = list_first_entry(
			&tsb->all, struct tmpfs_inode, all);
		struct inode *inode = ti->inode;

		free_data(inode);
		inode_free(inode);
	}
	kfree(tsb);
}

static int tmpfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	struct tmpfs_sb *tsb = TSB(sb);
	uint64_t used = __atomic_load_n(&tsb->used_pages, __ATOMIC_RELAXED);

	st->bsize = st->frsize = PAGE_SIZE;
	st->blocks = tsb->max_pages;
	st->bfree = st->bavail = tsb->max_pages - MIN(used, tsb->max_pages);
	st->files = tsb->max_inodes;
	st->ffree = tsb->max_inodes - tsb->inodes;
	return 0;
}

static const struct super_ops tmpfs_sops = {
	.statfs = tmpfs_statfs,
	.evict_inode = tmpfs_evict,
	.put_super = tmpfs_put_super,
};

/* Parses an unsigned number with an optional k/m/g suffix. */
static int parse_size(const char *s, size_t len, uint64_t *out, bool *pct)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	if (i == 0)
		return -EINVAL;
	*pct = false;
	if (i + 1 == len) {
		switch (s[i]) {
		case 'k': case 'K': v <<= 10; break;
		case 'm': case 'M': v <<= 20; break;
		case 'g': case 'G': v <<= 30; break;
		case '%': *pct = true; break;
		default: return -EINVAL;
		}
	} else if (i != len) {
		return -EINVAL;
	}
	*out = v;
	return 0;
}

static int parse_options(struct tmpfs_sb *tsb, uint32_t *mode, const char *s)
{
	uint64_t ram_pages = pmm_total_bytes() / PAGE_SIZE;

	tsb->max_pages = ram_pages * CONFIG_TMPFS_SIZE_PERCENT / 100;
	tsb->max_inodes = ram_pages / 2;
	while (s && *s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		uint64_t v;
		bool pct;

		if (len > 5 && memcmp(s, "size=", 5) == 0) {
			if (parse_size(s + 5, len - 5, &v, &pct))
				return -EINVAL;
			tsb->max_pages = pct ? ram_pages * v / 100
					     : ALIGN_UP(v, PAGE_SIZE) / PAGE_SIZE;
		} else if (len > 10 && memcmp(s, "nr_inodes=", 10) == 0) {
			if (parse_size(s + 10, len - 10, &v, &pct) || pct)
				return -EINVAL;
			tsb->max_inodes = v;
		} else if (len > 5 && memcmp(s, "mode=", 5) == 0) {
			*mode = 0;
			for (size_t i = 5; i < len; i++) {
				if (s[i] < '0' || s[i] > '7')
					return -EINVAL;
				*mode = *mode * 8 + (s[i] - '0');
			}
			*mode &= S_IALLUGO;
		} else {
			return -EINVAL;
		}
		s = end ? end + 1 : NULL;
	}
	return 0;
}

struct super_block *tmpfs_new_sb(struct fs_type *type, const char *data)
{
	struct super_block *sb = sb_alloc(type);
	struct tmpfs_sb *tsb = kzalloc(sizeof(*tsb));
	uint32_t mode = 01777;
	struct inode *root;
	int err = -ENOMEM;

	if (!sb || !tsb)
		goto err;
	list_init(&tsb->all);
	tsb->next_ino = 1;
	err = parse_options(tsb, &mode, data);
	if (err)
		goto err;
	sb->s_fs_info = tsb;
	sb->s_op = &tmpfs_sops;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_maxbytes = (int64_t)(PAGE_SIZE << (9 * PT_MAX_HEIGHT)) - 1;
	err = tmpfs_new_inode(sb, S_IFDIR | mode, 0, &root);
	if (err)
		goto err;
	TI(root)->parent = root;
	sb->s_root = d_make_root(sb, root);
	if (!sb->s_root) {
		err = -ENOMEM;
		goto err;
	}
	return sb;
err:
	if (sb && sb->s_fs_info)
		tmpfs_put_super(sb);
	else
		kfree(tsb);
	kfree(sb);
	return ERR_PTR(err);
}

static struct super_block *tmpfs_mount(struct fs_type *type, const char *data)
{
	return tmpfs_new_sb(type, data);
}

static struct fs_type tmpfs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
};

static int tmpfs_init(void)
{
	return register_filesystem(&tmpfs_type);
}
core_initcall(tmpfs_init);
