/*
 * Readiness plumbing (<fs/poll.h>): vfs_poll(), and the registrations
 * that let one poll() or select() call sleep on the wait queues of many
 * files at once.
 *
 * A call scans its files once with a poll table; each poll_wait() of a
 * file's ->poll op then queues a poll_entry, a wait entry with a wake
 * callback (<core/wait.h>), which stays queued for the whole call. A
 * wake_up() on any of those queues sets pw->triggered and wakes the
 * poller, which re-scans without the table. Entries hold a reference on
 * their file so their queue outlives them; poll_free_wait() takes them
 * all down.
 */
#define pr_fmt(fmt) "poll: " fmt

#include "poll_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/time.h>
#include <fs/vfs.h>

#define CHUNK_ENTRIES	((4096 - sizeof(void *) - sizeof(unsigned int)) / \
			 sizeof(struct poll_entry))

struct poll_entry_chunk {
	struct poll_entry_chunk *next;
	unsigned int used;
	struct poll_entry entries[CHUNK_ENTRIES];
};

unsigned int vfs_poll(struct file *file, struct poll_table *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* Interrupts off (inside wake_up()). */
static void poll_wake(struct wait_entry *we)
{
	struct poll_entry *e = container_of(we, struct poll_entry, we);

	e->pw->triggered = true;
	wake_task(e->pw->task);
}

static struct poll_entry *entry_alloc(struct poll_wqueues *pw)
{
	struct poll_entry_chunk *c = pw->chunks;

	if (pw->inline_used < POLL_INLINE_ENTRIES)
		return &pw->inline_entries[pw->inline_used++];
	if (!c || c->used == CHUNK_ENTRIES) {
		c = kmalloc(sizeof(*c));
		if (!c)
			return NULL;
		c->used = 0;
		c->next = pw->chunks;
		pw->chunks = c;
	}
	return &c->entries[c->used++];
}

static void poll_queue(struct poll_table *pt, struct wait_queue *wq)
{
	struct poll_wqueues *pw = container_of(pt, struct poll_wqueues, pt);
	struct poll_entry *e = entry_alloc(pw);

	if (!e) {
		pw->error = -ENOMEM;
		return;
	}
	e->we = (struct wait_entry)WAIT_ENTRY_INIT(e->we);
	e->we.task = pw->task;
	e->we.wake = poll_wake;
	e->wq = wq;
	e->file = fget(pw->file);
	e->pw = pw;
	add_wait_entry(wq, &e->we);
}

void poll_init_wait(struct poll_wqueues *pw)
{
	pw->pt.queue = poll_queue;
	pw->file = NULL;
	pw->task = current;
	pw->triggered = false;
	pw->error = 0;
	pw->inline_used = 0;
	pw->chunks = NULL;
}

static void entry_free(struct poll_entry *e)
{
	remove_wait_entry(e->wq, &e->we);
	fput(e->file);
}

void poll_free_wait(struct poll_wqueues *pw)
{
	struct poll_entry_chunk *c, *next;

	for (unsigned int i = 0; i < pw->inline_used; i++)
		entry_free(&pw->inline_entries[i]);
	for (c = pw->chunks; c; c = next) {
		next = c->next;
		for (unsigned int i = 0; i < c->used; i++)
			entry_free(&c->entries[i]);
		kfree(c);
	}
	pw->inline_used = 0;
	pw->chunks = NULL;
}

bool poll_schedule(struct poll_wqueues *pw, uint64_t deadline)
{
	struct wait_queue self = WAIT_QUEUE_INIT(self);
	struct wait_entry we = WAIT_ENTRY_INIT(we);

	/*
	 * prepare_to_wait() on a private queue only marks us sleeping; the
	 * callbacks wake us with wake_task(). triggered covers a wake that
	 * came between the scan and now.
	 */
	prepare_to_wait(&self, &we, true);
	if (!READ_ONCE(pw->triggered) && !signal_pending_current() &&
	    clock_ns() < deadline) {
		if (deadline == POLL_INFINITE)
			schedule();
		else
			schedule_until(deadline);
	}
	finish_wait(&self, &we);
	pw->triggered = false;
	return clock_ns() < deadline;
}

long poll_loop(poll_scan_fn scan, void *arg, uint64_t deadline)
{
	struct poll_wqueues pw;
	struct poll_table *pt = &pw.pt;
	long ret;

	poll_init_wait(&pw);
	if (!poll_remaining(deadline))
		pt = NULL;
	for (;;) {
		ret = scan(arg, pt, &pw);
		pt = NULL;
		if (ret)
			break;
		if (pw.error) {
			ret = pw.error;
			break;
		}
		if (!poll_remaining(deadline))
			break;
		if (signal_pending_current()) {
			ret = -ERESTARTNOHAND;
			break;
		}
		poll_schedule(&pw, deadline);
	}
	poll_free_wait(&pw);
	return ret;
}
