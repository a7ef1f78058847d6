/*
 * Private interface of fs/poll/: the registrations of one poll() or
 * select() call on the wait queues of the files it watches, the sleep
 * between scans, and time-out arithmetic shared by the syscalls.
 */
#ifndef FS_POLL_INTERNAL_H
#define FS_POLL_INTERNAL_H

#include <core/time.h>
#include <core/types.h>
#include <core/wait.h>
#include <fs/poll.h>

struct file;
struct task;
struct poll_entry_chunk;

/* One registration: the poller's entry on a file's wait queue. */
struct poll_entry {
	struct wait_entry we;		/* with a wake callback */
	struct wait_queue *wq;
	struct file *file;		/* a reference, for wq's lifetime */
	struct poll_wqueues *pw;
};

#define POLL_INLINE_ENTRIES	8

/*
 * The state of one poll/select call. Set pw->file before each
 * vfs_poll(file, &pw->pt) so that registrations know their file; pass
 * NULL instead of &pw->pt on later scans (the entries stay queued).
 */
struct poll_wqueues {
	struct poll_table pt;
	struct file *file;		/* the file being scanned */
	struct task *task;		/* the poller */
	bool triggered;			/* a queue woke since the last sleep */
	int error;			/* -ENOMEM when a registration failed */
	unsigned int inline_used;
	struct poll_entry inline_entries[POLL_INLINE_ENTRIES];
	struct poll_entry_chunk *chunks;
};

void poll_init_wait(struct poll_wqueues *pw);
/* Unqueues every entry and drops the file references. */
void poll_free_wait(struct poll_wqueues *pw);

/*
 * Sleeps (interruptibly) until one of the queues wakes, a signal arrives
 * or clock_ns() reaches deadline (POLL_INFINITE: no deadline). Returns
 * false once the deadline has passed.
 */
#define POLL_INFINITE	UINT64_MAX
bool poll_schedule(struct poll_wqueues *pw, uint64_t deadline);

/*
 * The wait loop of poll and select. scan(arg, pt, pw) looks at every file
 * once (setting pw->file before each vfs_poll(file, pt)) and returns how
 * many are ready, or -errno; the first scan registers on the queues
 * (unless the deadline has passed already), later ones only look.
 * Returns the first non-zero scan, a registration error, 0 at the
 * deadline, or -ERESTARTNOHAND when a signal comes.
 */
typedef long (*poll_scan_fn)(void *arg, struct poll_table *pt,
			     struct poll_wqueues *pw);
long poll_loop(poll_scan_fn scan, void *arg, uint64_t deadline);

/*
 * The deadline sec/nsec from now, saturating at POLL_INFINITE. Returns
 * -EINVAL for a negative or non-normalized time, else 0.
 */
int poll_deadline(int64_t sec, int64_t nsec, uint64_t *deadline);
/* Nanoseconds left until deadline (0 once passed). */
uint64_t poll_remaining(uint64_t deadline);

/*
 * Reads a user timespec into a deadline (NULL: POLL_INFINITE). Returns 0,
 * -EFAULT or -EINVAL.
 */
int poll_get_timespec(const struct ktimespec *uts, uint64_t *deadline);
/*
 * Writes the time left before deadline back to a user timespec or
 * timeval (ppoll, pselect6, select), as Linux does; a fault is ignored,
 * as Linux ignores it.
 */
void poll_put_timespec(struct ktimespec *uts, uint64_t deadline);
void poll_put_timeval(struct ktimeval *utv, uint64_t deadline);

/*
 * Temporary signal masks of ppoll, pselect6 and epoll_pwait: reads and
 * installs the user mask (umask NULL: nothing to do). Returns 0, -EINVAL
 * (size is not 8) or -EFAULT. poll_sigmask_done() restores the old mask
 * unless ret says a signal interrupted the call, in which case the
 * signal delivery restores it after the handler.
 */
int poll_sigmask_set(const void *umask, size_t size);
void poll_sigmask_done(const void *umask, long ret);

#endif /* FS_POLL_INTERNAL_H */
