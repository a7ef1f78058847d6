/*
 * signalfd4 (SYSCALL_SIGNALFD; signalfd(2)): a file whose read() takes
 * pending signals of a mask off the reading thread (its own set first,
 * then its process's), as struct signalfd_siginfo records of 128 bytes,
 * instead of having them delivered. Usually the mask is blocked too, so
 * the signals wait for the read.
 *
 * Readiness is the reader's: POLLIN while a signal of the mask is
 * pending for the polling thread or its process. Every send that queues
 * a signal wakes signalfd_wait (send.c), one queue for all signalfds,
 * and sleepers re-check their own sets.
 *
 * The record's fields follow the siginfo layout Linux chooses from
 * si_signo and si_code (kernel/signal.c siginfo_layout()); the raw
 * siginfo is read at Linux's offsets, so a siginfo queued by user space
 * (rt_sigqueueinfo) comes out as on Linux.
 */
#define pr_fmt(fmt) "signalfd: " fmt

#include "internal.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/uaccess.h>
#include <core/wait.h>
#include <fs/anon_inode.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/uapi.h>
#include <fs/vfs.h>

#define SFD_CLOEXEC	O_CLOEXEC
#define SFD_NONBLOCK	O_NONBLOCK

/* The record read() returns (linux/signalfd.h). */
struct signalfd_siginfo {
	uint32_t ssi_signo;
	int32_t ssi_errno;
	int32_t ssi_code;
	uint32_t ssi_pid;
	uint32_t ssi_uid;
	int32_t ssi_fd;
	uint32_t ssi_tid;
	uint32_t ssi_band;
	uint32_t ssi_overrun;
	uint32_t ssi_trapno;
	int32_t ssi_status;
	int32_t ssi_int;
	uint64_t ssi_ptr;
	uint64_t ssi_utime;
	uint64_t ssi_stime;
	uint64_t ssi_addr;
	uint16_t ssi_addr_lsb;
	uint16_t __pad2;
	int32_t ssi_syscall;
	uint64_t ssi_call_addr;
	uint32_t ssi_arch;
	uint8_t __pad[28];
};

_Static_assert(sizeof(struct signalfd_siginfo) == 128,
	       "struct signalfd_siginfo is 128 bytes");

/* The file's state: the signals it takes (KILL and STOP never). */
struct signalfd {
	ksigset_t mask;		/* written under tasklist_lock */
};

long sys_signalfd4(int ufd, const ksigset_t *umask, size_t sizemask,
		   int flags);

/* Which union member of siginfo_t is valid (Linux's enum siginfo_layout). */
enum layout { L_KILL, L_TIMER, L_POLL, L_FAULT, L_MCEERR, L_CHLD, L_RT,
	      L_SYS };

#define SI_SIGIO	(-5)
#define BUS_MCEERR_AR	4
#define BUS_MCEERR_AO	5
#define SIGPOLL		SIGIO

/* The number of kernel si_codes of each signal (asm-generic/siginfo.h). */
static int nr_codes(int sig, enum layout *layout)
{
	*layout = L_FAULT;
	switch (sig) {
	case SIGILL:	return 11;
	case SIGFPE:	return 15;
	case SIGSEGV:	return 10;
	case SIGBUS:	return 5;
	case SIGTRAP:	return 6;
	case SIGCHLD:	*layout = L_CHLD; return 6;
	case SIGPOLL:	*layout = L_POLL; return 6;
	case SIGSYS:	*layout = L_SYS; return 2;
	default:	return 0;
	}
}

static enum layout siginfo_layout(int sig, int code)
{
	enum layout l;

