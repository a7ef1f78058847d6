/*
 * Wait status words (<core/process.h>) and their waitid/SIGCHLD form:
 * wait4 reports a 16-bit word (exit code << 8, or the killing signal
 * with 0x80 for a core dump, or sig << 8 | 0x7f for a stop, or 0xffff for
 * a continue); waitid and SIGCHLD report the same event as a CLD_* code
 * and a status (the exit code or the signal number). POSIX
 * <sys/wait.h>, Linux kernel/exit.c behaviour.
 */
#include "internal.h"

void wait_status_decode(int status, int *code, int *si_status)
{
	int sig = status & 0x7f;

	if (status == W_CONTINUED) {
		*code = CLD_CONTINUED;
		*si_status = SIGCONT;
	} else if (sig == 0) {
		*code = CLD_EXITED;
		*si_status = (status >> 8) & 0xff;
	} else if (sig == 0x7f) {
		*code = CLD_STOPPED;
		*si_status = (status >> 8) & 0xff;
	} else {
		*code = status & WCOREFLAG ? CLD_DUMPED : CLD_KILLED;
		*si_status = sig;
	}
}
