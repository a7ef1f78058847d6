/*
 * CPU time of threads and processes, for the CPU-time clocks and the
 * CPU-time interval timers (core/cputime.c). Private to core/.
 */
#ifndef CORE_CPUTIME_H
#define CORE_CPUTIME_H

#include <core/types.h>

struct task;
struct process;

struct cputime {
	uint64_t total_ns;	/* user + system */
	uint64_t user_ns;
};

/* t's own CPU time. */
void task_cputime(const struct task *t, struct cputime *ct);

/*
 * p's CPU time: its live threads and those that exited. Takes
 * tasklist_lock; any context.
 */
void process_cputime(struct process *p, struct cputime *ct);

#endif /* CORE_CPUTIME_H */
