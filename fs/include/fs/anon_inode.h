/*
 * Anonymous inodes (fs/poll/anon_inode.c): the inodes behind files that
 * have no name in the name space, such as pipes, eventfds and epoll
 * instances. They live on one internal super block ("anon_inodefs",
 * never mounted by name), each on an unhashed dentry of its own, so that
 * fstat() and the rest of the VFS treat them as any other file.
 */
#ifndef FS_ANON_INODE_H
#define FS_ANON_INODE_H

#include <core/types.h>

struct file;
struct file_ops;
struct inode;
struct path;

/*
 * A new anonymous inode of mode (S_IFIFO | 0600 for a pipe, 0600 for
 * most others), uid/gid 0, nlink 1, on its own dentry. *out is a path
 * the caller owns (path_put() it); the inode is freed with the last
 * reference to the dentry, after the caller has set its i_nlink to 0
 * (anon_inode_unlink()). Returns 0 or -ENOMEM.
 */
int anon_inode_create(uint32_t mode, struct path *out);

/* Lets the inode go with its last reference (nlink 0). */
void anon_inode_unlink(struct inode *inode);

/*
 * An open file on path (which gains a reference) with fops and
 * private_data priv; flags give the access mode and O_NONBLOCK. fops->open
 * is not called. Returns the file (one reference) or ERR_PTR(-ENOMEM).
 */
struct file *anon_file_open(const struct path *path,
			    const struct file_ops *fops, void *priv,
			    unsigned int flags);

/*
 * Both steps for a file that has its inode to itself (eventfd, epoll):
 * the inode is unlinked at once, so it goes with the file.
 */
struct file *anon_file_create(const struct file_ops *fops, void *priv,
			      unsigned int flags);

#endif /* FS_ANON_INODE_H */
