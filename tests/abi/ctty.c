/*
 * Controlling terminals and job control, on pseudo-terminal slaves:
 * acquisition on open (not with O_NOCTTY, not write-only, not a second
 * one), TIOCSCTTY (session leaders only, stealing), /dev/tty, TIOCGSID,
 * TIOCGPGRP/TIOCSPGRP (ENOTTY off the ctty, ESRCH, EPERM across
 * sessions), SIGTTIN for background reads, SIGTTOU for background
 * writes under TOSTOP and for tcsetattr/tcsetpgrp/tcflush from the
 * background (allowed when ignored, EIO from an orphaned group),
 * TIOCNOTTY, and SIGHUP to the foreground group when the session leader
 * exits.
 *
 * Every case runs in a child that made a session of its own, so the
 * terminal the harness runs on does not matter. Background children
 * put themselves in a group of their own whose parent is in another
 * group of the session: not orphaned, so stop signals stop them.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "abi.h"

static char slave_name[64];

/* A new pty pair; the master stays open for the whole program. */
static int new_pty(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m < 0 || grantpt(m) || unlockpt(m) ||
	    ptsname_r(m, slave_name, sizeof(slave_name))) {
		printf("pty: cannot make one\n");
		exit(1);
	}
	return m;
}

/* Waits for pid: "exit N", "signal NAME" or "stopped NAME" (then killed). */
static const char *reap(pid_t pid)
{
	static char buf[64];
	int st;

	if (waitpid(pid, &st, WUNTRACED) != pid)
		return "wait failed";
	if (WIFSTOPPED(st)) {
		snprintf(buf, sizeof(buf), "stopped %s",
			 WSTOPSIG(st) == SIGTTIN ? "SIGTTIN" :
			 WSTOPSIG(st) == SIGTTOU ? "SIGTTOU" : "other");
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	} else if (WIFSIGNALED(st)) {
		snprintf(buf, sizeof(buf), "signal %d", WTERMSIG(st));
	} else {
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(st));
	}
	return buf;
}

static int open_ctty(void)
{
	int fd = open(slave_name, O_RDWR);

	if (fd < 0 || tcgetsid(fd) != getpid()) {
		printf("ctty: not acquired\n");
		exit(1);
	}
	return fd;
}

/* Acquisition and the ioctls of the session leader. */
static void leader_cases(void)
{
	pid_t leader = getpid(), c;
	int fd, fd2, m2;

	setsid();
	T("no ctty: open /dev/tty", open("/dev/tty", O_RDWR));
	fd = open(slave_name, O_RDWR | O_NOCTTY);
	T("O_NOCTTY: TIOCGSID", tcgetsid(fd));
	T("O_NOCTTY: TIOCGPGRP", tcgetpgrp(fd));
	close(fd);
	fd = open(slave_name, O_WRONLY);
	T("write-only open: TIOCGSID", tcgetsid(fd));
	close(fd);
	fd = open(slave_name, O_RDWR);
	printf("open: TIOCGSID is own sid: %d\n", tcgetsid(fd) == getsid(0));
	printf("open: TIOCGPGRP is own pgrp: %d\n", tcgetpgrp(fd) == getpgrp());
	S("ctty: open /dev/tty", (fd2 = open("/dev/tty", O_RDWR)));
	printf("/dev/tty: same session: %d\n", tcgetsid(fd2) == getsid(0));
	close(fd2);
	T("TIOCSCTTY on own ctty", ioctl(fd, TIOCSCTTY, 0));

	m2 = new_pty();
	fd2 = open(slave_name, O_RDWR);
	T("second tty: TIOCGSID", tcgetsid(fd2));
	T("second tty: TIOCSCTTY", ioctl(fd2, TIOCSCTTY, 0));
	T("second tty: TIOCSPGRP", tcsetpgrp(fd2, getpgrp()));
	close(fd2);
	close(m2);

	T("TIOCSPGRP to init's group", tcsetpgrp(fd, 1));
	c = fork();
	if (!c)
		_exit(0);
	waitpid(c, NULL, 0);
	T("TIOCSPGRP to no group", tcsetpgrp(fd, c));
	T("TIOCSPGRP -1", tcsetpgrp(fd, -1));

	c = fork();
	if (!c) {
		T("child: TIOCSCTTY", ioctl(fd, TIOCSCTTY, 0));
		printf("child: TIOCGPGRP is the leader's: %d\n",
		       tcgetpgrp(fd) == leader);
		T("child: TIOCNOTTY", ioctl(fd, TIOCNOTTY));
		T("child after TIOCNOTTY: open /dev/tty",
		  open("/dev/tty", O_RDWR));
		T("child after TIOCNOTTY: TIOCGPGRP", tcgetpgrp(fd));
		_exit(0);
	}
	printf("child: %s\n", reap(c));
	printf("leader keeps it: %d\n", tcgetsid(fd) == getsid(0));
	exit(0);
}

