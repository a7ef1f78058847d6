/*
 * The line discipline's output side: output processing under OPOST
 * (ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, tab expansion with TAB3/XTABS)
 * as termios(3) and Linux's do_output_char() describe, the output
 * column it keeps (for ONOCR, tabs and erasing tabs on echo), and the
 * driver's write op, which gets the processed bytes. Writers wait while
 * output is stopped (^S with IXON, or TCOOFF); echoes never wait: they
 * are held and go out when output restarts.
 */
#include "n_tty.h"

#include <core/errno.h>
#include <core/sched.h>
#include <core/string.h>

#define OUT_CHUNK	256	/* processed bytes per driver write */
#define OUT_MAX		8	/* the most one byte becomes (a tab) */

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Processes c into out (room for OUT_MAX); returns the bytes made. */
static size_t opost(struct tty *tty, unsigned char c, char *out)
{
	unsigned int spaces;

	switch (c) {
	case '\n':
		if (O(tty, ONLRET))
			tty->column = 0;
		if (O(tty, ONLCR)) {
			tty->column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		break;
	case '\r':
		if (O(tty, ONOCR) && tty->column == 0)
			return 0;
		if (O(tty, OCRNL)) {
			c = '\n';
			if (O(tty, ONLRET))
				tty->column = 0;
			break;
		}
		tty->column = 0;
		break;
	case '\t':
		spaces = 8 - (tty->column & 7);
		tty->column += spaces;
		if ((tty->termios.c_oflag & TABDLY) == TAB3) {
			memset(out, ' ', spaces);
			return spaces;
		}
		break;
	case '\b':
		if (tty->column)
			tty->column--;
		break;
	default:
		if (is_cntrl(c))
			break;
		if (O(tty, OLCUC) && c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		/* A UTF-8 continuation byte does not move the cursor. */
		if (!I(tty, IUTF8) || (c & 0xc0) != 0x80)
			tty->column++;
	}
	out[0] = c;
	return 1;
}

/*
 * Processes buf[*pos...] into out until OUT_CHUNK bytes are made or buf
 * ends; *pos advances. used[k]: the bytes of buf taken in this call that
 * are fully written once out[0..k] is (a driver may take part of out).
 */
static size_t process(struct tty *tty, const char *buf, size_t len,
		      size_t *pos, char *out, uint16_t *used)
{
	size_t n = 0, k, start = *pos;

	if (!O(tty, OPOST)) {
		n = MIN(len - *pos, (size_t)OUT_CHUNK);
		memcpy(out, buf + *pos, n);
		for (k = 0; k < n; k++)
			used[k] = k + 1;
		*pos += n;
		return n;
	}
	while (*pos < len && n < OUT_CHUNK) {
		k = opost(tty, buf[(*pos)++], out + n);
		for (size_t j = 0; j < k; j++)
			used[n + j] = *pos - start - (j + 1 < k);
		n += k;
	}
	return n;
}

/* Processes and writes buf, whatever the driver takes. */
static void write_all(struct tty *tty, const char *buf, size_t len)
{
	char out[OUT_CHUNK + OUT_MAX];
	uint16_t used[OUT_CHUNK + OUT_MAX];
	size_t pos = 0, n;

	while (pos < len) {
		n = process(tty, buf, len, &pos, out, used);
		if (n)
			tty->ops->write(tty, out, n, true);
	}
}

bool n_tty_echo_locked(struct tty *tty, const char *buf, size_t len)
{
	len = MIN(len, (size_t)(TTY_ECHO_MAX - tty->echo_len));
	if (len)
		memcpy(tty->echo + tty->echo_len, buf, len);
	tty->echo_len += len;
	if (tty->out_busy)
		return false;
	tty->out_busy = true;
	return true;
}

void n_tty_echo(struct tty *tty, const char *buf, size_t len)
{
	unsigned long flags;
	bool owner;

	spin_lock_irqsave(&tty->lock, &flags);
	owner = n_tty_echo_locked(tty, buf, len);
	spin_unlock_irqrestore(&tty->lock, flags);
	if (owner)
		n_tty_output_release(tty);
}

void n_tty_output_release(struct tty *tty)
{
	char buf[TTY_ECHO_MAX];
	unsigned long flags;
	size_t n;

	for (;;) {
		spin_lock_irqsave(&tty->lock, &flags);
		n = tty->echo_len;
		/* Echoes wait while output is stopped, as other output. */
		if (!n || tty->stopped) {
			tty->out_busy = false;
			spin_unlock_irqrestore(&tty->lock, flags);
			break;
		}
		memcpy(buf, tty->echo, n);
		tty->echo_len = 0;
		spin_unlock_irqrestore(&tty->lock, flags);
		write_all(tty, buf, n);
	}
	wake_up(&tty->write_wait);
}

/* Takes the output for a writer: 0, or -ERESTARTSYS for a signal. */
static int output_acquire(struct tty *tty)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	unsigned long flags;
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->write_wait, &we, true);
		spin_lock_irqsave(&tty->lock, &flags);
		if (!tty->out_busy) {
			tty->out_busy = true;
			spin_unlock_irqrestore(&tty->lock, flags);
			break;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&tty->write_wait, &we);
	return ret;
}

/* Sleeps while output is stopped: 0, or -ERESTARTSYS for a signal. */
static int wait_started(struct tty *tty)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->write_wait, &we, true);
		if (!tty->stopped || tty->hung_up)
			break;
		if (signal_pending_current()) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&tty->write_wait, &we);
	return ret;
}

ssize_t n_tty_write(struct tty *tty, const char *buf, size_t len,
		    bool nonblock)
{
	char out[OUT_CHUNK + OUT_MAX];
	uint16_t used[OUT_CHUNK + OUT_MAX];
	size_t done = 0, pos, n;
	ssize_t r;
	int err;

	while (done < len) {
		err = wait_started(tty);
		if (!err && tty->hung_up)
			err = -EIO;
		if (err)
			return done ? (ssize_t)done : err;
		err = output_acquire(tty);
		if (err)
			return done ? (ssize_t)done : err;
		pos = done;
		n = process(tty, buf, len, &pos, out, used);
		r = n ? tty->ops->write(tty, out, n, nonblock) : 0;
		n_tty_output_release(tty);
		if (!n) {
			done = pos;	/* all dropped (ONOCR) */
			continue;
		}
		if (r <= 0)
			return done ? (ssize_t)done : r ? r : -EAGAIN;
		if ((size_t)r < n) {
			/* Taken in part: report what made it. */
			done += used[r - 1];
			return done ? (ssize_t)done : -EAGAIN;
		}
		done = pos;
	}
	return done;
}

void n_tty_restart_output(struct tty *tty)
{
	n_tty_echo(tty, NULL, 0);
	wake_up(&tty->write_wait);
}

void n_tty_flush_output(struct tty *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, &flags);
	tty->echo_len = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (tty->ops->flush_output)
		tty->ops->flush_output(tty);
}
