/*
 * Process and thread ids (<core/process.h>): one bitmap of the ids held
 * by tasks (kernel threads and user threads) and by zombies, the list of
 * all processes, and lookups by id.
 *
 * An id is free when its bit is clear and no live process uses it as a
 * process group or session id (a group outlives its leader). pid_alloc()
 * hands ids out in increasing order from the last one given and wraps
 * below PID_MAX, as Linux, so that a freed id is not reused at once; 1 is
 * init's and never handed out.
 *
 * Locking: everything here runs under tasklist_lock, taken by the caller.
 */
#include <core/process.h>

#include "internal.h"

#include <core/errno.h>

#define PID_FIRST	2	/* the lowest id pid_alloc() returns */
#define BITS		64

struct spinlock tasklist_lock = SPINLOCK_INIT;
struct list_head process_list = LIST_HEAD_INIT(process_list);

static uint64_t pid_map[PID_MAX / BITS];
static int last_pid = 1;
static uint64_t nr_allocated;

static bool pid_taken(int pid)
{
	return pid_map[pid / BITS] & (1ULL << (pid % BITS));
}

/* Whether a live or zombie process uses id as its group or session. */
static bool group_uses(int id)
{
	struct process *p;

	for_each_process(p) {
		if (p->pgid == id || p->sid == id)
			return true;
	}
	return false;
}

static bool pid_usable(int pid)
{
	return !pid_taken(pid) && !group_uses(pid);
}

int pid_alloc(void)
{
	int pid = last_pid;

	for (int n = PID_FIRST; n < PID_MAX; n++) {
		if (++pid >= PID_MAX)
			pid = PID_FIRST;
		if (pid_usable(pid)) {
			pid_map[pid / BITS] |= 1ULL << (pid % BITS);
			last_pid = pid;
			nr_allocated++;
			return pid;
		}
	}
	return -EAGAIN;
}

uint64_t pid_nr_allocated(void)
{
	return READ_ONCE(nr_allocated);
}

int pid_last(void)
{
	return READ_ONCE(last_pid);
}

/*
 * Marks id as taken (init's 1, which pid_alloc() never returns). Under
 * tasklist_lock.
 */
void pid_reserve(int pid)
{
	if (pid > 0 && pid < PID_MAX)
		pid_map[pid / BITS] |= 1ULL << (pid % BITS);
}

void pid_free(int pid)
{
	if (pid > 0 && pid < PID_MAX)
		pid_map[pid / BITS] &= ~(1ULL << (pid % BITS));
}

struct process *find_process(int pid)
{
	struct process *p;

	if (pid <= 0)
		return NULL;
	for_each_process(p) {
		if (p->pid == pid)
			return p;
	}
	return NULL;
}

struct task *find_task(int tid)
{
	struct process *p;
	struct task *t;

	if (tid <= 0)
		return NULL;
	for_each_process(p) {
		for_each_thread(p, t) {
			if (t->tid == tid)
				return t;
		}
	}
	return NULL;
}
