/*
 * The line discipline's input side (POSIX "general terminal interface",
 * termios(3)): input processing (ISTRIP, IUCLC, INLCR, IGNCR, ICRNL),
 * flow control (IXON, IXANY, IXOFF), signal characters (ISIG: INTR,
 * QUIT, SUSP; NOFLSH), canonical line editing (ERASE, WERASE, KILL,
 * REPRINT, LNEXT, EOF, EOL, EOL2) and echo (ECHO, ECHOE, ECHOK, ECHOKE,
 * ECHONL, ECHOCTL, ECHOPRT), as Linux's n_tty does them. Reading is in
 * n_tty_read.c, output processing in n_tty_output.c.
 *
 * Received bytes are edited in tty->line while ICANON is set and
 * committed to the input ring at a line end; without ICANON they go to
 * the ring at once. Each ring slot records whether it ends a line, so a
 * canonical read returns at most one line, as POSIX says.
 */
#include "n_tty.h"

#include <core/errno.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>

/* Echo and flow-control output gathered under the lock, written after. */
struct echo_buf {
	char b[256];
	size_t n;
};

static void echo_byte(struct echo_buf *e, char c)
{
	if (e->n < sizeof(e->b))
		e->b[e->n++] = c;
}

static void echo_str(struct echo_buf *e, const char *s)
{
	while (*s)
		echo_byte(e, *s++);
}

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