	if (code > SI_USER && code < SI_KERNEL) {
		if (code <= nr_codes(sig, &l)) {
			if (sig == SIGBUS && (code == BUS_MCEERR_AR ||
					      code == BUS_MCEERR_AO))
				return L_MCEERR;
			return l;
		}
		/* Codes past a signal's own look like SIGPOLL's (Linux). */
		return code <= 6 ? L_POLL : L_KILL;
	}
	if (code == SI_TIMER)
		return L_TIMER;
	if (code == SI_SIGIO)
		return L_POLL;
	return code < 0 ? L_RT : L_KILL;
}

/* Fields of siginfo_t at their offsets on the 64-bit ABIs. */
static uint64_t at64(const struct ksiginfo *info, size_t off)
{
	uint64_t v;

	memcpy(&v, (const uint8_t *)info + off, sizeof(v));
	return v;
}

static uint32_t at32(const struct ksiginfo *info, size_t off)
{
	uint32_t v;

	memcpy(&v, (const uint8_t *)info + off, sizeof(v));
	return v;
}

static void fill_record(struct signalfd_siginfo *s, const struct ksiginfo *info)
{
	memset(s, 0, sizeof(*s));
	s->ssi_signo = info->si_signo;
	s->ssi_errno = info->si_errno;
	s->ssi_code = info->si_code;
	switch (siginfo_layout(info->si_signo, info->si_code)) {
	case L_KILL:			/* si_pid, si_uid */
		s->ssi_pid = at32(info, 16);
		s->ssi_uid = at32(info, 20);
		break;
	case L_TIMER:			/* si_tid, si_overrun, si_value */
		s->ssi_tid = at32(info, 16);
		s->ssi_overrun = at32(info, 20);
		s->ssi_ptr = at64(info, 24);
		s->ssi_int = (int32_t)at32(info, 24);
		break;
	case L_POLL:			/* si_band (long), si_fd */
		s->ssi_band = (uint32_t)at64(info, 16);
		s->ssi_fd = (int32_t)at32(info, 24);
		break;
	case L_FAULT:			/* si_addr */
		s->ssi_addr = at64(info, 16);
		break;
	case L_MCEERR:			/* si_addr, si_addr_lsb */
		s->ssi_addr = at64(info, 16);
		s->ssi_addr_lsb = (uint16_t)at32(info, 24);
		break;
	case L_CHLD:			/* pid, uid, status, utime, stime */
		s->ssi_pid = at32(info, 16);
		s->ssi_uid = at32(info, 20);
		s->ssi_status = (int32_t)at32(info, 24);
		s->ssi_utime = at64(info, 32);
		s->ssi_stime = at64(info, 40);
		break;
	case L_RT:			/* si_pid, si_uid, si_value */
		s->ssi_pid = at32(info, 16);
		s->ssi_uid = at32(info, 20);
		s->ssi_ptr = at64(info, 24);
		s->ssi_int = (int32_t)at32(info, 24);
		break;
	case L_SYS:			/* si_call_addr, si_syscall, si_arch */
		s->ssi_call_addr = at64(info, 16);
		s->ssi_syscall = (int32_t)at32(info, 24);
		s->ssi_arch = at32(info, 28);
		break;
	}
}

