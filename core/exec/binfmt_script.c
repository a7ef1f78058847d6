/*
 * #! scripts (execve(2), "Interpreter scripts"). The first line, read
 * from the first BINPRM_BUF_SIZE bytes of the file, is
 *
 *	#!interpreter [optional-arg]
 *
 * and the program run instead is the interpreter, with the argument list
 * interpreter, [optional-arg], the script's file name, then argv[1...]
 * of the original call. Everything after the interpreter name up to the
 * end of the line (spaces and tabs trimmed at both ends) is the one
 * optional argument, spaces included, as Linux does.
 *
 * A first line longer than the buffer is accepted only when the
 * interpreter name ends inside it (Linux 5.0 and later): the name is then
 * complete, and the argument is what fits. Otherwise -ENOEXEC.
 */
#define pr_fmt(fmt) "exec: " fmt

#include "exec_internal.h"

#include <core/errno.h>
#include <core/string.h>
#include <fs/vfs.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/* The first character of [p, end) that is not a space or tab, or NULL. */
static char *skip_spacetab(char *p, char *end)
{
	for (; p < end; p++)
		if (!spacetab(*p))
			return p;
	return NULL;
}

/* The first space, tab or NUL in [p, end), or NULL. */
static char *find_terminator(char *p, char *end)
{
	for (; p < end; p++)
		if (spacetab(*p) || *p == '\0')
			return p;
	return NULL;
}

int load_script(struct binprm *b)
{
	char *buf = b->buf, *last = buf + BINPRM_BUF_SIZE - 1;
	char *end, *name, *arg = NULL, *sep;
	char interp[BINPRM_BUF_SIZE];
	const char *front[3];
	struct file *script;
	int n = 0, err;

	if (b->buf_len < 2 || buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;

	end = memchr(buf, '\n', BINPRM_BUF_SIZE);
	if (!end) {
		/* No end of line: the name must end inside the buffer. */
		name = skip_spacetab(buf + 2, last);
		if (!name || !find_terminator(name, last))
			return -ENOEXEC;
		end = last;
	}
	while (end > buf + 2 && spacetab(end[-1]))
		end--;
	name = skip_spacetab(buf + 2, end);
	if (!name || name == end)
		return -ENOEXEC;
	sep = find_terminator(name, end);
	if (sep && *sep)
		arg = skip_spacetab(sep, end);
	*end = '\0';
	if (sep)
		*sep = '\0';

	if (++b->depth > BINPRM_MAX_DEPTH)
		return -ELOOP;

	front[n++] = name;
	if (arg)
		front[n++] = arg;
	front[n++] = b->filename;
	err = exec_args_replace_argv0(&b->args, front, n);
	if (err)
		return err;

	/*
	 * The interpreter is looked up like any execve path, from the cwd;
	 * its name is copied out first since opening it refills b->buf.
	 */
	memcpy(interp, name, end - name + 1);
	script = b->file;
	b->file = NULL;
	err = exec_open(b, NULL, interp, false);
	if (err) {
		b->file = script;
		return err;
	}
	fput(script);
	return 0;
}
