/*
 * Kernel random numbers (core/random.c): a cryptographic generator seeded
 * at boot from the CPU's random instructions when it has them and from
 * timer jitter, behind getrandom(2), /dev/random, /dev/urandom and
 * AT_RANDOM.
 */
#ifndef CORE_RANDOM_H
#define CORE_RANDOM_H

#include <core/types.h>

/* Fills buf with len random bytes. Never blocks; any context. */
void get_random_bytes(void *buf, size_t len);

#endif /* CORE_RANDOM_H */
