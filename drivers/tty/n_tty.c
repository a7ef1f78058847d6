/*
 * The line discipline (POSIX "general terminal interface"): input
 * processing (ISTRIP, INLCR, IGNCR, ICRNL, IXON), canonical line editing
 * (ERASE, WERASE, KILL, REPRINT, LNEXT, EOF, EOL, EOL2), echo (ECHO,
 * ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL), ISIG signals, non-canonical
 * reads with VMIN/VTIME, and output processing (OPOST, ONLCR, OCRNL).
 * Column-based output flags (ONOCR, ONLRET, tab expansion) and IUCLC/OLCUC
 * are not implemented yet.
 *
 * Received bytes are edited in tty->line while ICANON is set and
 * committed to the input ring at a line end; without ICANON they go to
 * the ring at once. Each ring slot records whether it ends a line, so a
 * canonical read returns at most one line, as POSIX says.
 */
#include "tty.h"

#include <core/console.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/string.h>
#include <core/time.h>

#define L(tty, f)	((tty)->termios.c_lflag & (f))
#define I(tty, f)	((tty)->termios.c_iflag & (f))
#define O(tty, f)	((tty)->termios.c_oflag & (f))
#define CC(tty, i)	((tty)->termios.c_cc[i])

/* Echo output gathered under the lock and written after it. */
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

