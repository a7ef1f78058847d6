/*
 * The alternate signal stack (sigaltstack(2)): per thread, used for the
 * frames of SA_ONSTACK handlers so that a handler can run after the
 * normal stack overflowed.
 *
 * task->sig_altstack holds ss_sp, ss_size and, in ss_flags, only
 * SS_AUTODISARM; a size of 0 means disabled (a fresh task is zeroed).
 * SS_ONSTACK and SS_DISABLE are computed when reported, as Linux does.
 * Only the thread itself changes its stack, so no lock is needed.
 */
#include "internal.h"

#include <arch/thread.h>
#include <core/errno.h>
#include <core/sched.h>

bool altstack_on(const struct task *t, uintptr_t sp)
{
	const struct kstack *ss = &t->sig_altstack;

	/* With SS_AUTODISARM the stack is released while a handler runs on it. */
	if (ss->ss_flags & SS_AUTODISARM)
		return false;
	/* The stack grows down: its top (ss_sp + ss_size) is inside. */
	return sp > ss->ss_sp && sp - ss->ss_sp <= ss->ss_size;
}

/* SS_DISABLE, SS_ONSTACK or 0 for sp. */
static int altstack_state(const struct task *t, uintptr_t sp)
{
	if (!t->sig_altstack.ss_size)
		return SS_DISABLE;
	return altstack_on(t, sp) ? SS_ONSTACK : 0;
}

void altstack_get(const struct task *t, uintptr_t sp, struct kstack *out)
{
	out->ss_sp = t->sig_altstack.ss_sp;
	out->ss_size = t->sig_altstack.ss_size;
	out->ss_flags = altstack_state(t, sp) |
			(t->sig_altstack.ss_flags & SS_AUTODISARM);
}

int altstack_set(const struct kstack *ss, uintptr_t sp)
{
	struct task *t = current;
	int mode = ss->ss_flags & ~SS_AUTODISARM;

	if (altstack_on(t, sp))
		return -EPERM;
	/* SS_ONSTACK is accepted as "enable", for old programs. */
	if (mode != 0 && mode != SS_ONSTACK && mode != SS_DISABLE)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sig_altstack.ss_sp = 0;
		t->sig_altstack.ss_size = 0;
		t->sig_altstack.ss_flags = 0;
		return 0;
	}
	if (ss->ss_size < ARCH_MINSIGSTKSZ)
		return -ENOMEM;
	t->sig_altstack.ss_sp = ss->ss_sp;
	t->sig_altstack.ss_size = ss->ss_size;
	t->sig_altstack.ss_flags = ss->ss_flags & SS_AUTODISARM;
	return 0;
}

uintptr_t altstack_frame_sp(struct task *t, unsigned long sa_flags,
			    uintptr_t sp)
{
	if ((sa_flags & SA_ONSTACK) && altstack_state(t, sp) == 0)
		return t->sig_altstack.ss_sp + t->sig_altstack.ss_size;
	return sp;
}
