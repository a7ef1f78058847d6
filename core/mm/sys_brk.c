/*
 * brk(2) (SYSCALL_MEMORY): sets the end of the heap that execve started
 * just above the program (<core/vm.h>, vm_brk). brk(addr) is not sbrk:
 * it moves the break to addr and returns the break, the new one on
 * success and the old one on any failure; brk(0) thus returns the
 * current break. It never returns an error code (Linux semantics).
 */
#include <core/sched.h>
#include <core/vm.h>

long sys_brk(unsigned long addr);

long sys_brk(unsigned long addr)
{
	return (long)vm_brk(current->mm, addr);
}
