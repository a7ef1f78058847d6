/*
 * Where the arch trap handlers send page faults (<core/vm.h>): first the
 * VM layer, for a user address in the current space; then, for a fault
 * the kernel took inside a uaccess primitive, the exception-fixup table
 * (<arch/uaccess.h>) that turns it into an -EFAULT return. Anything else
 * is left to the trap handler, which reports it or, for user mode, sends
 * SIGSEGV with the code vm_fault_code() chooses.
 *
 * The fault takes mm->lock (a thread may be preempted mid-mmap while
 * another faults); the kernel never touches user memory with it held.
 */
#define pr_fmt(fmt) "vm: " fmt

#include <core/vm.h>

#include <arch/memlayout.h>
#include <arch/uaccess.h>
#include <core/signal.h>

/* The fixup address for a fault at pc, or 0 when pc is in no range. */
static uintptr_t extable_fixup(uintptr_t pc)
{
	const struct extable_entry *e;

	for (e = __ex_table_start; e < __ex_table_end; e++)
		if (pc >= e->start && pc < e->end)
			return e->fixup;
	return 0;
}

/* vm_fault() on the current space under its lock. */
static int fault_locked(struct mm *mm, uintptr_t addr, unsigned int access)
{
	int err;

	mutex_lock(&mm->lock);
	err = vm_fault(mm, addr, access);
	mutex_unlock(&mm->lock);
	return err;
}

bool vm_trap_fault(uintptr_t addr, unsigned int access, bool user,
		   uintptr_t *pc)
{
	struct mm *mm = mm_current();
	uintptr_t fixup;

	if (mm && addr < USER_SPACE_END && fault_locked(mm, addr, access) == 0)
		return true;
	if (user)
		return false;
	fixup = extable_fixup(*pc);
	if (!fixup)
		return false;
	*pc = fixup;
	return true;
}

int vm_fault_code(uintptr_t addr)
{
	struct mm *mm = mm_current();
	bool mapped;

	if (!mm || addr >= USER_SPACE_END)
		return SEGV_MAPERR;
	mutex_lock(&mm->lock);
	mapped = find_vma(mm, addr) != NULL;
	mutex_unlock(&mm->lock);
	return mapped ? SEGV_ACCERR : SEGV_MAPERR;
}
