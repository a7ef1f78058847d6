/* TEMPORARY weak stand-ins; see Kbuild. */
#include <arch/user.h>
#include <core/errno.h>
#include <core/exec.h>
#include <core/process.h>
#include <core/signal.h>

__weak void do_signal(struct pt_regs *regs) {}
__weak void arch_switch_thread(struct task *prev, struct task *next) {}
__weak long arch_syscall_nr(const struct pt_regs *regs) { return -1; }
__weak void arch_syscall_args(const struct pt_regs *regs, unsigned long a[6]) {}
__weak void arch_syscall_set_return(struct pt_regs *regs, long v) {}
__weak long arch_syscall_return(const struct pt_regs *regs) { return 0; }
__weak int process_init_first(void) { return -ENOSYS; }
__weak int kernel_execve(const char *f, const char *const *a, const char *const *e) { return -ENOSYS; }
__weak void arch_return_to_user(struct pt_regs *regs) { for (;;); }
