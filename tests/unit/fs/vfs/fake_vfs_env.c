/*
 * Fakes for the VFS unit tests: a mutex that checks it is used in pairs
 * (the tests run on one thread, so a mutex taken twice is a deadlock the
 * test must catch), and the RAM size tmpfs sizes itself from.
 */
#include <core/page.h>
#include <core/sync.h>
#include <stdio.h>
#include <stdlib.h>

uint64_t fake_ram_bytes = 64ULL << 20;

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
	m->owner = (struct task *)1;
}

void mutex_unlock(struct mutex *m)
{
	if (!m->owner) {
		fprintf(stderr, "fake mutex: %p released unheld\n", (void *)m);
		abort();
	}
	m->owner = NULL;
}

uint64_t pmm_total_bytes(void)
{
	return fake_ram_bytes;
}
