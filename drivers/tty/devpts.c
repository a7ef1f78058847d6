/*
 * devpts: the file system of pseudo-terminal slaves, mounted on /dev/pts
 * (`mount -t devpts devpts /dev/pts`). It shows /dev/pts/ptmx (5:2, the
 * same multiplexer as /dev/ptmx) and one character device N (136 +
 * N / 256 : N % 256) for each pty whose master is open, owned by the
 * process that opened /dev/ptmx. Built on the pseudo file system library.
 *
 * Mount options as Linux: uid=, gid= (owner of new slaves), mode= (their
 * permissions, default 0600), ptmxmode= (of ptmx, default 0000),
 * newinstance and max= (accepted; every mount shows the one set of ptys,
 * which is what Linux's single-instance mounts did).
 */
#define pr_fmt(fmt) "devpts: " fmt

#include "pty.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>
#include <fs/pseudo.h>

/* One set of mount options and the entries it gives; shared by mounts. */
struct devpts_info {
	uint32_t uid, gid, mode, ptmxmode;
	bool setuid, setgid;
	struct pseudo_entry root, children[2], pts;
	struct devpts_info *next;
};

/* Option sets in use; kept for the next mount with the same options. */
static struct devpts_info *infos;
static struct mutex infos_lock = MUTEX_INIT(infos_lock);

static struct devpts_info *info_of(uint64_t dir)
{
	return (struct devpts_info *)(uintptr_t)dir;
}

static kdev_t ptmx_rdev(uint64_t data)
{
	return PTMX_DEV;
}

/* A slave node's data: the number, and the generation in the top half. */
static kdev_t pts_rdev(uint64_t data)
{
	return pty_slave_dev((uint32_t)data);
}

static bool pts_valid(uint64_t data)
{
	uint32_t gen, uid, gid;

	return pty_lookup((uint32_t)data, &gen, &uid, &gid) &&
	       gen == (uint32_t)(data >> 32);
}

/* Fills out for live pty index of the mount with options info. */
static int pts_node(struct devpts_info *info, unsigned int index,
		    struct pseudo_node *out)
{
	uint32_t gen, uid, gid;

	if (!pty_lookup(index, &gen, &uid, &gid))
		return -ENOENT;
	out->entry = &info->pts;
	out->data = index | ((uint64_t)gen << 32);
	out->uid = info->setuid ? info->uid : uid;
	out->gid = info->setgid ? info->gid : gid;
	return 0;
}

static int devpts_lookup(uint64_t dir, const char *name, size_t len,
			 struct pseudo_node *out)
{
	unsigned int index = 0;

	if (!len || len > 5 || (name[0] == '0' && len > 1))
		return -ENOENT;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -ENOENT;
		index = index * 10 + (name[i] - '0');
	}
	if (index >= PTY_MAX)
		return -ENOENT;
	return pts_node(info_of(dir), index, out);
}

static int devpts_next(uint64_t dir, uint64_t *cursor, char *name,
		       size_t namelen, struct pseudo_node *out)
{
	int index;

	for (;;) {
		index = *cursor < PTY_MAX ? pty_next(*cursor) : -1;
		if (index < 0)
			return 0;
		*cursor = index + 1;
		if (!pts_node(info_of(dir), index, out))
			return snprintf(name, namelen, "%d", index);
	}
}

static const struct pseudo_dir_ops devpts_dir_ops = {
	.lookup = devpts_lookup,
	.next = devpts_next,
};

/* Parses an octal (mode) or decimal number of len bytes. */
static int parse_num(const char *s, size_t len, unsigned int base,
		     uint32_t *out)
{
	uint64_t v = 0;

	if (!len)
		return -EINVAL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] >= '0' + (int)base)
			return -EINVAL;
		v = v * base + (s[i] - '0');
		if (v > UINT32_MAX)
			return -EINVAL;
	}
	*out = v;
	return 0;
}

static bool opt(const char *s, size_t len, const char *name, size_t *vlen)
{
	size_t n = strlen(name);

	if (len < n || memcmp(s, name, n))
		return false;
	*vlen = len - n;
	return true;
}

static int parse_options(struct devpts_info *o, const char *s)
{
	uint32_t ignored;
	size_t v;
	int err = 0;

	o->mode = 0600;
	o->ptmxmode = 0;
	while (s && *s && !err) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (opt(s, len, "uid=", &v)) {
			err = parse_num(s + 4, v, 10, &o->uid);
			o->setuid = true;
		} else if (opt(s, len, "gid=", &v)) {
			err = parse_num(s + 4, v, 10, &o->gid);
			o->setgid = true;
		} else if (opt(s, len, "mode=", &v)) {
			err = parse_num(s + 5, v, 8, &o->mode);
			o->mode &= S_IALLUGO;
		} else if (opt(s, len, "ptmxmode=", &v)) {
			err = parse_num(s + 9, v, 8, &o->ptmxmode);
			o->ptmxmode &= S_IALLUGO;
		} else if (opt(s, len, "max=", &v)) {
			err = parse_num(s + 4, v, 10, &ignored);
		} else if (!(len == 11 && !memcmp(s, "newinstance", 11))) {
			err = -EINVAL;
		}
		s = end ? end + 1 : NULL;
	}
	return err;
}

/* The shared entries for the options o (o is only read), or NULL. */
static struct devpts_info *get_info(const struct devpts_info *o)
{
	struct devpts_info *i;

	mutex_lock(&infos_lock);
	for (i = infos; i; i = i->next) {
		if (i->uid == o->uid && i->gid == o->gid &&
		    i->mode == o->mode && i->ptmxmode == o->ptmxmode &&
		    i->setuid == o->setuid && i->setgid == o->setgid)
			goto out;
	}
	i = kzalloc(sizeof(*i));
	if (!i)
		goto out;
	*i = *o;
	i->root = (struct pseudo_entry){
		.name = "", .mode = S_IFDIR | 0755,
		.children = i->children, .dir_ops = &devpts_dir_ops,
	};
	i->children[0] = (struct pseudo_entry){
		.name = "ptmx", .mode = S_IFCHR | i->ptmxmode,
		.rdev = ptmx_rdev,
	};
	i->pts = (struct pseudo_entry){
		.name = "pts", .mode = S_IFCHR | i->mode,
		.rdev = pts_rdev, .valid = pts_valid,
	};
	i->next = infos;
	infos = i;
out:
	mutex_unlock(&infos_lock);
	return i;
}

static struct super_block *devpts_mount(struct fs_type *type,
					const char *data)
{
	struct devpts_info o = { 0 }, *info;
	int err = parse_options(&o, data);

	if (err)
		return ERR_PTR(err);
	info = get_info(&o);
	if (!info)
		return ERR_PTR(-ENOMEM);
	return pseudo_new_sb(type, &info->root, (uintptr_t)info,
			     DEVPTS_SUPER_MAGIC, PSEUDO_NOCACHE);
}

static struct fs_type devpts_type = {
	.name = "devpts",
	.mount = devpts_mount,
};

bool devpts_sb(const struct super_block *sb)
{
	return sb && sb->s_type == &devpts_type;
}

static int devpts_init(void)
{
	return register_filesystem(&devpts_type);
}
core_initcall(devpts_init);
