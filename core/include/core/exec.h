/*
 * execve (core/exec/): replaces the current process image with a program
 * from any file system: a static ELF (ET_EXEC), a static PIE (ET_DYN
 * without PT_INTERP), or a #! script run by its interpreter. The new
 * user stack holds argv, envp and the auxiliary vector as the ABI
 * requires (docs/processes.md).
 */
#ifndef CORE_EXEC_H
#define CORE_EXEC_H

/*
 * execve from the kernel (starting init): arguments are kernel strings.
 * On success the current task's user registers (task_pt_regs(current))
 * are set to start the program and 0 is returned; the caller leaves with
 * arch_return_to_user(). -errno otherwise.
 */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* CORE_EXEC_H */
