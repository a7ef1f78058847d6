/*
 * The terminal layer's private view (drivers/tty/): one struct tty per
 * terminal, the line discipline (n_tty.c) that turns received bytes into
 * what read() returns and echoes them, the file interface every terminal
 * shares (tty.c: read, write, ioctl, poll, the controlling terminal and
 * job control), and the drivers under it: the console (console.c) and
 * the pseudo-terminal pairs (pty.c).
 *
 * A driver owns its struct tty and gives it ops: where processed output
 * goes (the UART, or the pty master's buffer) and what a final close or
 * a hangup means to it. Input enters through n_tty_receive().
 */
#ifndef DRIVERS_TTY_TTY_H
#define DRIVERS_TTY_TTY_H

#include <core/sync.h>
#include <core/types.h>
#include <core/wait.h>
#include <drivers/termios.h>
#include <fs/vfs.h>

#define TTY_BUF_SIZE	4096	/* received, not yet read */
#define TTY_LINE_MAX	4095	/* a canonical line being edited */
#define TTY_ECHO_MAX	512	/* echoes waiting for the output */

/* What a slot of the input ring holds. */
enum tty_slot {
	TTY_DATA,	/* a byte */
	TTY_EOL,	/* a byte that ends a line (canonical) */
	TTY_EOF,	/* end of file (^D): ends a line, not returned */
};

struct tty;

struct tty_ops {
	/*
	 * Processed output (after OPOST). Returns the bytes taken (all, or
	 * fewer when it can take no more now), or -errno; may sleep for a
	 * pty writer (-ERESTARTSYS). Also called by n_tty_receive() for
	 * echoes, in the context of whoever delivered the input: there it
	 * must not wait for the reader of the output (a short count is fine).
	 * nonblock (O_NONBLOCK, and every echo): take what fits, never sleep.
	 */
	ssize_t (*write)(struct tty *tty, const char *buf, size_t len,
			 bool nonblock);
	/* Optional: the last file open on the tty was closed. */
	void (*close)(struct tty *tty);
	/*
	 * Optional: bytes write() would take now without sleeping (poll's
	 * POLLOUT). NULL: always writable. A driver whose write() sleeps
	 * wakes tty->write_wait when room appears.
	 */
	unsigned int (*write_room)(struct tty *tty);
	/*
	 * Optional: discards output written but not yet delivered (a pty:
	 * what the master has not read). ^C without NOFLSH, TCOFLUSH.
	 */
	void (*flush_output)(struct tty *tty);
};

struct tty {
	const char *name;		/* "console", "pts/3" */
	kdev_t dev;			/* its node's number (stat's tty_nr), or 0 */
	const struct tty_ops *ops;
	void *driver_data;
	struct tty *link;		/* a pty's other side, else NULL */
	int index;			/* pty number */
	int open_count;			/* files open on it (tty.c) */
	bool hung_up;			/* reads give 0, writes -EIO */
	struct ktermios termios;
	uint32_t ispeed, ospeed;
	struct kwinsize winsize;
	/* Under tasklist_lock, with struct process.tty (tty.c). */
	int pgrp;			/* foreground process group, 0 if none */
	int session;			/* 0 until a session leader takes it */

	struct spinlock lock;		/* the fields below */
	char in[TTY_BUF_SIZE];
	uint8_t kind[TTY_BUF_SIZE];	/* enum tty_slot per byte */
	unsigned int head, count;	/* ring: first unread slot, slots used */
	unsigned int lines;		/* TTY_EOL/TTY_EOF slots in the ring */
	char line[TTY_LINE_MAX];	/* canonical line being edited */
	unsigned int line_len;
	bool lnext;			/* the next byte is taken literally */
	bool erasing;			/* ECHOPRT: inside a \...\ erase echo */
	bool stopped;			/* output stopped by ^S (IXON) or TCOOFF */
	bool tco_stopped;		/* ...by TCOOFF: IXANY does not restart */
	bool ixoff_sent;		/* IXOFF: STOP sent, START owed */
	bool flush_output;		/* ISIG: output to drop once unlocked */
	/*
	 * Output is written by one task at a time (out_busy); echoes made
	 * meanwhile wait in echo[] and the owner writes them before it
	 * lets go, so an echo never follows output it preceded.
	 */
	bool out_busy;
	unsigned int echo_len;
	char echo[TTY_ECHO_MAX];
	unsigned int column;		/* output column (tabs, ONOCR, erase) */
	unsigned int canon_column;	/* column where the edited line began */
	struct wait_queue read_wait;
	struct wait_queue write_wait;	/* writers: output stopped, no room */
};

