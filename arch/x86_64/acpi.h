/*
 * x86_64 private: ACPI power-off (CONFIG_X86_ACPI).
 */
#ifndef X86_ACPI_H
#define X86_ACPI_H

#include <core/errno.h>

#if IS_ENABLED(CONFIG_X86_ACPI)
/*
 * Enters the S5 (soft-off) state through the FADT's PM1 control blocks
 * and the \_S5 object of the DSDT. Returns only on failure: -ENODEV when
 * the tables are missing or malformed, -ETIMEDOUT when the machine stayed
 * on.
 */
int acpi_poweroff(void);
#else
static inline int acpi_poweroff(void)
{
	return -ENODEV;
}
#endif

#endif /* X86_ACPI_H */
