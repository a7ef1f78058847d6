/*
 * Arm Generic Interrupt Controller v3 (Arm IHI 0069): distributor,
 * this CPU's redistributor, and the system-register CPU interface, found
 * through the device tree ("arm,gic-v3"; reg = distributor, then the
 * redistributor regions).
 *
 * Affinity routing is on. Every interrupt is Non-secure Group 1, priority
 * 0xa0, SPIs level-sensitive and routed to this CPU, all masked until
 * irq_register() unmasks them: SGIs and PPIs (INTID < 32) through this
 * CPU's redistributor, SPIs through the distributor. The root handler
 * acknowledges with ICC_IAR1_EL1, dispatches the INTID, and ends it with
 * ICC_EOIR1_EL1 (EOImode 0: priority drop and deactivation at once).
 */
#define pr_fmt(fmt) "gic-v3: " fmt

#include <arch/mmio.h>
#include <arch/sysreg.h>
#include <core/bootinfo.h>
#include <core/errno.h>
#include <core/fdt.h>
#include <core/init.h>
#include <core/irq.h>
#include <core/mm.h>
#include <core/printk.h>
#include <core/time.h>

/* Distributor registers. */
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR(n)		(0x0080 + 4 * (n))
#define GICD_ISENABLER(n)	(0x0100 + 4 * (n))
#define GICD_ICENABLER(n)	(0x0180 + 4 * (n))
#define GICD_ICPENDR(n)		(0x0280 + 4 * (n))
#define GICD_ICACTIVER(n)	(0x0380 + 4 * (n))
#define GICD_IPRIORITYR(n)	(0x0400 + 4 * (n))
#define GICD_ICFGR(n)		(0x0c00 + 4 * (n))
#define GICD_IROUTER(n)		(0x6000 + 8 * (n))
/*
 * With one Security state (QEMU virt without EL3) bit 0 enables Group 0
 * and bit 1 Group 1; in the Non-secure view of a two-state GIC bit 0 is
 * Group 1 and bit 1 Group 1A. Setting both turns Group 1 on in either.
 */
#define GICD_CTLR_ENABLE_G1	((1 << 0) | (1 << 1))
#define GICD_CTLR_ARE		(1 << 4)
#define GICD_CTLR_RWP		(1U << 31)

/* Redistributor: RD_base frame, then the SGI_base frame 64 KiB above. */
#define GICR_CTLR		0x0000
#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)
#define GICR_ICENABLER0		(GICR_SGI_BASE + 0x0180)
#define GICR_ICPENDR0		(GICR_SGI_BASE + 0x0280)
#define GICR_ICACTIVER0		(GICR_SGI_BASE + 0x0380)
#define GICR_IPRIORITYR(n)	(GICR_SGI_BASE + 0x0400 + 4 * (n))
#define GICR_CTLR_RWP		(1 << 3)
#define GICR_TYPER_VLPIS	(1 << 1)
#define GICR_TYPER_LAST		(1 << 4)
#define GICR_WAKER_SLEEP	(1 << 1)	/* ProcessorSleep */
#define GICR_WAKER_ASLEEP	(1 << 2)	/* ChildrenAsleep */
#define GICR_FRAMES_V3		0x20000		/* RD + SGI */
#define GICR_FRAMES_V4		0x40000		/* + VLPI + reserved */

#define INTID_MASK		0xffffff
#define INTID_SPURIOUS		1020	/* 1020-1023: no interrupt to take */
#define NR_PRIVATE		32
#define DEFAULT_PRIORITY	0xa0
#define PRIORITY_MASK		0xf0
#define PRIO4(p)		((p) * 0x01010101U)
#define POLL_TIMEOUT_NS		(10 * 1000 * 1000)

static uint8_t *dist, *rdist;
static unsigned int nr_lines;

/* Waits for a register-write-pending bit to clear; -ETIMEDOUT if stuck. */
static int wait_clear(const uint8_t *reg, uint32_t bit)
{
	uint64_t start = clock_ns();

	while (mmio_read32(reg) & bit) {
		if (clock_ns() - start > POLL_TIMEOUT_NS)
			return -ETIMEDOUT;
	}
	return 0;
}

static void gic_mask(unsigned int irq)
{
	if (irq < NR_PRIVATE) {
		mmio_write32(rdist + GICR_ICENABLER0, 1U << irq);
		wait_clear(rdist + GICR_CTLR, GICR_CTLR_RWP);
	} else if (irq < nr_lines) {
		mmio_write32(dist + GICD_ICENABLER(irq / 32), 1U << (irq % 32));
		wait_clear(dist + GICD_CTLR, GICD_CTLR_RWP);
	}
}

static void gic_unmask(unsigned int irq)
{
	if (irq < NR_PRIVATE)
		mmio_write32(rdist + GICR_ISENABLER0, 1U << irq);
	else if (irq < nr_lines)
		mmio_write32(dist + GICD_ISENABLER(irq / 32), 1U << (irq % 32));
}

static const struct irqchip_ops gic_ops = {
	.mask = gic_mask,
	.unmask = gic_unmask,
};

static const struct irqchip gic_chip = {
	.name = "gic-v3",
	.ops = &gic_ops,
};

static void gic_handle_irq(void)
{
	uint64_t iar = read_sysreg(ICC_IAR1_EL1);
	unsigned int intid = iar & INTID_MASK;

	if (intid >= INTID_SPURIOUS && intid < 1024)
		return;
	irq_dispatch(intid);
	write_sysreg(iar, ICC_EOIR1_EL1);
	isb();
}

