/*
 * The per-arch parts of the file syscalls' ABI, private to fs/vfs/: open
 * flag translation (arm64 numbers four O_ bits differently from the
 * generic values the kernel uses) and struct stat packing. Pure functions
 * over <arch/stat.h>, so host tests run them for either arch (they include
 * that arch's header first).
 */
#ifndef FS_VFS_ABI_H
#define FS_VFS_ABI_H

#ifndef ARCH_STAT_H
#include <arch/stat.h>
#endif
#include <core/types.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

/* The four bits whose numbering is the arch's. */
#define OFLAGS_ARCH_BITS (O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW)
#define OFLAGS_USER_BITS (ARCH_O_DIRECT | ARCH_O_LARGEFILE | \
			  ARCH_O_DIRECTORY | ARCH_O_NOFOLLOW)

static inline unsigned int oflag_move(unsigned int in, unsigned int from,
				      unsigned int to)
{
	return (in & from) ? to : 0;
}

/* open()/F_SETFL flags from user space into the kernel's values. */
static inline unsigned int oflags_from_user(unsigned int uflags)
{
	return (uflags & ~OFLAGS_USER_BITS) |
	       oflag_move(uflags, ARCH_O_DIRECT, O_DIRECT) |
	       oflag_move(uflags, ARCH_O_LARGEFILE, O_LARGEFILE) |
	       oflag_move(uflags, ARCH_O_DIRECTORY, O_DIRECTORY) |
	       oflag_move(uflags, ARCH_O_NOFOLLOW, O_NOFOLLOW);
}

/* F_GETFL: the kernel's flags in the user's numbering. */
static inline unsigned int oflags_to_user(unsigned int kflags)
{
	return (kflags & ~OFLAGS_ARCH_BITS) |
	       oflag_move(kflags, O_DIRECT, ARCH_O_DIRECT) |
	       oflag_move(kflags, O_LARGEFILE, ARCH_O_LARGEFILE) |
	       oflag_move(kflags, O_DIRECTORY, ARCH_O_DIRECTORY) |
	       oflag_move(kflags, O_NOFOLLOW, ARCH_O_NOFOLLOW);
}

/* The arch's struct stat for st (every field written, padding zeroed). */
static inline void stat_pack(struct arch_stat *out, const struct kstat *st)
{
	__builtin_memset(out, 0, sizeof(*out));
	out->st_dev = new_encode_dev(st->dev);
	out->st_ino = st->ino;
	out->st_nlink = st->nlink;
	out->st_mode = st->mode;
	out->st_uid = st->uid;
	out->st_gid = st->gid;
	out->st_rdev = new_encode_dev(st->rdev);
	out->st_size = st->size;
	out->st_blksize = st->blksize;
	out->st_blocks = st->blocks;
	out->st_atime = st->atime.tv_sec;
	out->st_atime_nsec = st->atime.tv_nsec;
	out->st_mtime = st->mtime.tv_sec;
	out->st_mtime_nsec = st->mtime.tv_nsec;
	out->st_ctime = st->ctime.tv_sec;
	out->st_ctime_nsec = st->ctime.tv_nsec;
}

/* The statx record for st; mask is what the caller asked for. */
static inline void statx_pack(struct statx *out, const struct kstat *st)
{
	__builtin_memset(out, 0, sizeof(*out));
	out->stx_mask = STATX_BASIC_STATS;
	out->stx_blksize = st->blksize;
	out->stx_nlink = st->nlink;
	out->stx_uid = st->uid;
	out->stx_gid = st->gid;
	out->stx_mode = (uint16_t)st->mode;
	out->stx_ino = st->ino;
	out->stx_size = st->size;
	out->stx_blocks = st->blocks;
	out->stx_atime.tv_sec = st->atime.tv_sec;
	out->stx_atime.tv_nsec = st->atime.tv_nsec;
	out->stx_mtime.tv_sec = st->mtime.tv_sec;
	out->stx_mtime.tv_nsec = st->mtime.tv_nsec;
	out->stx_ctime.tv_sec = st->ctime.tv_sec;
	out->stx_ctime.tv_nsec = st->ctime.tv_nsec;
	out->stx_rdev_major = MAJOR(st->rdev);
	out->stx_rdev_minor = MINOR(st->rdev);
	out->stx_dev_major = MAJOR(st->dev);
	out->stx_dev_minor = MINOR(st->dev);
}

/* The user's struct statfs (same layout on x86_64 and arm64). */
static inline void statfs_pack(struct user_statfs *out,
			       const struct kstatfs *st)
{
	__builtin_memset(out, 0, sizeof(*out));
	out->f_type = st->type;
	out->f_bsize = st->bsize;
	out->f_blocks = st->blocks;
	out->f_bfree = st->bfree;
	out->f_bavail = st->bavail;
	out->f_files = st->files;
	out->f_ffree = st->ffree;
	out->f_fsid[0] = (uint32_t)st->fsid;
	out->f_fsid[1] = (uint32_t)(st->fsid >> 32);
	out->f_namelen = st->namelen;
	out->f_frsize = st->frsize ? st->frsize : st->bsize;
	out->f_flags = st->flags;
}

/*
 * Legacy getdents (x86_64): rewrites len bytes of linux_dirent64 records
 * in place as struct linux_dirent ones. Both are the same size for the
 * same name (8-byte header fields, name, NUL, d_type last), so offsets and
 * d_reclen stay; the name moves down one byte and d_type goes last.
 */
static inline void dirent64_to_legacy(void *buf, size_t len)
{
	char *p = buf;

	while (len >= 24) {
		struct linux_dirent64 *de = (struct linux_dirent64 *)p;
		uint16_t reclen = de->d_reclen;
		uint8_t type = de->d_type;
		size_t namelen = __builtin_strlen(de->d_name);

		if (reclen < 24 || reclen > len)
			break;
		__builtin_memmove(p + 18, de->d_name, namelen + 1);
		p[reclen - 1] = (char)type;
		p += reclen;
		len -= reclen;
	}
}

#endif /* FS_VFS_ABI_H */
