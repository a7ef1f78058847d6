/*
 * The pretend linear map of the host unit tests (include/arch/memlayout.h):
 * tests point test_linear_base at a host buffer.
 */
#include "fakes.h"

uintptr_t test_linear_base;
uint64_t test_linear_map_end = UINT64_MAX;