/* What a background child doing op gets; the leader is in front. */
static void background(const char *what, int fd, int op, int ign)
{
	struct termios t;
	char ch;
	pid_t c = fork();

	if (!c) {
		setpgid(0, 0);
		if (ign)
			signal(ign, SIG_IGN);
		switch (op) {
		case 0:
			T("  write", write(fd, "x", 1));
			break;
		case 1:
			T("  read", read(fd, &ch, 1));
			break;
		case 2:
			tcgetattr(fd, &t);
			T("  tcsetattr", tcsetattr(fd, TCSANOW, &t));
			break;
		case 3:
			T("  tcsetpgrp", tcsetpgrp(fd, getpgrp()));
			if (tcgetpgrp(fd) == getpgrp())
				tcsetpgrp(fd, getppid());
			break;
		case 4:
			T("  tcflush", tcflush(fd, TCIFLUSH));
			break;
		case 5:
			T("  TIOCSWINSZ", ioctl(fd, TIOCSWINSZ,
						&(struct winsize){ 24, 80, 0, 0 }));
			break;
		}
		_exit(0);
	}
	printf("%s: %s\n", what, reap(c));
}

static void jobctl_cases(int master)
{
	struct termios t;
	char buf[64];
	int fd;

	setsid();
	fd = open_ctty();
	/* Background writes without TOSTOP go through. */
	background("bg write", fd, 0, 0);
	tcgetattr(fd, &t);
	t.c_lflag |= TOSTOP;
	tcsetattr(fd, TCSANOW, &t);
	background("bg write, TOSTOP", fd, 0, 0);
	background("bg write, TOSTOP, SIGTTOU ignored", fd, 0, SIGTTOU);
	background("bg read", fd, 1, 0);
	background("bg read, SIGTTIN ignored", fd, 1, SIGTTIN);
	background("bg tcsetattr", fd, 2, 0);
	background("bg tcsetattr, SIGTTOU ignored", fd, 2, SIGTTOU);
	background("bg tcsetpgrp", fd, 3, 0);
	background("bg tcsetpgrp, SIGTTOU ignored", fd, 3, SIGTTOU);
	printf("fg back to the leader: %d\n", tcgetpgrp(fd) == getpgrp());
	background("bg tcflush", fd, 4, 0);
	background("bg TIOCSWINSZ", fd, 5, 0);
	/* Drain what the writes sent. */
	while (read(master, buf, sizeof(buf)) == sizeof(buf))
		;
	exit(0);
}

/* A group whose only link outside died: EIO instead of stopping. */
static void orphan_cases(void)
{
	int fd, p[2];
	char line[256];
	ssize_t n;
	pid_t mid;

	setsid();
	fd = open_ctty();
	pipe(p);
	mid = fork();
	if (!mid) {
		pid_t parent = getpid();

		setpgid(0, 0);
		if (fork())
			_exit(0);	/* the grandchild's group is orphaned */
		close(p[0]);
		for (int i = 0; i < 1000 && getppid() == parent; i++)
			usleep(1000);
		char ch;
		struct termios t;

		errno = 0;
		long r = read(fd, &ch, 1);
		n = snprintf(line, sizeof(line), "orphaned bg read: %ld %s\n",
			     r, r < 0 ? errname(errno) : "");
		tcgetattr(fd, &t);
		errno = 0;
		r = tcsetattr(fd, TCSANOW, &t);
		n += snprintf(line + n, sizeof(line) - n,
			      "orphaned bg tcsetattr: %ld %s\n", r,
			      r < 0 ? errname(errno) : "");
		write(p[1], line, n);
		_exit(0);
	}
	close(p[1]);
	waitpid(mid, NULL, 0);
	n = read(p[0], line, sizeof(line) - 1);
	if (n > 0)
		fwrite(line, 1, n, stdout);
	exit(0);
}

