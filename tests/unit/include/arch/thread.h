/*
 * Host stand-in for the arch's <arch/thread.h>: unit tests never run user
 * tasks, so the per-thread arch state is empty.
 */
#ifndef ARCH_THREAD_H
#define ARCH_THREAD_H

struct arch_thread {
	unsigned long tls;
};

#define ARCH_MINSIGSTKSZ 2048

#endif /* ARCH_THREAD_H */