/* Echoes c as ECHOCTL shows control characters: ^C, ^?. */
static void echo_char(struct tty *tty, struct echo_buf *e, unsigned char c)
{
	if (L(tty, ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t' &&
	    c != '\n') {
		echo_byte(e, '^');
		echo_byte(e, c == 0x7f ? '?' : c + '@');
	} else {
		echo_byte(e, c);
	}
}

/* Columns an echoed byte took: 2 for ^X under ECHOCTL, else 1. */
static unsigned int echo_width(struct tty *tty, unsigned char c)
{
	if (L(tty, ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t')
		return 2;
	return 1;
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

/* Erases the last byte of the line; returns false at its start. */
static bool erase_one(struct tty *tty, struct echo_buf *e)
{
	unsigned char c;
	unsigned int w;

	if (!tty->line_len)
		return false;
	c = tty->line[--tty->line_len];
	if (L(tty, ECHO) && L(tty, ECHOE)) {
		for (w = echo_width(tty, c); w; w--)
			echo_str(e, "\b \b");
	} else if (L(tty, ECHO)) {
		echo_char(tty, e, CC(tty, VERASE));
	}
	return true;
}

static void werase(struct tty *tty, struct echo_buf *e)
{
	while (tty->line_len && tty->line[tty->line_len - 1] == ' ')
		erase_one(tty, e);
	while (tty->line_len && tty->line[tty->line_len - 1] != ' ')
		erase_one(tty, e);
}

static void kill_line(struct tty *tty, struct echo_buf *e)
{
	if (L(tty, ECHO) && L(tty, ECHOK) && !L(tty, ECHOKE)) {
		echo_char(tty, e, CC(tty, VKILL));
		echo_byte(e, '\n');
		tty->line_len = 0;
		return;
	}
	while (erase_one(tty, e))
		;
}

static void reprint(struct tty *tty, struct echo_buf *e)
{
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

/* Canonical editing of c; returns true when it was an editing char. */
static bool canon_edit(struct tty *tty, unsigned char c, struct echo_buf *e)
{
	if (c == 0)
		return false;
	if (c == CC(tty, VERASE)) {
		erase_one(tty, e);
		return true;
	}
	if (c == CC(tty, VKILL)) {
		kill_line(tty, e);
		return true;
	}
	if (L(tty, IEXTEN) && c == CC(tty, VWERASE)) {
		werase(tty, e);
		return true;
	}
	if (L(tty, IEXTEN) && c == CC(tty, VREPRINT)) {
		if (L(tty, ECHO))
			reprint(tty, e);
		return true;
	}
	if (c == CC(tty, VEOF)) {
		commit_line(tty, c, TTY_EOF);
		return true;
	}
	return false;
}

static void receive_locked(struct tty *tty, unsigned char c,
			   struct echo_buf *e, int *sig)
{
	bool literal = tty->lnext;

	tty->lnext = false;
	if (!literal) {
		if (I(tty, ISTRIP))
			c &= 0x7f;
		if (c == '\r' && I(tty, IGNCR))
			return;
		if (c == '\r' && I(tty, ICRNL))
			c = '\n';
		else if (c == '\n' && I(tty, INLCR))
			c = '\r';
		if (I(tty, IXON) && c == CC(tty, VSTOP) && c) {
			tty->stopped = true;
			return;
		}
		if (I(tty, IXON) && (c == CC(tty, VSTART) ||
				     (tty->stopped && I(tty, IXANY)))) {
			tty->stopped = false;
			if (c == CC(tty, VSTART))
				return;
		}
		*sig = isig_char(tty, c);
		if (*sig) {
			if (!L(tty, NOFLSH)) {
				tty->head = tty->count = tty->lines = 0;
				tty->line_len = 0;
			}
			if (L(tty, ECHO))
				echo_char(tty, e, c);
			return;
		}
		if (L(tty, ICANON) && L(tty, IEXTEN) && c == CC(tty, VLNEXT) &&
		    c) {
			tty->lnext = true;
			if (L(tty, ECHO) && L(tty, ECHOCTL))
				echo_str(e, "^\b");
			return;
		}
	}

	if (!L(tty, ICANON)) {
		ring_put(tty, c, TTY_DATA);
		if (L(tty, ECHO) || (c == '\n' && L(tty, ECHONL)))
			echo_char(tty, e, c);
		return;
	}
	if (!literal && canon_edit(tty, c, e))
		return;
	if (!literal && (c == '\n' || (c && (c == CC(tty, VEOL) ||
					      c == CC(tty, VEOL2))))) {
		if (L(tty, ECHO) || (c == '\n' && L(tty, ECHONL)))
			echo_char(tty, e, c);
		commit_line(tty, c, TTY_EOL);
		return;
	}
	if (tty->line_len < TTY_LINE_MAX - 1)	/* room for the newline */
		tty->line[tty->line_len++] = c;
	if (L(tty, ECHO))
		echo_char(tty, e, c);
}

void n_tty_receive(struct tty *tty, unsigned char c)
{
	struct echo_buf e = { .n = 0 };
	unsigned long flags;
	int sig = 0;

	spin_lock_irqsave(&tty->lock, &flags);
	receive_locked(tty, c, &e, &sig);
	spin_unlock_irqrestore(&tty->lock, flags);
	if (e.n)
		n_tty_write(tty, e.b, e.n);
	if (sig)
		tty_signal_pgrp(tty, sig);
	wake_up(&tty->read_wait);
}

void n_tty_flush_input(struct tty *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, &flags);
	tty->head = tty->count = tty->lines = 0;
	tty->line_len = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
}

void n_tty_set_termios(struct tty *tty, const struct ktermios *old)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, &flags);
	if ((old->c_lflag & ICANON) && !L(tty, ICANON)) {
		/* What was being edited becomes readable input. */
		for (unsigned int i = 0; i < tty->line_len; i++)
			ring_put(tty, tty->line[i], TTY_DATA);
		tty->line_len = 0;
	}
	if (!(old->c_lflag & ICANON) && L(tty, ICANON))
		tty->lines = tty->count ? 1 : 0;	/* raw bytes: one line */
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up(&tty->read_wait);
}

unsigned int n_tty_readable(struct tty *tty)
{
	unsigned long flags;
	unsigned int n = 0, i, slot;

	spin_lock_irqsave(&tty->lock, &flags);
	if (!L(tty, ICANON)) {
		n = tty->count;
	} else if (tty->lines) {
		for (i = 0; i < tty->count; i++) {
			slot = (tty->head + i) % TTY_BUF_SIZE;
			if (tty->kind[slot] == TTY_EOF)
				break;
			n++;
			if (tty->kind[slot] == TTY_EOL)
				break;
		}
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/* Takes up to len bytes; canonical: stops after a line end. */
static size_t take(struct tty *tty, char *kbuf, size_t len)
{
	size_t n = 0;
	uint8_t kind;

	while (tty->count && n < len) {
		kind = tty->kind[tty->head];
		if (kind != TTY_EOF)
			kbuf[n++] = tty->in[tty->head];
		tty->head = (tty->head + 1) % TTY_BUF_SIZE;
		tty->count--;
		if (kind != TTY_DATA) {
			tty->lines--;
			if (L(tty, ICANON))
				break;
		}
	}
	return n;
}

/* True when a read may complete now (under the lock). */
static bool read_ready(struct tty *tty, size_t want)
{
	if (L(tty, ICANON))
		return tty->lines > 0;
	return tty->count >= want;
}

ssize_t n_tty_read(struct tty *tty, char *kbuf, size_t len, bool nonblock)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	uint64_t deadline = 0;
	unsigned long flags;
	size_t want = 1, n;
	ssize_t ret;

	if (!len)
		return 0;
	if (!L(tty, ICANON)) {
		/* VMIN 0 with VTIME: one byte or the timeout; without: none. */
		want = CC(tty, VMIN) ? MIN((size_t)CC(tty, VMIN), len) :
				       CC(tty, VTIME) ? 1 : 0;
		if (CC(tty, VTIME))
			deadline = clock_ns() + CC(tty, VTIME) * 100000000ULL;
	}
	for (;;) {
		prepare_to_wait(&tty->read_wait, &we, true);
		spin_lock_irqsave(&tty->lock, &flags);
		/* Ready, or VTIME expired: whatever is there. */
		if (read_ready(tty, want) ||
		    (deadline && clock_ns() >= deadline)) {
			n = take(tty, kbuf, len);
			spin_unlock_irqrestore(&tty->lock, flags);
			ret = n;
			break;
		}
		/* MIN and TIME both set: the timer starts with the first byte. */
		if (!L(tty, ICANON) && CC(tty, VMIN) && CC(tty, VTIME) &&
		    !tty->count)
			deadline = clock_ns() + CC(tty, VTIME) * 100000000ULL;
		spin_unlock_irqrestore(&tty->lock, flags);
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		if (deadline)
			schedule_until(deadline);
		else
			schedule();
	}
	finish_wait(&tty->read_wait, &we);
	return ret;
}

void n_tty_write(struct tty *tty, const char *buf, size_t len)
{
	char out[256];
	size_t n = 0;

	if (!O(tty, OPOST)) {
		console_write_raw(buf, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];

		if (n + 2 > sizeof(out)) {
			console_write_raw(out, n);
			n = 0;
		}
		if (c == '\n' && O(tty, ONLCR)) {
			out[n++] = '\r';
		} else if (c == '\r' && O(tty, OCRNL)) {
			c = '\n';
		}
		out[n++] = c;
	}
	if (n)
		console_write_raw(out, n);
}
