/*
 * Private interface between core/futex/futex.c (the wait queues keyed by
 * user address) and core/futex/sys_futex.c (the syscall).
 */
#ifndef CORE_FUTEX_INTERNAL_H
#define CORE_FUTEX_INTERNAL_H

#include <core/futex.h>
#include <core/types.h>

/* No deadline. */
#define FUTEX_INFINITE	UINT64_MAX

/*
 * Sleeps while the word at uaddr holds val, until futex_wake() with an
 * intersecting bitset, a signal, or clock_ns() >= deadline. Returns 0
 * when woken, -EAGAIN (the word differed), -EFAULT, -EINVAL (misaligned,
 * bitset 0), -ETIMEDOUT, or -EINTR when a signal came (the caller picks
 * the restart code).
 */
int futex_wait(uint32_t *uaddr, uint32_t val, uint32_t bitset,
	       uint64_t deadline);

/*
 * Wakes up to nr_wake waiters of uaddr and moves up to nr_requeue more to
 * uaddr2. With cmp, first checks that *uaddr == cmpval (else -EAGAIN).
 * Returns the number woken plus moved, or -EINVAL, -EFAULT, -EAGAIN.
 */
int futex_requeue(uint32_t *uaddr, uint32_t *uaddr2, int nr_wake,
		  int nr_requeue, bool cmp, uint32_t cmpval);

#endif /* CORE_FUTEX_INTERNAL_H */
