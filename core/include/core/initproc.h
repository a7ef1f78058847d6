/*
 * The first user process (core/initproc.c).
 */
#ifndef CORE_INITPROC_H
#define CORE_INITPROC_H

/* Starts the thread that becomes init (pid 1) and runs the init program. */
void start_init(void);

#endif /* CORE_INITPROC_H */
