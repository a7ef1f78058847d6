/* Processes: wait status words, waitid, process groups, exec errors. */
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "abi.h"

static void status_of(const char *what, int how)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		switch (how) {
		case 0: _exit(0);
		case 1: _exit(3);
		case 2: _exit(255);
		case 3: raise(SIGTERM); break;
		case 4: raise(SIGKILL); break;
		case 5: raise(SIGUSR1); break;
		}
		_exit(99);
	}
	waitpid(pid, &status, 0);
	printf("%s: status 0x%x\n", what, status);
}

int main(void)
{
	struct utsname u;
	siginfo_t si;
	int status;
	pid_t pid;

	status_of("exit(0)", 0);
	status_of("exit(3)", 1);
	status_of("exit(255)", 2);
	status_of("SIGTERM", 3);
	status_of("SIGKILL", 4);
	status_of("SIGUSR1", 5);

	T("wait with no children", wait(&status));
	T("waitpid of a non-child", waitpid(1, &status, 0));
	T("waitpid bad options", waitpid(-1, &status, 0x12345678));
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	T("WNOHANG on a running child", waitpid(pid, &status, WNOHANG));
	kill(pid, SIGSTOP);
	T("WUNTRACED sees the stop", waitpid(pid, &status, WUNTRACED) == pid);
	printf("stopped status: 0x%x\n", status);
	kill(pid, SIGCONT);
	T("WCONTINUED sees the continue", waitpid(pid, &status, WCONTINUED) == pid);
	printf("continued status: 0x%x\n", status);
	kill(pid, SIGTERM);
	memset(&si, 0, sizeof(si));
	T("waitid WEXITED", waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
	printf("waitid: signo %d code %d status %d pid-matches %d\n", si.si_signo,
	       si.si_code, si.si_status, si.si_pid == pid);
	T("waitid again after WNOWAIT", waitid(P_PID, pid, &si, WEXITED));
	T("waitid without event flags", waitid(P_ALL, 0, &si, 0));
	T("waitid bad idtype", waitid(42, 0, &si, WEXITED));
	pid = fork();
	if (pid == 0)
		_exit(7);
	memset(&si, 0, sizeof(si));
	waitid(P_PID, pid, &si, WEXITED);
	printf("waitid exit: signo %d code %d status %d\n", si.si_signo,
	       si.si_code, si.si_status);

	T("getpgid of self equals getpgrp", getpgid(0) == getpgrp());
	T("getpgid of a missing pid", getpgid(999999));
	T("setpgid of a missing pid", setpgid(999999, 0));
	T("setpgid negative pgid", setpgid(0, -1));
	T("getsid of a missing pid", getsid(999999));
	pid = fork();
	if (pid == 0) {
		T("setsid in a child", setsid() == getpid());
		T("setsid again", setsid());
		T("getpgrp after setsid", getpgrp() == getpid());
		_exit(0);
	}
	waitpid(pid, &status, 0);

	T("execve missing", execve("/nonexistent", (char *[]){ "x", NULL }, NULL));
	T("execve a directory", execve("/tmp", (char *[]){ "x", NULL }, NULL));
	FILE *f = fopen("/tmp/abi-noexec", "w");
	fputs("not a program\n", f);
	fclose(f);
	T("execve without x bit", execve("/tmp/abi-noexec", (char *[]){ "x", NULL }, NULL));
	chmod("/tmp/abi-noexec", 0755);
	T("execve of garbage", execve("/tmp/abi-noexec", (char *[]){ "x", NULL }, NULL));
	T("execve NULL path", execve(NULL, (char *[]){ "x", NULL }, NULL));
	char **volatile bad_argv = (char **)8;
	T("execve bad argv", execve("/bin/sh", bad_argv, NULL));
	unlink("/tmp/abi-noexec");

	T("clone with CLONE_THREAD only", syscall(SYS_clone, 0x10000, 0, 0, 0, 0));
	T("clone with CLONE_SIGHAND only", syscall(SYS_clone, 0x800, 0, 0, 0, 0));

	struct rlimit rl;
	T("getrlimit bad resource", getrlimit(99, &rl));
	getrlimit(RLIMIT_NOFILE, &rl);
	struct rlimit bad = { rl.rlim_max + 1 > rl.rlim_max ? rl.rlim_max : 1, 0 };
	bad.rlim_cur = 10;
	bad.rlim_max = 5;
	T("setrlimit cur above max", setrlimit(RLIMIT_NOFILE, &bad));
	T("getrusage bad who", getrusage(42, NULL));

	uname(&u);
	printf("uname sysname: %s\n", u.sysname);
	return 0;
}
