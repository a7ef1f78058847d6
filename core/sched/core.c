/*
 * The scheduler core (<core/sched.h>): task states, the switch, kernel
 * threads and their exit, sleeping with a deadline, the tick, preemption.
 * The order in which runnable tasks get the CPU belongs to the build's
 * struct sched_class (fair.c or rr.c); this file never looks inside the
 * run queue.
 *
 * One CPU. Everything that touches the run queue or task states runs with
 * interrupts off. preempt_count counts the reasons the running code must
 * not be switched away (spinlocks, preempt_disable(), the scheduler
 * itself): every switch happens with it at exactly 1, taken by the
 * switching schedule() and dropped by whichever code resumes.
 */
#define pr_fmt(fmt) "sched: " fmt

#include <core/sched.h>

#include <arch/context.h>
#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/user.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/panic.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/sync.h>
#include <core/time.h>
#include <core/vm.h>

/* Lowest word of every kernel thread stack: overwritten means overflow. */
#define STACK_CANARY 0x57ac4ca7a4e7c0deULL

/* The boot thread; it runs on the boot stack, which it never leaves. */
static struct task idle_task = {
	.state = TASK_RUNNING,
	.name = "idle",
	.se.link = LIST_HEAD_INIT(idle_task.se.link),
	.timer_link = LIST_HEAD_INIT(idle_task.timer_link),
};

static struct rq rq = {
	.curr = &idle_task,
	.fifo = LIST_HEAD_INIT(rq.fifo),
};

/* Tasks in schedule_until(), earliest deadline first. */
static struct list_head timed_sleepers = LIST_HEAD_INIT(timed_sleepers);

static bool need_resched;
static unsigned int preempt_count;
/* The task switched away from by the last switch, for finish_switch(). */
static struct task *last_prev;
static unsigned int nr_tasks = 1;

/* Statistics: switches, blocked user tasks, the load averages. */
static uint64_t nr_switches;
static unsigned int nr_blocked;
static unsigned long avenrun[3];
static uint64_t next_load_ns;

#define LOAD_FREQ_NS	(5 * NSEC_PER_SEC)
/* 2^11 / e^(5 s / 1, 5, 15 min): Linux's EXP_1, EXP_5, EXP_15. */
static const unsigned long load_exp[3] = { 1884, 2014, 2037 };

struct task *sched_current(void)
{
	return rq.curr;
}

void preempt_disable(void)
{
	preempt_count++;
	barrier();
}

static void __schedule(bool preempt);

/*
 * Switches now if a switch is due and nothing holds it off. This is a
 * preemption, not a sleep: a task between prepare_to_wait() and its
 * schedule() (state TASK_SLEEPING, say after a spin_unlock) stays on the
 * run queue, or the wake-up it is about to wait for could already have
 * been missed.
 */
static void preempt_check(void)
{
	unsigned long flags;

	if (!need_resched || preempt_count || !arch_irqs_enabled())
		return;
	flags = arch_irq_save();
	preempt_count = 1;
	__schedule(true);
	preempt_count = 0;
	arch_irq_restore(flags);
}

void preempt_enable(void)
{
	barrier();
	if (preempt_count == 0)
		panic("BUG: preempt_enable() without preempt_disable() in %s",
		      rq.curr->name);
	if (--preempt_count == 0)
		preempt_check();
}

/* Charges the CPU time since the last charge to the running task. */
static void charge_curr(uint64_t now)
{
	struct task *curr = rq.curr;
	uint64_t delta = now - curr->se.exec_start_ns;

	curr->se.exec_start_ns = now;
	curr->se.sum_exec_ns += delta;
	if (curr != &idle_task)
		sched_class.charge(&rq, curr, delta);
}

static void enqueue(struct task *t, unsigned int flags)
{
	t->state = TASK_READY;
	t->se.on_rq = true;
	sched_class.enqueue(&rq, t, flags);
	if (rq.curr == &idle_task || sched_class.wakeup_preempt(&rq, rq.curr, t))
		need_resched = true;
}

bool wake_task(struct task *t)
{
	unsigned long flags = arch_irq_save();
	bool woke = t->state == TASK_SLEEPING;

	if (woke) {
		list_del(&t->timer_link);
		if (t->load_blocked) {
			t->load_blocked = false;
			nr_blocked--;
		}
		if (t == rq.curr) {
			/* Woken between deciding to sleep and schedule(). */
			t->state = TASK_RUNNING;
		} else if (t->se.on_rq) {
			/* Preempted on its way to sleep: still queued. */
			t->state = TASK_READY;
		} else if (t == &idle_task) {
			t->state = TASK_READY;
			need_resched = true;
		} else {
			enqueue(t, ENQUEUE_WAKEUP);
		}
	}
	arch_irq_restore(flags);
	preempt_check();
	return woke;
}

