/*
 * Boot-time self tests (see <core/selftest.h>).
 */
#define pr_fmt(fmt) "selftest: " fmt

#include <core/selftest.h>

#include <arch/cpu.h>
#include <arch/power.h>
#include <arch/timer.h>
#include <core/panic.h>
#include <core/printk.h>
#include <core/string.h>
#include <core/time.h>

#define BOOT_TEST_TICKS 10

static void test_boot(void)
{
	uint64_t start_jiffies, start_ns, elapsed_ns;

	start_jiffies = jiffies;
	start_ns = clock_ns();
	while (jiffies - start_jiffies < BOOT_TEST_TICKS)
		arch_wait_for_interrupt();
	elapsed_ns = clock_ns() - start_ns;

	pr_notice("timer: %d ticks of %s at %d Hz in %llu us\n",
		  BOOT_TEST_TICKS, arch_timer_name(), HZ,
		  (unsigned long long)(elapsed_ns / 1000));
	pr_notice("boot test passed; powering off\n");
	arch_poweroff();
}

static void test_fault(void)
{
	/* An address the kernel never maps: the first page of user space. */
	uintptr_t addr = 0x8;
	volatile unsigned long *bad;

	/* Hide the constant from the compiler, which would reject the store. */
	__asm__("" : "+r"(addr));
	bad = (volatile unsigned long *)addr;
	pr_notice("touching unmapped address %p\n", (void *)bad);
	*bad = 0x1e0;
	pr_err("fault test failed: the write did not trap\n");
}

bool selftest_run(const char *name)
{
	if (!name)
		return false;
	if (strcmp(name, "boot") == 0)
		test_boot();
	else if (strcmp(name, "fault") == 0)
		test_fault();
	else if (strcmp(name, "sched") == 0)
		selftest_sched();
	else if (strcmp(name, "panic") == 0)
		panic("test=panic requested");
	else if (strcmp(name, "vm") == 0)
		selftest_vm();
	else if (strcmp(name, "vfs") == 0 && IS_ENABLED(CONFIG_VFS))
		selftest_vfs();
	else if (strcmp(name, "user") == 0 &&
		 IS_ENABLED(CONFIG_ARCH_HAS_USER_SELFTEST))
		selftest_user();
	else {
		pr_warn("unknown test \"%s\" ignored\n", name);
		return false;
	}
	return true;
}
