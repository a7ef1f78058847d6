/*
 * Arch contract: ending the machine.
 */
#ifndef ARCH_POWER_H
#define ARCH_POWER_H

#include <core/compiler.h>

/* Powers the machine off (ACPI S5, PSCI SYSTEM_OFF); halts if that fails. */
void arch_poweroff(void) __noreturn;

/* Resets the machine (PSCI SYSTEM_RESET, keyboard controller, ...). */
void arch_reboot(void) __noreturn;

#endif /* ARCH_POWER_H */