static void free_task(struct task *t)
{
	unsigned long flags;

	/* A kernel thread's id; user tasks give theirs back in do_exit(). */
	if (t->tid > 0) {
		spin_lock_irqsave(&tasklist_lock, &flags);
		pid_free(t->tid);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	task_free(t);
	nr_tasks--;
}

/* The first thing a task does after being switched to. */
static void finish_switch(void)
{
	if (last_prev->state == TASK_DEAD)
		free_task(last_prev);
}

/* The next task to run, taken off the queue; may wait for an interrupt. */
static struct task *pick_next(void)
{
	struct task *next;

	for (;;) {
		next = sched_class.pick_next(&rq);
		if (next) {
			next->se.on_rq = false;
			break;
		}
		if (idle_task.state != TASK_SLEEPING) {
			next = &idle_task;
			break;
		}
		/*
		 * Boot code in the idle task sleeps and nothing else can run:
		 * idle right here until an interrupt wakes someone. The gap
		 * between enabling and halting can cost one tick of latency,
		 * never a lost wakeup: the next tick wakes the CPU.
		 */
		arch_irq_enable();
		arch_wait_for_interrupt();
		arch_irq_disable();
	}
	if (next->state == TASK_READY)
		next->state = TASK_RUNNING;
	return next;
}

static void check_stack(const struct task *t)
{
	if (t->stack && *(const uint64_t *)t->stack != STACK_CANARY)
		panic("kernel stack overflow in task %s (tid %d)", t->name,
		      t->tid);
}

/*
 * prev leaves the CPU: runnable (preempted, yielding) is an involuntary
 * switch, blocking a voluntary one, as Linux counts them. A user task
 * that blocks uninterruptibly counts in the load until woken.
 */
static void count_switch(struct task *prev)
{
	nr_switches++;
	if (prev->state == TASK_READY) {
		prev->nivcsw++;
		return;
	}
	prev->nvcsw++;
	if (prev->state == TASK_SLEEPING && !prev->sleep_interruptible &&
	    prev->proc && !prev->load_blocked) {
		prev->load_blocked = true;
		nr_blocked++;
	}
}

/*
 * Switches to the next task. Interrupts are off and preempt_count is 1.
 * preempt: the running task is being preempted, so it stays runnable even
 * if it was about to sleep (it will call schedule() again when resumed).
 */
static void __schedule(bool preempt)
{
	struct task *prev = rq.curr, *next;

	charge_curr(clock_ns());
	if (prev == &idle_task) {
		if (prev->state == TASK_RUNNING)
			prev->state = TASK_READY;
	} else if (prev->state == TASK_RUNNING ||
		   (preempt && prev->state == TASK_SLEEPING)) {
		if (prev->state == TASK_RUNNING)
			prev->state = TASK_READY;
		prev->se.on_rq = true;
		sched_class.put_prev(&rq, prev);
	}

	next = pick_next();
	need_resched = false;
	next->se.exec_start_ns = clock_ns();
	if (next == prev)
		return;
	count_switch(prev);
	check_stack(prev);
	rq.curr = next;
	last_prev = prev;
	/* Kernel threads keep whatever space is loaded: they touch no user memory. */
	if (next->mm && next->mm != mm_current())
		mm_switch(next->mm);
	arch_switch_thread(prev, next);
	arch_context_switch(&prev->ctx, &next->ctx);
	finish_switch();
}

void schedule(void)
{
	unsigned long flags;

	if (preempt_count)
		panic("BUG: scheduling while atomic (preempt_count %u) in %s",
		      preempt_count, rq.curr->name);
	flags = arch_irq_save();
	preempt_count = 1;
	__schedule(false);
	preempt_count = 0;
	arch_irq_restore(flags);
}

void sched_irq_exit(void)
{
	if (!need_resched || preempt_count)
		return;
	/* Idle about to sleep in boot code: it calls schedule() itself. */
	if (rq.curr == &idle_task && idle_task.state == TASK_SLEEPING)
		return;
	preempt_count = 1;
	__schedule(true);
	preempt_count = 0;
}

unsigned int sched_nr_running(void)
{
	return READ_ONCE(rq.nr_queued) + (READ_ONCE(rq.curr) != &idle_task);
}

unsigned int sched_nr_blocked(void)
{
	return READ_ONCE(nr_blocked);
}

uint64_t sched_nr_switches(void)
{
	return READ_ONCE(nr_switches);
}

void sched_loadavg(unsigned long loads[3])
{
	unsigned long flags = arch_irq_save();

	for (int i = 0; i < 3; i++)
		loads[i] = avenrun[i];
	arch_irq_restore(flags);
}

/* Linux's calc_load(): one step of the decay towards active. */
static unsigned long calc_load(unsigned long load, unsigned long exp,
			       unsigned long active)
{
	unsigned long next = load * exp + active * (LOAD_FIXED_1 - exp);

	if (active >= load)
		next += LOAD_FIXED_1 - 1;
	return next / LOAD_FIXED_1;
}

static void sample_load(uint64_t now)
{
	unsigned long active;

	if (now < next_load_ns)
		return;
	next_load_ns = (next_load_ns ? next_load_ns : now) + LOAD_FREQ_NS;
	active = (unsigned long)(sched_nr_running() + nr_blocked) *
		 LOAD_FIXED_1;
	for (int i = 0; i < 3; i++)
		avenrun[i] = calc_load(avenrun[i], load_exp[i], active);
}

void sched_tick(void)
{
	uint64_t now = clock_ns();
	struct task *t;

	cputime_tick(rq.curr, rq.curr == &idle_task);
	sample_load(now);
	charge_curr(now);
	if (rq.curr == &idle_task) {
		if (rq.nr_queued)
			need_resched = true;
	} else if (sched_class.tick(&rq, rq.curr)) {
		need_resched = true;
	}

	while (!list_empty(&timed_sleepers)) {
		t = list_first_entry(&timed_sleepers, struct task, timer_link);
		if (t->wake_at_ns > now)
			break;
		wake_task(t);
	}
}

void schedule_until(uint64_t deadline_ns)
{
	struct task *t = current, *other;
	struct list_head *pos;
	unsigned long flags = arch_irq_save();

	if (t->state == TASK_SLEEPING) {
		if (clock_ns() >= deadline_ns) {
			t->state = TASK_RUNNING;
		} else {
			t->wake_at_ns = deadline_ns;
			for (pos = timed_sleepers.next; pos != &timed_sleepers;
			     pos = pos->next) {
				other = list_entry(pos, struct task, timer_link);
				if (other->wake_at_ns > deadline_ns)
					break;
			}
			list_add_tail(&t->timer_link, pos);
		}
	}
	arch_irq_restore(flags);
	schedule();
	flags = arch_irq_save();
	list_del(&t->timer_link);
	arch_irq_restore(flags);
}

void sleep_until(uint64_t deadline_ns)
{
	while (clock_ns() < deadline_ns) {
		current->state = TASK_SLEEPING;
		schedule_until(deadline_ns);
	}
}

void sched_yield(void)
{
	unsigned long flags = arch_irq_save();

	if (rq.curr != &idle_task)
		sched_class.yield(&rq, rq.curr);
	arch_irq_restore(flags);
	schedule();
}

void sched_set_nice(struct task *t, int nice)
{
	unsigned long flags = arch_irq_save();

	nice = MAX(NICE_MIN, MIN(NICE_MAX, nice));
	if (t->se.on_rq) {
		sched_class.dequeue(&rq, t);
		t->nice = nice;
		sched_class.enqueue(&rq, t, 0);
	} else {
		t->nice = nice;
	}
	arch_irq_restore(flags);
}

uint64_t task_runtime_ns(const struct task *t)
{
	return READ_ONCE(t->se.sum_exec_ns);
}

unsigned int sched_nr_tasks(void)
{
	return READ_ONCE(nr_tasks);
}

bool sched_need_resched(void)
{
	return READ_ONCE(need_resched);
}

void schedule_tail(void)
{
	finish_switch();
	preempt_count = 0;
	arch_irq_enable();
}

/* First code of a kernel thread, entered from the switch in __schedule. */
static void kthread_entry(void *arg)
{
	struct task *self = arg;

	schedule_tail();
	self->thread_fn(self->thread_arg);
	task_exit();
}

struct task *task_alloc(const char *name)
{
	struct task *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->stack = kmalloc(KTHREAD_STACK_SIZE);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	*(uint64_t *)t->stack = STACK_CANARY;
	strlcpy(t->name, name, sizeof(t->name));
	list_init(&t->se.link);
	list_init(&t->timer_link);
	list_init(&t->thread_link);
	return t;
}

void task_free(struct task *t)
{
	kfree(t->stack);
	kfree(t);
}

void task_start(struct task *t)
{
	unsigned long flags = arch_irq_save();

	nr_tasks++;
	enqueue(t, ENQUEUE_NEW);
	arch_irq_restore(flags);
	preempt_check();
}

struct task *kthread_create(void (*fn)(void *), void *arg, const char *name)
{
	struct task *t = task_alloc(name);
	unsigned long flags;
	int tid;

	if (!t)
		return ERR_PTR(-ENOMEM);
	spin_lock_irqsave(&tasklist_lock, &flags);
	tid = pid_alloc();
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tid < 0) {
		task_free(t);
		return ERR_PTR(tid);
	}
	t->thread_fn = fn;
	t->thread_arg = arg;
	/* Below the user register frame: a kthread may become init. */
	arch_context_init(&t->ctx, kthread_entry, t, task_pt_regs(t));
	t->tid = tid;
	task_start(t);
	return t;
}

void task_exit(void)
{
	struct task *t = current;

	if (t == &idle_task)
		panic("the idle task cannot exit");
	arch_irq_disable();
	if (preempt_count)
		panic("BUG: task %s exits with preempt_count %u", t->name,
		      preempt_count);
	preempt_count = 1;
	list_del(&t->timer_link);
	t->state = TASK_DEAD;
	__schedule(false);
	panic("dead task %s was scheduled", t->name);
}

static int sched_init(void)
{
	pr_info("%s scheduler, kernel threads have %d KiB stacks\n",
		sched_class.name, KTHREAD_STACK_SIZE / 1024);
	return 0;
}
core_initcall(sched_init);
