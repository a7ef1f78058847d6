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
#define O_ASYNC		00020000	/* FASYNC */
#define O_SYNC		04010000	/* __O_SYNC | O_DSYNC */
#define O_TMPFILE	020200000	/* __O_TMPFILE | O_DIRECTORY */
#define O_NDELAY	O_NONBLOCK

/* fcntl() commands and FD_CLOEXEC (asm-generic/fcntl.h, linux/fcntl.h). */
#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_OFD_GETLK	36
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1

/* close_range() flags. */
#define CLOSE_RANGE_UNSHARE	(1U << 1)
#define CLOSE_RANGE_CLOEXEC	(1U << 2)

/* access() modes. */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

/* Generic ioctls every file answers (asm-generic/ioctls.h). */
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452
#define FIONBIO		0x5421

/* *at() flags and the special dirfd. */
#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000
#define AT_EACCESS		0x200	/* faccessat: same value as REMOVEDIR */
#define AT_NO_AUTOMOUNT		0x800
#define AT_STATX_SYNC_TYPE	0x6000
#define AT_STATX_FORCE_SYNC	0x2000
#define AT_STATX_DONT_SYNC	0x4000

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

/* statx() (linux/stat.h): the same layout on every arch. */
#define STATX_TYPE		0x0001U
#define STATX_MODE		0x0002U
#define STATX_NLINK		0x0004U
#define STATX_UID		0x0008U
#define STATX_GID		0x0010U
#define STATX_ATIME		0x0020U
#define STATX_MTIME		0x0040U
#define STATX_CTIME		0x0080U
#define STATX_INO		0x0100U
#define STATX_SIZE		0x0200U
#define STATX_BLOCKS		0x0400U
#define STATX_BASIC_STATS	0x07ffU
#define STATX__RESERVED		0x80000000U

struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0[1];
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor;
	uint32_t stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align, stx_dio_offset_align;
	uint64_t __spare3[12];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx");

/*
 * The user's struct statfs: asm-generic/statfs.h with 64-bit words, which
 * x86_64 (asm/statfs.h includes it) and arm64 share.
 */
struct user_statfs {
	int64_t f_type;
	int64_t f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail;
	uint64_t f_files, f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen;
	int64_t f_frsize;
	int64_t f_flags;
	int64_t f_spare[4];
};

_Static_assert(sizeof(struct user_statfs) == 120, "struct statfs");

/* mount() flags (linux/mount.h) and umount2() flags. */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_SYNCHRONOUS	16
#define MS_REMOUNT	32
#define MS_MANDLOCK	64
#define MS_DIRSYNC	128
#define MS_NOSYMFOLLOW	256
#define MS_NOATIME	1024
#define MS_NODIRATIME	2048
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_REC		16384
#define MS_SILENT	32768
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#define MS_RELATIME	(1 << 21)
#define MS_STRICTATIME	(1 << 24)
#define MS_LAZYTIME	(1 << 25)
#define MS_MGC_VAL	0xC0ED0000U
#define MS_MGC_MSK	0xffff0000U

#define MNT_FORCE	0x1
#define MNT_DETACH	0x2
#define MNT_EXPIRE	0x4
#define UMOUNT_NOFOLLOW	0x8

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
