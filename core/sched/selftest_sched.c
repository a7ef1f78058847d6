/*
 * test=sched (<core/selftest.h>): the scheduler on the real machine. It
 * runs in a kernel thread of its own, while the boot thread goes on to be
 * the idle task:
 *
 *   a. two CPU-bound threads that never block both make progress (only
 *      preemption can do that); their CPU time is reported, and with the
 *      fair class nice 0 must get more than nice 5;
 *   b. two threads pass a ball over two wait queues 1000 times;
 *   c. three threads increment a counter 10,000 times each under a mutex,
 *      yielding inside it now and then so the others contend; no update
 *      may be lost;
 *   d. sleeping until a deadline and wait_event_timeout() take at least
 *      the time asked (no upper bound: QEMU under TCG on a busy host);
 *   e. every thread that exited was freed.
 *
 * Timing figures are reported, never asserted.
 */
#define pr_fmt(fmt) "selftest: " fmt

#include <core/selftest.h>

#include <arch/power.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/sync.h>
#include <core/time.h>
#include <core/wait.h>

#define NSEC_PER_MSEC		1000000ULL
#define HOG_RUN_NS		(400 * NSEC_PER_MSEC)
#define PING_PONG_ROUNDS	1000
#define MUTEX_THREADS		3
#define MUTEX_LOOPS		10000
#define SLEEP_NS		(30 * NSEC_PER_MSEC)

