/*
 * Pseudo-terminals: posix_openpt/grantpt/unlockpt/ptsname, the slave's
 * lock, TIOCGPTN, TIOCGPTPEER, the line discipline seen through a pair
 * (canonical editing, echo variants, CR/NL mapping both ways, VMIN/VTIME,
 * signal characters reaching a foreground process group, SIGWINCH),
 * FIONREAD, hangup on master close, EIO on the master once the slave is
 * closed. Linux processes master writes asynchronously, so every read
 * that expects data first polls with a generous timeout; "nothing there"
 * checks poll briefly.
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "abi.h"

#ifndef TIOCGPTPEER
#define TIOCGPTPEER	0x5441
#endif

static int master, slave;

/* Whether fd becomes readable within ms. */
static int ready(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* Everything fd gives until it stays quiet for 150 ms. */
static ssize_t drain(int fd, char *buf, size_t len)
{
	size_t n = 0;
	ssize_t r;

	while (n < len && ready(fd, n ? 150 : 500)) {
		r = read(fd, buf + n, len - n);
		if (r <= 0)
			return n ? (ssize_t)n : r;
		n += r;
	}
	return n;
}

static void put(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		printf("short write\n");
}

/* Drains both sides, printing the slave's data and the master's echo. */
static void line_case(const char *what, const char *input)
{
	char buf[512], name[128];
	ssize_t n;

	put(master, input);
	snprintf(name, sizeof(name), "%s: slave reads", what);
	n = ready(slave, 2000) ? read(slave, buf, sizeof(buf)) : 0;
	show_bytes(name, buf, n);
	snprintf(name, sizeof(name), "%s: master sees", what);
	show_bytes(name, buf, drain(master, buf, sizeof(buf)));
}

static void set_lflag(tcflag_t on, tcflag_t off)
{
	struct termios t;

	tcgetattr(slave, &t);
	t.c_lflag = (t.c_lflag | on) & ~off;
	tcsetattr(slave, TCSANOW, &t);
}

static void reset(void)
{
	struct termios t;
	char buf[512];

	tcgetattr(slave, &t);
	t.c_iflag = ICRNL | IXON;
	t.c_oflag = OPOST | ONLCR;
	t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		    IEXTEN;
	t.c_cc[VERASE] = 0177;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(slave, TCSAFLUSH, &t);
	tcflush(master, TCIFLUSH);
	while (ready(master, 50) && read(master, buf, sizeof(buf)) > 0)
		;
}

static int open_pair(void)
{
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master))
		return -1;
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	return slave < 0 ? -1 : 0;
}

