/*
 * vsnprintf() and snprintf() for the kernel (see <core/string.h>): the C99
 * conversions the kernel needs, %d %i %u %x %X %o %p %s %c %%, with the
 * flags - 0 + space #, a width and a precision (numbers or '*'), and the
 * length modifiers hh h l ll z t j. %p prints "0x" and the address in hex.
 * No floating point, no %n. An unknown conversion is copied as is. Widths
 * and precisions are capped at MAX_FIELD, so a wild '*' argument cannot
 * make a message fill memory.
 *
 * As in C99 the return value is the length the whole output would have,
 * whatever the buffer size; the buffer is always terminated when size > 0.
 */
#include <core/string.h>

#include <core/compiler.h>
#include <stdarg.h>

#define F_LEFT	0x01	/* '-' */
#define F_ZERO	0x02	/* '0' */
#define F_PLUS	0x04	/* '+' */
#define F_SPACE	0x08	/* ' ' */
#define F_ALT	0x10	/* '#' */
#define F_UPPER	0x20	/* %X */
#define F_PTR	0x40	/* %p: "0x" even for zero */

/* Widths and precisions are clamped to this, '*' arguments included. */
#define MAX_FIELD 4096

struct out {
	char *buf;
	size_t size;
	size_t len;	/* bytes produced so far, written or not */
};

struct spec {
	unsigned int flags;
	int width;
	int prec;	/* -1: none given */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	int len, i;

	if (!s)
		s = "(null)";
	len = sp->prec >= 0 ? (int)strnlen(s, sp->prec) : (int)strlen(s);
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - len);
	for (i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - len);
}

/*
 * Prints val in base 8, 10 or 16. neg says a signed value was negative
 * (val is then its magnitude). Layout: [spaces][sign|0x][zeros][digits]
 * [spaces], where zeros come from the precision or the '0' flag.
 */
static void put_num(struct out *o, const struct spec *sp, uint64_t val,
		    unsigned int base, bool neg, bool is_signed)
{
	const char *digits = sp->flags & F_UPPER ? "0123456789ABCDEF" :
						   "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	bool zero = val == 0;
	int ndig = 0, zeros, total;

	while (val) {
		tmp[ndig++] = digits[val % base];
		val /= base;
	}
	/* An explicit zero precision prints nothing for the value 0. */
	if (ndig == 0 && sp->prec != 0)
		tmp[ndig++] = '0';

	if (is_signed) {
		if (neg)
			prefix = "-";
		else if (sp->flags & F_PLUS)
			prefix = "+";
		else if (sp->flags & F_SPACE)
			prefix = " ";
	} else if ((sp->flags & F_PTR) ||
		   ((sp->flags & F_ALT) && base == 16 && !zero)) {
		prefix = sp->flags & F_UPPER ? "0X" : "0x";
	}

	zeros = sp->prec > ndig ? sp->prec - ndig : 0;
	/* '#' with octal: the first digit must be a zero. */
	if ((sp->flags & F_ALT) && base == 8 && zeros == 0 &&
	    (ndig == 0 || tmp[ndig - 1] != '0'))
		zeros = 1;
	total = (int)strlen(prefix) + zeros + ndig;
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0 &&
	    sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}

	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - total);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (ndig)
		put(o, tmp[--ndig]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - total);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static enum length parse_length(const char **fmt)
{
	const char *f = *fmt;
	enum length len = LEN_INT;

	switch (*f) {
	case 'h':
		len = f[1] == 'h' ? LEN_CHAR : LEN_SHORT;
		f += f[1] == 'h' ? 2 : 1;
		break;
	case 'l':
		len = f[1] == 'l' ? LEN_LLONG : LEN_LONG;
		f += f[1] == 'l' ? 2 : 1;
		break;
	case 'z':
	case 't':
		len = LEN_SIZE;
		f++;
		break;
	case 'j':
		len = LEN_LLONG;
		f++;
		break;
	}
	*fmt = f;
	return len;
}

static int64_t arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:
		return (signed char)va_arg(*ap, int);
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return va_arg(*ap, ssize_t);
	default:
		return va_arg(*ap, int);
	}
}

static uint64_t arg_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/*
 * Reads a decimal number or '*' (taken from the arguments), clamped to
 * [-MAX_FIELD, MAX_FIELD].
 */
static int parse_int(const char **fmt, va_list *ap)
{
	const char *f = *fmt;
	int n = 0;

	if (*f == '*') {
		*fmt = f + 1;
		n = va_arg(*ap, int);
		return n < -MAX_FIELD ? -MAX_FIELD : MIN(n, MAX_FIELD);
	}
	while (*f >= '0' && *f <= '9') {
		n = MIN(n * 10 + (*f - '0'), MAX_FIELD);
		f++;
	}
	*fmt = f;
	return n;
}

static unsigned int parse_flags(const char **fmt)
{
	unsigned int flags = 0;

	for (;; (*fmt)++) {
		switch (**fmt) {
		case '-': flags |= F_LEFT; break;
		case '0': flags |= F_ZERO; break;
		case '+': flags |= F_PLUS; break;
		case ' ': flags |= F_SPACE; break;
		case '#': flags |= F_ALT; break;
		default: return flags;
		}
	}
}

static void convert(struct out *o, const char **fmt, va_list *ap)
{
	struct spec sp = { .prec = -1 };
	const char *start = *fmt - 1;	/* the '%' */
	enum length len;
	int64_t sval;
	char c;

	sp.flags = parse_flags(fmt);
	sp.width = parse_int(fmt, ap);
	if (sp.width < 0) {
		sp.flags |= F_LEFT;
		sp.width = -sp.width;
	}
	if (**fmt == '.') {
		(*fmt)++;
		sp.prec = parse_int(fmt, ap);
		if (sp.prec < 0)
			sp.prec = -1;
	}
	len = parse_length(fmt);

	switch ((c = *(*fmt)++)) {
	case 'd':
	case 'i':
		sval = arg_signed(ap, len);
		put_num(o, &sp, sval < 0 ? -(uint64_t)sval : (uint64_t)sval,
			10, sval < 0, true);
		break;
	case 'u':
		put_num(o, &sp, arg_unsigned(ap, len), 10, false, false);
		break;
	case 'X':
		sp.flags |= F_UPPER;
		/* fall through */
	case 'x':
		put_num(o, &sp, arg_unsigned(ap, len), 16, false, false);
		break;
	case 'o':
		put_num(o, &sp, arg_unsigned(ap, len), 8, false, false);
		break;
	case 'p':
		sp.flags |= F_PTR;
		put_num(o, &sp, (uintptr_t)va_arg(*ap, void *), 16, false,
			false);
		break;
	case 's':
		put_str(o, &sp, va_arg(*ap, const char *));
		break;
	case 'c':
		if (!(sp.flags & F_LEFT))
			pad(o, ' ', sp.width - 1);
		put(o, (char)va_arg(*ap, int));
		if (sp.flags & F_LEFT)
			pad(o, ' ', sp.width - 1);
		break;
	case '%':
		put(o, '%');
		break;
	case '\0':
		/* A lone '%' at the end: print it and stop. */
		(*fmt)--;
		put(o, '%');
		break;
	default:
		while (start < *fmt)
			put(o, *start++);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size };
	va_list args;

	/* Work on a copy so that helpers can take the list by pointer. */
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		convert(&o, &fmt, &args);
	}
	va_end(args);
	if (size)
		buf[MIN(o.len, size - 1)] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
