/*
 * Arm Generic Interrupt Controller v2 (Arm IHI 0048B): the distributor and
 * this CPU's memory-mapped CPU interface, found through the device tree
 * ("arm,cortex-a15-gic", "arm,gic-400"; reg = distributor, CPU interface).
 *
 * Every interrupt is Group 0, level-sensitive for SPIs, priority 0xa0,
 * routed to this CPU and masked until irq_register() unmasks it. The root
 * handler acknowledges through GICC_IAR, dispatches the INTID and ends it
 * through GICC_EOIR. Interrupts are addressed by INTID (16-31 PPIs,
 * 32-1019 SPIs).
 */
#define pr_fmt(fmt) "gic-v2: " fmt

#include <arch/mmio.h>
#include <core/bootinfo.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/init.h>
#include <core/irq.h>
#include <core/mm.h>
#include <core/printk.h>

/* Distributor registers. */
#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER(n)	(0x100 + 4 * (n))
#define GICD_ICENABLER(n)	(0x180 + 4 * (n))
#define GICD_ICPENDR(n)		(0x280 + 4 * (n))
#define GICD_ICACTIVER(n)	(0x380 + 4 * (n))
#define GICD_IPRIORITYR(n)	(0x400 + 4 * (n))
#define GICD_ITARGETSR(n)	(0x800 + 4 * (n))
#define GICD_ICFGR(n)		(0xc00 + 4 * (n))
#define GICD_CTLR_ENABLE	(1 << 0)

/* CPU interface registers. */
#define GICC_CTLR		0x00
#define GICC_PMR		0x04
#define GICC_BPR		0x08
#define GICC_IAR		0x0c
#define GICC_EOIR		0x10
#define GICC_CTLR_ENABLE	(1 << 0)

#define INTID_MASK		0x3ff
#define INTID_SPURIOUS		1020	/* 1020-1023: no interrupt to take */
#define NR_PRIVATE		32	/* SGIs and PPIs */
#define DEFAULT_PRIORITY	0xa0
#define PRIORITY_MASK		0xf0	/* lets priorities 0x00-0xef in */
#define PRIO4(p)		((p) * 0x01010101U)

static uint8_t *dist, *cpu;
static unsigned int nr_lines;

static void gic_mask(unsigned int irq)
{
	if (irq < nr_lines)
		mmio_write32(dist + GICD_ICENABLER(irq / 32), 1U << (irq % 32));
}

static void gic_unmask(unsigned int irq)
{
	if (irq < nr_lines)
		mmio_write32(dist + GICD_ISENABLER(irq / 32), 1U << (irq % 32));
}

static const struct irqchip_ops gic_ops = {
	.mask = gic_mask,
	.unmask = gic_unmask,
};

static const struct irqchip gic_chip = {
	.name = "gic-v2",
	.ops = &gic_ops,
};

static void gic_handle_irq(void)
{
	uint32_t iar = mmio_read32(cpu + GICC_IAR);
	unsigned int intid = iar & INTID_MASK;

	if (intid >= INTID_SPURIOUS)
		return;
	irq_dispatch(intid);
	mmio_write32(cpu + GICC_EOIR, iar);
}

static void gic_dist_init(void)
{
	uint32_t targets;
	unsigned int i;

	mmio_write32(dist + GICD_CTLR, 0);

	/*
	 * GICD_ITARGETSR0-7 read back the reading CPU's own bit in every
	 * byte (IHI 0048B 4.3.12); a uniprocessor GIC may read them as zero.
	 */
	targets = mmio_read32(dist + GICD_ITARGETSR(0)) & 0xff;
	if (!targets)
		targets = 1;
	targets *= 0x01010101U;

	for (i = 0; i < nr_lines; i += 32) {
		mmio_write32(dist + GICD_ICENABLER(i / 32), ~0U);
		mmio_write32(dist + GICD_ICPENDR(i / 32), ~0U);
		mmio_write32(dist + GICD_ICACTIVER(i / 32), ~0U);
	}
	for (i = 0; i < nr_lines; i += 4)
		mmio_write32(dist + GICD_IPRIORITYR(i / 4),
			     PRIO4(DEFAULT_PRIORITY));
	for (i = NR_PRIVATE; i < nr_lines; i += 4)
		mmio_write32(dist + GICD_ITARGETSR(i / 4), targets);
	for (i = NR_PRIVATE; i < nr_lines; i += 16)
		mmio_write32(dist + GICD_ICFGR(i / 16), 0);	/* level */

	mmio_write32(dist + GICD_CTLR, GICD_CTLR_ENABLE);
}

static void gic_cpu_init(void)
{
	mmio_write32(cpu + GICC_PMR, PRIORITY_MASK);
	mmio_write32(cpu + GICC_BPR, 0);
	mmio_write32(cpu + GICC_CTLR, GICC_CTLR_ENABLE);
}

/* Absent from the device tree is not an error: another irqchip may be. */
static int gic_v2_init(void)
{
	static const char *const compatible[] = { "arm,cortex-a15-gic",
						  "arm,gic-400" };
	const void *fdt = boot_info->fdt;
	uint64_t dbase, cbase, size;
	unsigned int i;
	int node = -ENOENT, err;

	if (!fdt)
		return 0;
	for (i = 0; i < ARRAY_SIZE(compatible) && node < 0; i++)
		node = fdt_node_by_compatible(fdt, -1, compatible[i]);
	if (node < 0)
		return 0;
	err = fdt_reg(fdt, node, 0, &dbase, &size);
	if (!err)
		err = fdt_reg(fdt, node, 1, &cbase, &size);
	if (err) {
		pr_err("bad reg property: %d\n", err);
		return err;
	}
	dist = phys_to_virt(dbase);
	cpu = phys_to_virt(cbase);

	/* ITLinesNumber: 32 * (N + 1) lines, the last four never used. */
	nr_lines = 32 * ((mmio_read32(dist + GICD_TYPER) & 0x1f) + 1);
	if (nr_lines > INTID_SPURIOUS)
		nr_lines = INTID_SPURIOUS;

	gic_dist_init();
	gic_cpu_init();
	irqchip_register(&gic_chip);
	irq_set_root_handler(gic_handle_irq);
	pr_info("distributor at 0x%llx, CPU interface at 0x%llx, %u lines\n",
		(unsigned long long)dbase, (unsigned long long)cbase, nr_lines);
	return 0;
}
arch_initcall(gic_v2_init);