/* Initial termios of a serial console (Linux: tty_std_termios, 115200). */
void tty_init_termios(struct ktermios *t);

/*
 * Line discipline: one received byte, in task context (the input pump).
 * Edits the line, echoes, commits lines, raises ISIG signals, wakes
 * readers.
 */
void n_tty_receive(struct tty *tty, unsigned char c);
/* read(): -EAGAIN (nonblock, nothing yet), -ERESTARTSYS, or a count. */
ssize_t n_tty_read(struct tty *tty, char *kbuf, size_t len, bool nonblock);
/* Bytes a read could return now (FIONREAD). */
unsigned int n_tty_readable(struct tty *tty);
/* Drops pending input (TCFLSH, TCSETSF, ISIG without NOFLSH). */
void n_tty_flush_input(struct tty *tty);
/*
 * Writes buf with output processing (OPOST, ONLCR, OCRNL...) through
 * tty->ops->write, waiting while output is stopped (^S). Returns the
 * bytes of buf consumed, or -errno when none was (-ERESTARTSYS, -EIO;
 * -EAGAIN when nonblock and nothing could be taken without sleeping).
 */
ssize_t n_tty_write(struct tty *tty, const char *buf, size_t len,
		    bool nonblock);
/* Whether a read could complete now (poll's POLLIN). */
bool n_tty_input_ready(struct tty *tty);
/* termios changed: a line being edited is committed when leaving ICANON. */
void n_tty_set_termios(struct tty *tty, const struct ktermios *old);

/* Sends sig to every process of the foreground process group. */
void tty_signal_pgrp(struct tty *tty, int sig);
/* Sends sig to every process of process group pgid (none when <= 0). */
void tty_kill_pgrp(int pgid, int sig);

/*
 * The file operations of every terminal. f->private_data is the struct
 * tty; a driver's open() sets it and then calls tty_open_file(), which
 * counts the open and gives a session leader without a controlling
 * terminal this one (unless O_NOCTTY, or the file is /dev/console 5:1).
 * Returns 0, or -EIO on a hung-up tty (nothing counted).
 * tty_file_ops.release drops the count and calls ops->close at zero.
 * tty_ioctl() is its ioctl, for drivers with their own file ops.
 */
extern const struct file_ops tty_file_ops;
int tty_open_file(struct tty *tty, struct file *f);
long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
/* Initializes a struct tty a driver allocated (termios, lock, queues). */
void tty_init(struct tty *tty, const char *name, const struct tty_ops *ops);
/*
 * Hangup: the session loses its controlling terminal, the foreground
 * process group gets SIGHUP and SIGCONT, readers see end of file and
 * writers EIO (a pty master closed; a session leader exited).
 */
void tty_hangup(struct tty *tty);
/*
 * Forgets tty as a controlling terminal: no process keeps it, and its
 * session and foreground group are cleared. No signal. For a driver
 * about to free a struct tty (tty_hangup() does it too).
 */
void tty_release_ctty(struct tty *tty);

/* --- between tty.c, jobctl.c and console.c ------------------------------ */

/* f was opened as /dev/console (5:1): no job control, never a ctty. */
bool tty_is_console_file(const struct file *f);
/* The caller's controlling terminal, or NULL. */
struct tty *tty_current_ctty(void);
/* open(): a session leader without a terminal takes tty (see above). */
void tty_open_ctty(struct tty *tty, struct file *f);
/*
 * Job control for a caller about to read (SIGTTIN) or change (SIGTTOU)
 * tty: 0 to go ahead, -ERESTARTSYS once its group was sent sig, -EIO
 * (background read with SIGTTIN ignored or blocked; orphaned group).
 */
int tty_check_change(struct tty *tty, int sig);
/* Hangup's part for processes: SIGHUP/SIGCONT, no ctty any more. */
void tty_hangup_session(struct tty *tty);
/* TIOCSCTTY, TIOCNOTTY, TIOC[GS]PGRP, TIOCGSID (else -ENOTTY). */
long tty_jobctl_ioctl(struct tty *tty, struct file *f, unsigned int cmd,
		      unsigned long arg);

#endif /* DRIVERS_TTY_TTY_H */
