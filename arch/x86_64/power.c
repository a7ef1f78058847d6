/*
 * Ending the machine (<arch/power.h>). Power-off tries ACPI S5, then
 * QEMU's isa-debug-exit device, then halts. Reboot tries the chipset
 * reset register, the keyboard controller, then a triple fault.
 */
#define pr_fmt(fmt) "power: " fmt

#include <arch/power.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/pio.h>
#include <core/printk.h>

#include "acpi.h"
#include "tsc.h"

/* QEMU -device isa-debug-exit,iobase=0xf4: exit status (value << 1) | 1. */
#define DEBUG_EXIT_PORT		0xf4
#define DEBUG_EXIT_VALUE	0x10	/* status 33 */

/* Reset Control Register, PIIX3 and ICH9 (q35). */
#define RESET_CONTROL		0xcf9
#define RC_SYS_RST		0x02	/* hard reset when RST_CPU rises */
#define RC_RST_CPU		0x04

#define KBC_STATUS		0x64
#define KBC_COMMAND		0x64
#define KBC_STATUS_INPUT_FULL	0x02
#define KBC_PULSE_RESET		0xfe

/* How long each method gets before we try the next one. */
#define METHOD_WAIT_US		100000

void arch_poweroff(void)
{
	int err;

	arch_irq_disable();
	err = acpi_poweroff();
	if (err != -ENODEV)
		pr_err("ACPI power-off failed: %d\n", err);
	arch_outb(DEBUG_EXIT_PORT, DEBUG_EXIT_VALUE);
	tsc_delay_us(METHOD_WAIT_US);
	pr_emerg("cannot power off; halting\n");
	arch_halt();
}

static void triple_fault(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) empty = { 0, 0 };

	/* No IDT: the breakpoint cannot be delivered, nor the faults after it. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(empty));
}

void arch_reboot(void)
{
	unsigned int i;

	arch_irq_disable();
	arch_outb(RESET_CONTROL, RC_SYS_RST);
	arch_outb(RESET_CONTROL, RC_SYS_RST | RC_RST_CPU);
	tsc_delay_us(METHOD_WAIT_US);

	/* Wait (boundedly) until the controller accepts a command. */
	for (i = 0; i < 100000; i++) {
		if (!(arch_inb(KBC_STATUS) & KBC_STATUS_INPUT_FULL))
			break;
		arch_cpu_relax();
	}
	arch_outb(KBC_COMMAND, KBC_PULSE_RESET);
	tsc_delay_us(METHOD_WAIT_US);

	triple_fault();
	arch_halt();
}
