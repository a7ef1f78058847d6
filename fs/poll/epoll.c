/*
 * epoll (epoll(7)): an interest list of (file, fd) items and a ready
 * list. Each item registers a wait entry with a wake callback on the
 * queues its file's ->poll names; a wake-up puts the item on the ready
 * list and wakes the epoll's waiters. epoll_wait re-polls each ready item
 * and reports what holds now:
 *  - level-triggered items go back on the ready list after being
 *    reported, and drop off once a re-poll finds nothing;
 *  - EPOLLET items leave it until their file's queue wakes again (every
 *    state change of a pipe, tty or eventfd wakes it, so a new write is
 *    reported again, as in Linux);
 *  - EPOLLONESHOT items are disabled after one report until EPOLL_CTL_MOD;
 *  - EPOLLEXCLUSIVE is accepted and behaves as a plain item (every
 *    waiter is woken; Linux may wake only one).
 * An item holds a reference on its file (Linux does not, and removes
 * items when the file's last fd closes): an item whose file nobody else
 * holds any more is dropped at the next epoll_wait, which gives the same
 * visible behaviour once the wait runs.
 *
 * Locking: ep->mtx guards the interest list and the item fields; the
 * ready list is also touched by the callbacks (interrupts off), so it
 * sits under ep->lock. Nested epolls lock outer before inner; loops are
 * refused (ELOOP), so the order never cycles.
 */
#define pr_fmt(fmt) "epoll: " fmt

#include "epoll.h"

#include "epoll_event.h"
#include "poll_internal.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/sched.h>
#include <core/slab.h>
#include <core/sync.h>
#include <core/uaccess.h>
#include <fs/anon_inode.h>
#include <fs/vfs.h>

#define EP_MAX_NESTS	4	/* as Linux */
/* Bits that only steer the item; the rest are events to report. */
#define EP_PRIVATE_BITS	(EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)

struct eventpoll {
	struct mutex mtx;
	struct spinlock lock;		/* rdllist */
	struct list_head items;		/* struct epitem.link */
	struct list_head rdllist;	/* struct epitem.rdlink */
	struct wait_queue wq;		/* epoll_wait callers */
	struct wait_queue poll_wq;	/* pollers of the epoll file */
};

struct ep_wait;

struct epitem {
	struct list_head link;
	struct list_head rdlink;	/* empty when not ready */
	struct eventpoll *ep;
	struct file *file;		/* a reference */
	int fd;
	uint32_t events;		/* with EPOLLERR | EPOLLHUP */
	uint64_t data;
	struct ep_wait *waits;
};

/* An item's entry on one of its file's wait queues. */
struct ep_wait {
	struct wait_entry we;
	struct wait_queue *wq;
	struct epitem *epi;
	struct ep_wait *next;
};

/* Registration state while an item is being added. */
struct ep_queue {
	struct poll_table pt;
	struct epitem *epi;
	int error;
};

static const struct file_ops epoll_fops;

bool file_is_epoll(const struct file *file)
{
	return file->f_op == &epoll_fops;
}

static void rdl_add(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, &flags);
	if (list_empty(&epi->rdlink))
		list_add_tail(&epi->rdlink, &ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
}

static void rdl_del(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;

	spin_lock_irqsave(&ep->lock, &flags);
	list_del(&epi->rdlink);
	spin_unlock_irqrestore(&ep->lock, flags);
}

static bool rdl_empty(struct eventpoll *ep)
{
	unsigned long flags;
	bool empty;

	spin_lock_irqsave(&ep->lock, &flags);
	empty = list_empty(&ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
	return empty;
}

/* A queue of the item's file woke (interrupts off). */
static void ep_wake(struct wait_entry *we)
{
	struct epitem *epi = container_of(we, struct ep_wait, we)->epi;
	struct eventpoll *ep = epi->ep;

	if (!(READ_ONCE(epi->events) & ~EP_PRIVATE_BITS))
		return;		/* a disarmed one-shot item */
	rdl_add(ep, epi);
	wake_up(&ep->wq);
	wake_up(&ep->poll_wq);
}

static void ep_queue(struct poll_table *pt, struct wait_queue *wq)
{
	struct ep_queue *q = container_of(pt, struct ep_queue, pt);
	struct ep_wait *w = kmalloc(sizeof(*w));

	if (!w) {
		q->error = -ENOMEM;
		return;
	}
	w->we = (struct wait_entry)WAIT_ENTRY_INIT(w->we);
	w->we.task = NULL;
	w->we.wake = ep_wake;
	w->wq = wq;
	w->epi = q->epi;
	w->next = q->epi->waits;
	q->epi->waits = w;
	add_wait_entry(wq, &w->we);
}

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	for (struct list_head *l = ep->items.next; l != &ep->items; l = l->next) {
		struct epitem *epi = list_entry(l, struct epitem, link);

		if (epi->file == file && epi->fd == fd)
			return epi;
	}
	return NULL;
}

