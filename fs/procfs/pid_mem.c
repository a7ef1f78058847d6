/*
 * /proc/<pid>/cmdline and environ: the argument and environment strings
 * as they are now in the process's memory, between the bounds execve
 * recorded in its mm (arg_start..arg_end, env_start..env_end), read with
 * vm_read() like Linux's access_remote_vm(). Each string keeps its NUL.
 *
 * A process that wrote over the NUL ending its arguments (setproctitle)
 * gets cmdline up to the first NUL, as Linux. A zombie or a process
 * without an address space shows nothing.
 */
#include "pid.h"

#include <core/compiler.h>
#include <core/errno.h>
#include <core/mm.h>
#include <core/slab.h>
#include <core/string.h>
#include <core/vm.h>

/*
 * Copies [start, end) of mm into s; with to_nul, stops after the first
 * NUL. Returns 0 or -ENOMEM.
 */
static int copy_range(struct seq_buf *s, struct mm *mm, uintptr_t start,
		      uintptr_t end, bool to_nul)
{
	char *buf = kmalloc(PAGE_SIZE);

	if (!buf)
		return -ENOMEM;
	while (start < end && !s->overflow) {
		ssize_t n = vm_read(mm, start, buf, MIN(end - start, PAGE_SIZE));
		char *nul;

		if (n <= 0)
			break;
		if (to_nul && (nul = memchr(buf, '\0', n))) {
			seq_write(s, buf, nul - buf + 1);
			break;
		}
		seq_write(s, buf, n);
		start += n;
	}
	kfree(buf);
	return 0;
}

static int show_range(struct seq_buf *s, uint64_t data, bool env)
{
	uintptr_t start, end;
	struct mm *mm;
	char last;
	int err;

	if (!proc_pid_valid(data))
		return -ESRCH;
	mm = proc_get_mm(data);
	if (!mm)
		return 0;
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	if (env || start >= end || vm_read(mm, end - 1, &last, 1) != 1 ||
	    last == '\0')
		err = copy_range(s, mm, start, end, false);
	else
		err = copy_range(s, mm, start, mm->env_end > end ?
				 mm->env_end : end, true);
	proc_put_mm(mm);
	return err;
}

int proc_show_cmdline(struct seq_buf *s, uint64_t data)
{
	return show_range(s, data, false);
}

int proc_show_environ(struct seq_buf *s, uint64_t data)
{
	return show_range(s, data, true);
}
