/*
 * Pipes and FIFOs (fs/pipe/): a 64 KiB byte ring between the files of
 * its two ends, with the blocking, atomicity and end-of-file rules of
 * pipe(7).
 *
 * Anonymous pipes come from pipe_create() (pipe2); a FIFO is an S_IFIFO
 * inode of any file system whose open() is routed to fifo_fops, which
 * attaches the open file to the FIFO's pipe.
 */
#ifndef FS_PIPE_H
#define FS_PIPE_H

#include <core/types.h>

#define PIPE_BUF	4096	/* writes up to this size are atomic */

struct file;
struct file_ops;

/*
 * A new pipe: files[0] the read end, files[1] the write end, one
 * reference each. flags: O_NONBLOCK (others are the caller's to check).
 * Returns 0 or -ENOMEM.
 */
int pipe_create(struct file *files[2], unsigned int flags);

/*
 * The file ops of a FIFO inode: the open path (open_fops() in
 * fs/vfs/open.c) hands S_IFIFO inodes these when CONFIG_PIPE is set;
 * ->open blocks as fifo(7) says and sets up the rest.
 */
extern const struct file_ops fifo_fops;

#endif /* FS_PIPE_H */
