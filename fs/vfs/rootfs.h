/*
 * The boot-time root file system (rootfs.c) and the initramfs unpacker
 * (unpack.c, built with CONFIG_INITRAMFS).
 */
#ifndef FS_VFS_ROOTFS_H
#define FS_VFS_ROOTFS_H

/* Creates the initramfs file list's files in "/". */
void rootfs_unpack(void);

/* Prints every path under "/" with mode, owner and symlink target. */
void rootfs_list(void);

#endif /* FS_VFS_ROOTFS_H */
