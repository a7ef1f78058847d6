/*
 * The console terminal's own rules, which the host cannot serve as an
 * oracle for: opening /dev/console never makes it the controlling
 * terminal, TIOCSCTTY does (BusyBox init relies on it for its shells),
 * the session leader's exit frees it for the next session, reads and
 * writes through /dev/console are exempt from job control while the
 * serial node (/dev/ttyS0, /dev/ttyAMA0) is not, and TIOCSTI is refused.
 *
 * Runs where nobody holds the console (the test image's init starts the
 * suite without a controlling terminal).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tap.h"

/* Runs fn in a child that made its own session; returns its exit code. */
static int in_session(int (*fn)(void))
{
	int st;
	pid_t c = fork();

	if (!c) {
		setsid();
		_exit(fn());
	}
	waitpid(c, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static int open_no_ctty(void)
{
	int fd = open("/dev/console", O_RDWR);

	return fd >= 0 && tcgetsid(fd) < 0 && errno == ENOTTY ? 0 : 1;
}

static int sctty(void)
{
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0))
		return 1;
	if (tcgetsid(fd) != getpid() || tcgetpgrp(fd) != getpgrp())
		return 2;
	return open("/dev/tty", O_RDWR) >= 0 ? 0 : 3;
}

static const char *serial_node(void)
{
	return access("/dev/ttyS0", F_OK) == 0 ? "/dev/ttyS0" : "/dev/ttyAMA0";
}

/* A background child reads the console, then the serial node. */
static int background(void)
{
	int fd = open("/dev/console", O_RDWR), st;
	char ch;
	pid_t c;

	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0))
		return 1;
	c = fork();
	if (!c) {
		int con, ser;

		setpgid(0, 0);
		con = open("/dev/console", O_RDWR | O_NONBLOCK);
		if (read(con, &ch, 1) != -1 || errno != EAGAIN)
			_exit(2);
		ser = open(serial_node(), O_RDWR | O_NONBLOCK | O_NOCTTY);
		if (ser < 0)
			_exit(3);
		read(ser, &ch, 1);
		_exit(4);	/* not stopped */
	}
	if (waitpid(c, &st, WUNTRACED) != c)
		return 5;
	if (WIFSTOPPED(st)) {
		kill(c, SIGKILL);
		waitpid(c, NULL, 0);
		return WSTOPSIG(st) == SIGTTIN ? 0 : 6;
	}
	return WIFEXITED(st) ? 10 + WEXITSTATUS(st) : 7;
}

int main(void)
{
	int fd;
	char c = 'x';

	setvbuf(stdout, NULL, _IOLBF, 0);
	is_long(in_session(open_no_ctty), 0,
		"opening /dev/console does not make it the ctty");
	is_long(in_session(sctty), 0,
		"TIOCSCTTY on /dev/console: ctty, foreground group, /dev/tty");
	is_long(in_session(sctty), 0,
		"the leader's exit frees the console for the next session");
	is_long(in_session(background), 0,
		"background: /dev/console read exempt, serial read SIGTTIN");
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	fails_with(ioctl(fd, TIOCSTI, &c), EIO, "TIOCSTI is refused");
	fails_with(lseek(fd, 0, SEEK_SET), ESPIPE, "lseek on a tty: ESPIPE");
	close(fd);
	return done_testing();
}
