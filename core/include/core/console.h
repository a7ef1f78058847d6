/*
 * Consoles: where printk() output goes. A serial driver registers one from
 * its console_initcall; printk() writes each message to all of them.
 */
#ifndef CORE_CONSOLE_H
#define CORE_CONSOLE_H

#include <core/types.h>

struct console_ops {
	/* Writes len bytes; "\n" is written as "\r\n" by the caller. */
	void (*write)(void *ctx, const char *buf, size_t len);
	/* Returns a received byte, or -1 when none is waiting. May be NULL. */
	int (*getc)(void *ctx);
};

struct console {
	const char *name;		/* also its /dev node when major != 0 */
	unsigned int major, minor;	/* device number of that node */
	const struct console_ops *ops;
	void *ctx;
	struct console *next;
};

void console_register(struct console *con);

/* Writes to every registered console, turning "\n" into "\r\n". */
void console_write(const char *buf, size_t len);

/* Writes bytes unchanged (the TTY layer did its own output processing). */
void console_write_raw(const char *buf, size_t len);

/* The first registered console, or NULL. */
const struct console *console_first(void);

/* A byte received by any console, or -1 when none is waiting. */
int console_getc(void);

#endif /* CORE_CONSOLE_H */
