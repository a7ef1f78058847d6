/*
 * The pure rules of signals: what SIG_DFL does for each signal, which
 * signal is delivered first, how rt_sigprocmask combines masks and what
 * happens to a syscall a signal interrupted. No state and no locks: the
 * rest of core/signal/ asks these questions, and the host unit tests
 * (tests/unit/core/signal/) check the answers against signal(7),
 * sigprocmask(2) and the ERESTART* table of <core/errno.h>.
 */
#include "internal.h"

#include <core/errno.h>

enum sig_dfl sig_default_action(int sig)
{
	switch (sig) {
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGBUS:
	case SIGFPE:
	case SIGSEGV:
	case SIGXCPU:
	case SIGXFSZ:
	case SIGSYS:
		return SIG_DFL_CORE;
	case SIGCHLD:
	case SIGURG:
	case SIGWINCH:
		return SIG_DFL_IGNORE;
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return SIG_DFL_STOP;
	case SIGCONT:
		return SIG_DFL_CONT;
	default:
		/* The other standard signals and every real-time one. */
		return SIG_DFL_TERM;
	}
}

bool sig_handler_ignores(uintptr_t handler, int sig)
{
	enum sig_dfl act;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	if (handler == SIG_IGN)
		return true;
	if (handler != SIG_DFL)
		return false;
	act = sig_default_action(sig);
	return act == SIG_DFL_IGNORE || act == SIG_DFL_CONT;
}

int sig_next(ksigset_t pending, ksigset_t blocked)
{
	ksigset_t ready = pending & ~blocked;

	if (!ready)
		return 0;
	if (ready & SIG_SYNC_MASK)
		ready &= SIG_SYNC_MASK;
	return __builtin_ctzll(ready) + 1;
}

int sig_mask_apply(ksigset_t old, int how, ksigset_t set, ksigset_t *out)
{
	ksigset_t mask;

	switch (how) {
	case SIG_BLOCK:
		mask = old | set;
		break;
	case SIG_UNBLOCK:
		mask = old & ~set;
		break;
	case SIG_SETMASK:
		mask = set;
		break;
	default:
		return -EINVAL;
	}
	*out = mask & ~SIG_KERNEL_ONLY_MASK;
	return 0;
}

enum sig_restart sig_restart_action(long ret, bool handler,
				    unsigned long sa_flags)
{
	switch (ret) {
	case -ERESTARTNOINTR:
		return SIG_RESTART_REWIND;
	case -ERESTARTSYS:
		if (handler && !(sa_flags & SA_RESTART))
			return SIG_RESTART_EINTR;
		return SIG_RESTART_REWIND;
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		return handler ? SIG_RESTART_EINTR : SIG_RESTART_REWIND;
	default:
		return SIG_RESTART_NONE;
	}
}
