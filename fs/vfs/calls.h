/*
 * The file syscall handlers that other handlers call: the legacy x86_64
 * wrappers (legacy_*.c) are built on these. Private to fs/vfs/.
 */
#ifndef FS_VFS_CALLS_H
#define FS_VFS_CALLS_H

#include <core/types.h>

struct arch_stat;
struct upath;
struct timespec64;

/* sys_open.c: flags in the kernel's numbering. */
long do_sys_open(int dirfd, const char *uname, unsigned int flags,
		 uint32_t mode);
/* sys_attr.c: sets the times of what p names and puts p. */
int do_utimes(struct upath *p, const struct timespec64 *times, int flags);

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_newfstatat(int dirfd, const char *filename, struct arch_stat *ubuf,
		    int flags);
long sys_faccessat2(int dirfd, const char *pathname, int mode, int flags);
long sys_mkdirat(int dirfd, const char *pathname, uint32_t mode);
long sys_mknodat(int dirfd, const char *pathname, uint32_t mode,
		 unsigned int dev);
long sys_unlinkat(int dirfd, const char *pathname, int flags);
long sys_symlinkat(const char *target, int newdirfd, const char *linkpath);
long sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
		const char *newpath, int flags);
long sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
		   const char *newpath, unsigned int flags);
long sys_readlinkat(int dirfd, const char *pathname, char *buf, int bufsiz);
long sys_fchmodat(int dirfd, const char *pathname, uint32_t mode);
long sys_fchownat(int dirfd, const char *pathname, uint32_t uid,
		  uint32_t gid, int flags);

#endif /* FS_VFS_CALLS_H */