static void locking(void)
{
	struct stat st, st2;
	char name[64];
	int n = -1, lock = -1, fd, m;
	const char *p;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	S("posix_openpt", m);
	T("TIOCGPTN", ioctl(m, TIOCGPTN, &n));
	snprintf(name, sizeof(name), "/dev/pts/%d", n);
	p = ptsname(m);
	printf("ptsname is /dev/pts/N: %d\n", p && !strcmp(p, name));
	T("stat slave", stat(name, &st));
	printf("slave is chr: %d, dev is 136+N/256:N%%256: %d\n",
	       S_ISCHR(st.st_mode), major(st.st_rdev) == 136 + (unsigned)n / 256 &&
	       minor(st.st_rdev) == (unsigned)n % 256);
	T("TIOCGPTLCK", ioctl(m, TIOCGPTLCK, &lock));
	printf("locked at first: %d\n", lock);
	T("open slave while locked", open(name, O_RDWR | O_NOCTTY));
	T("TIOCGPTPEER while locked", ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY));
	T("grantpt", grantpt(m));
	T("unlockpt", unlockpt(m));
	T("TIOCGPTLCK", ioctl(m, TIOCGPTLCK, &lock));
	printf("locked after unlockpt: %d\n", lock);
	lock = 1;
	T("TIOCSPTLCK 1", ioctl(m, TIOCSPTLCK, &lock));
	T("open slave locked again", open(name, O_RDWR | O_NOCTTY));
	lock = 0;
	T("TIOCSPTLCK 0", ioctl(m, TIOCSPTLCK, &lock));
	fd = open(name, O_RDWR | O_NOCTTY);
	S("open slave", fd);
	printf("isatty master %d slave %d\n", isatty(m), isatty(fd));
	p = ttyname(fd);
	printf("ttyname(slave) is ptsname: %d\n", p && !strcmp(p, name));
	T("TIOCGPTN on the slave", ioctl(fd, TIOCGPTN, &lock));
	T("TIOCSPTLCK on the slave", ioctl(fd, TIOCSPTLCK, &lock));
	close(fd);
	fd = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	S("TIOCGPTPEER", fd);
	fstat(fd, &st2);
	printf("peer is the slave: %d\n", st2.st_rdev == st.st_rdev);
	close(fd);
	T("stat /dev/pts/ptmx", stat("/dev/pts/ptmx", &st));
	printf("/dev/pts/ptmx is chr 5:2: %d\n", S_ISCHR(st.st_mode) &&
	       major(st.st_rdev) == 5 && minor(st.st_rdev) == 2);
	T("stat /dev/ptmx", stat("/dev/ptmx", &st));
	printf("/dev/ptmx is chr 5:2: %d\n", S_ISCHR(st.st_mode) &&
	       major(st.st_rdev) == 5 && minor(st.st_rdev) == 2);
	close(m);
	T("stat slave after master close", stat(name, &st));
	m = open("/dev/pts/ptmx", O_RDWR | O_NOCTTY);
	S("open /dev/pts/ptmx", m);
	unlockpt(m);
	fd = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	S("TIOCGPTPEER through /dev/pts/ptmx", fd);
	fstat(fd, &st2);
	printf("peer is ptsname's node: %d\n", ptsname(m) && !stat(ptsname(m), &st) &&
	       st.st_rdev == st2.st_rdev);
	close(fd);
	close(m);
	T("open a missing slave", open("/dev/pts/999999", O_RDWR));
}

static void termios_cases(void)
{
	struct termios t, tm;
	struct winsize ws;
	int v;

	memset(&t, 0, sizeof(t));
	memset(&tm, 0, sizeof(tm));
	tcgetattr(slave, &t);
	printf("slave iflag 0%o oflag 0%o lflag 0%o\n", t.c_iflag, t.c_oflag,
	       t.c_lflag);
	printf("slave cflag CSIZE|CREAD|HUPCL|CLOCAL 0%o speed B38400 %d\n",
	       t.c_cflag & (CSIZE | CREAD | HUPCL | CLOCAL),
	       cfgetospeed(&t) == B38400);
	printf("slave cc intr %d quit %d erase %d kill %d eof %d min %d time %d\n",
	       t.c_cc[VINTR], t.c_cc[VQUIT], t.c_cc[VERASE], t.c_cc[VKILL],
	       t.c_cc[VEOF], t.c_cc[VMIN], t.c_cc[VTIME]);
	T("TCGETS on the master", tcgetattr(master, &tm));
	printf("master termios is the slave's: %d\n",
	       !memcmp(&t, &tm, sizeof(t)));
	t.c_lflag &= ~ECHOCTL;
	T("TCSETS on the master", tcsetattr(master, TCSANOW, &t));
	tcgetattr(slave, &tm);
	printf("the slave sees it: %d\n", !(tm.c_lflag & ECHOCTL));
	T("TIOCGWINSZ slave", ioctl(slave, TIOCGWINSZ, &ws));
	printf("initial size %dx%d\n", ws.ws_row, ws.ws_col);
	ws.ws_row = 33;
	ws.ws_col = 101;
	T("TIOCSWINSZ master", ioctl(master, TIOCSWINSZ, &ws));
	memset(&ws, 0, sizeof(ws));
	ioctl(slave, TIOCGWINSZ, &ws);
	printf("slave size %dx%d\n", ws.ws_row, ws.ws_col);
	memset(&ws, 0, sizeof(ws));
	ioctl(master, TIOCGWINSZ, &ws);
	printf("master size %dx%d\n", ws.ws_row, ws.ws_col);
	T("TIOCGPGRP on the master (no session)", ioctl(master, TIOCGPGRP, &v));
	T("TIOCGSID on the slave (no session)", ioctl(slave, TIOCGSID, &v));
	reset();
}