static int gic_dist_init(void)
{
	uint64_t route = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	unsigned int i;
	int err;

	mmio_write32(dist + GICD_CTLR, 0);
	err = wait_clear(dist + GICD_CTLR, GICD_CTLR_RWP);
	if (err)
		return err;

	for (i = NR_PRIVATE; i < nr_lines; i += 32) {
		mmio_write32(dist + GICD_ICENABLER(i / 32), ~0U);
		mmio_write32(dist + GICD_ICPENDR(i / 32), ~0U);
		mmio_write32(dist + GICD_ICACTIVER(i / 32), ~0U);
		mmio_write32(dist + GICD_IGROUPR(i / 32), ~0U);
	}
	for (i = NR_PRIVATE; i < nr_lines; i += 4)
		mmio_write32(dist + GICD_IPRIORITYR(i / 4),
			     PRIO4(DEFAULT_PRIORITY));
	for (i = NR_PRIVATE; i < nr_lines; i += 16)
		mmio_write32(dist + GICD_ICFGR(i / 16), 0);	/* level */
	err = wait_clear(dist + GICD_CTLR, GICD_CTLR_RWP);
	if (err)
		return err;

	mmio_write32(dist + GICD_CTLR, GICD_CTLR_ARE);
	err = wait_clear(dist + GICD_CTLR, GICD_CTLR_RWP);
	if (err)
		return err;
	for (i = NR_PRIVATE; i < nr_lines; i++)
		mmio_write64(dist + GICD_IROUTER(i), route);
	mmio_write32(dist + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1);
	return wait_clear(dist + GICD_CTLR, GICD_CTLR_RWP);
}

/*
 * Finds the redistributor whose GICR_TYPER affinity is this CPU's, in the
 * regions of the node's reg entries 1..n (IHI 0069 9.6, 12.11.36).
 */
static uint8_t *find_rdist(const void *fdt, int node)
{
	uint64_t mpidr = read_sysreg(mpidr_el1), base, size, off, typer;
	uint32_t aff = (uint32_t)((mpidr >> 32 & 0xff) << 24 |
				  (mpidr & 0xffffff));
	uint8_t *frame;
	int i;

	for (i = 1; fdt_reg(fdt, node, i, &base, &size) == 0; i++) {
		for (off = 0; off + GICR_FRAMES_V3 <= size;) {
			frame = phys_to_virt(base + off);
			typer = mmio_read64(frame + GICR_TYPER);
			if ((uint32_t)(typer >> 32) == aff)
				return frame;
			if (typer & GICR_TYPER_LAST)
				break;
			off += typer & GICR_TYPER_VLPIS ? GICR_FRAMES_V4 :
							  GICR_FRAMES_V3;
		}
	}
	return NULL;
}

static int gic_rdist_init(void)
{
	int i, err;

	mmio_write32(rdist + GICR_WAKER,
		     mmio_read32(rdist + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	err = wait_clear(rdist + GICR_WAKER, GICR_WAKER_ASLEEP);
	if (err)
		return err;

	mmio_write32(rdist + GICR_ICENABLER0, ~0U);
	mmio_write32(rdist + GICR_ICPENDR0, ~0U);
	mmio_write32(rdist + GICR_ICACTIVER0, ~0U);
	mmio_write32(rdist + GICR_IGROUPR0, ~0U);
	for (i = 0; i < NR_PRIVATE; i += 4)
		mmio_write32(rdist + GICR_IPRIORITYR(i / 4),
			     PRIO4(DEFAULT_PRIORITY));
	return wait_clear(rdist + GICR_CTLR, GICR_CTLR_RWP);
}

static int gic_cpu_init(void)
{
	write_sysreg(read_sysreg(ICC_SRE_EL1) | ICC_SRE_SRE, ICC_SRE_EL1);
	isb();
	if (!(read_sysreg(ICC_SRE_EL1) & ICC_SRE_SRE))
		return -ENODEV;	/* a higher EL keeps the interface off */
	write_sysreg(PRIORITY_MASK, ICC_PMR_EL1);
	write_sysreg(0, ICC_BPR1_EL1);
	write_sysreg(0, ICC_CTLR_EL1);		/* EOImode 0 */
	write_sysreg(1, ICC_IGRPEN1_EL1);
	isb();
	return 0;
}

/* Absent from the device tree is not an error: another irqchip may be. */
static int gic_v3_init(void)
{
	const void *fdt = boot_info->fdt;
	uint64_t dbase, size;
	int node, err;

	if (!fdt)
		return 0;
	node = fdt_node_by_compatible(fdt, -1, "arm,gic-v3");
	if (node < 0)
		return 0;
	err = fdt_reg(fdt, node, 0, &dbase, &size);
	if (err) {
		pr_err("bad reg property: %d\n", err);
		return err;
	}
	dist = phys_to_virt(dbase);
	rdist = find_rdist(fdt, node);
	if (!rdist) {
		pr_err("no redistributor for this CPU\n");
		return -ENODEV;
	}

	/* ITLinesNumber: 32 * (N + 1) INTIDs, capped below the special ones. */
	nr_lines = 32 * ((mmio_read32(dist + GICD_TYPER) & 0x1f) + 1);
	if (nr_lines > INTID_SPURIOUS)
		nr_lines = INTID_SPURIOUS;

	err = gic_dist_init();
	if (!err)
		err = gic_rdist_init();
	if (!err)
		err = gic_cpu_init();
	if (err) {
		pr_err("initialisation failed: %d\n", err);
		return err;
	}
	irqchip_register(&gic_chip);
	irq_set_root_handler(gic_handle_irq);
	pr_info("distributor at 0x%llx, redistributor at 0x%llx, %u lines\n",
		(unsigned long long)dbase,
		(unsigned long long)virt_to_phys(rdist), nr_lines);
	return 0;
}
arch_initcall(gic_v3_init);
