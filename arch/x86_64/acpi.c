/*
 * ACPI power-off: just enough of ACPI to enter S5 (ACPI 6.5 §5.2, §7.4.2,
 * §16.1.7). Find the RSDP (from the boot loader, else by scanning the EBDA
 * and the BIOS area), walk the XSDT or RSDT to the FADT, take the PM1a/PM1b
 * control blocks from it, read SLP_TYPa/SLP_TYPb from the DSDT's \_S5
 * package, and write SLP_TYP | SLP_EN.
 *
 * Tables are read through the linear map and treated as untrusted: every
 * table's length and checksum are checked before use, and the AML walk is
 * bounded by the DSDT's length.
 */
#define pr_fmt(fmt) "acpi: " fmt

#include "acpi.h"

#include <arch/cpu.h>
#include <arch/pio.h>
#include <core/bootinfo.h>
#include <core/compiler.h>
#include <core/mm.h>
#include <core/printk.h>
#include <core/string.h>

#include "boot.h"
#include "tsc.h"

struct acpi_rsdp {
	char signature[8];		/* "RSD PTR " */
	uint8_t checksum;		/* over the first 20 bytes */
	char oem_id[6];
	uint8_t revision;		/* 0: ACPI 1.0, 2: ACPI 2.0+ */
	uint32_t rsdt_address;
	/* revision >= 2 */
	uint32_t length;
	uint64_t xsdt_address;
	uint8_t extended_checksum;	/* over length bytes */
	uint8_t reserved[3];
} __packed;

#define RSDP_V1_SIZE	20

