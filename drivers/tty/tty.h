/*
 * The terminal layer's private view (drivers/tty/): one struct tty per
 * terminal, the line discipline (n_tty.c) that turns received bytes into
 * what read() returns and echoes them, and the file interface (tty.c).
 */
#ifndef DRIVERS_TTY_TTY_H
#define DRIVERS_TTY_TTY_H

#include <core/sync.h>
#include <core/types.h>
#include <core/wait.h>
#include <drivers/termios.h>

#define TTY_BUF_SIZE	4096	/* received, not yet read */
#define TTY_LINE_MAX	4095	/* a canonical line being edited */

/* What a slot of the input ring holds. */
enum tty_slot {
	TTY_DATA,	/* a byte */
	TTY_EOL,	/* a byte that ends a line (canonical) */
	TTY_EOF,	/* end of file (^D): ends a line, not returned */
};

struct tty {
	const char *name;
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

#endif /* DRIVERS_TTY_TTY_H */
