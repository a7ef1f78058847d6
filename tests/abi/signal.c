/* Signal calls: argument checking. */
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "abi.h"

int main(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	sigset_t s;
	stack_t ss, old;
	char stack[16384];

	T("rt_sigaction with sigsetsize 4", syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4));
	T("rt_sigaction signal 0", syscall(SYS_rt_sigaction, 0, NULL, NULL, 8));
	T("rt_sigaction signal 65", syscall(SYS_rt_sigaction, 65, NULL, NULL, 8));
	T("sigaction SIGKILL", sigaction(SIGKILL, &sa, NULL));
	T("sigaction SIGSTOP", sigaction(SIGSTOP, &sa, NULL));
	T("sigaction query SIGKILL", sigaction(SIGKILL, NULL, &sa));
	T("sigaction bad pointer", syscall(SYS_rt_sigaction, SIGUSR1, (void *)8, NULL, 8));
	sigemptyset(&s);
	T("sigprocmask bad how", syscall(SYS_rt_sigprocmask, 7, &s, NULL, 8));
	T("sigprocmask bad size", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &s, NULL, 16));
	sigaddset(&s, SIGKILL);
	sigprocmask(SIG_BLOCK, &s, NULL);
	sigprocmask(SIG_BLOCK, NULL, &s);
	printf("SIGKILL blockable: %d\n", sigismember(&s, SIGKILL));
	T("kill bad signal", kill(getpid(), 99));
	T("kill signal 0 to self", kill(getpid(), 0));
	T("kill missing process", kill(999999, SIGTERM));
	T("kill missing group", kill(-999999, SIGTERM));
	T("tgkill bad tgid", syscall(SYS_tgkill, 0, getpid(), SIGTERM));
	T("tgkill mismatched", syscall(SYS_tgkill, getpid(), 999999, SIGTERM));
	T("tkill bad tid", syscall(SYS_tkill, -1, SIGTERM));
	T("sigaltstack query", sigaltstack(NULL, &old));
	printf("altstack initially disabled: %d\n", (old.ss_flags & SS_DISABLE) != 0);
	ss.ss_sp = stack;
	ss.ss_size = 100;
	ss.ss_flags = 0;
	T("sigaltstack too small", sigaltstack(&ss, NULL));
	ss.ss_size = sizeof(stack);
	ss.ss_flags = 12345;
	T("sigaltstack bad flags", sigaltstack(&ss, NULL));
	ss.ss_flags = 0;
	T("sigaltstack", sigaltstack(&ss, NULL));
	T("rt_sigpending bad size", syscall(SYS_rt_sigpending, &s, 4));
	T("rt_sigsuspend bad size", syscall(SYS_rt_sigsuspend, &s, 4));
	struct timespec ts = { 0, 2000000000L };
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	T("sigtimedwait bad timeout", sigtimedwait(&s, NULL, &ts));
	return 0;
}
