/*
 * Path names from user space (fs/vfs/getname.c), for every syscall that
 * takes one.
 */
#ifndef FS_USER_H
#define FS_USER_H

/*
 * Copies the path at user address upath into a new kernel buffer of
 * PATH_MAX bytes. Returns the buffer (free it with putname()), or
 * ERR_PTR(-EFAULT), ERR_PTR(-ENAMETOOLONG) (no NUL in PATH_MAX bytes) or
 * ERR_PTR(-ENOMEM). An empty name is returned as such: callers decide
 * between ENOENT and AT_EMPTY_PATH.
 */
char *getname(const char *upath);
void putname(char *name);

#endif /* FS_USER_H */
