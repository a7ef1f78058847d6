/*
 * /proc/sys: the kernel settings sysctl(8) reads and writes, one value a
 * file. Writable ones take one line (a trailing newline is dropped), as
 * Linux's proc_dostring / proc_dointvec_minmax do:
 *
 *   kernel/hostname, domainname   the uname names (rw, <= 64 bytes)
 *   kernel/ostype, osrelease, version
 *   kernel/pid_max                the pid limit (fixed: read-only)
 *   kernel/random/boot_id         a random UUID made once per boot
 *   kernel/random/uuid            a new random UUID at each read
 *   vm/overcommit_memory          0 (heuristic) or 1 (always): the memory
 *                                 code overcommits the same way under
 *                                 both; 2 (strict accounting) is not
 *                                 implemented and refused with EINVAL
 */
#include "system.h"

#include <core/errno.h>
#include <core/process.h>
#include <core/random.h>
#include <core/string.h>
#include <core/utsname.h>

#define DIR_MODE	(S_IFDIR | 0555)
#define RO_MODE		(S_IFREG | 0444)
#define RW_MODE		(S_IFREG | 0644)

/*
 * Writes need root: the VFS does not check modes yet, and Linux's 0644
 * keeps others out.
 */
static bool may_write(void)
{
	return current_process()->euid == 0;
}

/* The length of buf without one trailing newline. */
static size_t one_line(const char *buf, size_t len)
{
	return len && buf[len - 1] == '\n' ? len - 1 : len;
}

static int show_hostname(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s\n", u.nodename);
	return 0;
}

static ssize_t store_hostname(uint64_t data, const char *buf, size_t len)
{
	int err;

	(void)data;
	if (!may_write())
		return -EACCES;
	err = uts_set_nodename(buf, one_line(buf, len));
	return err ? err : (ssize_t)len;
}

static int show_domainname(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s\n", u.domainname);
	return 0;
}

static ssize_t store_domainname(uint64_t data, const char *buf, size_t len)
{
	int err;

	(void)data;
	if (!may_write())
		return -EACCES;
	err = uts_set_domainname(buf, one_line(buf, len));
	return err ? err : (ssize_t)len;
}

static int show_ostype(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s\n", u.sysname);
	return 0;
}

static int show_osrelease(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s\n", u.release);
	return 0;
}

static int show_version(struct seq_buf *s, uint64_t data)
{
	struct utsname u;

	(void)data;
	uts_read(&u);
	seq_printf(s, "%s\n", u.version);
	return 0;
}

static int show_pid_max(struct seq_buf *s, uint64_t data)
{
	(void)data;
	seq_printf(s, "%d\n", PID_MAX);
	return 0;
}

/* A version 4 (random) UUID in its 8-4-4-4-12 text form. */
static void put_uuid(struct seq_buf *s, uint8_t u[16])
{
	u[6] = (u[6] & 0x0f) | 0x40;
	u[8] = (u[8] & 0x3f) | 0x80;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			seq_putc(s, '-');
		seq_printf(s, "%02x", u[i]);
	}
	seq_putc(s, '\n');
}

static int show_boot_id(struct seq_buf *s, uint64_t data)
{
	static uint8_t id[16];
	static bool made;

	/* show() runs under vfs_lock(): one caller makes it. */
	(void)data;
	if (!made) {
		get_random_bytes(id, sizeof(id));
		made = true;
	}
	put_uuid(s, id);
	return 0;
}

static int show_uuid(struct seq_buf *s, uint64_t data)
{
	uint8_t id[16];

	(void)data;
	get_random_bytes(id, sizeof(id));
	put_uuid(s, id);
	return 0;
}

static int overcommit_memory;

static int show_overcommit(struct seq_buf *s, uint64_t data)
{
	(void)data;
	seq_printf(s, "%d\n", READ_ONCE(overcommit_memory));
	return 0;
}

static ssize_t store_overcommit(uint64_t data, const char *buf, size_t len)
{
	size_t n = one_line(buf, len);

	(void)data;
	if (!may_write())
		return -EACCES;
	if (n != 1 || (buf[0] != '0' && buf[0] != '1'))
		return -EINVAL;
	WRITE_ONCE(overcommit_memory, buf[0] - '0');
	return len;
}

static const struct pseudo_entry random_dir[] = {
	{ .name = "boot_id", .mode = RO_MODE, .show = show_boot_id },
	{ .name = "uuid", .mode = RO_MODE, .show = show_uuid },
	{ 0 }
};

static const struct pseudo_entry kernel_dir[] = {
	{ .name = "domainname", .mode = RW_MODE, .show = show_domainname,
	  .store = store_domainname },
	{ .name = "hostname", .mode = RW_MODE, .show = show_hostname,
	  .store = store_hostname },
	{ .name = "osrelease", .mode = RO_MODE, .show = show_osrelease },
	{ .name = "ostype", .mode = RO_MODE, .show = show_ostype },
	{ .name = "pid_max", .mode = RO_MODE, .show = show_pid_max },
	{ .name = "random", .mode = DIR_MODE, .children = random_dir },
	{ .name = "version", .mode = RO_MODE, .show = show_version },
	{ 0 }
};

static const struct pseudo_entry vm_dir[] = {
	{ .name = "overcommit_memory", .mode = RW_MODE,
	  .show = show_overcommit, .store = store_overcommit },
	{ 0 }
};

const struct pseudo_entry proc_sys_dir[] = {
	{ .name = "kernel", .mode = DIR_MODE, .children = kernel_dir },
	{ .name = "vm", .mode = DIR_MODE, .children = vm_dir },
	{ 0 }
};
