/*
 * File descriptor tables (<fs/fdtable.h>). A table is an array of file
 * pointers plus a bitmap of close-on-exec flags, grown by doubling as fds
 * are allocated (never past RLIMIT_NOFILE, nor NR_OPEN), and shared by the
 * threads of a process and by CLONE_FILES children (ref counts them).
 *
 * Locking: files->lock (a mutex: growing allocates) guards the arrays.
 * Files are never released under it: a slot is emptied under the lock and
 * its file put afterwards, since the last fput() of a pipe or device may
 * wake or sleep.
 */
#define pr_fmt(fmt) "fdtable: " fmt

#include <fs/fdtable.h>

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>
#include <fs/vfs.h>

/* Linux's default fs.nr_open: no table grows past this many fds. */
#define NR_OPEN		(1U << 20)
/* The first size of a table (Linux's NR_OPEN_DEFAULT on 64-bit). */
#define FDS_MIN		64U

struct files {
	int ref;			/* atomic */
	struct mutex lock;
	unsigned int max;		/* slots in fd[] and bits in cloexec[] */
	unsigned int next;		/* no free slot below this one */
	struct file **fd;
	uint64_t *cloexec;
};

static unsigned int nofile_limit(void)
{
	uint64_t lim = rlimit(RLIMIT_NOFILE);

	return lim < NR_OPEN ? (unsigned int)lim : NR_OPEN;
}

static bool test_cloexec(struct files *files, unsigned int fd)
{
	return files->cloexec[fd / 64] & (1ULL << (fd % 64));
}

static void set_cloexec(struct files *files, unsigned int fd, bool on)
{
	if (on)
		files->cloexec[fd / 64] |= 1ULL << (fd % 64);
	else
		files->cloexec[fd / 64] &= ~(1ULL << (fd % 64));
}

/* Makes room for fd slots [0, want); caller holds the lock (if shared). */
static int grow(struct files *files, unsigned int want)
{
	unsigned int max = files->max ? files->max : FDS_MIN;
	struct file **fd;
	uint64_t *cloexec;

	if (want <= files->max)
		return 0;
	while (max < want)
		max *= 2;
	fd = kzalloc(max * sizeof(*fd));
	cloexec = kzalloc(max / 8);
	if (!fd || !cloexec) {
		kfree(fd);
		kfree(cloexec);
		return -ENOMEM;
	}
	if (files->max) {
		memcpy(fd, files->fd, files->max * sizeof(*fd));
		memcpy(cloexec, files->cloexec, files->max / 8);
	}
	kfree(files->fd);
	kfree(files->cloexec);
	files->fd = fd;
	files->cloexec = cloexec;
	files->max = max;
	return 0;
}

struct files *files_alloc(void)
{
	struct files *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	files->ref = 1;
	mutex_init(&files->lock);
	if (grow(files, FDS_MIN)) {
		kfree(files);
		return NULL;
	}
	return files;
}

struct files *files_dup(struct files *old)
{
	struct files *files = files_alloc();

	if (!files)
		return NULL;
	mutex_lock(&old->lock);
	if (grow(files, old->max)) {
		mutex_unlock(&old->lock);
		files_put(files);
		return NULL;
	}
	for (unsigned int i = 0; i < old->max; i++) {
		if (old->fd[i])
			files->fd[i] = fget(old->fd[i]);
	}
	memcpy(files->cloexec, old->cloexec, old->max / 8);
	files->next = old->next;
	mutex_unlock(&old->lock);
	return files;
}

struct files *files_get(struct files *files)
{
	__atomic_add_fetch(&files->ref, 1, __ATOMIC_RELAXED);
	return files;
}

