/*
 * The system's names (<core/utsname.h>). uname answers as Linux: programs
 * test the sysname for "Linux" and compare the release against versions
 * they need, so the release is a Linux version whose syscall ABI we follow
 * (6.1, a long-term one) with "-levitate" appended; LevitateOS and its own
 * version are in the version field. The host name starts as Linux's
 * "(none)"; init scripts set it from /etc/hostname.
 */
#include <core/utsname.h>

#include <arch/irq.h>
#include <core/errno.h>
#include <core/string.h>
#include <generated/version.h>

#define UTS_RELEASE	"6.1.0-levitate"

static struct utsname uts = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = UTS_RELEASE,
	.version = "#1 LevitateOS " LEVITATE_VERSION,
	.machine = CONFIG_ARCH,
	.domainname = "(none)",
};

/* Interrupts off: the names are never seen half written. */
void uts_read(struct utsname *out)
{
	unsigned long flags = arch_irq_save();

	*out = uts;
	arch_irq_restore(flags);
}

static int set_field(char *field, const char *name, size_t len)
{
	char buf[UTS_LEN + 1];
	unsigned long flags;

	if (len > UTS_LEN)
		return -EINVAL;
	memcpy(buf, name, len);
	memset(buf + len, 0, sizeof(buf) - len);
	flags = arch_irq_save();
	memcpy(field, buf, sizeof(buf));
	arch_irq_restore(flags);
	return 0;
}

int uts_set_nodename(const char *name, size_t len)
{
	return set_field(uts.nodename, name, len);
}

int uts_set_domainname(const char *name, size_t len)
{
	return set_field(uts.domainname, name, len);
}
