/*
 * The mount table as a process sees it: /proc/<pid>/mounts (and
 * /proc/mounts, a link to self/mounts) in the fstab-like format of
 * getmntent(3), and /proc/<pid>/mountinfo in Linux's format (proc(5)):
 *
 *   mounts:    <source> <mountpoint> <type> <options> 0 0
 *   mountinfo: <id> <parent id> <major>:<minor> <root> <mountpoint>
 *              <options> - <type> <source> <super options>
 *
 * Mount points are named from the process's root; mounts outside it
 * (after chroot) are left out, as Linux does. Spaces, tabs, newlines and
 * backslashes in names are written as octal escapes (\040). Runs from a
 * show() at open, so vfs_lock() is held: the process's root cannot be
 * released under us (its last put needs the lock).
 */
#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/sync.h>

/* The root directory of process pid, borrowed (vfs_lock() is held). */
static int process_root(int pid, struct path *root)
{
	unsigned long flags;
	struct process *p;
	struct task *t;
	int err = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, &flags);
	p = find_process(pid);
	if (p) {
		for_each_thread(p, t) {
			if (t->fs && t->fs->root.mnt) {
				*root = t->fs->root;
				err = 0;
				break;
			}
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static void put_escaped(struct seq_buf *s, const char *str)
{
	for (; *str; str++) {
		if (*str == ' ' || *str == '\t' || *str == '\n' ||
		    *str == '\\')
			seq_printf(s, "\\%03o", (unsigned char)*str);
		else
			seq_putc(s, *str);
	}
}

static void put_options(struct seq_buf *s, const struct mount *m)
{
	seq_puts(s, m->mnt_flags & MNTF_RDONLY ? "ro" : "rw");
	if (m->mnt_flags & MNTF_NOSUID)
		seq_puts(s, ",nosuid");
	if (m->mnt_flags & MNTF_NODEV)
		seq_puts(s, ",nodev");
	if (m->mnt_flags & MNTF_NOEXEC)
		seq_puts(s, ",noexec");
	seq_puts(s, ",relatime");
}

static const char *source_of(const struct mount *m)
{
	return m->mnt_devname ? m->mnt_devname : m->mnt_sb->s_type->name;
}

/* Calls line() for each mount reachable from pid's root. */
static int show(struct seq_buf *s, uint64_t pid,
		void (*line)(struct seq_buf *s, const struct mount *m,
			     const char *where))
{
	struct path root;
	char *buf;
	int err;

	err = process_root((int)pid, &root);
	if (err)
		return err;
	buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	for (struct mount *m = mount_next(NULL); m; m = mount_next(m)) {
		struct path at = { m, m->mnt_root };
		char *where = d_path(&at, &root, buf, PATH_MAX);

		if (IS_ERR(where) || *where != '/')
			continue;
		line(s, m, where);
	}
	kfree(buf);
	return 0;
}

static void mounts_line(struct seq_buf *s, const struct mount *m,
			const char *where)
{
	put_escaped(s, source_of(m));
	seq_putc(s, ' ');
	put_escaped(s, where);
	seq_printf(s, " %s ", m->mnt_sb->s_type->name);
	put_options(s, m);
	seq_puts(s, " 0 0\n");
}

static void mountinfo_line(struct seq_buf *s, const struct mount *m,
			   const char *where)
{
	kdev_t dev = m->mnt_sb->s_dev;

	/* Mounts are not bind mounts yet: each shows its file system's root. */
	seq_printf(s, "%d %d %u:%u / ", m->mnt_id, m->mnt_parent->mnt_id,
		   MAJOR(dev), MINOR(dev));
	put_escaped(s, where);
	seq_putc(s, ' ');
	put_options(s, m);
	seq_printf(s, " - %s ", m->mnt_sb->s_type->name);
	put_escaped(s, source_of(m));
	seq_puts(s, " rw\n");
}

int proc_show_mounts(struct seq_buf *s, uint64_t pid)
{
	return show(s, pid, mounts_line);
}

int proc_show_mountinfo(struct seq_buf *s, uint64_t pid)
{
	return show(s, pid, mountinfo_line);
}
