/*
 * The virtual file system: the objects every file system implements and
 * the kernel-internal file API the syscalls are built on.
 *
 *   struct fs_type      a kind of file system ("tmpfs"), registered at boot
 *   struct super_block  one instance of it: its root, its inodes
 *   struct inode        a file (regular, directory, symlink, device...)
 *   struct dentry       a name of an inode under a parent, in the dcache
 *   struct mount        a super block grafted on a directory (the table)
 *   struct path         (mount, dentry): a place in the name space
 *   struct file         an open file: path, ops, offset, flags
 *   struct fs_struct    root and cwd of a process (shared by CLONE_FS)
 *
 * Locking: one name-space mutex (vfs_lock()) serializes every path walk,
 * dcache change, mount change and directory operation, held for the whole
 * operation; the reference counts of dentries, inodes and mounts change
 * only under it. File data has a mutex per inode (inode->i_lock), taken by
 * the file system's read/write/truncate and always after the name-space
 * lock. Files and fs_structs are counted atomically and take the
 * name-space lock only for their final release, so read() and write()
 * never wait for a path walk elsewhere. See docs/filesystems.md.
 *
 * Buffers passed to vfs_read/vfs_write/vfs_getdents are kernel memory.
 * Functions return 0 (or a count) or -errno; pointers use ERR_PTR().
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <core/list.h>
#include <core/sync.h>
#include <core/types.h>
#include <fs/uapi.h>

struct dentry;
struct file;
struct inode;
struct mount;
struct super_block;
struct fs_type;
struct poll_table;

struct path {
	struct mount *mnt;
	struct dentry *dentry;
};

/* iattr.valid bits: which fields of a setattr request apply. */
#define ATTR_MODE	0x01
#define ATTR_UID	0x02
#define ATTR_GID	0x04
#define ATTR_SIZE	0x08
#define ATTR_ATIME	0x10
#define ATTR_MTIME	0x20
#define ATTR_CTIME	0x40

struct iattr {
	unsigned int valid;
	uint32_t mode;		/* permission bits only */
	uint32_t uid, gid;
	int64_t size;
	struct timespec64 atime, mtime, ctime;
};

/*
 * Directory operations. Names are not NUL-terminated (name, len); the VFS
 * has checked that the name is a single component, not "." or "..", and
 * at most NAME_MAX bytes, and (for create/link/symlink) that it is absent,
 * and (for unlink/rmdir/rename) that it is present. On success the new
 * inode is returned with a reference the caller owns.
 */
struct inode_ops {
	/* The inode named name in dir (a new reference), or NULL if absent. */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* Creates a file of any type but symlink (mode holds S_IFxxx). */
	int (*mknod)(struct inode *dir, const char *name, size_t len,
		     uint32_t mode, kdev_t rdev, struct inode **out);
	int (*symlink)(struct inode *dir, const char *name, size_t len,
		       const char *target, struct inode **out);
	int (*link)(struct inode *inode, struct inode *dir, const char *name,
		    size_t len);
	/* Removes a non-directory entry. */
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	/* Removes an empty directory, else -ENOTEMPTY. */
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	/*
	 * Moves old to new. Plain: a present new is replaced (the VFS has
	 * checked the types match and that a directory new is empty only by
	 * asking: the fs answers -ENOTEMPTY). RENAME_EXCHANGE: swaps them.
	 */
	int (*rename)(struct inode *olddir, const char *oldname, size_t oldlen,
		      struct inode *newdir, const char *newname, size_t newlen,
		      unsigned int flags);
	/*
	 * A symlink's target, valid while the inode is referenced and the
	 * caller holds vfs_lock(); or ERR_PTR(-errno) (a target that is gone).
	 */
	const char *(*get_link)(struct inode *inode);
	/* Applies attr (ATTR_SIZE included); NULL: inode_setattr() only. */
	int (*setattr)(struct inode *inode, const struct iattr *attr);
};

/* getdents: the file system calls actor for each entry from ctx->pos. */
struct dir_context {
	/* Returns false when the entry did not fit: stop, do not advance. */
	bool (*actor)(struct dir_context *ctx, const char *name, size_t len,
		      uint64_t ino, unsigned int type, int64_t next_pos);
	int64_t pos;
};

