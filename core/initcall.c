/*
 * Runs the initcalls that files registered with console_initcall() and
 * friends (see <core/init.h>). The linker script gathers them into one
 * array per level, bounded by __initcallN_start symbols.
 */
#include <core/init.h>

#include <core/printk.h>

extern const struct initcall __initcall0_start[], __initcall1_start[],
	__initcall2_start[], __initcall3_start[], __initcall4_start[],
	__initcall5_start[], __initcall_end[];

static const struct initcall *const level_start[INITCALL_NR_LEVELS + 1] = {
	__initcall0_start, __initcall1_start, __initcall2_start,
	__initcall3_start, __initcall4_start, __initcall5_start,
	__initcall_end,
};

void initcalls_run(enum initcall_level level)
{
	const struct initcall *call;
	int err;

	for (call = level_start[level]; call < level_start[level + 1]; call++) {
		err = call->fn();
		if (err)
			pr_warn("init: %s failed: %d\n", call->name, err);
	}
}
