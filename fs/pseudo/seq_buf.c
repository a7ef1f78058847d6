/*
 * struct seq_buf: the text buffer a pseudo file's show() callback fills
 * (see <fs/pseudo.h>). The buffer has a fixed size; a write that does not
 * fit sets overflow and keeps what fitted, and the library calls show()
 * again with a bigger buffer (file.c). Nothing here allocates, so it is
 * also compiled on the host for the unit tests.
 */
#include <fs/pseudo.h>

#include <core/string.h>

#include <stdarg.h>

/* Room left, 0 once overflowed. */
static size_t room(const struct seq_buf *s)
{
	return s->overflow ? 0 : s->size - s->len;
}

void seq_write(struct seq_buf *s, const void *p, size_t n)
{
	if (n > room(s)) {
		s->overflow = true;
		return;
	}
	memcpy(s->buf + s->len, p, n);
	s->len += n;
}

void seq_puts(struct seq_buf *s, const char *str)
{
	seq_write(s, str, strlen(str));
}

void seq_putc(struct seq_buf *s, char c)
{
	seq_write(s, &c, 1);
}

/*
 * vsnprintf() terminates what it writes, so a line that exactly fills the
 * buffer is reported as an overflow: the next attempt has room for it.
 */
void seq_vprintf(struct seq_buf *s, const char *fmt, va_list ap)
{
	size_t left = room(s);
	int n;

	if (!left) {
		s->overflow = true;
		return;
	}
	n = vsnprintf(s->buf + s->len, left, fmt, ap);
	if (n < 0 || (size_t)n >= left) {
		s->overflow = true;
		return;
	}
	s->len += n;
}

void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_vprintf(s, fmt, ap);
	va_end(ap);
}
