/*
 * tmpfs: the in-memory file system (fs/tmpfs/). Other file systems built
 * on it (devtmpfs) create their super block through tmpfs_new_sb().
 */
#ifndef FS_TMPFS_H
#define FS_TMPFS_H

#include <fs/vfs.h>

#define TMPFS_MAGIC	0x01021994

/*
 * A tmpfs super block for type with its root directory (mode 1777 unless
 * data says "mode=..."). data: Linux's options "size=N[k|m|g|%]" and
 * "mode=OCTAL", comma-separated, or NULL. ERR_PTR() on failure.
 */
struct super_block *tmpfs_new_sb(struct fs_type *type, const char *data);

#endif /* FS_TMPFS_H */
