/*
 * Pseudo file systems (fs/pseudo/): the common base of procfs, sysfs and
 * devpts, whose files are made from kernel state when they are looked at
 * rather than stored.
 *
 * A file system describes its nodes with struct pseudo_entry, usually in
 * static tables. The library makes an inode for an (entry, data) pair on
 * lookup, lists directories for getdents, generates a regular file's text
 * into a struct seq_buf when it is opened (reads see that snapshot), hands
 * writes to store(), and asks link() for a symlink's target each time the
 * link is followed or read. `data` is the file system's word for which
 * object a node shows: a pid, a pid and an fd, a device number, a pointer.
 *
 * A directory has static children (a table ending with a NULL name),
 * dynamic ones (struct pseudo_dir_ops: a pid per process, an fd per open
 * file), or both; static children come first in listings. A child node
 * gets its parent's data unless a dynamic lookup sets its own, and its
 * owner is its parent's (pseudo_node.uid/gid may say otherwise).
 *
 * Nodes that can vanish (a process that exits) have a valid() callback:
 * a cached dentry whose node is no longer valid is dropped and looked up
 * again, and in a PSEUDO_NOCACHE super block dentries are freed at their
 * last use instead of being cached, so /proc does not fill the dcache with
 * the names of dead processes.
 *
 * Locks: lookup, next, valid, link and rdev run under vfs_lock() (from the
 * path walk and getdents), and so does show(), at open; store() runs from
 * write(2) without it. A file opened for writing needs store() (else
 * EACCES), one opened for reading needs show(). Reads and lseek
 * (SEEK_SET, SEEK_CUR) work on the text made at open.
 */
#ifndef FS_PSEUDO_H
#define FS_PSEUDO_H

#include <core/compiler.h>
#include <core/types.h>
#include <fs/vfs.h>

/* A growing text buffer that a show() callback fills. */
struct seq_buf {
	char *buf;
	size_t size;		/* bytes allocated */
	size_t len;		/* bytes written */
	bool overflow;		/* a write did not fit: the library retries */
};

void seq_printf(struct seq_buf *s, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_buf *s, const char *fmt, __builtin_va_list ap);
void seq_puts(struct seq_buf *s, const char *str);
void seq_putc(struct seq_buf *s, char c);
void seq_write(struct seq_buf *s, const void *p, size_t n);

struct pseudo_entry;

/* What one inode stands for. */
struct pseudo_node {
	const struct pseudo_entry *entry;
	uint64_t data;
	/* Owner; set by a dynamic lookup, else inherited from the parent. */
	uint32_t uid, gid;
};

/* Dynamic directory contents. */
struct pseudo_dir_ops {
	/*
	 * The child called (name, len) of the directory whose data is dir:
	 * fills *out (entry, data, and uid/gid preset to the parent's) and
	 * returns 0, or -ENOENT.
	 */
	int (*lookup)(uint64_t dir, const char *name, size_t len,
		      struct pseudo_node *out);
	/*
	 * Listing: the first child at or after *cursor (which starts at 0):
	 * writes its name (NUL-terminated) into name (namelen bytes), fills
	 * *out, sets *cursor past it and returns the name's length; 0 when
	 * there are no more. Cursors must grow along the listing so that a
	 * getdents call that ended in the middle can resume.
	 */
	int (*next)(uint64_t dir, uint64_t *cursor, char *name, size_t namelen,
		    struct pseudo_node *out);
};

struct pseudo_entry {
	const char *name;	/* NULL ends a table */
	uint32_t mode;		/* S_IFDIR, S_IFREG, S_IFLNK, S_IFCHR | perms */

	/* S_IFREG: the whole content into s; -errno fails the open. */
	int (*show)(struct seq_buf *s, uint64_t data);
	/*
	 * S_IFREG with a write permission bit: one write(2)'s bytes (not
	 * NUL-terminated; the offset is ignored, as sysctl files do). Returns
	 * len or -errno.
	 */
	ssize_t (*store)(uint64_t data, const char *buf, size_t len);

	/* S_IFLNK: the target, NUL-terminated, into buf; 0 or -errno. */
	int (*link)(uint64_t data, char *buf, size_t len);

	/* S_IFDIR: static children, then dynamic ones (either may be NULL). */
	const struct pseudo_entry *children;
	const struct pseudo_dir_ops *dir_ops;

	/* S_IFCHR / S_IFBLK: the device number of the node. */
	kdev_t (*rdev)(uint64_t data);

	/* NULL: always valid. false: the object is gone (ENOENT from now). */
	bool (*valid)(uint64_t data);

	/*
	 * Optional: the file_ops to use instead of the generated-text ones
	 * (a file that streams, like /proc/kmsg). f->private_data is free.
	 */
	const struct file_ops *fops;
};

/* pseudo_new_sb() flags. */
#define PSEUDO_NOCACHE	0x1	/* free unused dentries (contents change) */

/*
 * A super block of type whose root is (root, data), owned by root, with
 * magic for statfs. ERR_PTR() on failure. Used by an fs_type's mount().
 */
struct super_block *pseudo_new_sb(struct fs_type *type,
				  const struct pseudo_entry *root,
				  uint64_t data, uint64_t magic,
				  unsigned int flags);

/* The node behind an inode of a pseudo file system. */
const struct pseudo_node *pseudo_node_of(const struct inode *inode);

#endif /* FS_PSEUDO_H */