static void canonical(void)
{
	char buf[64];

	put(master, "abc");
	printf("partial line readable: %d\n", ready(slave, 200));
	int v = -1;

	ioctl(slave, FIONREAD, &v);
	printf("slave FIONREAD with a partial line: %d\n", v);
	put(master, "\n");
	ready(slave, 2000);
	ioctl(slave, FIONREAD, &v);
	printf("slave FIONREAD with a line: %d\n", v);
	show_bytes("line", buf, read(slave, buf, sizeof(buf)));
	show_bytes("echo of the line", buf, drain(master, buf, sizeof(buf)));

	line_case("DEL erases", "abx\177c\n");
	set_lflag(0, ECHOE);
	line_case("DEL without ECHOE", "abx\177c\n");
	reset();
	{
		struct termios t;

		tcgetattr(slave, &t);
		t.c_cc[VERASE] = '\b';
		tcsetattr(slave, TCSANOW, &t);
		line_case("BS erases when VERASE is BS", "abx\bc\n");
		reset();
	}
	line_case("BS is data by default", "ab\bc\n");
	line_case("kill ^U with ECHOKE", "junk\025ok\n");
	set_lflag(0, ECHOKE);
	line_case("kill ^U with ECHOK", "junk\025ok\n");
	reset();
	line_case("werase ^W", "one two\027three\n");
	line_case("werase over spaces", "one two  \027x\n");
	line_case("literal next ^V", "a\026\003b\n");
	line_case("control chars echo as ^X", "\001\002\n");
	line_case("erase of ^A takes two columns", "x\001\177\n");
	line_case("reprint ^R", "ab\022c\n");
	line_case("EOF ^D ends a line", "xy\004");
	line_case("EOF ^D alone reads 0", "\004");
	set_lflag(ECHONL, ECHO);
	line_case("ECHONL without ECHO", "hid\n");
	reset();
	set_lflag(0, ECHO);
	line_case("no ECHO", "quiet\n");
	reset();
	set_lflag(0, ECHOCTL);
	line_case("no ECHOCTL", "\001\n");
	reset();
}

static void crnl(void)
{
	struct termios t;
	char buf[64];

	line_case("ICRNL", "cr\r");
	tcgetattr(slave, &t);
	t.c_iflag &= ~ICRNL;
	t.c_iflag |= INLCR;
	tcsetattr(slave, TCSANOW, &t);
	line_case("INLCR", "nl\n\r");
	t.c_iflag &= ~INLCR;
	t.c_iflag |= IGNCR;
	tcsetattr(slave, TCSANOW, &t);
	line_case("IGNCR", "a\rb\n");
	reset();
	put(slave, "one\ntwo\n");
	show_bytes("ONLCR", buf, drain(master, buf, sizeof(buf)));
	tcgetattr(slave, &t);
	t.c_oflag &= ~ONLCR;
	tcsetattr(slave, TCSANOW, &t);
	put(slave, "one\ntwo\n");
	show_bytes("no ONLCR", buf, drain(master, buf, sizeof(buf)));
	t.c_oflag |= OCRNL;
	tcsetattr(slave, TCSANOW, &t);
	put(slave, "x\ry\n");
	show_bytes("OCRNL", buf, drain(master, buf, sizeof(buf)));
	t.c_oflag &= ~OPOST;
	t.c_oflag |= ONLCR;
	tcsetattr(slave, TCSANOW, &t);
	put(slave, "raw\n");
	show_bytes("no OPOST", buf, drain(master, buf, sizeof(buf)));
	reset();
}