/* Takes the current thread's next signal of mask; 0 when none. */
static int take(ksigset_t mask, struct ksiginfo *info)
{
	unsigned long flags;
	int sig;

	spin_lock_irqsave(&tasklist_lock, &flags);
	sig = dequeue_signal(current, ~mask, info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return sig;
}

/*
 * One signal of the file's mask into *info, sleeping for one unless
 * nonblock. Returns the signal, -EAGAIN or -ERESTARTSYS.
 */
static int dequeue(struct signalfd *ctx, struct ksiginfo *info,
		   bool nonblock)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	int sig;

	sig = take(READ_ONCE(ctx->mask), info);
	if (sig || nonblock)
		return sig ? sig : -EAGAIN;
	for (;;) {
		/* Queued first: a send after the check wakes us. */
		prepare_to_wait(&signalfd_wait, &we, true);
		sig = take(READ_ONCE(ctx->mask), info);
		if (sig)
			break;
		if (signal_pending_current()) {
			sig = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&signalfd_wait, &we);
	return sig;
}

/*
 * buf is the VFS's kernel buffer. As Linux: EINVAL below one record;
 * only the first record may block; what was taken is returned.
 */
static ssize_t signalfd_read(struct file *file, void *buf, size_t len,
			     int64_t *pos)
{
	struct signalfd *ctx = file->private_data;
	struct signalfd_siginfo *out = buf;
	size_t count = len / sizeof(*out), done = 0;
	bool nonblock = file->f_flags & O_NONBLOCK;
	struct ksiginfo info;
	int sig = 0;

	if (!count)
		return -EINVAL;
	while (done < count) {
		sig = dequeue(ctx, &info, nonblock);
		if (sig <= 0)
			break;
		fill_record(&out[done++], &info);
		nonblock = true;
	}
	return done ? (ssize_t)(done * sizeof(*out)) : sig;
}

static unsigned int signalfd_poll(struct file *file, struct poll_table *pt)
{
	struct signalfd *ctx = file->private_data;
	struct process *p = current_process();
	ksigset_t pending;
	unsigned long flags;

	poll_wait(file, &signalfd_wait, pt);
	spin_lock_irqsave(&tasklist_lock, &flags);
	pending = current->sig_pending.signal;
	if (p)
		pending |= p->shared_pending.signal;
	pending &= ctx->mask;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pending ? POLLIN | POLLRDNORM : 0;
}

/* As Linux's noop_llseek: the position stays 0. */
static int64_t signalfd_llseek(struct file *file, int64_t offset, int whence)
{
	return file->f_pos;
}

static void signalfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
}

static const struct file_ops signalfd_fops = {
	.read = signalfd_read,
	.poll = signalfd_poll,
	.llseek = signalfd_llseek,
	.release = signalfd_release,
};

/* A new signalfd on a new fd; -ENOMEM, -EMFILE. */
static long signalfd_create(ksigset_t mask, int flags)
{
	struct signalfd *ctx = kzalloc(sizeof(*ctx));
	struct file *file;
	int fd;

	if (!ctx)
		return -ENOMEM;
	ctx->mask = mask;
	file = anon_file_create(&signalfd_fops, ctx,
				O_RDWR | (flags & SFD_NONBLOCK));
	if (IS_ERR(file)) {
		kfree(ctx);
		return PTR_ERR(file);
	}
	fd = fd_install(file, flags & SFD_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

/* Gives the signalfd at ufd a new mask: -EBADF, or -EINVAL (not one). */
static long signalfd_update(int ufd, ksigset_t mask)
{
	struct file *file = fd_get(ufd);
	struct signalfd *ctx;
	unsigned long flags;

	if (!file)
		return -EBADF;
	if (file->f_op != &signalfd_fops) {
		fput(file);
		return -EINVAL;
	}
	ctx = file->private_data;
	spin_lock_irqsave(&tasklist_lock, &flags);
	ctx->mask = mask;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	fput(file);
	/* Readers and pollers re-check against the new mask. */
	wake_up(&signalfd_wait);
	return ufd;
}

/*
 * ufd -1 makes a new signalfd, else ufd's mask is replaced (its flags
 * stay). Returns the fd; -EINVAL (sizemask, flags, not a signalfd),
 * -EFAULT, -EBADF, -ENOMEM, -EMFILE.
 */
long sys_signalfd4(int ufd, const ksigset_t *umask, size_t sizemask,
		   int flags)
{
	ksigset_t mask;

	if (sizemask != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	if (flags & ~(SFD_CLOEXEC | SFD_NONBLOCK))
		return -EINVAL;
	/* SIGKILL and SIGSTOP are never taken this way (Linux drops them). */
	mask &= ~SIG_KERNEL_ONLY_MASK;
	if (ufd == -1)
		return signalfd_create(mask, flags);
	return signalfd_update(ufd, mask);
}