struct file_ops {
	int (*open)(struct inode *inode, struct file *file);
	void (*release)(struct inode *inode, struct file *file);
	/* Read/write at *pos and advance it; the VFS chose *pos. */
	ssize_t (*read)(struct file *file, void *buf, size_t len, int64_t *pos);
	ssize_t (*write)(struct file *file, const void *buf, size_t len,
			 int64_t *pos);
	/* NULL: generic_llseek() (SEEK_SET/CUR/END against i_size). */
	int64_t (*llseek)(struct file *file, int64_t offset, int whence);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	int (*fsync)(struct file *file);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* Ready events now (<fs/poll.h>); NULL: always readable/writable. */
	unsigned int (*poll)(struct file *file, struct poll_table *pt);
};

struct super_ops {
	int (*statfs)(struct super_block *sb, struct kstatfs *st);
	/* The last reference to an inode went away: free it. */
	void (*evict_inode)(struct inode *inode);
	/*
	 * Optional. The last reference to an inode went while it is still
	 * linked: true evicts it anyway (inodes made on lookup, pseudo fs).
	 */
	bool (*drop_inode)(struct inode *inode);
	/* The last mount went away and every dentry is gone. */
	void (*put_super)(struct super_block *sb);
	/*
	 * Optional. A cached dentry was found by a lookup: false means its
	 * object is gone, and the dentry is dropped and looked up afresh.
	 */
	bool (*d_revalidate)(struct dentry *d);
	/*
	 * Optional. The last reference to a cached dentry went: true frees
	 * it now instead of keeping it cached.
	 */
	bool (*d_delete)(const struct dentry *d);
};

struct inode {
	uint64_t i_ino;
	uint32_t i_mode;
	uint32_t i_nlink;
	uint32_t i_uid, i_gid;
	kdev_t i_rdev;
	int64_t i_size;
	uint64_t i_blocks;		/* 512-byte units */
	struct timespec64 i_atime, i_mtime, i_ctime;
	struct super_block *i_sb;
	const struct inode_ops *i_op;
	const struct file_ops *i_fop;	/* for regular files and dirs */
	int i_ref;			/* under vfs_lock() */
	struct mutex i_lock;		/* file data */
	void *i_private;
};

struct dentry {
	char *d_name;
	size_t d_len;
	uint32_t d_hash;
	int d_ref;			/* under vfs_lock() */
	bool d_hashed;			/* reachable by lookup */
	unsigned int d_mounted;		/* mounts on this dentry */
	struct dentry *d_parent;	/* holds a reference; self at a root */
	struct inode *d_inode;		/* holds a reference */
	struct super_block *d_sb;
	struct list_head d_hash_link;
	struct list_head d_sb_link;
};

struct super_block {
	struct fs_type *s_type;
	const struct super_ops *s_op;
	struct dentry *s_root;
	kdev_t s_dev;
	uint64_t s_magic;
	int64_t s_maxbytes;
	int s_active;			/* mounts of it */
	struct list_head s_dentries;
	void *s_fs_info;
};

struct fs_type {
	const char *name;
	/* A super block (s_root set), or ERR_PTR(). data: mount options. */
	struct super_block *(*mount)(struct fs_type *type, const char *data);
	struct list_head link;
};

struct mount {
	struct super_block *mnt_sb;
	struct dentry *mnt_root;
	struct mount *mnt_parent;	/* self for the root mount */
	struct dentry *mnt_mountpoint;	/* in mnt_parent */
	int mnt_ref;			/* under vfs_lock() */
	unsigned int mnt_flags;		/* MNTF_* */
	struct list_head mnt_link;	/* the mount table */
	int mnt_id;			/* mountinfo's id, unique */
	char *mnt_devname;		/* mount(2)'s source, or NULL */
};

/* mnt_flags: per-mount options (mount(2)'s MS_NOSUID, MS_NODEV...). */
#define MNTF_NOSUID	0x1	/* no set-id on exec (none exists yet) */
#define MNTF_NODEV	0x2	/* device nodes do not open: -EACCES */
#define MNTF_NOEXEC	0x4	/* execve answers -EACCES (path_noexec) */
#define MNTF_RDONLY	0x8	/* nothing on it changes: -EROFS */

/* True when path is on a noexec mount: execve and mmap PROT_EXEC refuse. */
static inline bool path_noexec(const struct path *path)
{
	return path->mnt && (path->mnt->mnt_flags & MNTF_NOEXEC);
}

/*
 * -EROFS when path is on a read-only mount, else 0: asked before anything
 * that would change a file or a directory there.
 */
static inline int mnt_want_write(const struct path *path)
{
	return path->mnt && (path->mnt->mnt_flags & MNTF_RDONLY) ? -EROFS : 0;
}

/* f_mode bits. */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_STREAM	0x4	/* no position: lseek/pread/pwrite -ESPIPE */

