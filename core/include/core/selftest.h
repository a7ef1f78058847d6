/*
 * Boot-time self tests chosen on the command line with test=<name>. They
 * let the integration tests drive the kernel without a userspace:
 *
 *   test=boot   wait for timer ticks, report them, power off
 *   test=fault  touch an unmapped address: the arch trap handler must dump
 *               the registers and stop
 *   test=panic  call panic(): checks the panic path and panic=N
 */
#ifndef CORE_SELFTEST_H
#define CORE_SELFTEST_H

/* Runs the named test; returns at once when name is NULL. */
void selftest_run(const char *name);

#endif /* CORE_SELFTEST_H */
