/*
 * panic() is for broken kernel invariants only, never for anything a user
 * program or a disk can cause. It prints the message and a backtrace-free
 * register-free report, then stops the machine (or reboots after panic=N
 * seconds; panic=-1 reboots at once).
 */
#ifndef CORE_PANIC_H
#define CORE_PANIC_H

#include <core/compiler.h>

void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

#define BUG_ON(cond)                                                          \
	do {                                                                  \
		if (unlikely(cond))                                           \
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif /* CORE_PANIC_H */
