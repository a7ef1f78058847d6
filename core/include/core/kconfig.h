/*
 * Configuration access for C code. Every kernel source is compiled with
 * "-include core/kconfig.h", so CONFIG_* macros and IS_ENABLED() are always
 * in scope. Prefer IS_ENABLED(CONFIG_X) in code to #ifdef: both branches are
 * compiled and type-checked, and the dead one is dropped by the optimiser.
 */
#ifndef CORE_KCONFIG_H
#define CORE_KCONFIG_H

#include <generated/autoconf.h>

/*
 * IS_ENABLED(CONFIG_X) is 1 when CONFIG_X is defined to 1 (bool or tristate
 * "y"), else 0. The macro pastes a marker onto the option's value: only the
 * value 1 turns the marker into "0," which shifts the 1 into the argument
 * that __kc_second() picks.
 */
#define __kc_marker_1 0,
#define IS_ENABLED(opt) __kc_is_one(opt)
#define __kc_is_one(val) __kc_is_one_(__kc_marker_##val)
#define __kc_is_one_(arg) __kc_second(arg 1, 0, 0)
#define __kc_second(ignored, val, ...) val

#endif /* CORE_KCONFIG_H */
