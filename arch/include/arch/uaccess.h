/*
 * Arch contract: the primitive user-memory copies behind <core/uaccess.h>,
 * and the exception-fixup table that makes them fault-safe.
 *
 * Each primitive is written in assembly (arch/<arch>/uaccess.S). Every
 * instruction of it that may touch user memory lies inside a range listed
 * in the linker section __ex_table (start, end, fixup: struct
 * extable_entry). When such an instruction faults and the VM layer cannot
 * resolve the fault (core/mm/vm_trap.c), the trap handler resumes at the
 * range's fixup address, which makes the primitive return its failure
 * value. The linker script collects the section between __ex_table_start
 * and __ex_table_end.
 *
 * The primitives do not check addresses: callers (core/mm/uaccess.c) have
 * made sure the user range lies below USER_SPACE_END.
 */
#ifndef ARCH_UACCESS_H
#define ARCH_UACCESS_H

#include <core/types.h>

struct extable_entry {
	uintptr_t start;	/* first instruction that may fault */
	uintptr_t end;		/* one past the last */
	uintptr_t fixup;	/* where to resume after a fault */
};

extern const struct extable_entry __ex_table_start[], __ex_table_end[];

/*
 * Copy n bytes from user address src to kernel dst / from kernel src to
 * user address dst. Return the number of bytes not copied: 0 on success,
 * more after a fault.
 */
size_t arch_copy_from_user(void *dst, const void *src, size_t n);
size_t arch_copy_to_user(void *dst, const void *src, size_t n);

/*
 * Copies the string at user address src into dst, up to and including its
 * NUL, at most n bytes. Returns the string's length (a NUL was copied at
 * dst[len]), n when the first n bytes hold no NUL, or -1 after a fault.
 */
long arch_strncpy_user(char *dst, const char *src, size_t n);

/* Zeroes n bytes at user address dst. Returns the bytes not zeroed. */
size_t arch_clear_user(void *dst, size_t n);

#endif /* ARCH_UACCESS_H */
