/*
 * A mutex for the VM unit tests: the tests run on one thread, so a mutex
 * taken twice is a deadlock the kernel would hit (the VM layer must never
 * call one locked entry point from another), and an unlock of a free
 * mutex is a bug; both abort the test.
 */
#include <core/sync.h>

#include <stdio.h>
#include <stdlib.h>

#define HELD ((struct task *)1)

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
}

void mutex_lock(struct mutex *m)
{
	if (m->owner) {
		fprintf(stderr, "fake mutex: %p taken twice (deadlock)\n",
			(void *)m);
		abort();
	}
	m->owner = HELD;
}

void mutex_unlock(struct mutex *m)
{
	if (!m->owner) {
		fprintf(stderr, "fake mutex: %p released unheld\n", (void *)m);
		abort();
	}
	m->owner = NULL;
}
