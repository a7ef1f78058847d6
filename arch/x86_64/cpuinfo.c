/*
 * /proc/cpuinfo on x86_64 (<arch/cpuinfo.h>): Linux's fields, read from
 * CPUID (vendor, family/model/stepping with the extended fields, the
 * brand string, feature flags with Linux's names) and the TSC frequency
 * measured at boot.
 */
#include <arch/cpuinfo.h>

#include "tsc.h"

struct regs {
	uint32_t a, b, c, d;
};

static struct regs cpuid(uint32_t leaf, uint32_t sub)
{
	struct regs r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
			     : "a"(leaf), "c"(sub));
	return r;
}

/* Flag names by bit; NULL: Linux shows none for that bit. */
static const char *const leaf1_edx[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic",
	NULL, "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn",
	"clflush", NULL, "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss",
	"ht", "tm", "ia64", "pbe",
};

static const char *const leaf1_ecx[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", NULL,
	"pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c", "rdrand",
	"hypervisor",
};

static const char *const ext1_edx[32] = {
	[11] = "syscall", [20] = "nx", [22] = "mmxext", [25] = "fxsr_opt",
	[26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm", [30] = "3dnowext",
	[31] = "3dnow",
};

static const char *const ext1_ecx[32] = {
	"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
	"sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
	"skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
	NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext",
	"ptsc", "perfctr_llc", "mwaitx",
};

static const char *const leaf7_ebx[32] = {
	[0] = "fsgsbase", [1] = "tsc_adjust", [3] = "bmi1", [4] = "hle",
	[5] = "avx2", [7] = "smep", [8] = "bmi2", [9] = "erms",
	[10] = "invpcid", [11] = "rtm", [16] = "avx512f", [18] = "rdseed",
	[19] = "adx", [20] = "smap", [23] = "clflushopt", [24] = "clwb",
	[29] = "sha_ni",
};

static void flags(uint32_t reg, const char *const names[32],
		  cpuinfo_out_t out, void *arg)
{
	for (int i = 0; i < 32; i++)
		if ((reg >> i) & 1 && names[i])
			out(arg, " %s", names[i]);
}

void arch_cpuinfo(unsigned int cpu, cpuinfo_out_t out, void *arg)
{
	struct regs r0 = cpuid(0, 0), r1 = cpuid(1, 0);
	struct regs e0 = cpuid(0x80000000, 0);
	struct regs e1 = { 0 }, r7 = { 0 }, e8 = { 0 };
	uint32_t vendor[4] = { r0.b, r0.d, r0.c, 0 };
	uint32_t brand[13] = { 0 };
	unsigned int family = (r1.a >> 8) & 0xf, model = (r1.a >> 4) & 0xf;
	uint64_t khz = tsc_hz() / 1000;

	if (family == 0xf)
		family += (r1.a >> 20) & 0xff;
	if (family >= 6)
		model |= ((r1.a >> 16) & 0xf) << 4;
	if (r0.a >= 7)
		r7 = cpuid(7, 0);
	if (e0.a >= 0x80000001)
		e1 = cpuid(0x80000001, 0);
	if (e0.a >= 0x80000004) {
		for (int i = 0; i < 3; i++) {
			struct regs b = cpuid(0x80000002 + i, 0);

			brand[i * 4] = b.a;
			brand[i * 4 + 1] = b.b;
			brand[i * 4 + 2] = b.c;
			brand[i * 4 + 3] = b.d;
		}
	}
	if (e0.a >= 0x80000008)
		e8 = cpuid(0x80000008, 0);

	out(arg, "processor\t: %u\n", cpu);
	out(arg, "vendor_id\t: %s\n", (const char *)vendor);
	out(arg, "cpu family\t: %u\n", family);
	out(arg, "model\t\t: %u\n", model);
	out(arg, "model name\t: %s\n",
	    brand[0] ? (const char *)brand : "unknown");
	out(arg, "stepping\t: %u\n", r1.a & 0xf);
	out(arg, "cpu MHz\t\t: %llu.%03llu\n", (unsigned long long)khz / 1000,
	    (unsigned long long)khz % 1000);
	out(arg, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\n");
	out(arg, "cpu cores\t: 1\napicid\t\t: %u\ninitial apicid\t: %u\n",
	    r1.b >> 24, r1.b >> 24);
	out(arg, "fpu\t\t: yes\nfpu_exception\t: yes\n");
	out(arg, "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:", r0.a);
	flags(r1.d, leaf1_edx, out, arg);
	flags(e1.d, ext1_edx, out, arg);
	flags(r1.c, leaf1_ecx, out, arg);
	flags(e1.c, ext1_ecx, out, arg);
	flags(r7.b, leaf7_ebx, out, arg);
	/* Linux's bogomips: twice the TSC's MHz, from loops per jiffy. */
	out(arg, "\nbugs\t\t:\nbogomips\t: %llu.%02llu\n",
	    (unsigned long long)khz * 2 / 1000,
	    (unsigned long long)(khz * 2 % 1000) / 10);
	out(arg, "clflush size\t: %u\ncache_alignment\t: %u\n",
	    ((r1.b >> 8) & 0xff) * 8, ((r1.b >> 8) & 0xff) * 8);
	if (e8.a)
		out(arg, "address sizes\t: %u bits physical, %u bits virtual\n",
		    e8.a & 0xff, (e8.a >> 8) & 0xff);
	out(arg, "power management:\n\n");
}
