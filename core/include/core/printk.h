/*
 * Kernel log. printk() formats a message, keeps it in the log ring and
 * writes it to every registered console when its level passes the console
 * log level (command line: loglevel=N, quiet, debug; see printk_init).
 *
 * Files define pr_fmt() before including this header to prefix their
 * messages, e.g. #define pr_fmt(fmt) "pmm: " fmt
 */
#ifndef CORE_PRINTK_H
#define CORE_PRINTK_H

#include <core/compiler.h>
#include <core/types.h>
#include <stdarg.h>

enum log_level {
	LOG_EMERG = 0,
	LOG_ALERT,
	LOG_CRIT,
	LOG_ERR,
	LOG_WARNING,
	LOG_NOTICE,
	LOG_INFO,
	LOG_DEBUG,
};

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

void printk(int level, const char *fmt, ...) __printf(2, 3);
void vprintk(int level, const char *fmt, va_list ap);

/*
 * Sets the console log level: as in Linux, a message is printed when its
 * level is numerically below the console level; the others are only kept.
 */
void printk_set_console_level(int level);

#define CONSOLE_LEVEL_MIN	1	/* emergencies always print */
#define CONSOLE_LEVEL_QUIET	4	/* "quiet": errors and worse */
#define CONSOLE_LEVEL_DEBUG	8	/* "debug": everything */

/* Applies loglevel=N, quiet and debug from the command line. */
void printk_init(void);

/*
 * Writes the log ring to the consoles (messages whose level passes the
 * console level). console_register() calls it for the first console, so
 * that nothing printed before it is lost.
 */
void printk_replay(void);

#define pr_emerg(fmt, ...)  printk(LOG_EMERG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(LOG_CRIT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(LOG_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(LOG_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(LOG_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(LOG_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(LOG_DEBUG, pr_fmt(fmt), ##__VA_ARGS__)

#endif /* CORE_PRINTK_H */