static void raw_mode(void)
{
	struct termios t;
	char buf[64];
	int v = -1;

	tcgetattr(slave, &t);
	cfmakeraw(&t);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	tcsetattr(slave, TCSANOW, &t);
	show_bytes("VMIN 0 VTIME 0, nothing", buf, read(slave, buf, sizeof(buf)));
	put(master, "xyz");
	ready(slave, 2000);
	ioctl(slave, FIONREAD, &v);
	printf("slave FIONREAD raw: %d\n", v);
	show_bytes("VMIN 0 VTIME 0, data", buf, read(slave, buf, sizeof(buf)));
	show_bytes("raw mode echoes nothing", buf, drain(master, buf, sizeof(buf)));
	t.c_cc[VTIME] = 2;
	tcsetattr(slave, TCSANOW, &t);
	show_bytes("VMIN 0 VTIME 2, nothing", buf, read(slave, buf, sizeof(buf)));
	put(master, "q");
	ready(slave, 2000);
	show_bytes("VMIN 0 VTIME 2, data", buf, read(slave, buf, sizeof(buf)));
	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 0;
	tcsetattr(slave, TCSANOW, &t);
	put(master, "abcde");
	ready(slave, 2000);
	usleep(100000);
	show_bytes("VMIN 3, 5 bytes there", buf, read(slave, buf, sizeof(buf)));
	put(master, "ab");
	if (fork() == 0) {
		usleep(200000);
		put(master, "c");
		_exit(0);
	}
	show_bytes("VMIN 3, 2 then 1 later", buf, read(slave, buf, sizeof(buf)));
	wait(NULL);
	t.c_cc[VMIN] = 2;
	t.c_cc[VTIME] = 1;
	tcsetattr(slave, TCSANOW, &t);
	put(master, "k");
	ready(slave, 2000);
	show_bytes("VMIN 2 VTIME 1, 1 byte", buf, read(slave, buf, sizeof(buf)));
	t.c_lflag |= ISIG;
	tcsetattr(slave, TCSANOW, &t);
	reset();
}

static const char *signame(int s)
{
	switch (s) {
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGTSTP: return "SIGTSTP";
	case SIGHUP: return "SIGHUP";
	case SIGKILL: return "SIGKILL";
	case SIGWINCH: return "SIGWINCH";
	case SIGCONT: return "SIGCONT";
	}
	return "SIG?";
}

static void status_line(const char *what, int st)
{
	if (WIFSIGNALED(st))
		printf("%s: signaled %s\n", what, signame(WTERMSIG(st)));
	else if (WIFSTOPPED(st))
		printf("%s: stopped %s\n", what, signame(WSTOPSIG(st)));
	else if (WIFEXITED(st))
		printf("%s: exited %d\n", what, WEXITSTATUS(st));
	fflush(stdout);
}

static void winch(int sig)
{
	(void)sig;
	if (write(3, "W", 1) < 0)
		_exit(9);
}

/*
 * A session leader takes the slave as its controlling terminal and
 * makes a child the foreground process group (not orphaned: its parent
 * is in the session), then reports each of that child's wait statuses.
 */
static void job_control(const char *what, const char *ch)
{
	int up[2], gp[2], report[2], st;
	char c, buf[64];
	pid_t leader;

	if (pipe(up) || pipe(gp) || pipe(report))
		return;
	leader = fork();
	if (leader == 0) {
		struct rlimit rl = { 0, 0 };
		pid_t g;

		setrlimit(RLIMIT_CORE, &rl);
		close(master);
		setsid();
		if (ioctl(slave, TIOCSCTTY, 0) < 0)
			_exit(1);
		g = fork();
		if (g == 0) {
			struct sigaction sa = { .sa_handler = winch };

			setpgid(0, 0);
			dup2(up[1], 3);
			sigaction(SIGWINCH, &sa, NULL);
			if (write(gp[1], "g", 1) < 0)
				_exit(2);
			for (;;)
				pause();
		}
		setpgid(g, g);
		tcsetpgrp(slave, g);
		if (read(gp[0], &c, 1) != 1 || write(up[1], "R", 1) != 1)
			_exit(3);
		waitpid(g, &st, WUNTRACED);
		if (WIFSTOPPED(st))
			kill(g, SIGKILL);
		if (write(report[1], &st, sizeof(st)) < 0)
			_exit(4);
		waitpid(g, NULL, 0);
		_exit(0);
	}
	if (!ready(up[0], 5000) || read(up[0], &c, 1) != 1 || c != 'R')
		printf("%s: leader not ready\n", what);
	if (!strcmp(ch, "winch")) {
		struct winsize ws = { .ws_row = 50, .ws_col = 132 };

		ioctl(master, TIOCSWINSZ, &ws);
		printf("%s: handler ran: %d\n", what,
		       ready(up[0], 2000) && read(up[0], &c, 1) == 1 && c == 'W');
		ioctl(master, TIOCSWINSZ, &ws);
		printf("%s: the same size signals again: %d\n", what,
		       ready(up[0], 300));
		put(master, "\003");
	} else {
		put(master, ch);
	}
	if (ready(report[0], 5000) &&
	    read(report[0], &st, sizeof(st)) == sizeof(st))
		status_line(what, st);
	else
		printf("%s: no report\n", what);
	waitpid(leader, NULL, 0);
	show_bytes("echo", buf, drain(master, buf, sizeof(buf)));
	close(up[0]);
	close(up[1]);
	close(gp[0]);
	close(gp[1]);
	close(report[0]);
	close(report[1]);
	reset();
}

