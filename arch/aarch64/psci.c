/*
 * Power off and reset through PSCI (Arm DEN 0022, Power State Coordination
 * Interface): SYSTEM_OFF and SYSTEM_RESET, called with HVC or SMC as the
 * device tree's /psci "method" says (QEMU virt: hvc; with EL2 present,
 * virtualization=on: smc). Without PSCI, or if the call returns, the CPU
 * halts.
 */
#define pr_fmt(fmt) "psci: " fmt

#include <arch/power.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <core/bootinfo.h>
#include <core/fdt.h>
#include <core/printk.h>
#include <core/string.h>

#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U

/*
 * SMC Calling Convention (Arm DEN 0028): function id in w0, result in x0;
 * SMCCC 1.0 lets the callee clobber x1-x17.
 */
#define SMCCC_CLOBBERS                                                        \
	"x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",   \
	"x12", "x13", "x14", "x15", "x16", "x17", "memory"

static long psci_hvc(uint32_t fn)
{
	register uint64_t x0 __asm__("x0") = fn;

	__asm__ __volatile__("hvc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
	return (long)x0;
}

static long psci_smc(uint32_t fn)
{
	register uint64_t x0 __asm__("x0") = fn;

	__asm__ __volatile__("smc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
	return (long)x0;
}

/* The conduit named by /psci "method": "hvc", "smc", or NULL. */
static const char *psci_method(void)
{
	const void *fdt = boot_info ? boot_info->fdt : NULL;
	const char *method;
	int node, len;

	if (!fdt)
		return NULL;
	node = fdt_path_offset(fdt, "/psci");
	if (node < 0)
		return NULL;
	method = fdt_getprop(fdt, node, "method", &len);
	if (!method || len < 1 || method[len - 1] != '\0')
		return NULL;
	return method;
}

/* Makes a PSCI call that does not return on success. */
static void __noreturn psci_system_call(uint32_t fn, const char *what)
{
	const char *method = psci_method();
	long ret;

	arch_irq_disable();
	if (method && strcmp(method, "hvc") == 0) {
		ret = psci_hvc(fn);
	} else if (method && strcmp(method, "smc") == 0) {
		ret = psci_smc(fn);
	} else {
		pr_emerg("no PSCI conduit in the device tree for %s; halting\n",
			 what);
		arch_halt();
	}
	pr_emerg("%s via %s failed: %ld; halting\n", what, method, ret);
	arch_halt();
}

void arch_poweroff(void)
{
	psci_system_call(PSCI_SYSTEM_OFF, "SYSTEM_OFF");
}

void arch_reboot(void)
{
	psci_system_call(PSCI_SYSTEM_RESET, "SYSTEM_RESET");
}
