/*
 * System information (CONFIG_SYSCALL_SYSINFO): uname, sethostname,
 * setdomainname, sysinfo, getrandom and getcpu. prctl and reboot, in the
 * same group, are in sys_prctl.c and sys_reboot.c. The names uname gives
 * are kept in core/utsname.c, which /proc/sys/kernel shares.
 */
#define pr_fmt(fmt) "sysinfo: " fmt

#include <core/errno.h>
#include <core/page.h>
#include <core/process.h>
#include <core/random.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/time.h>
#include <core/uaccess.h>
#include <core/utsname.h>
#include <core/wait.h>

long sys_uname(struct utsname *name)
{
	struct utsname copy;

	uts_read(&copy);
	return copy_to_user(name, &copy, sizeof(copy));
}

/* sethostname/setdomainname: root (CAP_SYS_ADMIN), at most 64 bytes. */
static long set_uts_field(int (*set)(const char *, size_t),
			  const char *uname, int len)
{
	char buf[UTS_LEN];
	struct process *p = current_process();

	if (p->euid != 0)
		return -EPERM;
	if (len < 0 || len > UTS_LEN)
		return -EINVAL;
	if (copy_from_user(buf, uname, len))
		return -EFAULT;
	return set(buf, len);
}

long sys_sethostname(const char *name, int len)
{
	return set_uts_field(uts_set_nodename, name, len);
}

long sys_setdomainname(const char *name, int len)
{
	return set_uts_field(uts_set_domainname, name, len);
}

/* struct sysinfo of the 64-bit ABIs (112 bytes, _f[] is empty). */
struct ksysinfo {
	int64_t uptime;			/* seconds since boot */
	uint64_t loads[3];		/* 1, 5, 15 minute loads << 16 */
	uint64_t totalram;
	uint64_t freeram;
	uint64_t sharedram;
	uint64_t bufferram;
	uint64_t totalswap;
	uint64_t freeswap;
	uint16_t procs;
	uint16_t pad;
	uint64_t totalhigh;
	uint64_t freehigh;
	uint32_t mem_unit;
};

STATIC_ASSERT(sizeof(struct ksysinfo) == 112);

/*
 * Loads are the scheduler's averages shifted to SI_LOAD_SHIFT (16) bits.
 * procs counts every task but the idle one, as Linux counts threads.
 */
long sys_sysinfo(struct ksysinfo *info)
{
	struct ksysinfo si;
	uint64_t up = clock_ns();
	unsigned long loads[3];

	memset(&si, 0, sizeof(si));
	/* Linux rounds the uptime up to whole seconds. */
	si.uptime = (up + NSEC_PER_SEC - 1) / NSEC_PER_SEC;
	sched_loadavg(loads);
	for (int i = 0; i < 3; i++)
		si.loads[i] = (uint64_t)loads[i] << (16 - LOAD_FSHIFT);
	si.totalram = pmm_total_bytes();
	si.freeram = pmm_free_bytes();
	si.procs = MIN(sched_nr_tasks() - 1, 0xffffU);
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si));
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

/* The most one call returns (getrandom(2): 32 MiB - 1, as Linux). */
#define GETRANDOM_MAX	33554431
#define GETRANDOM_CHUNK	256

/*
 * getrandom: the generator is seeded before user space starts, so no
 * flag ever makes it block or fail with EAGAIN; GRND_RANDOM draws from
 * the same generator (as Linux since 5.6). A large request stops early,
 * returning the count so far, at a pending signal (checked between
 * chunks, so the first chunk always comes) and at a fault (EFAULT when
 * nothing was copied).
 */
long sys_getrandom(void *buf, size_t count, unsigned int flags)
{
	uint8_t chunk[GETRANDOM_CHUNK];
	size_t done = 0, n;
	long ret = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_RANDOM | GRND_INSECURE)) ==
	    (GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	count = MIN(count, (size_t)GETRANDOM_MAX);
	while (done < count) {
		if (done && signal_pending_current())
			break;
		n = MIN(count - done, sizeof(chunk));
		get_random_bytes(chunk, n);
		ret = copy_to_user((uint8_t *)buf + done, chunk, n);
		if (ret)
			break;
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	__asm__ __volatile__("" : : "r"(chunk) : "memory");
	return done ? (long)done : ret;
}

/* One CPU, one NUMA node. The third argument is unused since Linux 2.6.24. */
long sys_getcpu(unsigned int *cpu, unsigned int *node, void *unused)
{
	unsigned int zero = 0;

	if (cpu && copy_to_user(cpu, &zero, sizeof(zero)))
		return -EFAULT;
	if (node && copy_to_user(node, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}
