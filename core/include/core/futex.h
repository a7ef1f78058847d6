/*
 * Futexes (core/futex.c): wait queues keyed by a user address, behind
 * futex(2). The exit path wakes clear_child_tid waiters through
 * futex_wake().
 */
#ifndef CORE_FUTEX_H
#define CORE_FUTEX_H

#include <core/types.h>

#define FUTEX_BITSET_MATCH_ANY	0xffffffffU

/*
 * Wakes up to nr tasks waiting on the 32-bit word at user address uaddr
 * in the current address space whose bitset intersects bitset. Returns
 * how many were woken, or -EINVAL (misaligned uaddr).
 */
int futex_wake(uint32_t *uaddr, int nr, uint32_t bitset);

#endif /* CORE_FUTEX_H */
