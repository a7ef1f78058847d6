/*
 * Initcalls: a subsystem registers its init function by placing a pointer
 * in a linker section; compiling the file in is all it takes to include it.
 * kernel_main() runs each level in order. Within a level, link order.
 *
 *   console  - console drivers, so that every later message is seen
 *   early    - core services needed by everything (none need the heap)
 *   core     - after the page allocator and heap are up
 *   arch     - architecture devices (interrupt controller, timer)
 *   driver   - device drivers
 *   late     - everything that needs the rest
 *
 * An initcall returns 0 or -errno; a failure is logged and boot goes on.
 */
#ifndef CORE_INIT_H
#define CORE_INIT_H

#include <core/compiler.h>

typedef int (*initcall_t)(void);

struct initcall {
	initcall_t fn;
	const char *name;
};

/*
 * The entries of a level must lie back to back, as an array. The explicit
 * alignment stops GCC from raising that of a 16-byte object to 16 (x86_64
 * does), which would leave holes after the linker's start symbols.
 */
#define __define_initcall(fn, level)                                       \
	static const struct initcall __initcall_##fn __used                \
		__aligned(__alignof__(struct initcall))                    \
		__section(".initcall." #level) = { fn, #fn }

#define console_initcall(fn)	__define_initcall(fn, 0)
#define early_initcall(fn)	__define_initcall(fn, 1)
#define core_initcall(fn)	__define_initcall(fn, 2)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define driver_initcall(fn)	__define_initcall(fn, 4)
#define late_initcall(fn)	__define_initcall(fn, 5)

enum initcall_level {
	INITCALL_CONSOLE,
	INITCALL_EARLY,
	INITCALL_CORE,
	INITCALL_ARCH,
	INITCALL_DRIVER,
	INITCALL_LATE,
	INITCALL_NR_LEVELS,
};

/* Runs every initcall of one level. */
void initcalls_run(enum initcall_level level);

#endif /* CORE_INIT_H */
