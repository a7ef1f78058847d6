/*
 * Thread and process exit (<core/process.h>): do_exit() ends the current
 * thread, do_group_exit() the whole process, exec_kill_other_threads()
 * every thread but the caller (execve).
 *
 * A thread that exits wakes its clear_child_tid futex, releases a vfork
 * parent, drops its address space, fd table and fs context, and adds
 * its CPU time to the process. The last one turns the process into a
 * zombie: its children go to init, its parent gets exit_signal (or reaps
 * it at once when SIGCHLD is ignored or SA_NOCLDWAIT is set, as Linux),
 * and the parent's waiters are woken. The task itself is freed by the
 * scheduler after its final switch (task_exit()).
 *
 * Before task_exit() the thread is detached from its process (proc and
 * tid cleared): from then on a reaping parent may free the process, and
 * anything that looks at current sees a plain kernel thread.
 */
#define pr_fmt(fmt) "proc: " fmt

#include "internal.h"

#include <core/futex.h>
#include <core/panic.h>
#include <core/string.h>
#include <core/uaccess.h>
#include <core/vm.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

struct wait_queue thread_exit_wait = WAIT_QUEUE_INIT(thread_exit_wait);

/* The thread's user-space and file context goes. */
static void release_thread(struct task *t)
{
	struct mm *mm = t->mm;
	int zero = 0;

	/* pthread_join and friends wait on this word (set_tid_address). */
	if (t->clear_child_tid && mm) {
		if (!copy_to_user(t->clear_child_tid, &zero, sizeof(zero)))
			futex_wake((uint32_t *)t->clear_child_tid, 1,
				   FUTEX_BITSET_MATCH_ANY);
		t->clear_child_tid = NULL;
	}
	vfork_release(t);
	if (mm) {
		/* Leave the space before dropping it: it may be the last. */
		mm_switch(NULL);
		t->mm = NULL;
		mm_put(mm);
	}
	if (t->files) {
		files_put(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		fs_struct_put(t->fs);
		t->fs = NULL;
	}
	sigpending_flush(&t->sig_pending);
}

/*
 * Hands p's children to init. Zombies among them are put on *reap when
 * init reaps at once, else counted in *zombie (one to report). Under
 * tasklist_lock.
 */
static void reparent_children(struct process *p, struct list_head *reap,
			      struct process **zombie)
{
	struct process *c, *n;
	bool autoreap = parent_autoreaps(init_process);

	list_for_each_entry_safe(c, n, &p->children, sibling) {
		c->parent = init_process;
		/* init is told with SIGCHLD whatever the child asked (Linux). */
		c->exit_signal = SIGCHLD;
		list_move(&c->sibling, &init_process->children);
		if (c->state != PROC_ZOMBIE) {
			/* PR_SET_PDEATHSIG: sent once the lock is dropped. */
			c->pdeath_pending = c->pdeath_signal != 0;
			continue;
		}
		if (autoreap) {
			process_unlink_zombie(c);
			list_add_tail(&c->sibling, reap);
		} else {
			*zombie = c;
		}
	}
}

/* The last thread of p is gone: p becomes a zombie, its parent is told. */
static void exit_notify(struct process *p, int status)
{
	struct list_head reap = LIST_HEAD_INIT(reap);
	struct process *parent, *zombie = NULL, *c, *n;
	unsigned long flags;
	bool autoreap;
	int code, si_status, sig;

	ktimer_cancel(&p->real_timer);
	/* Until the end: nobody else runs, so p and the parent stay. */
	preempt_disable();
	/* Groups this exit orphans with stopped jobs: SIGHUP, SIGCONT. */
	orphan_pgrps_on_exit(p);
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (p->group_exiting)
		status = p->exit_status;
	p->exit_status = status;
	reparent_children(p, &reap, &zombie);
	p->state = PROC_ZOMBIE;
	parent = p->parent;
	sig = p->exit_signal;
	autoreap = sig == SIGCHLD && parent_autoreaps(parent);
	if (autoreap)
		process_unlink_zombie(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	wait_status_decode(status, &code, &si_status);
	notify_parent(p, parent, sig, code, si_status);
	if (autoreap)
		process_free(p);
	if (zombie) {
		wait_status_decode(zombie->exit_status, &code, &si_status);
		notify_parent(zombie, init_process, zombie->exit_signal, code,
			      si_status);
	}
	list_for_each_entry_safe(c, n, &reap, sibling)
		process_free(c);
	/* Preemption is off: nobody reaps or frees init's children meanwhile. */
	list_for_each_entry(c, &init_process->children, sibling) {
		if (c->pdeath_pending) {
			c->pdeath_pending = false;
			send_signal_process(c, c->pdeath_signal, NULL);
		}
	}
	preempt_enable();
}

void do_exit(int status)
{
	struct task *t = current;
	struct process *p = t->proc;
	unsigned long flags;
	uint64_t utime, stime;
	bool last;

	if (!p)
		task_exit();
	release_thread(t);

	spin_lock_irqsave(&tasklist_lock, &flags);
	list_del(&t->thread_link);
	last = --p->nr_threads == 0;
	if (last && p == init_process) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		panic("Attempted to kill init! exit status 0x%x",
		      p->group_exiting ? p->exit_status : status);
	}
	if (last)
		memcpy(p->comm, t->name, sizeof(p->comm));
	task_times(t, &utime, &stime);
	p->utime_ns += utime;
	p->stime_ns += stime;
	/* The pid (the leader's tid) stays with the process until reaped. */
	if (t->tid != p->pid)
		pid_free(t->tid);
	t->tid = 0;
	t->proc = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (last) {
		tty_exit_session(p);
		exit_notify(p, status);
	} else {
		wake_up(&thread_exit_wait);
	}
	task_exit();
}

/* Sends SIGKILL to every thread of p but the caller. Preemption off. */
static void kill_other_threads(struct process *p)
{
	struct task *t;

	for_each_thread(p, t) {
		if (t != current)
			send_signal_task(t, SIGKILL, NULL);
	}
}

void do_group_exit(int status)
{
	struct process *p = current_process();
	unsigned long flags;

	if (!p)
		do_exit(status);
	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (p->group_exec_task && p->group_exec_task != current) {
		/* Killed by exec_kill_other_threads(): only this thread. */
		spin_unlock_irqrestore(&tasklist_lock, flags);
		preempt_enable();
		do_exit(status);
	}
	if (!p->group_exiting) {
		p->group_exiting = true;
		p->exit_status = status;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	/* The list cannot change while nothing else runs. */
	kill_other_threads(p);
	preempt_enable();
	do_exit(status);
}

void exec_kill_other_threads(void)
{
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	struct process *p = current_process();
	unsigned long flags;

	if (!p)
		return;
	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, &flags);
	p->did_exec = true;
	p->group_exec_task = current;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	kill_other_threads(p);
	preempt_enable();

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		if (p->nr_threads == 1 || p->group_exiting)
			break;
		/* Interruptible so that SIGKILL (a group exit) wakes us. */
		prepare_to_wait(&thread_exit_wait, &we, true);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
	}
	/* A non-leader that execs takes over the process id (Linux). */
	if (p->nr_threads == 1 && current->tid != p->pid) {
		pid_free(current->tid);
		current->tid = p->pid;
	}
	p->group_exec_task = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	finish_wait(&thread_exit_wait, &we);
}
