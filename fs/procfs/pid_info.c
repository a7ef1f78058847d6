/*
 * The state of a process or thread as stat and status show it, copied
 * under tasklist_lock into a struct proc_info (pid.h) so that the text is
 * made without the lock: ids, state letter, times, credentials, signal
 * sets and limits.
 *
 * The state of a process is that of its leader (or of a live thread once
 * the leader exited), as Linux shows it: T while the process is stopped,
 * Z once every thread is gone; a thread's is its own.
 */
#include "pid.h"

#include <core/errno.h>
#include <core/string.h>
#include <fs/uapi.h>
#include <fs/vfs.h>


/* Linux's CPU time split: system time is the time spent in syscalls. */
static void thread_times(const struct task *t, uint64_t *utime,
			 uint64_t *stime)
{
	uint64_t run = task_runtime_ns(t);

	*stime = MIN(t->stime_ns, run);
	*utime = run - *stime;
}

static unsigned int list_count(const struct list_head *head)
{
	unsigned int n = 0;

	for (const struct list_head *l = head->next; l != head; l = l->next)
		n++;
	return n;
}

static char task_state(const struct task *t)
{
	switch (t->state) {
	case TASK_RUNNING:
	case TASK_READY:
		return 'R';
	case TASK_SLEEPING:
		return 'S';
	default:
		return 'X';
	}
}

const char *proc_state_name(char state)
{
	switch (state) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'T':
		return "T (stopped)";
	case 'Z':
		return "Z (zombie)";
	default:
		return "X (dead)";
	}
}

/* Under tasklist_lock. */
static void fill(struct proc_info *in, struct process *p, struct task *t,
		 bool thread)
{
	struct task *u;

	in->tgid = p->pid;
	in->ppid = p->parent ? p->parent->pid : 0;
	in->pgid = p->pgid;
	in->sid = p->sid;
	in->zombie = p->state == PROC_ZOMBIE;
	in->nr_threads = p->nr_threads;
	in->exit_signal = p->exit_signal;
	in->exit_code = in->zombie ? p->exit_status : 0;
	in->start_ns = p->start_ns;
	in->cutime = p->cutime_ns;
	in->cstime = p->cstime_ns;
	in->oom_score_adj = p->oom_score_adj;
	in->no_new_privs = p->no_new_privs;
	in->tty_nr = p->tty ? new_encode_dev(tty_devnum(p->tty)) : 0;
	in->tpgid = p->tty ? tty_foreground_pgrp(p->tty) : -1;
	memcpy(in->rlim, p->rlim, sizeof(in->rlim));

	in->uid[0] = p->uid;
	in->uid[1] = p->euid;
	in->uid[2] = p->suid;
	in->uid[3] = p->fsuid;
	in->gid[0] = p->gid;
	in->gid[1] = p->egid;
	in->gid[2] = p->sgid;
	in->gid[3] = p->fsgid;
	in->ngroups = MIN(p->ngroups, NGROUPS_KEPT);
	memcpy(in->groups, p->groups, sizeof(in->groups));

	in->shpending = p->shared_pending.signal;
	in->sigq = list_count(&p->shared_pending.queue);
	for (int sig = 1; p->sighand && sig <= NSIG; sig++) {
		uintptr_t h = p->sighand->action[sig - 1].handler;

		if (h == SIG_IGN)
			in->ignored |= sigmask(sig);
		else if (h != SIG_DFL)
			in->caught |= sigmask(sig);
	}

	if (thread) {
		if (t)
			thread_times(t, &in->utime, &in->stime);
	} else {
		in->utime = p->utime_ns;
		in->stime = p->stime_ns;
		for_each_thread(p, u) {
			uint64_t ut, st;

			thread_times(u, &ut, &st);
			in->utime += ut;
			in->stime += st;
		}
	}
	for_each_thread(p, u)
		in->sigq += list_count(&u->sig_pending.queue);

	if (in->zombie)
		in->state = 'Z';
	else if (p->stopped)
		in->state = 'T';
	else
		in->state = t ? task_state(t) : 'Z';
	if (t) {
		memcpy(in->comm, t->name, sizeof(in->comm));
		in->nice = t->nice;
		in->nvcsw = t->nvcsw;
		in->nivcsw = t->nivcsw;
		in->pending = t->sig_pending.signal;
		in->blocked = t->sig_blocked;
		if (t->fs) {
			in->umask = t->fs->umask;
			in->has_fs = true;
		}
	} else {
		memcpy(in->comm, p->comm, sizeof(in->comm));
	}
	in->comm[sizeof(in->comm) - 1] = '\0';
}

int proc_info_get(uint64_t data, struct proc_info *in)
{
	struct proc_target tg;
	unsigned long flags;

	memset(in, 0, sizeof(*in));
	if (proc_target_lock(data, &tg, &flags))
		return -ESRCH;
	in->id = proc_tid(data) ? proc_tid(data) : proc_pid(data);
	fill(in, tg.p, tg.t, proc_tid(data) != 0);
	proc_target_unlock(flags);
	return 0;
}
