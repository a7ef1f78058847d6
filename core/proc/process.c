/*
 * The process object (<core/process.h>): allocation with Linux's default
 * resource limits, linking into the tree, the release of a reaped
 * zombie, CPU-time sums, and rlimit() for the rest of the kernel.
 *
 * A process is created by process_init_first() (init) or do_clone()
 * without CLONE_THREAD, becomes a zombie when its last thread exits
 * (exit.c) and is freed when its parent reaps it (wait.c) or at once
 * when the parent does not want to wait (SIGCHLD ignored, SA_NOCLDWAIT).
 */
#include "internal.h"

#include <core/slab.h>
#include <core/string.h>

#define MiB		(1024ULL * 1024)
#define INF		RLIM_INFINITY

/* Linux's init_task limits (include/asm-generic/resource.h). */
const struct rlimit64 rlimit_defaults[RLIM_NLIMITS] = {
	[RLIMIT_CPU]		= { INF, INF },
	[RLIMIT_FSIZE]		= { INF, INF },
	[RLIMIT_DATA]		= { INF, INF },
	[RLIMIT_STACK]		= { 8 * MiB, INF },
	[RLIMIT_CORE]		= { 0, INF },
	[RLIMIT_RSS]		= { INF, INF },
	/* Linux derives these two from memory; half the pid space here. */
	[RLIMIT_NPROC]		= { PID_MAX / 2, PID_MAX / 2 },
	[RLIMIT_NOFILE]		= { 1024, 4096 },
	[RLIMIT_MEMLOCK]	= { 8 * MiB, 8 * MiB },
	[RLIMIT_AS]		= { INF, INF },
	[RLIMIT_LOCKS]		= { INF, INF },
	[RLIMIT_SIGPENDING]	= { PID_MAX / 2, PID_MAX / 2 },
	[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
	[RLIMIT_NICE]		= { 0, 0 },
	[RLIMIT_RTPRIO]		= { 0, 0 },
	[RLIMIT_RTTIME]		= { INF, INF },
};

struct process *init_process;

struct process *process_alloc(void)
{
	struct process *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->state = PROC_RUNNING;
	list_init(&p->children);
	list_init(&p->sibling);
	list_init(&p->link);
	list_init(&p->threads);
	sigpending_init(&p->shared_pending);
	wait_queue_init(&p->child_wait);
	ktimer_init(&p->real_timer, NULL);
	memcpy(p->rlim, rlimit_defaults, sizeof(p->rlim));
	return p;
}

void process_link(struct process *p)
{
	list_add_tail(&p->link, &process_list);
	if (p->parent)
		list_add_tail(&p->sibling, &p->parent->children);
}

void process_unlink_zombie(struct process *p)
{
	struct process *parent = p->parent;

	if (parent) {
		parent->cutime_ns += p->utime_ns + p->cutime_ns;
		parent->cstime_ns += p->stime_ns + p->cstime_ns;
	}
	list_del(&p->sibling);
	list_del(&p->link);
	pid_free(p->pid);
	p->parent = NULL;
}

void process_free(struct process *p)
{
	ktimer_cancel(&p->real_timer);
	if (p->sighand)
		sighand_put(p->sighand);
	sigpending_flush(&p->shared_pending);
	kfree(p);
}

void task_times(const struct task *t, uint64_t *utime, uint64_t *stime)
{
	uint64_t run = task_runtime_ns(t);
	uint64_t sys = READ_ONCE(t->stime_ns);

	/* stime counts syscall wall time, sleeps included: clamp it. */
	if (sys > run)
		sys = run;
	*utime = run - sys;
	*stime = sys;
}

void process_times(const struct process *p, uint64_t *utime,
		   uint64_t *stime)
{
	const struct task *t;
	uint64_t u, s;

	*utime = p->utime_ns;
	*stime = p->stime_ns;
	for_each_thread(p, t) {
		task_times(t, &u, &s);
		*utime += u;
		*stime += s;
	}
}

void rusage_fill(struct rusage *ru, uint64_t utime_ns, uint64_t stime_ns)
{
	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = utime_ns / NSEC_PER_SEC;
	ru->ru_utime.tv_usec = utime_ns % NSEC_PER_SEC / 1000;
	ru->ru_stime.tv_sec = stime_ns / NSEC_PER_SEC;
	ru->ru_stime.tv_usec = stime_ns % NSEC_PER_SEC / 1000;
}

uint64_t rlimit(int r)
{
	struct process *p = current_process();

	if (r < 0 || r >= RLIM_NLIMITS)
		return RLIM_INFINITY;
	if (!p)
		return rlimit_defaults[r].rlim_cur;
	return READ_ONCE(p->rlim[r].rlim_cur);
}
