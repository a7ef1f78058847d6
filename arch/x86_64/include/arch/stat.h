/*
 * x86_64's struct stat (arch/x86/include/uapi/asm/stat.h, the 64-bit one):
 * 144 bytes, st_nlink (64-bit) before st_mode. And the open() flag values,
 * which on x86_64 are the generic ones <fs/uapi.h> uses inside the kernel,
 * so the syscall layer's translation is the identity here.
 */
#ifndef ARCH_STAT_H
#define ARCH_STAT_H

#include <core/types.h>

struct arch_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	uint64_t st_atime;
	uint64_t st_atime_nsec;
	uint64_t st_mtime;
	uint64_t st_mtime_nsec;
	uint64_t st_ctime;
	uint64_t st_ctime_nsec;
	int64_t __unused4[3];
};

_Static_assert(sizeof(struct arch_stat) == 144, "x86_64 struct stat");
_Static_assert(__builtin_offsetof(struct arch_stat, st_mode) == 24,
	       "x86_64 st_mode");

/* The user-space values of the open() flags that differ between arches. */
#define ARCH_O_DIRECT		00040000
#define ARCH_O_LARGEFILE	00100000
#define ARCH_O_DIRECTORY	00200000
#define ARCH_O_NOFOLLOW		00400000

#endif /* ARCH_STAT_H */
