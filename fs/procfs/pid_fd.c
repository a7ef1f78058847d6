/*
 * /proc/<pid>/fd/ and fdinfo/: a symlink per open fd whose target is the
 * file's name as the reader sees it (or "pipe:[ino]", "socket:[ino]",
 * "anon_inode:[...]" for files without a name, as Linux), and a text file
 * per fd with its position, flags, mount id and inode number.
 *
 * An fd node's data is PROC_DATA(id, fd): id is the thread of a
 * task/<tid>/ directory or the process of a /proc/<pid> one, whose fd
 * table is looked up again at each use. The link's permission bits say
 * how the file was opened (lr-x, l-wx, lrwx), as on Linux.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/string.h>
#include <fs/fdtable.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define ANON_INODE_FS_MAGIC	0x09041934	/* linux/magic.h */

/* The thread or process whose fd table a directory of data shows. */
static int table_id(uint64_t data)
{
	return proc_tid(data) ? proc_tid(data) : proc_pid(data);
}

/*
 * The fd table of id (a thread, else a process's main thread), a
 * reference released with proc_put_files(), or NULL.
 */
static struct files *files_of(int id)
{
	struct files *files = NULL;
	unsigned long flags;
	struct task *t;

	spin_lock_irqsave(&tasklist_lock, &flags);
	t = find_task(id);
	if (!t || !t->files) {
		struct process *p = find_process(id);

		t = NULL;
		if (p && !list_empty(&p->threads))
			t = list_first_entry(&p->threads, struct task,
					     thread_link);
	}
	if (t && t->files)
		files = files_get(t->files);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return files;
}

/* The file at fd of id (a reference: proc_put_file()), or NULL. */
static struct file *file_of(int id, int fd)
{
	struct files *files = files_of(id);
	struct file *file;

	if (!files)
		return NULL;
	file = files_lookup(files, fd);
	proc_put_files(files);
	return file;
}

static bool fd_valid(uint64_t data)
{
	struct file *file = file_of(PROC_PID(data), PROC_LOW(data));

	proc_put_file(file);
	return file != NULL;
}

static int fd_link(uint64_t data, char *buf, size_t len)
{
	struct file *file = file_of(PROC_PID(data), PROC_LOW(data));
	struct inode *inode;
	struct fs_struct *fs = current->fs;
	int err = 0;

	if (!file)
		return -ENOENT;
	inode = file->f_inode;
	if (inode && inode->i_sb->s_magic == ANON_INODE_FS_MAGIC) {
		/*
		 * Anonymous inodes carry no kind (Linux names them
		 * "[eventfd]", "[eventpoll]"...): only pipes and sockets
		 * are told apart.
		 */
		unsigned long long ino = inode->i_ino;
		size_t n;

		if (S_ISFIFO(inode->i_mode))
			n = snprintf(buf, len, "pipe:[%llu]", ino);
		else if (S_ISSOCK(inode->i_mode))
			n = snprintf(buf, len, "socket:[%llu]", ino);
		else
			n = snprintf(buf, len, "anon_inode:[%llu]", ino);
		if (n >= len)
			err = -ENAMETOOLONG;
	} else if (fs) {
		/* The caller (the path walk or readlink) holds vfs_lock(). */
		char *name = d_path(&file->f_path, &fs->root, buf, len);

		if (IS_ERR(name))
			err = PTR_ERR(name);
		else
			memmove(buf, name, strlen(name) + 1);
	} else {
		err = -ENOENT;
	}
	proc_put_file(file);
	return err;
}

#define FD_LINK(m) \
	{ .name = "<fd>", .mode = S_IFLNK | (m), .link = fd_link, \
	  .valid = fd_valid }

static const struct pseudo_entry fd_links[] = {
	FD_LINK(0500),		/* read only */
	FD_LINK(0300),		/* write only */
	FD_LINK(0700),		/* both */
};

static int fdinfo_show(struct seq_buf *s, uint64_t data)
{
	struct file *file = file_of(PROC_PID(data), PROC_LOW(data));

	if (!file)
		return -ENOENT;
	seq_printf(s, "pos:\t%lld\n", (long long)file->f_pos);
	seq_printf(s, "flags:\t0%o\n", file->f_flags);
	seq_printf(s, "mnt_id:\t%d\n", 0);
	seq_printf(s, "ino:\t%llu\n",
		   (unsigned long long)(file->f_inode ? file->f_inode->i_ino : 0));
	proc_put_file(file);
	return 0;
}

static const struct pseudo_entry fdinfo_entry = {
	.name = "<fd>",
	.mode = S_IFREG | 0444,
	.show = fdinfo_show,
	.valid = fd_valid,
};

/* A decimal fd without a sign or leading zeros, or -1. */
static int parse_fd(const char *name, size_t len)
{
	long v = 0;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	return v;
}

static const struct pseudo_entry *entry_for(const struct file *file,
					    bool info)
{
	if (info)
		return &fdinfo_entry;
	if ((file->f_mode & FMODE_READ) && (file->f_mode & FMODE_WRITE))
		return &fd_links[2];
	return file->f_mode & FMODE_WRITE ? &fd_links[1] : &fd_links[0];
}

static int do_lookup(uint64_t dir, const char *name, size_t len,
		     struct pseudo_node *out, bool info)
{
	int fd = parse_fd(name, len), id = table_id(dir);
	struct file *file;

	if (fd < 0)
		return -ENOENT;
	file = file_of(id, fd);
	if (!file)
		return -ENOENT;
	out->entry = entry_for(file, info);
	out->data = PROC_DATA(id, fd);
	proc_put_file(file);
	return 0;
}

static int do_next(uint64_t dir, uint64_t *cursor, char *name,
		   size_t namelen, struct pseudo_node *out, bool info)
{
	int id = table_id(dir), fd;
	struct files *files;
	struct file *file = NULL;

	if (*cursor > INT32_MAX)
		return 0;
	files = files_of(id);
	if (!files)
		return 0;
	for (fd = files_next_fd(files, *cursor); fd >= 0;
	     fd = files_next_fd(files, fd + 1)) {
		file = files_lookup(files, fd);
		if (file)
			break;
	}
	proc_put_files(files);
	if (!file)
		return 0;
	out->entry = entry_for(file, info);
	out->data = PROC_DATA(id, fd);
	proc_put_file(file);
	*cursor = (uint64_t)fd + 1;
	return snprintf(name, namelen, "%d", fd);
}

static int fd_lookup(uint64_t dir, const char *name, size_t len,
		     struct pseudo_node *out)
{
	return do_lookup(dir, name, len, out, false);
}

static int fd_next(uint64_t dir, uint64_t *cursor, char *name,
		   size_t namelen, struct pseudo_node *out)
{
	return do_next(dir, cursor, name, namelen, out, false);
}

static int fdinfo_lookup(uint64_t dir, const char *name, size_t len,
			 struct pseudo_node *out)
{
	return do_lookup(dir, name, len, out, true);
}

static int fdinfo_next(uint64_t dir, uint64_t *cursor, char *name,
		       size_t namelen, struct pseudo_node *out)
{
	return do_next(dir, cursor, name, namelen, out, true);
}

const struct pseudo_dir_ops proc_fd_dir_ops = {
	.lookup = fd_lookup,
	.next = fd_next,
};

const struct pseudo_dir_ops proc_fdinfo_dir_ops = {
	.lookup = fdinfo_lookup,
	.next = fdinfo_next,
};
