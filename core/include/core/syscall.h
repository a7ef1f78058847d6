/*
 * The syscall layer. Numbers are Linux's, per arch
 * (arch/<arch>/include/arch/syscall_table.h, generated from the uapi
 * headers by scripts/gen-syscall-table); entry nr calls the handler
 * sys_<name>, which lives with the subsystem that owns it and is built
 * only when its syscall group (Kconfig, "System calls") is enabled. A
 * number whose handler is not built, or unknown, returns -ENOSYS and is
 * logged once at debug level.
 *
 * Handlers take their arguments as the C types of the man page (every
 * argument arrives in a 64-bit register; pointers from user space are
 * user pointers, touched only through <core/uaccess.h>) and return a long:
 * the result, or -errno.
 *
 * See docs/syscalls.md for how to add one.
 */
#ifndef CORE_SYSCALL_H
#define CORE_SYSCALL_H

#include <core/types.h>

struct pt_regs;

/*
 * Called by the arch syscall entry with interrupts on: decodes the number
 * and arguments from regs, calls the handler and stores its return value
 * in regs.
 */
void syscall_handler(struct pt_regs *regs);

/*
 * Called by every return to user mode, interrupts off, with the registers
 * about to be restored: reschedules when asked, delivers pending signals
 * (do_signal(), which may rewrite regs), and returns with interrupts off
 * once nothing is left to do.
 */
void exit_to_user_mode(struct pt_regs *regs);

/* The name of syscall nr on this arch, or NULL (for logs and tests). */
const char *syscall_name(long nr);

#endif /* CORE_SYSCALL_H */
