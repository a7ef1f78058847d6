/*
 * /proc/cpuinfo on aarch64 (<arch/cpuinfo.h>): Linux's arm64 fields.
 * BogoMIPS comes from the generic timer's frequency (Linux computes it
 * from the timer-based delay loop: 2 * cntfrq / 10^6 with 100 Hz jiffies);
 * Features are the hwcaps the ELF loader reports (<arch/elf.h>); the CPU
 * fields are MIDR_EL1's implementer, variant, part and revision.
 */
#include <arch/cpuinfo.h>

#include <arch/elf.h>
#include <arch/sysreg.h>

/* Linux's names of the hwcap bits, by bit number. */
static const char *const hwcap_names[] = {
	"fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32",
	"atomics",
};

void arch_cpuinfo(unsigned int cpu, cpuinfo_out_t out, void *arg)
{
	uint64_t midr = read_sysreg(midr_el1);
	uint64_t freq = read_sysreg(cntfrq_el0);
	unsigned long hwcap = arch_elf_hwcap();
	uint64_t bogo = freq * 2 / 10000;	/* hundredths of a MIPS */
	unsigned int arch = (midr >> 16) & 0xf;

	out(arg, "processor\t: %u\n", cpu);
	out(arg, "BogoMIPS\t: %llu.%02llu\n", (unsigned long long)bogo / 100,
	    (unsigned long long)bogo % 100);
	out(arg, "Features\t:");
	for (unsigned int i = 0; i < ARRAY_SIZE(hwcap_names); i++)
		if (hwcap & (1UL << i))
			out(arg, " %s", hwcap_names[i]);
	out(arg, "\nCPU implementer\t: 0x%02x\n",
	    (unsigned int)(midr >> 24) & 0xff);
	/* MIDR.Architecture 0xf: "defined by the ID registers", i.e. v8+. */
	out(arg, "CPU architecture: %u\n", arch == 0xf ? 8 : arch);
	out(arg, "CPU variant\t: 0x%x\n", (unsigned int)(midr >> 20) & 0xf);
	out(arg, "CPU part\t: 0x%03x\n", (unsigned int)(midr >> 4) & 0xfff);
	out(arg, "CPU revision\t: %u\n\n", (unsigned int)midr & 0xf);
}
