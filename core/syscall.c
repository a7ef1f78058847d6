/*
 * Syscall dispatch (<core/syscall.h>). The table is built from the arch's
 * list of numbers: each entry points at sys_<name> when some object of
 * this build defines it. The references are weak, so a handler that is
 * not built (its group is off, or nobody wrote it yet) links as NULL and
 * its number answers -ENOSYS, as does any number past the table.
 */
#define pr_fmt(fmt) "syscall: " fmt

#include <core/syscall.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/user.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/time.h>
#include <core/wait.h>

typedef long (*syscall_fn)(unsigned long, unsigned long, unsigned long,
			   unsigned long, unsigned long, unsigned long);

/*
 * Every handler, declared weak; void (*)(void) is the generic function
 * pointer type that may be cast to the table's type.
 */
#define SYSCALL(nr, name) extern void sys_##name(void) __attribute__((weak));
#include <arch/syscall_table.h>
#undef SYSCALL

#define SYSCALL(nr, name) [nr] = (syscall_fn)sys_##name,
static const syscall_fn syscall_table[ARCH_NR_SYSCALLS] = {
#include <arch/syscall_table.h>
};
#undef SYSCALL

#define SYSCALL(nr, name) [nr] = #name,
static const char *const syscall_names[ARCH_NR_SYSCALLS] = {
#include <arch/syscall_table.h>
};
#undef SYSCALL

/* Numbers already reported as missing: each is logged once. */
static uint64_t reported[(ARCH_NR_SYSCALLS + 63) / 64];
static bool reported_beyond;

const char *syscall_name(long nr)
{
	if (nr < 0 || nr >= ARCH_NR_SYSCALLS)
		return NULL;
	return syscall_names[nr];
}

static void report_missing(long nr)
{
	if (nr >= 0 && nr < ARCH_NR_SYSCALLS) {
		if (reported[nr / 64] & (1ULL << (nr % 64)))
			return;
		reported[nr / 64] |= 1ULL << (nr % 64);
	} else {
		if (reported_beyond)
			return;
		reported_beyond = true;
	}
	pr_debug("%s[%d]: %s (%ld) is not implemented: ENOSYS\n",
		 current->name, current->tid,
		 syscall_name(nr) ? syscall_name(nr) : "unknown syscall", nr);
}

void syscall_handler(struct pt_regs *regs)
{
	long nr = arch_syscall_nr(regs);
	unsigned long a[6];
	uint64_t start = task_runtime_ns(current);
	syscall_fn fn = NULL;
	long ret;

	if (nr >= 0 && nr < ARCH_NR_SYSCALLS)
		fn = syscall_table[nr];
	if (fn) {
		arch_syscall_args(regs, a);
		current->in_syscall = true;
		ret = fn(a[0], a[1], a[2], a[3], a[4], a[5]);
		current->in_syscall = false;
	} else {
		report_missing(nr);
		ret = -ENOSYS;
	}
	arch_syscall_set_return(regs, ret);
	/* CPU time, not wall time: a sleep in a syscall is nobody's time. */
	current->stime_ns += task_runtime_ns(current) - start;
}

/* A syscall that must be restarted or report EINTR, whatever is pending. */
static bool restart_pending(const struct pt_regs *regs)
{
	long ret;

	if (arch_syscall_nr(regs) < 0)
		return false;
	ret = arch_syscall_return(regs);
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}

void exit_to_user_mode(struct pt_regs *regs)
{
	bool signals_done = false;

	for (;;) {
		if (sched_need_resched()) {
			arch_irq_enable();
			schedule();
			arch_irq_disable();
			continue;
		}
		/* One delivery per return; the rest at the next one. */
		if (!signals_done && (READ_ONCE(current->sigpending) ||
				      restart_pending(regs) ||
				      current->sig_restore_mask)) {
			signals_done = true;
			arch_irq_enable();
			do_signal(regs);
			arch_irq_disable();
			continue;
		}
		break;
	}
}
