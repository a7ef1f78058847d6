/*
 * Kernel command line (see <core/cmdline.h>). cmdline_init() keeps a copy
 * of the line as given and a parsed copy in which every word is split into
 * a NUL-terminated key and value, quotes removed. Look-ups scan the words
 * from the last one back, so a later word overrides an earlier one.
 *
 * Everything is static: this runs before the page allocator exists.
 */
#include <core/cmdline.h>

#include <core/errno.h>
#include <core/string.h>

struct cmdline_word {
	const char *key;
	const char *value;	/* "" for a bare word */
};

static char line[CMDLINE_MAX];
static char parsed[CMDLINE_MAX];
/* Every word takes at least two bytes of line (a char and a separator). */
static struct cmdline_word words[CMDLINE_MAX / 2];
static unsigned int nr_words;

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Splits line into words. A double quote toggles quoting and is dropped;
 * blanks inside quotes belong to the word. The first '=' of a word ends
 * its key. parsed[] never outgrows line[]: each word is at most as long
 * as its text, and its terminator replaces the separator that ended it.
 */
static void parse(void)
{
	const char *p = line;
	char *out = parsed;
	bool quoted;

	nr_words = 0;
	for (;;) {
		struct cmdline_word *w;
		char *value = NULL;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		w = &words[nr_words++];
		w->key = out;
		quoted = false;
		for (; *p && (quoted || !is_space(*p)); p++) {
			if (*p == '"') {
				quoted = !quoted;
			} else if (*p == '=' && !value) {
				*out++ = '\0';
				value = out;
			} else {
				*out++ = *p;
			}
		}
		*out++ = '\0';
		w->value = value ? value : "";
	}
}

void cmdline_init(const char *cmdline)
{
	strlcpy(line, cmdline ? cmdline : "", sizeof(line));
	parse();
}

const char *cmdline_get(void)
{
	return line;
}

const char *cmdline_value(const char *key)
{
	unsigned int i;

	for (i = nr_words; i-- > 0;) {
		if (strcmp(words[i].key, key) == 0)
			return words[i].value;
	}
	return NULL;
}

bool cmdline_has(const char *key)
{
	return cmdline_value(key) != NULL;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

int cmdline_long(const char *key, long *out)
{
	const char *s = cmdline_value(key);
	unsigned long val = 0, limit;
	unsigned int base = 10;
	bool neg = false;
	int d;

	if (!s)
		return -ENOENT;
	if (*s == '-') {
		neg = true;
		s++;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	/* LONG_MAX, or the magnitude of LONG_MIN. */
	limit = (unsigned long)__LONG_MAX__ + neg;
	for (; *s; s++) {
		d = digit_value(*s);
		if (d >= (int)base || val > (limit - d) / base)
			return -EINVAL;
		val = val * base + d;
	}
	*out = neg ? (long)(0 - val) : (long)val;
	return 0;
}