#define fail(fmt, ...)                                                  \
	do {                                                            \
		pr_err("sched FAILED: " fmt "\n", ##__VA_ARGS__);       \
		arch_poweroff();                                        \
	} while (0)

/* Threads report their end here. */
static struct spinlock done_lock;
static int done;
static struct wait_queue done_wq = WAIT_QUEUE_INIT(done_wq);
static unsigned int threads_started;

static void thread_done(void)
{
	unsigned long flags;

	spin_lock_irqsave(&done_lock, &flags);
	done++;
	spin_unlock_irqrestore(&done_lock, flags);
	wake_up(&done_wq);
}

static struct task *start(void (*fn)(void *), void *arg, const char *name)
{
	struct task *t = kthread_create(fn, arg, name);

	if (IS_ERR(t))
		fail("kthread_create(%s): %ld", name, PTR_ERR(t));
	threads_started++;
	return t;
}

/* Waits for n threads started since the last call to report their end. */
static void wait_threads(int n)
{
	wait_event(&done_wq, READ_ONCE(done) == n);
	done = 0;
}

/* a. CPU-bound threads. */
struct hog {
	volatile uint64_t loops;
	uint64_t runtime_ns;
};

static volatile bool hogs_stop;

static void hog_fn(void *arg)
{
	struct hog *h = arg;

	while (!hogs_stop)
		h->loops++;
	h->runtime_ns = task_runtime_ns(current);
	thread_done();
}

static void run_hogs(int nice_b, struct hog *h)
{
	struct task *b;

	h[0].loops = h[1].loops = 0;
	hogs_stop = false;
	start(hog_fn, &h[0], "hog-a");
	b = start(hog_fn, &h[1], "hog-b");
	sched_set_nice(b, nice_b);
	sleep_until(clock_ns() + HOG_RUN_NS);
	hogs_stop = true;
	wait_threads(2);
	if (!h[0].loops || !h[1].loops)
		fail("a CPU-bound thread never ran (%llu, %llu loops)",
		     (unsigned long long)h[0].loops,
		     (unsigned long long)h[1].loops);
}

static unsigned long ms(uint64_t ns)
{
	return (unsigned long)(ns / NSEC_PER_MSEC);
}

/* b. Ping-pong over wait queues. */
static struct wait_queue ping_wq = WAIT_QUEUE_INIT(ping_wq);
static struct wait_queue pong_wq = WAIT_QUEUE_INIT(pong_wq);
static int ball;	/* 0: ping's turn, 1: pong's */
static int rounds[2];

static void player_fn(void *arg)
{
	int me = (int)(uintptr_t)arg, i;
	struct wait_queue *mine = me ? &pong_wq : &ping_wq;
	struct wait_queue *other = me ? &ping_wq : &pong_wq;

	for (i = 0; i < PING_PONG_ROUNDS; i++) {
		wait_event(mine, READ_ONCE(ball) == me);
		WRITE_ONCE(ball, !me);
		rounds[me]++;
		wake_up(other);
	}
	thread_done();
}

/* c. A contended mutex. */
static struct mutex counter_lock = MUTEX_INIT(counter_lock);
static unsigned long counter, contended;

static void incr_fn(void *arg)
{
	unsigned long v;
	bool busy;
	int i;

	for (i = 0; i < MUTEX_LOOPS; i++) {
		busy = READ_ONCE(counter_lock.owner) != NULL;
		mutex_lock(&counter_lock);
		if (busy)
			contended++;
		v = counter;
		/* Give the CPU away with the lock held: the others block. */
		if (i % 500 == 0)
			sched_yield();
		counter = v + 1;
		mutex_unlock(&counter_lock);
	}
	thread_done();
}

/* d. Timed waits. */
static struct wait_queue flag_wq = WAIT_QUEUE_INIT(flag_wq);
static bool flag;

static void flag_fn(void *arg)
{
	sleep_until(clock_ns() + 10 * NSEC_PER_MSEC);
	WRITE_ONCE(flag, true);
	wake_up(&flag_wq);
	thread_done();
}

static void test_main(void *arg)
{
	unsigned int base_tasks = sched_nr_tasks();
	struct hog eq[2], nice[2];
	uint64_t t0, ping_ns, slept_ns, timeout_ns, left;
	bool fair = IS_ENABLED(CONFIG_SCHED_FAIR);
	int i;

	pr_info("sched: %s class, %u tasks\n", sched_class.name, base_tasks);

	/* a */
	run_hogs(0, eq);
	run_hogs(5, nice);
	pr_info("sched: nice 0/0 ran %lu/%lu ms; nice 0/5 ran %lu/%lu ms\n",
		ms(eq[0].runtime_ns), ms(eq[1].runtime_ns),
		ms(nice[0].runtime_ns), ms(nice[1].runtime_ns));
	if (fair && nice[0].runtime_ns <= nice[1].runtime_ns)
		fail("nice 5 got as much CPU as nice 0 (%lu vs %lu ms)",
		     ms(nice[1].runtime_ns), ms(nice[0].runtime_ns));

	/* b */
	t0 = clock_ns();
	start(player_fn, (void *)0, "ping");
	start(player_fn, (void *)1, "pong");
	wait_threads(2);
	ping_ns = clock_ns() - t0;
	if (rounds[0] != PING_PONG_ROUNDS || rounds[1] != PING_PONG_ROUNDS)
		fail("ping-pong rounds %d/%d", rounds[0], rounds[1]);

	/* c */
	for (i = 0; i < MUTEX_THREADS; i++)
		start(incr_fn, NULL, "incr");
	wait_threads(MUTEX_THREADS);
	if (counter != MUTEX_THREADS * MUTEX_LOOPS)
		fail("mutex counter %lu, expected %d", counter,
		     MUTEX_THREADS * MUTEX_LOOPS);
	if (!contended)
		fail("the mutex was never contended");

	/* d */
	t0 = clock_ns();
	sleep_until(t0 + SLEEP_NS);
	slept_ns = clock_ns() - t0;
	if (slept_ns < SLEEP_NS)
		fail("slept %llu ns, asked %llu", (unsigned long long)slept_ns,
		     SLEEP_NS);
	t0 = clock_ns();
	left = wait_event_timeout(&flag_wq, READ_ONCE(flag), SLEEP_NS);
	timeout_ns = clock_ns() - t0;
	if (left != 0 || timeout_ns < SLEEP_NS)
		fail("wait_event_timeout: %llu left after %llu ns",
		     (unsigned long long)left,
		     (unsigned long long)timeout_ns);
	start(flag_fn, NULL, "flag");
	left = wait_event_timeout(&flag_wq, READ_ONCE(flag), 1000 * NSEC_PER_MSEC);
	if (left == 0)
		fail("wait_event_timeout missed a wake_up");
	wait_threads(1);

	/* e: exited threads are freed by whoever runs after them. */
	sleep_until(clock_ns() + 20 * NSEC_PER_MSEC);
	if (sched_nr_tasks() != base_tasks)
		fail("%u tasks left, %u at the start", sched_nr_tasks(),
		     base_tasks);

	pr_notice("sched passed (%s: nice 0/0 %lu/%lu ms, nice 0/5 %lu/%lu ms; "
		  "%d ping-pongs in %lu ms; mutex %lu/%d, %lu contended; "
		  "slept %lu us for %lu; %u threads reaped)\n",
		  sched_class.name, ms(eq[0].runtime_ns), ms(eq[1].runtime_ns),
		  ms(nice[0].runtime_ns), ms(nice[1].runtime_ns),
		  PING_PONG_ROUNDS, ms(ping_ns), counter,
		  MUTEX_THREADS * MUTEX_LOOPS, contended,
		  (unsigned long)(slept_ns / 1000),
		  (unsigned long)(SLEEP_NS / 1000), threads_started);
	arch_poweroff();
}

void selftest_sched(void)
{
	start(test_main, NULL, "selftest");
}
