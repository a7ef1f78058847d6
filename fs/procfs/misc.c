/*
 * The small system files of /proc, in Linux's formats:
 *
 *   version      "Linux version <release> (<builder>) (<compiler>) <version>"
 *   cmdline      the kernel command line
 *   filesystems  the registered types, "nodev" before those that need no
 *                block device (all of them, until block devices exist)
 *   devices      "Character devices:" major and driver name per device
 *                of the chrdev table, then "Block devices:" (none yet)
 *   partitions   the header alone until block devices exist
 *   swaps        the header alone: there is no swap
 */
#include "system.h"

#include <core/cmdline.h>
#include <core/string.h>
#include <core/utsname.h>
#include <fs/chrdev.h>

int proc_version_show(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s version %s (levitate@levitate) (gcc %s) %s\n",
		   u.sysname, u.release, __VERSION__, u.version);
	return 0;
}

int proc_cmdline_show(struct seq_buf *s, uint64_t data)
{
	const char *cmdline = cmdline_get();

	(void)data;
	seq_printf(s, "%s\n", cmdline ? cmdline : "");
	return 0;
}

int proc_filesystems_show(struct seq_buf *s, uint64_t data)
{
	(void)data;
	for (struct fs_type *t = fs_type_next(NULL); t; t = fs_type_next(t))
		seq_printf(s, "nodev\t%s\n", t->name);
	return 0;
}

/* Distinct (major, name) pairs of the chrdev table, sorted by major. */
#define MAX_DRIVERS	64

struct drivers {
	unsigned int n;
	struct {
		unsigned int major;
		const char *name;
	} d[MAX_DRIVERS];
};

/* Linux names a driver by its class ("mem", "tty") or else its node. */
static void add_driver(const struct chrdev *c, void *arg)
{
	struct drivers *dr = arg;
	const char *name = c->class ? c->class : c->name;
	unsigned int major = MAJOR(c->dev), i;

	if (!name)
		return;
	for (i = 0; i < dr->n; i++)
		if (dr->d[i].major == major && !strcmp(dr->d[i].name, name))
			return;
	if (dr->n == MAX_DRIVERS)
		return;
	for (i = dr->n; i > 0 && dr->d[i - 1].major > major; i--)
		dr->d[i] = dr->d[i - 1];
	dr->d[i].major = major;
	dr->d[i].name = name;
	dr->n++;
}

int proc_devices_show(struct seq_buf *s, uint64_t data)
{
	struct drivers dr = { 0 };

	(void)data;
	chrdev_for_each(add_driver, &dr);
	seq_puts(s, "Character devices:\n");
	for (unsigned int i = 0; i < dr.n; i++)
		seq_printf(s, "%3u %s\n", dr.d[i].major, dr.d[i].name);
	seq_puts(s, "\nBlock devices:\n");
	return 0;
}

int proc_partitions_show(struct seq_buf *s, uint64_t data)
{
	(void)data;
	seq_puts(s, "major minor  #blocks  name\n\n");
	return 0;
}

int proc_swaps_show(struct seq_buf *s, uint64_t data)
{
	(void)data;
	seq_puts(s, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	return 0;
}
