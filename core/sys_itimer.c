/*
 * Interval timers (CONFIG_SYSCALL_TIME): getitimer and setitimer, and
 * the per-tick check of the CPU-time ones.
 *
 *   ITIMER_REAL     wall time: proc->real_timer, a kernel timer
 *                   (<core/timer.h>) whose expiry sends SIGALRM;
 *   ITIMER_VIRTUAL  the process's user CPU time: SIGVTALRM;
 *   ITIMER_PROF     its user + system CPU time: SIGPROF.
 *
 * The CPU-time timers store their expiry as a point of the process's CPU
 * time (cputime.h); itimer_tick(), called by every tick, compares the
 * running process's figures with it. Their resolution is the tick, and
 * user time is only as good as the syscall layer's system time.
 *
 * The process code ends the timers at exit (ktimer_cancel of
 * proc->real_timer); fork leaves them disarmed in the child, exec keeps
 * them, as POSIX says.
 */
#define pr_fmt(fmt) "itimer: " fmt

#include "itimer.h"

#include <arch/irq.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/sched.h>
#include <core/signal.h>
#include <core/timer.h>
#include <core/uaccess.h>

#include "cputime.h"

static uint64_t tv_to_ns(const struct ktimeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

/* Linux rounds a remaining time up to whole microseconds. */
static struct ktimeval ns_to_tv(uint64_t ns)
{
	struct ktimeval tv;

	ns = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC * NSEC_PER_USEC;
	tv.tv_sec = ns / NSEC_PER_SEC;
	tv.tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
	return tv;
}

/* ITIMER_REAL expired (interrupt context): SIGALRM, re-arm if periodic. */
static void real_timer_fire(struct ktimer *t)
{
	struct process *p = container_of(t, struct process, real_timer);
	uint64_t now = clock_ns(), next;

	send_signal_process(p, SIGALRM, NULL);
	if (p->real_interval_ns) {
		/* Keep the period's phase; skip periods already missed. */
		next = t->expires_ns + p->real_interval_ns;
		if (next <= now)
			next = now + p->real_interval_ns;
		ktimer_start(t, next);
	}
}

/* Reads timer which of p into *val. Interrupts off. */
static void get_locked(struct process *p, int which, struct kitimerval *val,
		       const struct cputime *ct)
{
	uint64_t left = 0, interval = 0, now, expires;

	switch (which) {
	case ITIMER_REAL:
		if (p->real_timer.pending) {
			now = clock_ns();
			left = p->real_timer.expires_ns > now ?
				       p->real_timer.expires_ns - now :
				       NSEC_PER_USEC;
		}
		interval = p->real_interval_ns;
		break;
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		if (which == ITIMER_VIRTUAL) {
			expires = p->it_virt_expires_ns;
			interval = p->it_virt_interval_ns;
			now = ct->user_ns;
		} else {
			expires = p->it_prof_expires_ns;
			interval = p->it_prof_interval_ns;
			now = ct->total_ns;
		}
		if (expires)
			left = expires > now ? expires - now : NSEC_PER_USEC;
		break;
	}
	val->it_value = ns_to_tv(left);
	val->it_interval = ns_to_tv(interval);
}

int itimer_set(int which, const struct kitimerval *val, struct kitimerval *old)
{
	struct process *p = current_process();
	uint64_t value = tv_to_ns(&val->it_value);
	uint64_t interval = tv_to_ns(&val->it_interval);
	struct kitimerval prev;
	struct cputime ct;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!p)
		return -EINVAL;
	process_cputime(p, &ct);

	flags = arch_irq_save();
	get_locked(p, which, &prev, &ct);
	switch (which) {
	case ITIMER_REAL:
		ktimer_cancel(&p->real_timer);
		p->real_interval_ns = value ? interval : 0;
		if (value) {
			p->real_timer.fn = real_timer_fire;
			ktimer_start(&p->real_timer, clock_ns() + value);
		}
		break;
	case ITIMER_VIRTUAL:
		p->it_virt_expires_ns = value ? ct.user_ns + value : 0;
		p->it_virt_interval_ns = value ? interval : 0;
		break;
	case ITIMER_PROF:
		p->it_prof_expires_ns = value ? ct.total_ns + value : 0;
		p->it_prof_interval_ns = value ? interval : 0;
		break;
	}
	arch_irq_restore(flags);
	if (old)
		*old = prev;
	return 0;
}

static int check_timeval(const struct ktimeval *tv)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -EINVAL;
	return 0;
}

long sys_getitimer(int which, struct kitimerval *curr)
{
	struct process *p = current_process();
	struct kitimerval val;
	struct cputime ct;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF || !p)
		return -EINVAL;
	process_cputime(p, &ct);
	flags = arch_irq_save();
	get_locked(p, which, &val, &ct);
	arch_irq_restore(flags);
	return copy_to_user(curr, &val, sizeof(val));
}

long sys_setitimer(int which, const struct kitimerval *value,
		   struct kitimerval *ovalue)
{
	struct kitimerval val = { 0 }, old;
	int err;

	/* Linux takes a NULL new value as zero (a documented misfeature). */
	if (value && copy_from_user(&val, value, sizeof(val)))
		return -EFAULT;
	if (check_timeval(&val.it_value) || check_timeval(&val.it_interval))
		return -EINVAL;
	err = itimer_set(which, &val, &old);
	if (err)
		return err;
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * One CPU-time timer: fires when now (the process's CPU time) passed
 * *expires, then re-arms for interval (or disarms).
 */
static bool cpu_timer_due(uint64_t *expires, uint64_t interval, uint64_t now)
{
	if (!*expires || now < *expires)
		return false;
	*expires = interval ? MAX(*expires + interval, now + 1) : 0;
	return true;
}

void itimer_tick(void)
{
	struct task *t = current;
	struct process *p = t->proc;
	struct cputime ct;

	if (!p || (!p->it_virt_expires_ns && !p->it_prof_expires_ns))
		return;
	process_cputime(p, &ct);
	if (cpu_timer_due(&p->it_virt_expires_ns, p->it_virt_interval_ns,
			  ct.user_ns))
		send_signal_process(p, SIGVTALRM, NULL);
	if (cpu_timer_due(&p->it_prof_expires_ns, p->it_prof_interval_ns,
			  ct.total_ns))
		send_signal_process(p, SIGPROF, NULL);
}
