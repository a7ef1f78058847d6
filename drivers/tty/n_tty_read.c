/*
 * Reading from the line discipline (tty.h): a canonical read returns at
 * most one line (an EOF marker ends it and is not returned, so an empty
 * line with ^D reads 0); a non-canonical read follows VMIN and VTIME as
 * termios(3) "Canonical and noncanonical mode" and Linux's n_tty_read()
 * do: bytes are taken as they arrive until VMIN of them, with VTIME an
 * inter-byte timer started by the first (MIN > 0) or an overall timeout
 * (MIN == 0).
 */
#include "n_tty.h"

#include <core/errno.h>
#include <core/sched.h>
#include <core/time.h>

#define DECISECOND_NS	100000000ULL

void n_tty_unthrottle(struct tty *tty)
{
	unsigned long flags;
	bool send = false;
	char c;

	spin_lock_irqsave(&tty->lock, &flags);
	if (tty->ixoff_sent && tty->count < TTY_BUF_SIZE / 4) {
		tty->ixoff_sent = false;
		send = CC(tty, VSTART) != 0;
	}
	c = CC(tty, VSTART);
	spin_unlock_irqrestore(&tty->lock, flags);
	if (send)
		n_tty_echo(tty, &c, 1);
	/* A pty master writer waits for room in our input. */
	if (tty->link)
		wake_up(&tty->link->write_wait);
}

/* Counts the data bytes of the ring, up to the first line end or all. */
static unsigned int ring_data(struct tty *tty, bool one_line)
{
	unsigned int n = 0, i, slot;

	for (i = 0; i < tty->count; i++) {
		slot = (tty->head + i) % TTY_BUF_SIZE;
		if (tty->kind[slot] != TTY_EOF)
			n++;
		if (one_line && tty->kind[slot] != TTY_DATA)
			break;
	}
	return n;
}

unsigned int n_tty_readable(struct tty *tty)
{
	unsigned long flags;
	unsigned int n = 0, i, slot, lines;

	spin_lock_irqsave(&tty->lock, &flags);
	if (!L(tty, ICANON)) {
		n = ring_data(tty, false);
	} else {
		/* Every complete line (Linux's inq_canon()). */
		for (i = 0, lines = tty->lines; i < tty->count && lines; i++) {
			slot = (tty->head + i) % TTY_BUF_SIZE;
			if (tty->kind[slot] != TTY_EOF)
				n++;
			if (tty->kind[slot] != TTY_DATA)
				lines--;
		}
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

bool n_tty_input_ready(struct tty *tty)
{
	unsigned int want = 1;

	if (L(tty, ICANON))
		return tty->lines > 0;
	/* Linux's poll: VMIN bytes when there is no timer. */
	if (!CC(tty, VTIME) && CC(tty, VMIN))
		want = CC(tty, VMIN);
	return tty->count >= want;
}

/* Takes up to len bytes; canonical: stops after a line end. Locked. */
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
	if (!tty->count)
		tty->head = 0;
	return n;
}

ssize_t n_tty_read(struct tty *tty, char *kbuf, size_t len, bool nonblock)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	uint64_t deadline = 0, inter = 0;
	size_t minimum = 1, n = 0, got = 0;
	unsigned long flags;
	bool canon, poll = false, done;
	ssize_t ret = 0;

	if (!len)
		return 0;
	canon = L(tty, ICANON);
	if (!canon) {
		if (CC(tty, VMIN)) {
			minimum = CC(tty, VMIN);
			inter = CC(tty, VTIME) * DECISECOND_NS;
		} else if (CC(tty, VTIME)) {
			deadline = clock_ns() + CC(tty, VTIME) * DECISECOND_NS;
		} else {
			poll = true;	/* MIN 0, TIME 0: whatever is there */
		}
	}
	for (;;) {
		prepare_to_wait(&tty->read_wait, &we, true);
		spin_lock_irqsave(&tty->lock, &flags);
		if (canon) {
			done = tty->lines > 0;
			if (done)
				n = take(tty, kbuf, len);
		} else {
			got = take(tty, kbuf + n, len - n);
			n += got;
			done = n >= minimum || n == len;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (done || tty->hung_up || poll)
			break;
		if (got && inter)
			deadline = clock_ns() + inter;	/* restarts per byte */
		if (deadline && clock_ns() >= deadline)
			break;
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
	n_tty_unthrottle(tty);
	/* Bytes already taken are returned, whatever ended the wait. */
	return n ? (ssize_t)n : ret;
}
