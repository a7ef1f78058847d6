/*
 * Basic kernel types. The freestanding C headers (stdint, stddef, stdbool)
 * come from the compiler; the rest is defined here.
 */
#ifndef CORE_TYPES_H
#define CORE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef uint64_t paddr_t;	/* physical address */

#endif /* CORE_TYPES_H */