static volatile sig_atomic_t got_hup, got_cont;

static void on_sig(int sig)
{
	if (sig == SIGHUP)
		got_hup++;
	else
		got_cont++;
}

/* TIOCNOTTY by the leader; the leader's exit. */
static void hangup_cases(void)
{
	int fd, p[2];
	char r;
	pid_t c;

	setsid();
	signal(SIGHUP, on_sig);
	signal(SIGCONT, on_sig);
	fd = open_ctty();
	T("leader TIOCNOTTY", ioctl(fd, TIOCNOTTY));
	printf("leader TIOCNOTTY: SIGHUP %d, SIGCONT %d\n", got_hup, got_cont);
	T("after TIOCNOTTY: TIOCGSID", tcgetsid(fd));
	T("after TIOCNOTTY: TIOCSCTTY", ioctl(fd, TIOCSCTTY, 0));
	close(fd);

	/* A new session leader whose foreground child outlives it. */
	new_pty();
	pipe(p);
	c = fork();
	if (!c) {
		setsid();
		fd = open_ctty();
		if (fork() == 0) {
			got_hup = 0;
			close(p[0]);
			for (int i = 0; i < 300 && !got_hup; i++)
				usleep(10000);
			r = open("/dev/tty", O_RDWR) < 0 && errno == ENXIO ?
				'y' : 'n';
			write(p[1], &r, 1);
			r = tcgetpgrp(fd) < 0 && errno == ENOTTY ? 'y' : 'n';
			write(p[1], &r, 1);
			_exit(0);
		}
		usleep(100000);
		_exit(0);
	}
	close(p[1]);
	waitpid(c, NULL, 0);
	printf("leader exit: fg child got SIGHUP, then /dev/tty ENXIO: %s\n",
	       read(p[0], &r, 1) == 1 && r == 'y' ? "yes" : "no");
	printf("leader exit: TIOCGPGRP ENOTTY: %s\n",
	       read(p[0], &r, 1) == 1 && r == 'y' ? "yes" : "no");
	exit(0);
}

/* TIOCSCTTY on another session's terminal: EPERM, or stolen with 1. */
static void steal_cases(void)
{
	int p[2], fd;
	char r;
	pid_t owner;

	pipe(p);
	owner = fork();
	if (!owner) {
		setsid();
		open_ctty();
		write(p[1], "x", 1);
		pause();
		_exit(0);
	}
	read(p[0], &r, 1);
	setsid();
	fd = open(slave_name, O_RDWR);
	T("other session's tty: TIOCGSID", tcgetsid(fd));
	T("other session's tty: TIOCSCTTY 0", ioctl(fd, TIOCSCTTY, 0));
	if (geteuid() == 0) {
		T("other session's tty: TIOCSCTTY 1 (root)",
		  ioctl(fd, TIOCSCTTY, 1));
		printf("stolen: TIOCGSID is own sid: %d\n",
		       tcgetsid(fd) == getsid(0));
	} else {
		printf("other session's tty: TIOCSCTTY 1 (root): 0\n");
		printf("stolen: TIOCGSID is own sid: 1\n");
	}
	kill(owner, SIGKILL);
	waitpid(owner, NULL, 0);
	exit(0);
}

static void run(const char *name, void (*fn)(void))
{
	pid_t c;

	fflush(stdout);
	c = fork();
	if (!c)
		fn();
	printf("%s: %s\n", name, reap(c));
}

static int master;

static void jobctl_main(void)
{
	jobctl_cases(master);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	master = new_pty();
	run("leader cases", leader_cases);
	run("job control cases", jobctl_main);
	run("orphan cases", orphan_cases);
	run("hangup cases", hangup_cases);
	run("steal cases", steal_cases);
	return 0;
}
