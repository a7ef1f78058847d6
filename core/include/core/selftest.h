/*
 * Boot-time self tests chosen on the command line with test=<name>. They
 * let the integration tests drive the kernel without a userspace:
 *
 *   test=boot   wait for timer ticks, report them, power off
 *   test=fault  touch an unmapped address: the arch trap handler must dump
 *               the registers and stop
 *   test=panic  call panic(): checks the panic path and panic=N
 *   test=vm     user address spaces, faults, uaccess, copy on write
 *   test=vfs    the root file system: listing, a file's life in /tmp
 *               (fs/vfs/selftest.c)
 *   test=sched  kernel threads, preemption, wait queues, mutexes, sleeping
 *               (core/sched/selftest_sched.c)
 *   test=user   the arch's user-mode entry and exit paths: syscalls,
 *               exceptions as signals, signal frames
 *               (arch/<arch>/user_selftest.c)
 */
#ifndef CORE_SELFTEST_H
#define CORE_SELFTEST_H

#include <core/types.h>

/*
 * Starts the named test. Returns false when name is NULL or unknown (boot
 * goes on to init), true when a test runs: it powers the machine off
 * when done, and init is not started.
 */
bool selftest_run(const char *name);

/* The tests that live beside their subsystem; each powers off. */
void selftest_vm(void);

/* Needs CONFIG_VFS (and the root file system mounted at boot). */
void selftest_vfs(void);

/* Starts the scheduler selftest in a kernel thread and returns. */
void selftest_sched(void);

/* Per arch: starts the user-mode selftest in a kernel thread and returns. */
void selftest_user(void);

#endif /* CORE_SELFTEST_H */