/* Takes the item down. Caller holds ep->mtx. */
static void ep_remove(struct eventpoll *ep, struct epitem *epi)
{
	struct ep_wait *w, *next;

	for (w = epi->waits; w; w = next) {
		next = w->next;
		remove_wait_entry(w->wq, &w->we);
		kfree(w);
	}
	rdl_del(ep, epi);
	list_del(&epi->link);
	fput(epi->file);
	kfree(epi);
}

/* Only the item holds the file: every fd of it is closed. */
static bool ep_file_closed(struct epitem *epi)
{
	return __atomic_load_n(&epi->file->f_ref, __ATOMIC_ACQUIRE) == 1;
}

/*
 * True when ep can be reached from the epoll `from` through items, or
 * the nesting is deeper than EP_MAX_NESTS (both: ELOOP).
 */
static bool ep_reaches(struct eventpoll *from, struct eventpoll *ep, int depth)
{
	struct file *children[16];
	unsigned int n = 0;
	bool found = false;

	if (from == ep || depth > EP_MAX_NESTS)
		return true;
	mutex_lock(&from->mtx);
	for (struct list_head *l = from->items.next; l != &from->items;
	     l = l->next) {
		struct epitem *epi = list_entry(l, struct epitem, link);

		if (!file_is_epoll(epi->file))
			continue;
		if (n == ARRAY_SIZE(children)) {
			found = true;	/* too wide to check: refuse */
			break;
		}
		children[n++] = fget(epi->file);
	}
	mutex_unlock(&from->mtx);
	for (unsigned int i = 0; i < n; i++) {
		if (!found)
			found = ep_reaches(children[i]->private_data, ep,
					   depth + 1);
		fput(children[i]);
	}
	return found;
}

static int ep_insert(struct eventpoll *ep, struct file *tfile, int fd,
		     uint32_t events, uint64_t data)
{
	struct ep_queue q = { .pt.queue = ep_queue };
	struct epitem *epi = kzalloc(sizeof(*epi));
	unsigned int revents;

	if (!epi)
		return -ENOMEM;
	list_init(&epi->rdlink);
	epi->ep = ep;
	epi->file = fget(tfile);
	epi->fd = fd;
	epi->events = events;
	epi->data = data;
	list_add_tail(&epi->link, &ep->items);
	q.epi = epi;
	revents = vfs_poll(tfile, &q.pt);
	if (q.error) {
		ep_remove(ep, epi);
		return q.error;
	}
	if (revents & events) {
		rdl_add(ep, epi);
		wake_up(&ep->wq);
		wake_up(&ep->poll_wq);
	}
	return 0;
}

static void ep_modify(struct eventpoll *ep, struct epitem *epi,
		      uint32_t events, uint64_t data)
{
	WRITE_ONCE(epi->events, events);
	epi->data = data;
	if (vfs_poll(epi->file, NULL) & events) {
		rdl_add(ep, epi);
		wake_up(&ep->wq);
		wake_up(&ep->poll_wq);
	}
}

int epoll_ctl_file(struct file *epfile, int op, struct file *tfile, int fd,
		   uint32_t events, uint64_t data)
{
	struct eventpoll *ep = epfile->private_data;
	struct epitem *epi;
	int err;

	if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_MOD && op != EPOLL_CTL_DEL)
		return -EINVAL;
	if (!tfile->f_op || !tfile->f_op->poll)
		return -EPERM;
	events |= EPOLLERR | EPOLLHUP;
	if (events & EPOLLEXCLUSIVE) {
		if (op == EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == EPOLL_CTL_ADD &&
		    (file_is_epoll(tfile) ||
		     (events & ~(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP |
				 EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE))))
			return -EINVAL;
	}
	if (tfile == epfile || !file_is_epoll(epfile))
		return -EINVAL;
	if (op == EPOLL_CTL_ADD && file_is_epoll(tfile) &&
	    ep_reaches(tfile->private_data, ep, 1))
		return -ELOOP;

	mutex_lock(&ep->mtx);
	epi = ep_find(ep, tfile, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		err = epi ? -EEXIST : ep_insert(ep, tfile, fd, events, data);
		break;
	case EPOLL_CTL_MOD:
		err = -ENOENT;
		if (epi && !(epi->events & EPOLLEXCLUSIVE)) {
			ep_modify(ep, epi, events, data);
			err = 0;
		} else if (epi) {
			err = -EINVAL;
		}
		break;
	default:
		err = -ENOENT;
		if (epi) {
			ep_remove(ep, epi);
			err = 0;
		}
		break;
	}
	mutex_unlock(&ep->mtx);
	return err;
}

/* Drops the items whose files were closed. Caller holds ep->mtx. */
static void ep_sweep(struct eventpoll *ep)
{
	struct list_head *l, *next;

	for (l = ep->items.next; l != &ep->items; l = next) {
		struct epitem *epi = list_entry(l, struct epitem, link);

		next = l->next;
		if (ep_file_closed(epi))
			ep_remove(ep, epi);
	}
}

/*
 * Moves the ready items to a private list and reports up to maxevents of
 * them to user space; items found not ready leave the ready list. With
 * uevents NULL only peeks: 1 when some item has an event (it stays
 * ready, nothing is disarmed), else 0. Caller holds ep->mtx. Returns the
 * count or -EFAULT.
 */
