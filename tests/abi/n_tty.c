/*
 * The line discipline's less common flags, seen through a pty pair
 * (tests/abi/pty.c has the everyday ones): ECHOPRT, ECHOK without
 * ECHOKE, WERASE over punctuation, erasing a tab, VEOL/VEOL2, IUCLC,
 * OLCUC, ONOCR, ONLRET, tab expansion (XTABS), IXANY, NOFLSH, IMAXBEL
 * off, UTF-8 erase under IUTF8, TCXONC.
 *
 * Linux processes master writes asynchronously: every read that
 * expects data first polls with a generous timeout.
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "abi.h"

static int master, slave;
static struct termios orig;

static int ready(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* Everything the master can read within a short while. */
static ssize_t drain(char *buf, size_t len)
{
	ssize_t n = 0, r;

	while ((size_t)n < len && ready(master, 300)) {
		r = read(master, buf + n, len - n);
		if (r <= 0)
			break;
		n += r;
	}
	return n;
}

/* Types input on the master; shows what the slave reads and the echo. */
static void line_case(const char *what, const char *input, size_t len)
{
	char buf[256], name[128];
	ssize_t n = 0;

	write(master, input, len);
	if (ready(slave, 2000))
		n = read(slave, buf, sizeof(buf));
	snprintf(name, sizeof(name), "%s: slave reads", what);
	show_bytes(name, buf, n);
	snprintf(name, sizeof(name), "%s: master sees", what);
	show_bytes(name, buf, drain(buf, sizeof(buf)));
}

#define LINE(what, s)	line_case(what, s, sizeof(s) - 1)

/* Slave output as the master reads it. */
static void out_case(const char *what, const char *s)
{
	char buf[256];

	write(slave, s, strlen(s));
	show_bytes(what, buf, drain(buf, sizeof(buf)));
}

static void flags(tcflag_t iset, tcflag_t oset, tcflag_t lset, tcflag_t lclr)
{
	struct termios t = orig;

	t.c_iflag |= iset;
	t.c_oflag |= oset;
	t.c_lflag |= lset;
	t.c_lflag &= ~lclr;
	tcsetattr(slave, TCSANOW, &t);
}

static void input_cases(void)
{
	struct termios t;

	flags(0, 0, ECHOPRT, ECHOE);
	LINE("ECHOPRT erase", "abc\177\177d\n");
	flags(0, 0, ECHOPRT, ECHOE | ECHOKE);
	LINE("ECHOPRT kill", "abc\025d\n");
	flags(0, 0, 0, ECHOKE);
	LINE("ECHOK without ECHOKE", "abc\025d\n");
	flags(0, 0, 0, ECHOK | ECHOKE);
	LINE("neither ECHOK nor ECHOKE", "abc\025d\n");
	flags(0, 0, 0, 0);
	LINE("werase stops at punctuation", "foo bar/baz\027x\n");
	LINE("werase of punctuation only", "foo ///\027x\n");
	LINE("erase a tab", "ab\tc\177\177x\n");
	LINE("erase a tab at column 0", "\t\177x\n");
	tcgetattr(slave, &t);
	t.c_cc[VEOL] = '#';
	t.c_cc[VEOL2] = '%';
	tcsetattr(slave, TCSANOW, &t);
	LINE("VEOL", "ab#");
	LINE("VEOL2", "cd%");
	t.c_lflag &= ~IEXTEN;
	tcsetattr(slave, TCSANOW, &t);
	LINE("VEOL2 without IEXTEN is data", "ef%\n");
	flags(IUCLC, 0, 0, 0);
	LINE("IUCLC", "AbC\n");
	flags(IUTF8, 0, 0, 0);
	LINE("IUTF8 erase of a 2-byte char", "x\xc3\xa9\177y\n");
	flags(0, 0, 0, 0);
	LINE("erase of a 2-byte char without IUTF8", "x\xc3\xa9\177y\n");
	flags(0, 0, 0, IEXTEN);
	LINE("^V without IEXTEN is data", "a\026b\n");
	LINE("^W without IEXTEN is data", "a b\027c\n");
	flags(0, 0, NOFLSH, 0);
	{
		signal(SIGINT, SIG_IGN);
		/* No session: ^C signals nobody, but the flush still happens. */
		LINE("NOFLSH keeps the line over ^C", "ab\003c\n");
		flags(0, 0, 0, 0);
		LINE("^C flushes the line", "ab\003c\n");
		signal(SIGINT, SIG_DFL);
	}
	tcsetattr(slave, TCSANOW, &orig);
}

static void output_cases(void)
{
	flags(0, OLCUC, 0, 0);
	out_case("OLCUC", "abc\n");
	flags(0, ONOCR, 0, 0);
	out_case("ONOCR", "\rab\rc\n\r");
	flags(0, ONLRET, 0, 0);
	out_case("ONLRET", "ab\n\tc\n");
	flags(0, TAB3, 0, 0);
	out_case("XTABS", "a\tbc\td\n\t\n");
	flags(0, TAB3, 0, 0);
	out_case("XTABS after backspace", "abc\b\tx\n");
	tcsetattr(slave, TCSANOW, &orig);
}

static void flow_cases(void)
{
	char buf[64];

	flags(IXANY, 0, 0, 0);
	write(master, "\023", 1);
	usleep(100000);
	if (fork() == 0) {
		write(slave, "out", 3);
		_exit(0);
	}
	printf("IXANY: stopped: %d\n", ready(master, 300));
	write(master, "z", 1);
	show_bytes("IXANY: any key restarts", buf, drain(buf, sizeof(buf)));
	wait(NULL);
	tcflush(slave, TCIFLUSH);
	tcsetattr(slave, TCSANOW, &orig);
	/* No echo: Linux shows echoes held by TCOOFF only at a later write. */
	flags(0, 0, 0, ECHO);
	T("TCXONC TCOOFF", tcflow(slave, TCOOFF));
	write(master, "k", 1);
	usleep(100000);
	if (fork() == 0) {
		write(slave, "held", 4);
		_exit(0);
	}
	flags(IXANY, 0, 0, ECHO);
	write(master, "q", 1);
	printf("IXANY does not undo TCOOFF: %d\n", !ready(master, 300));
	T("TCXONC TCOON", tcflow(slave, TCOON));
	show_bytes("after TCOON", buf, drain(buf, sizeof(buf)));
	wait(NULL);
	tcflush(slave, TCIFLUSH);
	tcsetattr(slave, TCSANOW, &orig);
}

int main(void)
{
	char *name;

	setvbuf(stdout, NULL, _IOLBF, 0);
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master) ||
	    !(name = ptsname(master)) ||
	    (slave = open(name, O_RDWR | O_NOCTTY)) < 0) {
		printf("cannot open a pair: %s\n", errname(errno));
		return 1;
	}
	tcgetattr(slave, &orig);
	input_cases();
	output_cases();
	flow_cases();
	return 0;
}
