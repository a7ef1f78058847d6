/*
 * Anonymous inodes (<fs/anon_inode.h>): one internal super block, made at
 * first use and never mounted by name, holds the inodes of pipes,
 * eventfds and epoll instances. Each inode sits on an unhashed root
 * dentry of its own (d_make_root), reached through one internal mount,
 * so file->f_path is a real path and fput(), fstat() and fstatfs() need
 * nothing special. The dentry goes with its last reference and takes
 * the inode with it once the owner has dropped i_nlink to 0.
 */
#define pr_fmt(fmt) "anon_inode: " fmt

#include <fs/anon_inode.h>

#include <core/errno.h>
#include <core/slab.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define ANON_INODE_FS_MAGIC	0x09041934	/* Linux's, linux/magic.h */

static int anon_statfs(struct super_block *sb, struct kstatfs *st)
{
	st->type = ANON_INODE_FS_MAGIC;
	st->bsize = 4096;
	st->frsize = 4096;
	st->namelen = NAME_MAX;
	return 0;
}

static const struct super_ops anon_super_ops = {
	.statfs = anon_statfs,
};

static struct fs_type anon_fs_type = {
	.name = "anon_inodefs",
};

static struct super_block *anon_sb;
static struct mount anon_mnt;
static uint64_t anon_next_ino = 1;

/* The super block and mount, made once. Caller holds vfs_lock(). */
static int anon_sb_get(void)
{
	if (anon_sb)
		return 0;
	anon_sb = sb_alloc(&anon_fs_type);
	if (!anon_sb)
		return -ENOMEM;
	anon_sb->s_op = &anon_super_ops;
	anon_sb->s_magic = ANON_INODE_FS_MAGIC;
	anon_sb->s_active = 1;
	anon_mnt.mnt_sb = anon_sb;
	anon_mnt.mnt_parent = &anon_mnt;
	/* Never dropped: the internal mount lives as long as the kernel. */
	anon_mnt.mnt_ref = 1;
	list_init(&anon_mnt.mnt_link);
	return 0;
}

int anon_inode_create(uint32_t mode, struct path *out)
{
	struct inode *inode;
	struct dentry *d;
	int err;

	vfs_lock();
	err = anon_sb_get();
	if (err)
		goto out;
	err = -ENOMEM;
	inode = new_inode(anon_sb);
	if (!inode)
		goto out;
	inode->i_ino = anon_next_ino++;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	d = d_make_root(anon_sb, inode);	/* puts inode on failure */
	if (!d) {
		/* d_make_root() dropped the reference; nlink kept it. */
		inode->i_nlink = 0;
		iget(inode);
		iput(inode);
		goto out;
	}
	anon_mnt.mnt_ref++;
	out->mnt = &anon_mnt;
	out->dentry = d;
	err = 0;
out:
	vfs_unlock();
	return err;
}

void anon_inode_unlink(struct inode *inode)
{
	vfs_lock();
	inode->i_nlink = 0;
	vfs_unlock();
}

struct file *anon_file_open(const struct path *path,
			    const struct file_ops *fops, void *priv,
			    unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;
	struct file *file = kzalloc(sizeof(*file));

	if (!file)
		return ERR_PTR(-ENOMEM);
	path_get(path);
	file->f_ref = 1;
	file->f_path = *path;
	file->f_inode = path->dentry->d_inode;
	file->f_op = fops;
	file->f_flags = flags & (O_ACCMODE | O_NONBLOCK);
	if (acc == O_RDONLY || acc == O_RDWR)
		file->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		file->f_mode |= FMODE_WRITE;
	mutex_init(&file->f_pos_lock);
	file->private_data = priv;
	return file;
}

struct file *anon_file_create(const struct file_ops *fops, void *priv,
			      unsigned int flags)
{
	struct path path;
	struct file *file;
	int err;

	err = anon_inode_create(0600, &path);
	if (err)
		return ERR_PTR(err);
	anon_inode_unlink(path.dentry->d_inode);
	file = anon_file_open(&path, fops, priv, flags);
	path_put(&path);
	return file;
}
