/*
 * What the pseudo-terminal driver (pty.c, pty_master.c) and the devpts
 * file system (devpts.c) tell each other: which pty numbers are live,
 * who owns them, whether a super block is a devpts one, and the pair
 * itself. Private to drivers/tty/.
 */
#ifndef DRIVERS_TTY_PTY_H
#define DRIVERS_TTY_PTY_H

#include <core/sync.h>
#include <core/types.h>
#include <fs/vfs.h>

#include "tty.h"

#define PTY_MAX			1024	/* slaves 136:0 .. 139:255 */
#define PTY_SLAVE_MAJOR		136
#define PTMX_DEV		MKDEV(5, 2)
#define DEVPTS_SUPER_MAGIC	0x1cd1

/* The pty ioctls (asm-generic/ioctls.h; the same on both arches). */
#define TIOCGPTN	0x80045430
#define TIOCSPTLCK	0x40045431
#define TIOCGPTLCK	0x80045439
#define TIOCGPTPEER	0x5441
#define TIOCPKT		0x5420

/* The device number of slave index: 136 + index / 256, index % 256. */
static inline kdev_t pty_slave_dev(unsigned int index)
{
	return MKDEV(PTY_SLAVE_MAJOR + index / 256, index % 256);
}

/*
 * Whether pty index is live (its master open): its generation (which
 * changes when a number is reused) and the fsuid/fsgid of its creator.
 */
bool pty_lookup(unsigned int index, uint32_t *gen, uint32_t *uid,
		uint32_t *gid);
/* The lowest live pty number >= from, or -1. */
int pty_next(unsigned int from);

/* --- between pty.c (the pair, the slave) and pty_master.c ----------- */

struct pty {
	struct tty master, slave;
	char slave_name[16];		/* "pts/N" */
	unsigned int index;
	uint32_t gen;
	uint32_t uid, gid;		/* the creator's fsuid, fsgid */
	bool locked;			/* TIOCSPTLCK: the slave cannot open */
	bool master_open;
	bool slave_open;		/* files open on the slave */
	bool slave_closed;		/* ...and it had some: master EIO */
	bool hanging_up;		/* the master's close is at work */
	struct task *feeder;		/* master writer feeding the slave */
	struct mutex feed_lock;		/* one master writer at a time */
	struct mutex out_lock;		/* one slave writer at a time */
};

static inline struct pty *pty_of_slave(struct tty *tty)
{
	return container_of(tty, struct pty, slave);
}

/* A master's file: its private_data is the slave's tty. */
static inline struct pty *pty_of_file(struct file *f)
{
	return pty_of_slave(f->private_data);
}

/* Bytes the master's tty can still take (its input ring). */
unsigned int pty_master_room(struct pty *p);
/* The master's file ops (pty_master.c) and their open/release (pty.c). */
extern const struct file_ops ptmx_fops;
int ptmx_open(struct inode *inode, struct file *f);
void ptmx_release(struct inode *inode, struct file *f);

/* Whether sb is a devpts instance (devpts.c). */
bool devpts_sb(const struct super_block *sb);

#endif /* DRIVERS_TTY_PTY_H */