static void flow(void)
{
	char buf[64];
	int fl = fcntl(slave, F_GETFL);

	put(master, "\023");
	usleep(200000);
	fcntl(slave, F_SETFL, fl | O_NONBLOCK);
	alarm(3);	/* a write that blocks ends with EINTR */
	T("nonblocking slave write after ^S", write(slave, "x", 1));
	alarm(0);
	fcntl(slave, F_SETFL, fl);
	if (fork() == 0) {
		put(slave, "y");
		_exit(0);
	}
	printf("master readable while stopped: %d\n", ready(master, 300));
	put(master, "\021");
	show_bytes("after ^Q", buf, drain(master, buf, sizeof(buf)));
	wait(NULL);
	reset();
}

static void master_side(void)
{
	char buf[64];
	int v = -1, fl;

	fl = fcntl(master, F_GETFL);
	fcntl(master, F_SETFL, fl | O_NONBLOCK);
	T("master read, nothing, O_NONBLOCK", read(master, buf, sizeof(buf)));
	fcntl(master, F_SETFL, fl);
	printf("master poll, nothing: %d\n", ready(master, 0));
	put(slave, "hello");
	printf("master poll after a slave write: %d\n", ready(master, 2000));
	ioctl(master, FIONREAD, &v);
	printf("master FIONREAD: %d\n", v);
	show_bytes("master read", buf, read(master, buf, 3));
	show_bytes("master read rest", buf, read(master, buf, sizeof(buf)));
}

/* 64 KiB each way: writers block on full buffers and resume. */
static void bulk(void)
{
	static char big[65536], got[65536];
	struct termios t;
	size_t n = 0;
	ssize_t r;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = 'a' + i % 23;
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	for (int dir = 0; dir < 2; dir++) {
		int to = dir ? slave : master, from = dir ? master : slave;

		if (fork() == 0) {
			alarm(20);
			for (size_t i = 0; i < sizeof(big); i += r)
				if ((r = write(to, big + i, sizeof(big) - i)) <= 0)
					_exit(1);
			_exit(0);
		}
		alarm(20);
		for (n = 0; n < sizeof(got); n += r)
			if ((r = read(from, got + n, sizeof(got) - n)) <= 0)
				break;
		alarm(0);
		wait(NULL);
		printf("%s: %zu bytes, same: %d\n",
		       dir ? "slave to master" : "master to slave", n,
		       !memcmp(big, got, sizeof(big)));
	}
	reset();
}


/*
 * A nonblocking slave writer whose master does not read: the writes stop
 * with EAGAIN once the master's buffer is full (its size differs between
 * kernels: not printed), and the master then reads back every byte.
 */
