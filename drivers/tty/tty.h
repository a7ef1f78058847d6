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

/* What a slot of the input ring holds. */
enum tty_slot {
	TTY_DATA,	/* a byte */
	TTY_EOL,	/* a byte that ends a line (canonical) */
	TTY_EOF,	/* end of file (^D): ends a line, not returned */
};

struct tty;

struct tty_ops {
	/* Processed output (after OPOST); may block a pty writer (-ERESTARTSYS). */
	ssize_t (*write)(struct tty *tty, const char *buf, size_t len);
	/* Optional: the last file open on the tty was closed. */
	void (*close)(struct tty *tty);
};

struct tty {
	const char *name;		/* "console", "pts/3" */
	const struct tty_ops *ops;
	void *driver_data;
	struct tty *link;		/* a pty's other side, else NULL */
	int index;			/* pty number */
	int open_count;			/* files open on it (tty.c) */
	bool hung_up;			/* reads give 0, writes -EIO */
	struct ktermios termios;
	uint32_t ispeed, ospeed;
	struct kwinsize winsize;
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
	bool stopped;			/* output stopped by ^S (IXON) */
	struct wait_queue read_wait;
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
/* Writes buf with output processing (OPOST, ONLCR, OCRNL...). */
void n_tty_write(struct tty *tty, const char *buf, size_t len);
/* termios changed: a line being edited is committed when leaving ICANON. */
void n_tty_set_termios(struct tty *tty, const struct ktermios *old);

/* Sends sig to every process of the foreground process group. */
void tty_signal_pgrp(struct tty *tty, int sig);

/*
 * The file operations of every terminal. f->private_data is the struct
 * tty; a driver's open() sets it and then calls tty_open_file(), which
 * counts the open and gives a session leader without a controlling
 * terminal this one (unless O_NOCTTY, or the tty is the console).
 */
extern const struct file_ops tty_file_ops;
int tty_open_file(struct tty *tty, struct file *f);
/* Initializes a struct tty a driver allocated (termios, lock, queues). */
void tty_init(struct tty *tty, const char *name, const struct tty_ops *ops);
/*
 * Hangup: the session loses its controlling terminal, the foreground
 * process group gets SIGHUP and SIGCONT, readers see end of file and
 * writers EIO (a pty master closed; a session leader exited).
 */
void tty_hangup(struct tty *tty);

#endif /* DRIVERS_TTY_TTY_H */
