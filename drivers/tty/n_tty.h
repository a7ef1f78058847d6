/*
 * What the parts of the line discipline share (n_tty.c: input and
 * editing, n_tty_read.c: reading, n_tty_output.c: output processing).
 * Private to drivers/tty/; the interface is in tty.h.
 */
#ifndef DRIVERS_TTY_N_TTY_H
#define DRIVERS_TTY_N_TTY_H

#include "tty.h"

#define L(tty, f)	((tty)->termios.c_lflag & (f))
#define I(tty, f)	((tty)->termios.c_iflag & (f))
#define O(tty, f)	((tty)->termios.c_oflag & (f))
#define CC(tty, i)	((tty)->termios.c_cc[i])

/* IXOFF: STOP is sent with this little room left, START once read. */
#define TTY_THROTTLE	256

/*
 * Echoes (and IXOFF's STOP/START): queues buf for output, under
 * tty->lock, beyond TTY_ECHO_MAX dropped. Returns true when the output
 * was free and the caller now owns it: it then calls
 * n_tty_output_release() once the lock is dropped, which writes them.
 * Echoes never wait, for ^S or for a pty reader.
 */
bool n_tty_echo_locked(struct tty *tty, const char *buf, size_t len);
/* Writes the queued echoes, then frees the output. Without the lock. */
void n_tty_output_release(struct tty *tty);
/* n_tty_echo_locked() for a caller without the lock. */
void n_tty_echo(struct tty *tty, const char *buf, size_t len);
/*
 * Output was restarted (^Q, IXANY, TCOON, IXON cleared): writers wake,
 * echoes held while it was stopped go out. Without the lock.
 */
void n_tty_restart_output(struct tty *tty);
/* Drops held echoes and the driver's undelivered output. No lock. */
void n_tty_flush_output(struct tty *tty);

/* IXOFF: sends START if STOP was sent and the ring has drained. */
void n_tty_unthrottle(struct tty *tty);

#endif /* DRIVERS_TTY_N_TTY_H */
