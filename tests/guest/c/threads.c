/*
 * Threads: creation and join, thread-local storage, a contended mutex,
 * condition variables (futex wait/wake), gettid, and exit_group killing
 * the other threads.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define THREADS 4
#define LOOPS 20000

static __thread int tls_value = 11;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int ready;
static pid_t tids[THREADS];

static void *worker(void *arg)
{
	long id = (long)arg;

	tls_value = 100 + id;
	tids[id] = syscall(SYS_gettid);
	for (int i = 0; i < LOOPS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(long)tls_value;
}

static void *waiter(void *arg)
{
	pthread_mutex_lock(&lock);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return (void *)42;
}

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS], w;
	void *ret;
	int distinct = 1, status;
	pid_t pid;

	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	int tls_ok = 1;
	for (long i = 0; i < THREADS; i++) {
		pthread_join(t[i], &ret);
		tls_ok &= (long)ret == 100 + i;
	}
	ok(tls_ok, "each thread has its own TLS value");
	is_long(tls_value, 11, "the main thread's TLS is untouched");
	is_long(counter, (long)THREADS * LOOPS, "a contended mutex loses no increment");
	for (int i = 0; i < THREADS; i++)
		for (int j = 0; j < i; j++)
			distinct &= tids[i] != tids[j] && tids[i] != getpid();
	ok(distinct, "threads have distinct tids");

	pthread_create(&w, NULL, waiter, NULL);
	usleep(100000);
	pthread_mutex_lock(&lock);
	ready = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	pthread_join(w, &ret);
	is_long((long)ret, 42, "a condition variable wakes its waiter");

	if ((pid = fork()) == 0) {
		pthread_t s;

		pthread_create(&s, NULL, sleeper, NULL);
		pthread_create(&s, NULL, sleeper, NULL);
		usleep(50000);
		exit(9);	/* exit_group: the sleepers go too */
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 9,
	   "exit from a threaded process ends every thread");

	if ((pid = fork()) == 0) {
		pthread_t s;

		pthread_create(&s, NULL, sleeper, NULL);
		usleep(50000);
		*(volatile int *)0 = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a fault in a threaded process kills the whole process");

	return done_testing();
}
