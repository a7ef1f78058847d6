/*
 * PLACEHOLDER: the arch's struct arch_thread (<arch/user.h>).
 */
#ifndef ARCH_THREAD_H
#define ARCH_THREAD_H

#include <core/types.h>

struct arch_thread {
	uintptr_t tls;
};

#endif /* ARCH_THREAD_H */
