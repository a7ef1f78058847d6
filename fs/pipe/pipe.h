/*
 * Private interface of fs/pipe/: the pipe object shared by anonymous
 * pipes (pipe.c) and FIFOs (fifo.c).
 */
#ifndef FS_PIPE_PIPE_H
#define FS_PIPE_PIPE_H

#include <core/sync.h>
#include <core/wait.h>
#include <fs/pipe.h>

#include "ring.h"

struct file;
struct inode;
struct poll_table;

struct pipe {
	struct mutex lock;		/* ring and counts */
	struct pipe_ring ring;
	struct wait_queue rd_wait;	/* readers: data, no writers; opens */
	struct wait_queue wr_wait;	/* writers: room, no readers; opens */
	unsigned int readers;		/* open files that read */
	unsigned int writers;		/* open files that write */
	unsigned int r_counter;		/* readers ever opened (FIFO open) */
	unsigned int w_counter;		/* writers ever opened */
	/* FIFOs: the inode, and the link in fifo.c's table. */
	struct inode *inode;
	struct list_head fifo_link;
};

/* A pipe with no ends, or NULL. */
struct pipe *pipe_alloc(void);
void pipe_free(struct pipe *p);

/*
 * Gives up the end of file (its f_mode) and wakes the other side. Returns
 * true when no end is left (the caller frees the pipe).
 */
bool pipe_put_end(struct pipe *p, const struct file *file);

/* read/write/poll/ioctl/llseek of both kinds; private_data is the pipe. */
ssize_t pipe_read(struct file *file, void *buf, size_t len, int64_t *pos);
ssize_t pipe_write(struct file *file, const void *buf, size_t len,
		   int64_t *pos);
unsigned int pipe_poll(struct file *file, struct poll_table *pt);
long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int64_t pipe_llseek(struct file *file, int64_t offset, int whence);

#endif /* FS_PIPE_PIPE_H */
