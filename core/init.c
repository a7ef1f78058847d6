/*
 * kernel_main(): the generic half of boot. The arch entry code has set up
 * a stack, the linear map and the kernel's own mapping, and describes the
 * machine in a struct boot_info. From here on nothing depends on which boot
 * protocol or architecture brought us up.
 */
#include <core/init.h>

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/power.h>
#include <core/bootinfo.h>
#include <core/cmdline.h>
#include <core/initproc.h>
#include <core/mm.h>
#include <core/page.h>
#include <core/printk.h>
#include <core/selftest.h>
#include <core/time.h>
#include <generated/version.h>

const struct boot_info *boot_info;

static void print_banner(const struct boot_info *bi)
{
	pr_notice("LevitateOS %s (%s) profile %s\n", LEVITATE_VERSION,
		  CONFIG_ARCH, CONFIG_PROFILE);
	pr_info("boot: %s%s%s, command line \"%s\"\n", bi->protocol,
		bi->loader ? " via " : "", bi->loader ? bi->loader : "",
		bi->cmdline);
}

static void print_memory(void)
{
	pr_notice("memory: %llu MiB total, %llu MiB free\n",
		  (unsigned long long)(pmm_total_bytes() >> 20),
		  (unsigned long long)(pmm_free_bytes() >> 20));
}

void kernel_main(struct boot_info *bi)
{
	boot_info = bi;
	cmdline_init(bi->cmdline);
	printk_init();
	initcalls_run(INITCALL_CONSOLE);
	print_banner(bi);

	mm_init(bi);
	print_memory();

	initcalls_run(INITCALL_EARLY);
	initcalls_run(INITCALL_CORE);
	initcalls_run(INITCALL_ARCH);
	if (time_init() == 0)
		arch_irq_enable();
	initcalls_run(INITCALL_DRIVER);
	initcalls_run(INITCALL_LATE);

	/* The boot thread stays as the idle task. */
	if (!selftest_run(cmdline_value("test")))
		start_init();
	for (;;)
		arch_wait_for_interrupt();
}
