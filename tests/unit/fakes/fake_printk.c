/*
 * Fake printk (<core/printk.h>) for tests of code that logs: messages are
 * counted per level and the last one is kept; errors are also echoed to
 * stderr so that a failing test shows them.
 */
#include "fakes.h"

#include <core/printk.h>
#include <stdio.h>
#include <string.h>

int fake_printk_count[8];
char fake_printk_last[512];

void fake_printk_reset(void)
{
	memset(fake_printk_count, 0, sizeof(fake_printk_count));
	fake_printk_last[0] = '\0';
}

void vprintk(int level, const char *fmt, va_list ap)
{
	if (level < 0 || level > LOG_DEBUG)
		level = LOG_DEBUG;
	fake_printk_count[level]++;
	vsnprintf(fake_printk_last, sizeof(fake_printk_last), fmt, ap);
	if (level <= LOG_ERR)
		fprintf(stderr, "  (printk %d) %s", level, fake_printk_last);
}

void printk(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(level, fmt, ap);
	va_end(ap);
}
