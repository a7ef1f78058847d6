/*
 * x86_64 private: the user-mode programs of the user selftest
 * (user_selftest_code.S), copied to UT_CODE in a scratch address space.
 */
#ifndef X86_USER_SELFTEST_H
#define X86_USER_SELFTEST_H

#define UT_CODE		0x400000	/* the program's page */
#define UT_DATA		0x600000	/* one data page */
#define UT_STACK	0x7fff0000	/* one stack page */
#define UT_DATA_MAGIC	0x5eed5eed12345678
#define UT_REG_MAGIC	0x0123456789abcdef
#define UT_NOSYS_NR	0x7fff		/* past every syscall table */

#ifndef __ASSEMBLER__

#include <core/types.h>

/* Each program is [ut_<name>, ut_<name>_end); labels inside are marked. */
#define UT_PROG(name) \
	extern const uint8_t ut_##name[], ut_##name##_end[]
UT_PROG(syscall);
UT_PROG(ud2);
UT_PROG(divide);
UT_PROG(int3);
UT_PROG(readonly);
UT_PROG(privileged);
UT_PROG(kernel_read);
UT_PROG(signal);
extern const uint8_t ut_syscall_fault[], ut_divide_fault[];
extern const uint8_t ut_signal_restorer[];

#endif /* !__ASSEMBLER__ */

#endif /* X86_USER_SELFTEST_H */