void files_put(struct files *files)
{
	if (__atomic_sub_fetch(&files->ref, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	for (unsigned int i = 0; i < files->max; i++) {
		if (files->fd[i])
			fput(files->fd[i]);
	}
	kfree(files->fd);
	kfree(files->cloexec);
	kfree(files);
}

/* Empties slot fd (lock held) and returns its file, or NULL. */
static struct file *detach(struct files *files, unsigned int fd)
{
	struct file *file;

	if (fd >= files->max || !files->fd[fd])
		return NULL;
	file = files->fd[fd];
	files->fd[fd] = NULL;
	set_cloexec(files, fd, false);
	if (fd < files->next)
		files->next = fd;
	return file;
}

void files_close_on_exec(struct files *files)
{
	unsigned int fd = 0;

	for (;;) {
		struct file *file = NULL;

		mutex_lock(&files->lock);
		for (; fd < files->max && !file; fd++) {
			if (files->fd[fd] && test_cloexec(files, fd))
				file = detach(files, fd);
		}
		mutex_unlock(&files->lock);
		if (!file)
			return;
		fput(file);
	}
}

int fd_install_min(struct file *file, bool cloexec, int min)
{
	struct files *files = current->files;
	unsigned int limit = nofile_limit();
	unsigned int fd;
	int err;

	if (!files)
		return -EMFILE;
	if (min < 0 || (unsigned int)min >= limit)
		return -EINVAL;
	mutex_lock(&files->lock);
	fd = MAX((unsigned int)min, files->next);
	while (fd < files->max && files->fd[fd])
		fd++;
	if (fd >= limit) {
		err = -EMFILE;
		goto out;
	}
	err = grow(files, fd + 1);
	if (err)
		goto out;
	files->fd[fd] = file;
	set_cloexec(files, fd, cloexec);
	if ((unsigned int)min <= files->next)
		files->next = fd + 1;
	err = fd;
out:
	mutex_unlock(&files->lock);
	return err;
}

int fd_install_at(struct file *file, bool cloexec, int fd)
{
	struct files *files = current->files;
	struct file *old;
	int err;

	if (!files || fd < 0 || (unsigned int)fd >= nofile_limit())
		return -EBADF;
	mutex_lock(&files->lock);
	err = grow(files, fd + 1);
	if (err) {
		mutex_unlock(&files->lock);
		return err;
	}
	old = files->fd[fd];
	files->fd[fd] = file;
	set_cloexec(files, fd, cloexec);
	if ((unsigned int)fd == files->next)
		files->next = fd + 1;
	mutex_unlock(&files->lock);
	if (old)
		fput(old);
	return fd;
}

struct file *files_lookup(struct files *files, int fd)
{
	struct file *file = NULL;

	if (!files || fd < 0)
		return NULL;
	mutex_lock(&files->lock);
	if ((unsigned int)fd < files->max && files->fd[fd])
		file = fget(files->fd[fd]);
	mutex_unlock(&files->lock);
	return file;
}

int files_next_fd(struct files *files, int fd)
{
	int found = -1;

	if (fd < 0)
		fd = 0;
	mutex_lock(&files->lock);
	for (unsigned int i = fd; i < files->max; i++) {
		if (files->fd[i]) {
			found = i;
			break;
		}
	}
	mutex_unlock(&files->lock);
	return found;
}

struct file *fd_get_raw(int fd)
{
	return files_lookup(current->files, fd);
}

struct file *fd_get(int fd)
{
	struct file *file = fd_get_raw(fd);

	if (file && (file->f_flags & O_PATH)) {
		fput(file);
		return NULL;
	}
	return file;
}

int fd_close(int fd)
{
	struct files *files = current->files;
	struct file *file;

	if (!files || fd < 0)
		return -EBADF;
	mutex_lock(&files->lock);
	file = detach(files, fd);
	mutex_unlock(&files->lock);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

int fd_get_cloexec(int fd)
{
	struct files *files = current->files;
	int ret = -EBADF;

	if (!files || fd < 0)
		return -EBADF;
	mutex_lock(&files->lock);
	if ((unsigned int)fd < files->max && files->fd[fd])
		ret = test_cloexec(files, fd);
	mutex_unlock(&files->lock);
	return ret;
}

int fd_set_cloexec(int fd, bool cloexec)
{
	struct files *files = current->files;
	int ret = -EBADF;

	if (!files || fd < 0)
		return -EBADF;
	mutex_lock(&files->lock);
	if ((unsigned int)fd < files->max && files->fd[fd]) {
		set_cloexec(files, fd, cloexec);
		ret = 0;
	}
	mutex_unlock(&files->lock);
	return ret;
}

void fd_close_range(unsigned int first, unsigned int last, bool cloexec)
{
	struct files *files = current->files;
	unsigned int fd = first;

	if (!files)
		return;
	for (;;) {
		struct file *file = NULL;

		mutex_lock(&files->lock);
		for (; fd <= last && fd < files->max && !file; fd++) {
			if (!files->fd[fd])
				continue;
			if (cloexec)
				set_cloexec(files, fd, true);
			else
				file = detach(files, fd);
		}
		mutex_unlock(&files->lock);
		if (!file)
			return;
		fput(file);
	}
}

int files_unshare(void)
{
	struct files *old = current->files, *files;

	if (!old || __atomic_load_n(&old->ref, __ATOMIC_ACQUIRE) == 1)
		return 0;
	files = files_dup(old);
	if (!files)
		return -ENOMEM;
	current->files = files;
	files_put(old);
	return 0;
}