static int ep_send_events(struct eventpoll *ep, void *uevents, int maxevents)
{
	bool packed = EPOLL_EVENT_PACKED;
	size_t size = epoll_event_size(packed);
	struct list_head tx = LIST_HEAD_INIT(tx);
	unsigned long flags;
	char buf[EPOLL_EVENT_SIZE_ALIGNED];
	int count = 0;

	spin_lock_irqsave(&ep->lock, &flags);
	if (!list_empty(&ep->rdllist)) {
		tx.next = ep->rdllist.next;
		tx.prev = ep->rdllist.prev;
		tx.next->prev = &tx;
		tx.prev->next = &tx;
		list_init(&ep->rdllist);
	}
	spin_unlock_irqrestore(&ep->lock, flags);

	while (!list_empty(&tx) && count < maxevents) {
		struct epitem *epi = list_first_entry(&tx, struct epitem,
						      rdlink);
		unsigned int revents;

		spin_lock_irqsave(&ep->lock, &flags);
		list_del(&epi->rdlink);
		spin_unlock_irqrestore(&ep->lock, flags);
		if (ep_file_closed(epi)) {
			ep_remove(ep, epi);
			continue;
		}
		revents = vfs_poll(epi->file, NULL) & epi->events;
		if (!revents)
			continue;
		if (!uevents) {
			/* A peek (epoll_poll()): the item stays as it was. */
			list_add(&epi->rdlink, &tx);
			count = 1;
			break;
		}
		epoll_event_encode(buf, packed, revents, epi->data);
		if (copy_to_user((char *)uevents + count * size, buf, size)) {
			rdl_add(ep, epi);
			if (!count)
				count = -EFAULT;
			break;
		}
		count++;
		if (epi->events & EPOLLONESHOT)
			WRITE_ONCE(epi->events, epi->events & EP_PRIVATE_BITS);
		else if (!(epi->events & EPOLLET))
			rdl_add(ep, epi);
	}

	/* What was not reported stays ready, ahead of the re-queued. */
	spin_lock_irqsave(&ep->lock, &flags);
	while (!list_empty(&tx)) {
		struct list_head *last = tx.prev;

		list_del(last);
		list_add(last, &ep->rdllist);
	}
	spin_unlock_irqrestore(&ep->lock, flags);
	return count;
}

long epoll_wait_file(struct file *epfile, void *uevents, int maxevents,
		     uint64_t deadline)
{
	struct eventpoll *ep = epfile->private_data;
	struct wait_entry we = WAIT_ENTRY_INIT(we);
	long ret;

	mutex_lock(&ep->mtx);
	ep_sweep(ep);
	mutex_unlock(&ep->mtx);
	for (;;) {
		if (mutex_lock_interruptible(&ep->mtx))
			return -EINTR;
		ret = ep_send_events(ep, uevents, maxevents);
		mutex_unlock(&ep->mtx);
		if (ret)
			return ret;
		if (!poll_remaining(deadline))
			return 0;
		if (signal_pending_current())
			return -EINTR;
		prepare_to_wait(&ep->wq, &we, true);
		if (rdl_empty(ep)) {
			if (deadline == POLL_INFINITE)
				schedule();
			else
				schedule_until(deadline);
		}
		finish_wait(&ep->wq, &we);
	}
}

static unsigned int epoll_poll(struct file *file, struct poll_table *pt)
{
	struct eventpoll *ep = file->private_data;
	int ready;

	poll_wait(file, &ep->poll_wq, pt);
	/* Readable when an item really has an event now. */
	mutex_lock(&ep->mtx);
	ready = ep_send_events(ep, NULL, 1);
	mutex_unlock(&ep->mtx);
	return ready > 0 ? POLLIN | POLLRDNORM : 0;
}

static void epoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;

	mutex_lock(&ep->mtx);
	while (!list_empty(&ep->items))
		ep_remove(ep, list_first_entry(&ep->items, struct epitem, link));
	mutex_unlock(&ep->mtx);
	kfree(ep);
}

/* As Linux's noop_llseek: the position stays 0. */
static int64_t epoll_llseek(struct file *file, int64_t offset, int whence)
{
	return file->f_pos;
}

static const struct file_ops epoll_fops = {
	.poll = epoll_poll,
	.llseek = epoll_llseek,
	.release = epoll_release,
};

struct file *epoll_file_create(void)
{
	struct eventpoll *ep = kzalloc(sizeof(*ep));
	struct file *file;

	if (!ep)
		return ERR_PTR(-ENOMEM);
	mutex_init(&ep->mtx);
	ep->lock = SPINLOCK_INIT;
	list_init(&ep->items);
	list_init(&ep->rdllist);
	wait_queue_init(&ep->wq);
	wait_queue_init(&ep->poll_wq);
	file = anon_file_create(&epoll_fops, ep, O_RDWR);
	if (IS_ERR(file))
		kfree(ep);
	return file;
}
