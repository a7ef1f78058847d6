/*
 * stat and friends by name: newfstatat (the arch's struct stat), statx
 * (STATX_BASIC_STATS answered whatever the mask; the sync flags are
 * accepted, every file system here being in memory), statfs and fstatfs
 * (the struct statfs both arches share).
 */
#include "sys.h"
#include "calls.h"
#include "abi.h"

#include <core/uaccess.h>

#define STAT_FLAGS	(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)

/* Stats the file an *at call names (flags already checked). */
static int stat_at(int dirfd, const char *uname, unsigned int flags,
		   struct kstat *st)
{
	struct upath p;
	int err;

	err = upath_get(&p, dirfd, uname, flags & AT_EMPTY_PATH);
	if (err)
		return err;
	err = vfs_stat(cur_fs(), p.dir, p.name,
		       flags & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH), st);
	upath_put(&p);
	return err;
}

long sys_newfstatat(int dirfd, const char *filename, struct arch_stat *ubuf,
		    int flags)
{
	struct arch_stat out;
	struct kstat st;
	int err;

	if (flags & ~STAT_FLAGS)
		return -EINVAL;
	err = stat_at(dirfd, filename, flags, &st);
	if (err)
		return err;
	stat_pack(&out, &st);
	return copy_to_user(ubuf, &out, sizeof(out));
}

long sys_statx(int dirfd, const char *filename, int flags, unsigned int mask,
	       struct statx *ubuf)
{
	struct statx out;
	struct kstat st;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if (flags & ~(STAT_FLAGS | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = stat_at(dirfd, filename, flags, &st);
	if (err)
		return err;
	statx_pack(&out, &st);
	return copy_to_user(ubuf, &out, sizeof(out));
}

static long put_statfs(struct upath *p, struct user_statfs *ubuf)
{
	struct user_statfs out;
	struct kstatfs st;
	int err;

	err = vfs_statfs(cur_fs(), p->dir, p->name, &st);
	upath_put(p);
	if (err)
		return err;
	statfs_pack(&out, &st);
	return copy_to_user(ubuf, &out, sizeof(out));
}

long sys_statfs(const char *pathname, struct user_statfs *ubuf)
{
	struct upath p;
	int err;

	err = upath_get(&p, AT_FDCWD, pathname, false);
	return err ? err : put_statfs(&p, ubuf);
}

long sys_fstatfs(unsigned int fd, struct user_statfs *ubuf)
{
	struct upath p;
	int err;

	err = fd_path(fd, &p);
	return err ? err : put_statfs(&p, ubuf);
}
