/*
 * Where the arch trap handlers send page faults (<core/vm.h>): first the
 * VM layer, for a user address in the current space; then, for a fault
 * the kernel took inside a uaccess primitive, the exception-fixup table
 * (<arch/uaccess.h>) that turns it into an -EFAULT return. Anything else
 * is left to the trap handler, which reports it (and, for user mode, will
 * deliver SIGSEGV once processes exist).
 */
#define pr_fmt(fmt) "vm: " fmt

#include <core/vm.h>

#include <arch/memlayout.h>
#include <arch/uaccess.h>

/* The fixup address for a fault at pc, or 0 when pc is in no range. */
static uintptr_t extable_fixup(uintptr_t pc)
{
	const struct extable_entry *e;

	for (e = __ex_table_start; e < __ex_table_end; e++)
		if (pc >= e->start && pc < e->end)
			return e->fixup;
	return 0;
}

bool vm_trap_fault(uintptr_t addr, unsigned int access, bool user,
		   uintptr_t *pc)
{
	struct mm *mm = mm_current();
	uintptr_t fixup;

	if (mm && addr < USER_SPACE_END && vm_fault(mm, addr, access) == 0)
		return true;
	if (user)
		return false;
	fixup = extable_fixup(*pc);
	if (!fixup)
		return false;
	*pc = fixup;
	return true;
}