struct file {
	int f_ref;			/* atomic */
	struct path f_path;
	struct inode *f_inode;
	const struct file_ops *f_op;
	unsigned int f_flags;		/* O_* (O_APPEND, O_NONBLOCK...) */
	unsigned int f_mode;
	int64_t f_pos;
	struct mutex f_pos_lock;
	void *private_data;
};

struct fs_struct {
	int ref;			/* atomic */
	struct path root, cwd;
	uint32_t umask;
};

/* A pipe, socket or stream device: lseek, pread and pwrite give -ESPIPE. */
static inline bool file_is_stream(const struct file *file)
{
	uint32_t mode = file->f_inode ? file->f_inode->i_mode : 0;

	return (file->f_mode & FMODE_STREAM) || !file->f_inode ||
	       S_ISFIFO(mode) || S_ISSOCK(mode);
}

/* --- set-up and registration ------------------------------------------ */

/* Initializes the VFS (locks, tables). Called once, before any mount. */
void vfs_init(void);
int register_filesystem(struct fs_type *type);
/* The registered types in order: the first for prev NULL; NULL at the end. */
struct fs_type *fs_type_next(struct fs_type *prev);
void vfs_lock(void);
void vfs_unlock(void);

/* --- objects (callers hold vfs_lock() unless noted) ------------------- */

/* A new inode of sb with one reference, fields zeroed, or NULL. */
struct inode *new_inode(struct super_block *sb);
struct inode *iget(struct inode *inode);
/* Drops a reference; at the last one, an unlinked inode is evicted. */
void iput(struct inode *inode);
/* Frees the inode itself (the file system has freed its data). */
void inode_free(struct inode *inode);
/* Copies attr's fields (not size) into the inode. */
void inode_setattr(struct inode *inode, const struct iattr *attr);
/* Current time for timestamps. */
struct timespec64 vfs_now(void);
void inode_touch(struct inode *inode, bool mtime, bool ctime);

struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
/* A new super block of type, with s_active 0 and no root yet, or NULL. */
struct super_block *sb_alloc(struct fs_type *type);
/* The root dentry of sb for root (takes over the caller's reference). */
struct dentry *d_make_root(struct super_block *sb, struct inode *root);

void path_get(const struct path *p);	/* may be called without the lock */
void path_put(const struct path *p);	/* may be called without the lock */

/* --- fs_struct -------------------------------------------------------- */

/* The boot context: root and cwd "/" once the root is mounted. */
extern struct fs_struct init_fs;

/* A copy of fs (for fork without CLONE_FS), or NULL. */
struct fs_struct *fs_struct_copy(struct fs_struct *fs);
struct fs_struct *fs_struct_get(struct fs_struct *fs);
void fs_struct_put(struct fs_struct *fs);
/*
 * chdir/chroot: the path must be a directory, else -ENOTDIR. name NULL:
 * dir itself (fchdir).
 */
int vfs_chdir(struct fs_struct *fs, const struct path *dir,
	      const char *name);
int vfs_chroot(struct fs_struct *fs, const struct path *dir,
	       const char *name);

/*
 * getcwd(): the cwd's name from fs's root into buf, NUL-terminated.
 * Returns its length with the NUL, -ENOENT when the cwd was removed, or
 * -ENAMETOOLONG when it does not fit in len bytes.
 */
ssize_t vfs_getcwd(struct fs_struct *fs, char *buf, size_t len);
/*
 * The name of path as seen from root, built at the end of buf (len bytes)
 * and NUL-terminated: a pointer into buf, or ERR_PTR(-ENAMETOOLONG). A
 * path outside root is "(unreachable)/..." as Linux. Caller holds
 * vfs_lock() (procfs links, getcwd).
 */
char *d_path(const struct path *path, const struct path *root, char *buf,
	     size_t len);

/* --- mounts ----------------------------------------------------------- */

/* Mounts a new fstype instance as the root of the name space. */
int vfs_mount_root(const char *fstype, const char *data);
/* Mounts fstype on the directory name (relative to dir, or fs's cwd). */
int vfs_mount(struct fs_struct *fs, const struct path *dir, const char *name,
	      const char *fstype, const char *data);
/* vfs_mount() with MNTF_* flags for the new mount. */
int vfs_mount_flags(struct fs_struct *fs, const struct path *dir,
		    const char *name, const char *fstype, const char *data,
		    unsigned int mnt_flags);
/* vfs_mount_flags() that records source (may be NULL) for /proc/mounts. */
int vfs_mount_dev(struct fs_struct *fs, const struct path *dir,
		  const char *name, const char *source, const char *fstype,
		  const char *data, unsigned int mnt_flags);