struct acpi_header {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __packed;

struct acpi_gas {
	uint8_t space_id;		/* 1: system I/O */
	uint8_t bit_width;
	uint8_t bit_offset;
	uint8_t access_size;
	uint64_t address;
} __packed;

/* The FADT up to the fields we use (ACPI 6.5, Table 5.9). */
struct acpi_fadt {
	struct acpi_header header;
	uint32_t firmware_ctrl;
	uint32_t dsdt;
	uint8_t reserved0;
	uint8_t preferred_pm_profile;
	uint16_t sci_int;
	uint32_t smi_cmd;
	uint8_t acpi_enable;
	uint8_t acpi_disable;
	uint8_t s4bios_req;
	uint8_t pstate_cnt;
	uint32_t pm1a_evt_blk;
	uint32_t pm1b_evt_blk;
	uint32_t pm1a_cnt_blk;
	uint32_t pm1b_cnt_blk;
	uint8_t other1[116 - 72];
	struct acpi_gas reset_reg;
	uint8_t reset_value;
	uint8_t other2[132 - 129];
	uint64_t x_firmware_ctrl;
	uint64_t x_dsdt;
	struct acpi_gas x_pm1a_evt_blk;
	struct acpi_gas x_pm1b_evt_blk;
	struct acpi_gas x_pm1a_cnt_blk;
	struct acpi_gas x_pm1b_cnt_blk;
} __packed;

STATIC_ASSERT(sizeof(struct acpi_header) == 36);
STATIC_ASSERT(__builtin_offsetof(struct acpi_fadt, pm1a_cnt_blk) == 64);
STATIC_ASSERT(__builtin_offsetof(struct acpi_fadt, x_dsdt) == 140);
STATIC_ASSERT(__builtin_offsetof(struct acpi_fadt, x_pm1a_cnt_blk) == 172);

/* True when the FADT holds field (older revisions are shorter). */
#define FADT_HAS(fadt, field)                                                \
	((fadt)->header.length >=                                            \
	 __builtin_offsetof(struct acpi_fadt, field) + sizeof((fadt)->field))

#define GAS_SYSTEM_IO		1

/* PM1 control register bits (ACPI 6.5, Table 4.13). */
#define PM1_SCI_EN		(1U << 0)
#define PM1_SLP_TYP_SHIFT	10
#define PM1_SLP_TYP_MASK	(7U << PM1_SLP_TYP_SHIFT)
#define PM1_SLP_EN		(1U << 13)

#define ACPI_ENABLE_WAIT_US	100000
#define POWEROFF_WAIT_US	100000

/* Bytes that sum to zero mod 256, as every ACPI checksum requires. */
static bool checksum_ok(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static const struct acpi_rsdp *rsdp_at(paddr_t pa)
{
	const struct acpi_rsdp *r = boot_phys(pa, RSDP_V1_SIZE);

	if (!r || memcmp(r->signature, "RSD PTR ", 8) ||
	    !checksum_ok(r, RSDP_V1_SIZE))
		return NULL;
	if (r->revision >= 2 &&
	    (r->length < sizeof(*r) || !boot_phys(pa, r->length) ||
	     !checksum_ok(r, r->length)))
		return NULL;
	return r;
}

/*
 * ACPI 6.5 §5.2.5.1: the RSDP sits on a 16-byte boundary in the EBDA's
 * first KiB or in 0xe0000-0xfffff.
 */
static const struct acpi_rsdp *rsdp_scan(paddr_t start, size_t len)
{
	const struct acpi_rsdp *r;
	paddr_t pa;

	for (pa = start; pa + RSDP_V1_SIZE <= start + len; pa += 16) {
		r = rsdp_at(pa);
		if (r)
			return r;
	}
	return NULL;
}

static const struct acpi_rsdp *rsdp_find(void)
{
	const struct acpi_rsdp *r = NULL;
	const uint16_t *ebda_seg;
	paddr_t ebda;

	if (boot_info->acpi_rsdp)
		r = rsdp_at(boot_info->acpi_rsdp);
	if (r)
		return r;
	/* The BIOS data area holds the EBDA's real-mode segment at 0x40e. */
	ebda_seg = boot_phys(0x40e, sizeof(*ebda_seg));
	ebda = ebda_seg ? (paddr_t)*ebda_seg << 4 : 0;
	if (ebda >= 0x80000 && ebda < 0xa0000)
		r = rsdp_scan(ebda, 1024);
	return r ? r : rsdp_scan(0xe0000, 0x20000);
}

/* The table at pa if it is mapped, has the signature and sums to zero. */
static const struct acpi_header *table_at(paddr_t pa, const char *sig)
{
	const struct acpi_header *h = boot_phys(pa, sizeof(*h));

	if (!pa || !h || memcmp(h->signature, sig, 4) ||
	    h->length < sizeof(*h) || !boot_phys(pa, h->length) ||
	    !checksum_ok(h, h->length))
		return NULL;
	return h;
}

/* Looks sig up in the XSDT (8-byte entries) or the RSDT (4-byte entries). */
static const struct acpi_header *table_find(const struct acpi_rsdp *rsdp,
					    const char *sig)
{
	const struct acpi_header *root = NULL, *t;
	size_t entry_size = 8, i, n;
	const uint8_t *entries;
	uint64_t pa;

	if (rsdp->revision >= 2 && rsdp->xsdt_address)
		root = table_at(rsdp->xsdt_address, "XSDT");
	if (!root) {
		root = table_at(rsdp->rsdt_address, "RSDT");
		entry_size = 4;
	}
	if (!root)
		return NULL;

	entries = (const uint8_t *)(root + 1);
	n = (root->length - sizeof(*root)) / entry_size;
	for (i = 0; i < n; i++) {
		pa = 0;
		memcpy(&pa, entries + i * entry_size, entry_size);
		t = table_at(pa, sig);
		if (t)
			return t;
	}
	return NULL;
}

/* AML opcodes (ACPI 6.5 §20.2). */
#define AML_ZERO_OP	0x00
#define AML_ONE_OP	0x01
#define AML_NAME_OP	0x08
#define AML_BYTE_PREFIX	0x0a
#define AML_WORD_PREFIX	0x0b
#define AML_DWORD_PREFIX 0x0c
#define AML_PACKAGE_OP	0x12
#define AML_QWORD_PREFIX 0x0e
#define AML_ROOT_CHAR	'\\'
#define AML_ONES_OP	0xff

/*
 * PkgLength (§20.2.4): the lead byte's top two bits count the bytes that
 * follow; the length covers itself and what comes after it. Returns the
 * offset just past the package, or 0 when malformed.
 */
static size_t aml_pkg_end(const uint8_t *aml, size_t len, size_t *pos)
{
	size_t start = *pos, n, i, pkglen;
	uint8_t lead;

	if (start >= len)
		return 0;
	lead = aml[start];
	n = lead >> 6;
	if (start + 1 + n > len)
		return 0;
	if (n == 0) {
		pkglen = lead & 0x3f;
	} else {
		pkglen = lead & 0x0f;
		for (i = 0; i < n; i++)
			pkglen |= (size_t)aml[start + 1 + i] << (4 + 8 * i);
	}
	*pos = start + 1 + n;
	if (pkglen > len - start)
		return 0;
	return start + pkglen;
}

/* An integer data object (§20.2.3 ComputationalData, integers only). */
static int aml_integer(const uint8_t *aml, size_t end, size_t *pos,
		       uint64_t *val)
{
	static const uint8_t size_of_prefix[] = {
		[AML_BYTE_PREFIX] = 1, [AML_WORD_PREFIX] = 2,
		[AML_DWORD_PREFIX] = 4, [AML_QWORD_PREFIX] = 8,
	};
	size_t p = *pos, size;
	uint8_t op;

	if (p >= end)
		return -EINVAL;
	op = aml[p++];
	if (op == AML_ZERO_OP || op == AML_ONE_OP || op == AML_ONES_OP) {
		*val = op == AML_ONES_OP ? ~0ULL : op;
		*pos = p;
		return 0;
	}
	size = op < ARRAY_SIZE(size_of_prefix) ? size_of_prefix[op] : 0;
	if (!size || p + size > end)
		return -EINVAL;
	*val = 0;
	memcpy(val, aml + p, size);
	*pos = p + size;
	return 0;
}

/*
 * Finds Name(_S5, Package() { SLP_TYPa, SLP_TYPb, ... }) in the AML, as
 * NameOp [RootChar] "_S5_" PackageOp PkgLength NumElements elements.
 */
static int s5_sleep_types(const uint8_t *aml, size_t len, uint8_t *typ_a,
			  uint8_t *typ_b)
{
	uint64_t a, b = 0;
	size_t i, pos, end;
	uint8_t count;

	for (i = 1; i + 5 <= len; i++) {
		if (memcmp(aml + i, "_S5_", 4) || aml[i + 4] != AML_PACKAGE_OP)
			continue;
		if (aml[i - 1] != AML_NAME_OP &&
		    !(i >= 2 && aml[i - 1] == AML_ROOT_CHAR &&
		      aml[i - 2] == AML_NAME_OP))
			continue;
		pos = i + 5;
		end = aml_pkg_end(aml, len, &pos);
		if (!end || pos >= end)
			return -EINVAL;
		count = aml[pos++];
		if (count < 1 || aml_integer(aml, end, &pos, &a))
			return -EINVAL;
		if (count >= 2 && aml_integer(aml, end, &pos, &b))
			return -EINVAL;
		*typ_a = a & 7;
		*typ_b = b & 7;
		return 0;
	}
	return -ENOENT;
}

/* A PM1 control block's I/O port: the 32-bit field, else the extended GAS. */
static uint16_t pm1_port(uint32_t legacy, const struct acpi_gas *gas,
			 bool has_gas)
{
	if (legacy)
		return legacy;
	if (has_gas && gas->space_id == GAS_SYSTEM_IO && gas->address <= 0xffff)
		return gas->address;
	return 0;
}

/* Switches from legacy to ACPI mode if firmware has not (§4.8.2.1). */
static void acpi_enable_mode(const struct acpi_fadt *fadt, uint16_t pm1a)
{
	uint64_t waited;

	if ((arch_inw(pm1a) & PM1_SCI_EN) || !fadt->smi_cmd ||
	    !fadt->acpi_enable)
		return;
	arch_outb(fadt->smi_cmd, fadt->acpi_enable);
	for (waited = 0; waited < ACPI_ENABLE_WAIT_US; waited += 100) {
		if (arch_inw(pm1a) & PM1_SCI_EN)
			return;
		tsc_delay_us(100);
	}
}

static void write_sleep(uint16_t port, uint8_t typ)
{
	uint16_t v = arch_inw(port) & ~PM1_SLP_TYP_MASK;

	arch_outw(port, v | (typ << PM1_SLP_TYP_SHIFT) | PM1_SLP_EN);
}

int acpi_poweroff(void)
{
	const struct acpi_header *dsdt = NULL;
	const struct acpi_fadt *fadt;
	const struct acpi_rsdp *rsdp;
	uint16_t pm1a, pm1b;
	uint8_t typ_a, typ_b;
	int err;

	rsdp = rsdp_find();
	if (!rsdp) {
		pr_warn("no RSDP found\n");
		return -ENODEV;
	}
	fadt = (const struct acpi_fadt *)table_find(rsdp, "FACP");
	if (!fadt || !FADT_HAS(fadt, pm1b_cnt_blk)) {
		pr_warn("no usable FADT\n");
		return -ENODEV;
	}
	if (FADT_HAS(fadt, x_dsdt) && fadt->x_dsdt)
		dsdt = table_at(fadt->x_dsdt, "DSDT");
	if (!dsdt)
		dsdt = table_at(fadt->dsdt, "DSDT");
	pm1a = pm1_port(fadt->pm1a_cnt_blk, &fadt->x_pm1a_cnt_blk,
			FADT_HAS(fadt, x_pm1a_cnt_blk));
	pm1b = pm1_port(fadt->pm1b_cnt_blk, &fadt->x_pm1b_cnt_blk,
			FADT_HAS(fadt, x_pm1b_cnt_blk));
	if (!dsdt || !pm1a) {
		pr_warn("no DSDT or no PM1a control block\n");
		return -ENODEV;
	}
	err = s5_sleep_types((const uint8_t *)(dsdt + 1),
			     dsdt->length - sizeof(*dsdt), &typ_a, &typ_b);
	if (err) {
		pr_warn("no valid \\_S5 object in the DSDT: %d\n", err);
		return -ENODEV;
	}

	pr_info("entering S5 (PM1a 0x%x, SLP_TYPa %u)\n", pm1a, typ_a);
	acpi_enable_mode(fadt, pm1a);
	write_sleep(pm1a, typ_a);
	if (pm1b)
		write_sleep(pm1b, typ_b);
	tsc_delay_us(POWEROFF_WAIT_US);
	return -ETIMEDOUT;
}
