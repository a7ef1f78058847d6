/*
 * /proc/cpuinfo: the arch writes the text for each CPU in its own Linux
 * format (<arch/cpuinfo.h>); this file only hands it the buffer. One CPU.
 */
#include "system.h"

#include <arch/cpuinfo.h>

#include <stdarg.h>

static __printf(2, 3) void out(void *arg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_vprintf(arg, fmt, ap);
	va_end(ap);
}

int proc_cpuinfo_show(struct seq_buf *s, uint64_t data)
{
	(void)data;
	arch_cpuinfo(0, out, s);
	return 0;
}