/*
 * The mount table in the order the mounts were made: the oldest (the
 * root) for prev NULL, then the next newer; NULL after the last. Caller
 * holds vfs_lock() (procfs's mounts files).
 */
struct mount *mount_next(struct mount *prev);
/*
 * mount -o remount: the mount at name (which must be a mount's root, else
 * -EINVAL) gets mnt_flags (MNTF_*) instead of its own.
 */
int vfs_remount(struct fs_struct *fs, const struct path *dir,
		const char *name, unsigned int mnt_flags);
/* -EINVAL unless name is a mount's root; -EBUSY if it is in use. */
int vfs_umount(struct fs_struct *fs, const struct path *dir,
	       const char *name);

/* --- path walk -------------------------------------------------------- */

/* lookup flags */
#define LOOKUP_FOLLOW		0x1	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x2	/* the result must be a directory */
#define LOOKUP_EMPTY		0x4	/* "" means dir itself (AT_EMPTY_PATH) */

/*
 * Resolves name from dir (NULL: fs's cwd; absolute names start at fs's
 * root) into *out (a reference the caller puts with path_put()).
 */
int vfs_lookup(struct fs_struct *fs, const struct path *dir, const char *name,
	       unsigned int flags, struct path *out);

/* --- the file API ----------------------------------------------------- */

/*
 * open(): O_CREAT (mode & ~umask), O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY,
 * O_NOFOLLOW, O_PATH, trailing slashes, as Linux. A file or ERR_PTR().
 */
struct file *vfs_open(struct fs_struct *fs, const struct path *dir,
		      const char *name, unsigned int flags, uint32_t mode);
/* A file for an inode already found (devices, pipes later). */
struct file *vfs_open_path(const struct path *path, unsigned int flags);
struct file *fget(struct file *file);
void fput(struct file *file);

/* pos NULL: at and advancing f_pos (read); else at *pos (pread). */
ssize_t vfs_read(struct file *file, void *buf, size_t len, int64_t *pos);
ssize_t vfs_write(struct file *file, const void *buf, size_t len,
		  int64_t *pos);
int64_t vfs_lseek(struct file *file, int64_t offset, int whence);
int64_t generic_llseek(struct file *file, int64_t offset, int whence);
/* linux_dirent64 records into buf; bytes written, 0 at the end. */
ssize_t vfs_getdents(struct file *file, void *buf, size_t len);
int vfs_fsync(struct file *file);
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int vfs_fstat(struct file *file, struct kstat *st);
int vfs_ftruncate(struct file *file, int64_t size);

/* The on-wire getdents64 record. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

/* --- name-space operations (the *at calls; flags are AT_*) ------------ */

int vfs_stat(struct fs_struct *fs, const struct path *dir, const char *name,
	     unsigned int flags, struct kstat *st);
int vfs_statfs(struct fs_struct *fs, const struct path *dir,
	       const char *name, struct kstatfs *st);
int vfs_mkdir(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode);
int vfs_mknod(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode, kdev_t rdev);
int vfs_rmdir(struct fs_struct *fs, const struct path *dir, const char *name);
int vfs_unlink(struct fs_struct *fs, const struct path *dir,
	       const char *name);
int vfs_link(struct fs_struct *fs, const struct path *olddir,
	     const char *oldname, const struct path *newdir,
	     const char *newname, unsigned int flags);
int vfs_symlink(struct fs_struct *fs, const char *target,
		const struct path *dir, const char *name);
/* The target, truncated to len (no NUL added); its length or -errno. */
ssize_t vfs_readlink(struct fs_struct *fs, const struct path *dir,
		     const char *name, char *buf, size_t len);
int vfs_rename(struct fs_struct *fs, const struct path *olddir,
	       const char *oldname, const struct path *newdir,
	       const char *newname, unsigned int flags);
int vfs_truncate(struct fs_struct *fs, const struct path *dir,
		 const char *name, int64_t size);
int vfs_chmod(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t mode, unsigned int flags);
/* uid/gid (uint32_t)-1: unchanged. */
int vfs_chown(struct fs_struct *fs, const struct path *dir, const char *name,
	      uint32_t uid, uint32_t gid, unsigned int flags);
/* times NULL: now; tv_nsec UTIME_NOW / UTIME_OMIT as utimensat. */
int vfs_utimes(struct fs_struct *fs, const struct path *dir,
	       const char *name, const struct timespec64 times[2],
	       unsigned int flags);

#endif /* FS_VFS_H */
