/*
 * Linux ABI constants of the file API: file types and modes, open flags,
 * *at flags, lseek whences, renameat2 flags, getdents64 d_type values and
 * the device number encodings. The values are Linux's (asm-generic/fcntl.h,
 * linux/stat.h, linux/fs.h), so the syscall layer passes them through.
 *
 * One arch difference: arm64 numbers O_DIRECTORY, O_NOFOLLOW, O_DIRECT and
 * O_LARGEFILE differently (arch/arm64/include/uapi/asm/fcntl.h); the values
 * here are the generic ones used by x86_64, and the arm64 syscall entry
 * translates those four bits.
 */
#ifndef FS_UAPI_H
#define FS_UAPI_H

#include <core/types.h>

/* File types and permission bits (st_mode). */
#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000
#define S_IALLUGO	07777

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

/* open() flags. */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_DIRECT	00040000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define O_PATH		010000000

/* *at() flags and the special dirfd. */
#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* lseek() whences. */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4

/* renameat2() flags. */
#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/* utimensat() special nanosecond values. */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

/* getdents64 d_type values. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

static inline unsigned int mode_to_dtype(uint32_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* Limits (Linux's NAME_MAX, PATH_MAX, MAXSYMLINKS). */
#define NAME_MAX	255
#define PATH_MAX	4096
#define MAXSYMLINKS	40

/*
 * Device numbers inside the kernel: 12-bit major, 20-bit minor, as Linux's
 * kdev_t (the kernel's dev_t; renamed so host tests can include
 * both). User space sees the "new" encoding (st_rdev, mknod's dev).
 */
typedef uint32_t kdev_t;

#define MINORBITS	20
#define MKDEV(ma, mi)	(((kdev_t)(ma) << MINORBITS) | (kdev_t)(mi))
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & ((1U << MINORBITS) - 1)))

static inline uint64_t new_encode_dev(kdev_t dev)
{
	uint64_t ma = MAJOR(dev), mi = MINOR(dev);

	return (mi & 0xff) | (ma << 8) | ((mi & ~0xffULL) << 12);
}

static inline kdev_t new_decode_dev(uint64_t dev)
{
	unsigned int ma = (dev & 0xfff00) >> 8;
	unsigned int mi = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(ma, mi);
}

/* A point in time: seconds and nanoseconds. */
struct timespec64 {
	int64_t tv_sec;
	long tv_nsec;
};

/* What stat() reports, before the per-arch struct stat layout. */
struct kstat {
	uint64_t ino;
	kdev_t dev;		/* the file system's device */
	uint32_t mode;
	uint32_t nlink;
	uint32_t uid, gid;
	kdev_t rdev;		/* device nodes: the device */
	int64_t size;
	uint64_t blocks;	/* 512-byte units allocated */
	uint32_t blksize;
	struct timespec64 atime, mtime, ctime;
};

/* What statfs() reports. */
struct kstatfs {
	uint64_t type;		/* magic number, e.g. TMPFS_MAGIC */
	uint64_t bsize;
	uint64_t blocks, bfree, bavail;
	uint64_t files, ffree;
	uint64_t fsid;
	uint64_t namelen;
	uint64_t frsize;
	uint64_t flags;
};

#endif /* FS_UAPI_H */
