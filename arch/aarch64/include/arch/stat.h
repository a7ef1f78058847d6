/*
 * arm64's struct stat: the generic layout (include/uapi/asm-generic/
 * stat.h), 128 bytes, st_mode before a 32-bit st_nlink. And the open()
 * flag values arm64 numbers differently from the generic ones that
 * <fs/uapi.h> uses inside the kernel (arch/arm64/include/uapi/asm/
 * fcntl.h); the syscall layer translates these four bits both ways.
 */
#ifndef ARCH_STAT_H
#define ARCH_STAT_H

#include <core/types.h>

struct arch_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint64_t __pad1;
	int64_t st_size;
	int32_t st_blksize;
	int32_t __pad2;
	int64_t st_blocks;
	int64_t st_atime;
	uint64_t st_atime_nsec;
	int64_t st_mtime;
	uint64_t st_mtime_nsec;
	int64_t st_ctime;
	uint64_t st_ctime_nsec;
	uint32_t __unused4;
	uint32_t __unused5;
};

_Static_assert(sizeof(struct arch_stat) == 128, "arm64 struct stat");
_Static_assert(__builtin_offsetof(struct arch_stat, st_size) == 48,
	       "arm64 st_size");

/* The user-space values of the open() flags that differ between arches. */
#define ARCH_O_DIRECTORY	00040000
#define ARCH_O_NOFOLLOW		00100000
#define ARCH_O_DIRECT		00200000
#define ARCH_O_LARGEFILE	00400000

#endif /* ARCH_STAT_H */