static void nonblocking_full(void)
{
	static char chunk[4096], got[4096];
	struct termios t;
	size_t sent = 0, back = 0;
	ssize_t r;
	int fl = fcntl(slave, F_GETFL);

	memset(chunk, 'n', sizeof(chunk));
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	fcntl(slave, F_SETFL, fl | O_NONBLOCK);
	alarm(20);
	while (sent < (16u << 20) && (r = write(slave, chunk, sizeof(chunk))) > 0)
		sent += r;
	printf("nonblocking slave write into a full master: -1 %s\n",
	       errname(errno));
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	while (back < sent && (r = read(master, got, sizeof(got))) > 0)
		back += r;
	alarm(0);
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) & ~O_NONBLOCK);
	fcntl(slave, F_SETFL, fl);
	printf("the master reads back every byte: %d\n", sent && back == sent);
	reset();
}
static void closing(void)
{
	struct pollfd p;
	char buf[64];
	int s2;

	/* Slave closed: the master reads what is left, then EIO. */
	put(slave, "bye");
	close(slave);
	usleep(100000);
	alarm(3);
	show_bytes("master read after slave close", buf, read(master, buf, sizeof(buf)));
	show_bytes("master read again", buf, read(master, buf, sizeof(buf)));
	alarm(0);
	p.fd = master;
	p.events = POLLIN | POLLOUT;
	poll(&p, 1, 0);
	printf("master poll after slave close: in %d out %d hup %d err %d\n",
	       !!(p.revents & POLLIN), !!(p.revents & POLLOUT),
	       !!(p.revents & POLLHUP), !!(p.revents & POLLERR));
	s2 = open(ptsname(master), O_RDWR | O_NOCTTY);
	S("reopen slave", s2);
	put(s2, "again");
	show_bytes("master read after reopen", buf, drain(master, buf, sizeof(buf)));
	slave = s2;

	/* Master closed: the slave is hung up. */
	put(master, "pending\n");
	usleep(100000);
	close(master);
	usleep(100000);
	p.fd = slave;
	p.events = POLLIN | POLLOUT;
	poll(&p, 1, 0);
	printf("slave poll after master close: in %d out %d hup %d err %d\n",
	       !!(p.revents & POLLIN), !!(p.revents & POLLOUT),
	       !!(p.revents & POLLHUP), !!(p.revents & POLLERR));
	alarm(3);
	show_bytes("slave read after master close", buf, read(slave, buf, sizeof(buf)));
	show_bytes("slave read again", buf, read(slave, buf, sizeof(buf)));
	alarm(0);
	T("slave write after master close", write(slave, "x", 1));
	T("slave TCGETS after master close", ioctl(slave, TCGETS, buf));
	close(slave);
}

static void never_opened(void)
{
	char buf[16];
	int m = posix_openpt(O_RDWR | O_NOCTTY), n1 = -1, n2 = -2, fl;

	unlockpt(m);
	fl = fcntl(m, F_GETFL);
	fcntl(m, F_SETFL, fl | O_NONBLOCK);
	T("master read, slave never opened", read(m, buf, sizeof(buf)));
	printf("master poll, slave never opened: %d\n", ready(m, 0));
	put(m, "early\n");
	show_bytes("echo before the slave opens", buf, drain(m, buf, sizeof(buf)));
	ioctl(m, TIOCGPTN, &n1);
	close(m);
	m = posix_openpt(O_RDWR | O_NOCTTY);
	ioctl(m, TIOCGPTN, &n2);
	printf("number reused: %d\n", n1 == n2);
	close(m);
}

static void alarmed(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = alarmed };
	struct stat st;

	/* No SA_RESTART: alarm() ends a call that should not have blocked. */
	sigaction(SIGALRM, &sa, NULL);

	if (stat("/dev/pts/ptmx", &st)) {
		mkdir("/dev/pts", 0755);
		mount("devpts", "/dev/pts", "devpts", 0, "");
	}
	locking();
	if (open_pair()) {
		printf("cannot open a pair: %s\n", errname(errno));
		return 1;
	}
	termios_cases();
	canonical();
	crnl();
	raw_mode();
	job_control("^C", "\003");
	job_control("^\\", "\034");
	job_control("^Z", "\032");
	job_control("SIGWINCH", "winch");
	flow();
	master_side();
	bulk();
	nonblocking_full();
	closing();
	never_opened();
	return 0;
}