/* A UTF-8 continuation byte, under IUTF8: part of the previous char. */
static bool is_cont(struct tty *tty, unsigned char c)
{
	return I(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* Echoes c as ECHOCTL shows control characters: ^C, ^?. */
static void echo_char(struct tty *tty, struct echo_buf *e, unsigned char c)
{
	if (L(tty, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n') {
		echo_byte(e, '^');
		echo_byte(e, c == 0x7f ? '?' : c + '@');
	} else {
		echo_byte(e, c);
	}
}

/* ECHOPRT: the "\" of an erase run is closed with "/". */
static void finish_erasing(struct tty *tty, struct echo_buf *e)
{
	if (tty->erasing) {
		echo_byte(e, '/');
		tty->erasing = false;
	}
}

static void ring_put(struct tty *tty, char c, enum tty_slot kind)
{
	unsigned int slot;

	if (tty->count == TTY_BUF_SIZE)
		return;		/* full: the byte is lost, as on a real line */
	slot = (tty->head + tty->count) % TTY_BUF_SIZE;
	tty->in[slot] = c;
	tty->kind[slot] = kind;
	tty->count++;
	if (kind != TTY_DATA)
		tty->lines++;
}

/* Moves the edited line into the ring, ended by c of kind. */
static void commit_line(struct tty *tty, char c, enum tty_slot kind)
{
	for (unsigned int i = 0; i < tty->line_len; i++)
		ring_put(tty, tty->line[i], TTY_DATA);
	tty->line_len = 0;
	ring_put(tty, c, kind);
}

/* Columns the echo of the tab at tty->line[end] took (Linux's way). */
static unsigned int tab_width(struct tty *tty, unsigned int end)
{
	unsigned int col = tty->canon_column;

	for (unsigned int i = 0; i < end; i++) {
		unsigned char c = tty->line[i];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c))
			col += L(tty, ECHOCTL) ? 2 : 0;
		else if (!is_cont(tty, c))
			col++;
	}
	return 8 - (col & 7);
}

/* Erases the last character of the line (its whole UTF-8 sequence). */
static bool erase_one(struct tty *tty, struct echo_buf *e, bool kill)
{
	unsigned int w, end = tty->line_len;
	unsigned char c;

	if (!end)
		return false;
	do
		c = tty->line[--tty->line_len];
	while (is_cont(tty, c) && tty->line_len);
	if (!L(tty, ECHO))
		return true;
	if (L(tty, ECHOPRT)) {
		if (!tty->erasing) {
			echo_byte(e, '\\');
			tty->erasing = true;
		}
		echo_char(tty, e, c);
		for (unsigned int i = tty->line_len + 1; i < end; i++)
			echo_byte(e, tty->line[i]);
	} else if (!kill && !L(tty, ECHOE)) {
		echo_char(tty, e, CC(tty, VERASE));
	} else if (c == '\t') {
		for (w = tab_width(tty, tty->line_len); w; w--)
			echo_byte(e, '\b');
	} else if (is_cntrl(c)) {
		if (L(tty, ECHOCTL))
			echo_str(e, "\b \b\b \b");
	} else {
		echo_str(e, "\b \b");
	}
	return true;
}

/*
 * ERASE, WERASE (Linux's: back over non-word characters to the start
 * of the word before) and KILL.
 */
static void eraser(struct tty *tty, unsigned char c, struct echo_buf *e)
{
	bool seen_word = false;

	if (c == CC(tty, VERASE)) {
		erase_one(tty, e, false);
	} else if (c == CC(tty, VKILL)) {
		if (L(tty, ECHO) &&
		    !(L(tty, ECHOK) && L(tty, ECHOKE) && L(tty, ECHOE))) {
			tty->line_len = 0;
			finish_erasing(tty, e);
			echo_char(tty, e, c);
			if (L(tty, ECHOK))
				echo_byte(e, '\n');
			return;
		}
		while (erase_one(tty, e, true))
			;
	} else {
		while (tty->line_len) {
			unsigned char prev = tty->line[tty->line_len - 1];

			if (is_word(prev))
				seen_word = true;
			else if (seen_word)
				break;
			erase_one(tty, e, true);
		}
	}
	if (!tty->line_len)
		finish_erasing(tty, e);
}

static void reprint(struct tty *tty, struct echo_buf *e)
{
	finish_erasing(tty, e);
	echo_char(tty, e, CC(tty, VREPRINT));
	echo_byte(e, '\n');
	for (unsigned int i = 0; i < tty->line_len; i++)
		echo_char(tty, e, tty->line[i]);
}

/* A signal character: returns the signal, or 0. */
static int isig_char(struct tty *tty, unsigned char c)
{
	if (!L(tty, ISIG) || c == 0)	/* _POSIX_VDISABLE */
		return 0;
	if (c == CC(tty, VINTR))
		return SIGINT;
	if (c == CC(tty, VQUIT))
		return SIGQUIT;
	if (c == CC(tty, VSUSP))
		return SIGTSTP;
	return 0;
}

static bool is_cc(struct tty *tty, unsigned char c, int i)
{
	return c && c == CC(tty, i);
}

/* Canonical editing of c; returns true when it was an editing char. */
static bool canon_special(struct tty *tty, unsigned char c, struct echo_buf *e)
{
	if (is_cc(tty, c, VERASE) || is_cc(tty, c, VKILL) ||
	    (is_cc(tty, c, VWERASE) && L(tty, IEXTEN))) {
		eraser(tty, c, e);
		return true;
	}
	if (is_cc(tty, c, VLNEXT) && L(tty, IEXTEN)) {
		tty->lnext = true;
		if (L(tty, ECHO)) {
			finish_erasing(tty, e);
			if (L(tty, ECHOCTL))
				echo_str(e, "^\b");
		}
		return true;
	}
	if (is_cc(tty, c, VREPRINT) && L(tty, ECHO) && L(tty, IEXTEN)) {
		reprint(tty, e);
		return true;
	}
	if (is_cc(tty, c, VEOF)) {
		commit_line(tty, c, TTY_EOF);
		return true;
	}
	return false;
}

/* The STOP / START characters and IXANY; true when c was consumed. */
static bool flow_char(struct tty *tty, unsigned char c)
{
	if (is_cc(tty, c, VSTART)) {
		tty->stopped = tty->tco_stopped = false;
		return true;
	}
	if (is_cc(tty, c, VSTOP)) {
		tty->stopped = true;
		return true;
	}
	if (tty->stopped && !tty->tco_stopped && I(tty, IXANY) &&
	    !isig_char(tty, c))
		tty->stopped = false;
	return false;
}

/* A byte that goes into the line or the ring as data. */
static void put_char(struct tty *tty, unsigned char c, struct echo_buf *e)
{
	if (L(tty, ICANON) && tty->line_len >= TTY_LINE_MAX - 1) {
		/* Room is kept for the newline only. */
		if (I(tty, IMAXBEL) && L(tty, ECHO))
			echo_byte(e, '\a');
		return;
	}
	if (L(tty, ECHO)) {
		finish_erasing(tty, e);
		if (!tty->line_len)
			tty->canon_column = tty->column;
		echo_char(tty, e, c);
	}
	if (L(tty, ICANON))
		tty->line[tty->line_len++] = c;
	else
		ring_put(tty, c, TTY_DATA);
}

static void receive_locked(struct tty *tty, unsigned char c,
			   struct echo_buf *e, int *sig)
{
	bool literal = tty->lnext;

	tty->lnext = false;
	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (I(tty, IUCLC) && L(tty, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (literal) {
		put_char(tty, c, e);
		return;
	}
	if (I(tty, IXON) && flow_char(tty, c))
		return;
	*sig = isig_char(tty, c);
	if (*sig) {
		if (!L(tty, NOFLSH)) {
			/* Input, and output not yet shown, go (Linux). */
			tty->head = tty->count = tty->lines = 0;
			tty->line_len = 0;
			tty->erasing = false;
			tty->echo_len = 0;
			tty->flush_output = true;
		}
		if (I(tty, IXON))
			tty->stopped = tty->tco_stopped = false;
		if (L(tty, ECHO))
			echo_char(tty, e, c);
		return;
	}
	if (c == '\r') {
		if (I(tty, IGNCR))
			return;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (!L(tty, ICANON)) {
		put_char(tty, c, e);
		return;
	}
	if (canon_special(tty, c, e))
		return;
	if (c == '\n' || is_cc(tty, c, VEOL) ||
	    (is_cc(tty, c, VEOL2) && L(tty, IEXTEN))) {
		if (c == '\n' ? L(tty, ECHO) || L(tty, ECHONL) : L(tty, ECHO)) {
			finish_erasing(tty, e);
			echo_char(tty, e, c);
		}
		commit_line(tty, c, TTY_EOL);
		return;
	}
	put_char(tty, c, e);
}

void n_tty_receive(struct tty *tty, unsigned char c)
{
	struct echo_buf e = { .n = 0 };
	unsigned long flags;
	bool was_stopped, owner, flush;
	int sig = 0;

	spin_lock_irqsave(&tty->lock, &flags);
	was_stopped = tty->stopped;
	receive_locked(tty, c, &e, &sig);
	if (I(tty, IXOFF) && !tty->ixoff_sent &&
	    tty->count >= TTY_BUF_SIZE - TTY_THROTTLE) {
		/* Nearly full: ask the sender to pause (START once read). */
		tty->ixoff_sent = true;
		if (CC(tty, VSTOP))
			echo_byte(&e, CC(tty, VSTOP));
	}
	/* Queued with the line's commit: a reader's output comes after. */
	owner = e.n && n_tty_echo_locked(tty, e.b, e.n);
	flush = tty->flush_output;
	tty->flush_output = false;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (flush && tty->ops->flush_output)
		tty->ops->flush_output(tty);
	if (owner)
		n_tty_output_release(tty);
	if (sig)
		tty_signal_pgrp(tty, sig);
	if (was_stopped && !tty->stopped)
		n_tty_restart_output(tty);
	wake_up(&tty->read_wait);
}

void n_tty_flush_input(struct tty *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, &flags);
	tty->head = tty->count = tty->lines = 0;
	tty->line_len = 0;
	tty->lnext = tty->erasing = false;
	spin_unlock_irqrestore(&tty->lock, flags);
	n_tty_unthrottle(tty);
}

void n_tty_set_termios(struct tty *tty, const struct ktermios *old)
{
	unsigned long flags;
	bool restart = false;

	spin_lock_irqsave(&tty->lock, &flags);
	if ((old->c_lflag & ICANON) && !L(tty, ICANON)) {
		/* What was being edited becomes readable input. */
		for (unsigned int i = 0; i < tty->line_len; i++)
			ring_put(tty, tty->line[i], TTY_DATA);
		tty->line_len = 0;
		tty->erasing = tty->lnext = false;
	}
	if (!(old->c_lflag & ICANON) && L(tty, ICANON))
		tty->lines = tty->count ? 1 : 0;	/* raw bytes: one line */
	if (tty->stopped && !tty->tco_stopped && !I(tty, IXON)) {
		tty->stopped = false;
		restart = true;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (restart)
		n_tty_restart_output(tty);
	wake_up(&tty->read_wait);
}
