/*
 * Console list: printk() output goes to every registered console; input
 * is read from the first one that has a byte waiting.
 */
#include <core/console.h>

#include <core/printk.h>

static struct console *consoles;

void console_register(struct console *con)
{
	struct console **tail = &consoles;
	bool first = consoles == NULL;

	while (*tail)
		tail = &(*tail)->next;
	con->next = NULL;
	*tail = con;
	/* Show the first console what was logged before it came. */
	if (first)
		printk_replay();
}

void console_write(const char *buf, size_t len)
{
	struct console *con;
	size_t start, i;

	for (con = consoles; con; con = con->next) {
		start = 0;
		for (i = 0; i < len; i++) {
			if (buf[i] != '\n')
				continue;
			con->ops->write(con->ctx, buf + start, i - start);
			con->ops->write(con->ctx, "\r\n", 2);
			start = i + 1;
		}
		if (start < len)
			con->ops->write(con->ctx, buf + start, len - start);
	}
}

const struct console *console_first(void)
{
	return consoles;
}

void console_write_raw(const char *buf, size_t len)
{
	struct console *con;

	for (con = consoles; con; con = con->next)
		con->ops->write(con->ctx, buf, len);
}

int console_getc(void)
{
	struct console *con;
	int c;

	for (con = consoles; con; con = con->next) {
		if (!con->ops->getc)
			continue;
		c = con->ops->getc(con->ctx);
		if (c >= 0)
			return c;
	}
	return -1;
}
