/*
 * Arch contract: the text of /proc/cpuinfo for one CPU, in the format
 * Linux uses on this arch (x86_64: "processor", "vendor_id", "model
 * name", "flags"...; arm64: "processor", "BogoMIPS", "Features", "CPU
 * implementer"...), from the CPU's identification registers. The arch
 * writes through out(), a printf-like callback, so it needs nothing from
 * the file system that shows the text.
 */
#ifndef ARCH_CPUINFO_H
#define ARCH_CPUINFO_H

#include <core/compiler.h>
#include <core/types.h>

typedef void (*cpuinfo_out_t)(void *arg, const char *fmt, ...) __printf(2, 3);

/* The lines for CPU number cpu, ending with a blank line. */
void arch_cpuinfo(unsigned int cpu, cpuinfo_out_t out, void *arg);

#endif /* ARCH_CPUINFO_H */
