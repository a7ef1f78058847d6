/*
 * Finding what a /proc/<pid> node shows (see pid.h): the process and
 * thread behind a node's data, looked up by id under tasklist_lock each
 * time, and the references to their address space and fd table that the
 * files take to read them outside that lock.
 *
 * Dropping such a reference may free the object (the process exited in
 * the meantime), and freeing an fd table or a file ends in path_put(),
 * which takes vfs_lock(): but procfs callbacks already run under it. So
 * a put that may be the last one is handed to a kernel thread
 * ("procfs-put") that does it once the lock is free.
 */
#define pr_fmt(fmt) "procfs: " fmt

#include "pid.h"

#include <core/errno.h>
#include <core/init.h>
#include <core/printk.h>
#include <core/slab.h>
#include <core/vm.h>
#include <core/wait.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>

/* The thread of p that speaks for the process: the leader if alive. */
static struct task *main_thread(struct process *p)
{
	struct task *t;

	for_each_thread(p, t) {
		if (t->tid == p->pid)
			return t;
	}
	return list_empty(&p->threads) ? NULL :
		list_first_entry(&p->threads, struct task, thread_link);
}

int proc_target_lock(uint64_t data, struct proc_target *tg,
		     unsigned long *flags)
{
	int pid = proc_pid(data), tid = proc_tid(data);
	struct process *p;
	struct task *t;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process(pid);
	if (!p)
		goto gone;
	tg->p = p;
	if (!tid) {
		tg->t = main_thread(p);
		return 0;
	}
	for_each_thread(p, t) {
		if (t->tid == tid) {
			tg->t = t;
			return 0;
		}
	}
	/* A zombie keeps its leader's entry, as Linux. */
	if (tid == pid && p->state == PROC_ZOMBIE) {
		tg->t = NULL;
		return 0;
	}
gone:
	spin_unlock_irqrestore(&tasklist_lock, *flags);
	return -ESRCH;
}

void proc_target_unlock(unsigned long flags)
{
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

bool proc_pid_valid(uint64_t data)
{
	struct proc_target tg;
	unsigned long flags;

	if (proc_target_lock(data, &tg, &flags))
		return false;
	proc_target_unlock(flags);
	return true;
}

struct mm *proc_get_mm(uint64_t data)
{
	struct proc_target tg;
	struct mm *mm = NULL;
	unsigned long flags;

	if (proc_target_lock(data, &tg, &flags))
		return NULL;
	if (tg.t && tg.t->mm)
		mm = mm_get(tg.t->mm);
	proc_target_unlock(flags);
	return mm;
}

struct files *proc_get_files(uint64_t data)
{
	struct proc_target tg;
	struct files *files = NULL;
	unsigned long flags;

	if (proc_target_lock(data, &tg, &flags))
		return NULL;
	if (tg.t && tg.t->files)
		files = files_get(tg.t->files);
	proc_target_unlock(flags);
	return files;
}

int proc_parse_int(const char *buf, size_t len, int *out)
{
	bool neg = false, any = false;
	long v = 0;
	size_t i = 0;

	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	if (i < len && (buf[i] == '-' || buf[i] == '+'))
		neg = buf[i++] == '-';
	for (; i < len && buf[i] >= '0' && buf[i] <= '9'; i++) {
		v = v * 10 + (buf[i] - '0');
		if (v > 0x7fffffffL)
			return -EINVAL;
		any = true;
	}
	while (i < len && (buf[i] == '\n' || buf[i] == ' '))
		i++;
	if (!any || i != len)
		return -EINVAL;
	*out = neg ? -(int)v : (int)v;
	return 0;
}

/* --- deferred puts ---------------------------------------------------- */

enum put_kind { PUT_MM, PUT_FILES, PUT_FILE };

struct deferred_put {
	struct list_head link;
	enum put_kind kind;
	void *obj;
};

static struct list_head put_list = LIST_HEAD_INIT(put_list);
static struct spinlock put_lock = SPINLOCK_INIT;
static struct wait_queue put_wait = WAIT_QUEUE_INIT(put_wait);
static struct task *put_worker;

static bool put_pending(void)
{
	unsigned long flags;
	bool any;

	spin_lock_irqsave(&put_lock, &flags);
	any = !list_empty(&put_list);
	spin_unlock_irqrestore(&put_lock, flags);
	return any;
}

static void put_now(enum put_kind kind, void *obj)
{
	switch (kind) {
	case PUT_MM:
		mm_put(obj);
		break;
	case PUT_FILES:
		files_put(obj);
		break;
	case PUT_FILE:
		fput(obj);
		break;
	}
}

static void put_thread(void *arg)
{
	(void)arg;
	for (;;) {
		struct deferred_put *d = NULL;
		unsigned long flags;

		wait_event(&put_wait, put_pending());
		spin_lock_irqsave(&put_lock, &flags);
		if (!list_empty(&put_list)) {
			d = list_first_entry(&put_list, struct deferred_put,
					     link);
			list_del(&d->link);
		}
		spin_unlock_irqrestore(&put_lock, flags);
		if (d) {
			put_now(d->kind, d->obj);
			kfree(d);
		}
	}
}

static void put_later(enum put_kind kind, void *obj)
{
	struct deferred_put *d = kmalloc(sizeof(*d));
	unsigned long flags;

	if (!d || !put_worker) {
		/* Out of memory: leaking beats a deadlock. */
		pr_warn("cannot defer a put: %p leaked\n", obj);
		kfree(d);
		return;
	}
	d->kind = kind;
	d->obj = obj;
	spin_lock_irqsave(&put_lock, &flags);
	list_add_tail(&d->link, &put_list);
	spin_unlock_irqrestore(&put_lock, flags);
	wake_up(&put_wait);
}

/* Drops one of *ref's counts unless it is the last: true when it did. */
static bool put_unless_last(int *ref)
{
	int v = __atomic_load_n(ref, __ATOMIC_RELAXED);

	while (v > 1) {
		if (__atomic_compare_exchange_n(ref, &v, v - 1, false,
						__ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
			return true;
	}
	return false;
}

void proc_put_mm(struct mm *mm)
{
	if (mm && !put_unless_last(&mm->users))
		put_later(PUT_MM, mm);
}

void proc_put_file(struct file *file)
{
	if (file && !put_unless_last(&file->f_ref))
		put_later(PUT_FILE, file);
}

/* struct files is private to the fd table: every put goes the long way. */
void proc_put_files(struct files *files)
{
	if (files)
		put_later(PUT_FILES, files);
}

static int proc_put_init(void)
{
	struct task *t = kthread_create(put_thread, NULL, "procfs-put");

	if (IS_ERR(t))
		return PTR_ERR(t);
	put_worker = t;
	return 0;
}
late_initcall(proc_put_init);
