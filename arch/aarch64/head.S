/*
 * aarch64 kernel entry: the arm64 Image header and the boot path up to C.
 *
 * The boot loader (QEMU -kernel, later UEFI) jumps to offset 0 of the Image
 * at a 2 MiB aligned physical address, MMU off, with x0 = physical address
 * of the device tree (Linux Documentation/arch/arm64/booting.rst). From
 * there, running at the physical address and using PC-relative code only:
 *
 *   1. leave EL2 for EL1 if entered at EL2, mask all exceptions;
 *   2. build the boot page tables (.pgtables, outside .bss):
 *        TTBR1  kernel image at KERNEL_VBASE (2 MiB blocks) and the linear
 *               map LINEAR_BASE + pa of the first 512 GiB (1 GiB blocks;
 *               block 0 holds the GIC and UART on virt, so it is Device);
 *        TTBR0  an identity map of the 1 GiB around the image, only used
 *               while the MMU is switched on;
 *   3. turn on the MMU and jump to the kernel's virtual address;
 *   4. disable TTBR0 walks (TCR_EL1.EPD0) so user addresses fault, set the
 *      stack and VBAR_EL1, open FP/SIMD to EL1 and EL0 (CPACR_EL1), clear
 *      the thread ID registers, clear .bss, and call arch_setup(dtb, load).
 */
#include <arch/memlayout.h>
#include <arch/sysreg.h>

#include "mmu.h"

/* Image header flags: little-endian, 4 KiB pages, placed anywhere. */
#define IMAGE_FLAG_PAGE_4K	(1 << 1)
#define IMAGE_FLAG_ANYWHERE	(1 << 3)

#define CURRENTEL_EL1		(1 << 2)
#define CURRENTEL_EL2		(2 << 2)
#define HCR_EL2_RW		(1 << 31)	/* EL1 is AArch64 */
#define CNTHCTL_EL1PCTEN	(1 << 0)	/* EL1 may read CNTPCT */
#define CNTHCTL_EL1PCEN		(1 << 1)	/* ... and the EL1 phys timer */
#define CPTR_EL2_RES1		0x33ff		/* and no FP/SIMD traps */
#define SPSR_EL1H_MASKED	0x3c5		/* EL1h, DAIF all set */

#define BOOT_STACK_SIZE		16384

/* Block descriptors of the boot map: kernel RWX, linear map never executed. */
#define BLOCK_NORMAL \
	(PTE_BLOCK | PTE_AF | PTE_SH_INNER | PTE_ATTRINDX(MT_NORMAL))
#define BLOCK_KERNEL		(BLOCK_NORMAL | PTE_UXN)
#define BLOCK_LINEAR		(BLOCK_NORMAL | PTE_PXN | PTE_UXN)
#define BLOCK_DEVICE \
	(PTE_BLOCK | PTE_AF | PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_PXN | PTE_UXN)
#define BLOCK_IDMAP		BLOCK_NORMAL

/* Physical or virtual address of sym, whichever we run at: PC-relative. */
.macro	adr_l, reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

	.section .head.text, "ax"

/* arm64 Image header, 64 bytes. */
	b	primary_entry			/* code0 */
	.long	0				/* code1 */
	.quad	0				/* text_offset */
	.quad	_kernel_size			/* image_size, incl. .bss */
	.quad	IMAGE_FLAG_PAGE_4K | IMAGE_FLAG_ANYWHERE
	.quad	0				/* res2 */
	.quad	0				/* res3 */
	.quad	0				/* res4 */
	.ascii	"ARM\x64"			/* magic */
	.long	0				/* res5: PE header offset */

primary_entry:
	msr	daifset, #0xf
	mov	x19, x0				/* device tree, physical */
	adr_l	x20, _text			/* load address, physical */
	tst	x20, #(L2_BLOCK_SIZE - 1)
	b.ne	boot_hang			/* needs 2 MiB alignment */

	mrs	x0, CurrentEL
	cmp	x0, #CURRENTEL_EL2
	b.eq	el2_entry
	cmp	x0, #CURRENTEL_EL1
	b.ne	boot_hang			/* EL3 is not supported */
el1_entry:
	msr	spsel, #1
	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	isb

	bl	build_page_tables
	bl	enable_mmu
	ldr	x0, =primary_virt
	br	x0

/*
 * Entered at EL2 (virt,virtualization=on): let EL1 run AArch64 with no
 * hypervisor traps and its own view of the counter and timers, then eret
 * to el1_entry with every exception masked.
 */
el2_entry:
	ldr	x0, =HCR_EL2_RW
	msr	hcr_el2, x0
	isb
	mrs	x0, cnthctl_el2
	orr	x0, x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mrs	x0, midr_el1			/* EL1 reads VPIDR as MIDR */
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	msr	vttbr_el2, xzr

	/* GICv3 system register interface: allow EL1 to enable it. */
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #24, #4			/* ID_AA64PFR0_EL1.GIC */
	cbz	x0, 1f
	mrs	x0, ICC_SRE_EL2
	orr	x0, x0, #ICC_SRE_SRE
	orr	x0, x0, #ICC_SRE_EL2_ENABLE
	msr	ICC_SRE_EL2, x0
	isb
	msr	ICH_HCR_EL2, xzr
1:
	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	adr	x0, el1_entry
	msr	elr_el2, x0
	eret

/*
 * Fills the boot page tables, MMU off. In: x20 = physical load address.
 * Clobbers x0-x8.
 */
build_page_tables:
	adr_l	x0, __pgtables_start
	adr_l	x1, __pgtables_end
	mov	x2, x0
1:	stp	xzr, xzr, [x2], #16
	cmp	x2, x1
	b.lo	1b

	/* TTBR1 level 0: the linear map's and the image's level-1 tables. */
	adr_l	x0, boot_ttbr1_l0
	adr_l	x1, boot_linear_l1
	orr	x2, x1, #PTE_TABLE
	str	x2, [x0, #(PT_INDEX(LINEAR_BASE, L0_SHIFT) * 8)]
	adr_l	x2, boot_kernel_l1
	orr	x3, x2, #PTE_TABLE
	str	x3, [x0, #(PT_INDEX(KERNEL_VBASE, L0_SHIFT) * 8)]
	adr_l	x3, boot_kernel_l2
	orr	x4, x3, #PTE_TABLE
	str	x4, [x2, #(PT_INDEX(KERNEL_VBASE, L1_SHIFT) * 8)]

	/*
	 * Linear map: one 1 GiB block per level-1 entry, as many as the
	 * CPU's physical address size holds (ID_AA64MMFR0_EL1.PARange:
	 * 0 = 32 bits = 4 GiB, 1 = 36 bits = 64 GiB, more = all 512 GiB).
	 */
	mrs	x4, id_aa64mmfr0_el1
	ubfx	x4, x4, #0, #4
	mov	x5, #4
	cbz	x4, 2f
	mov	x5, #64
	cmp	x4, #1
	b.eq	2f
	mov	x5, #PT_ENTRIES
2:	ldr	x6, =BLOCK_DEVICE
	str	x6, [x1]
	ldr	x6, =BLOCK_LINEAR
	mov	x7, #1
3:	orr	x8, x6, x7, lsl #L1_SHIFT
	str	x8, [x1, x7, lsl #3]
	add	x7, x7, #1
	cmp	x7, x5
	b.lo	3b

	/* Image, .bss and these tables: 2 MiB blocks from the load address. */
	adr_l	x4, _end
	sub	x4, x4, x20
	mov	x5, #(L2_BLOCK_SIZE - 1)
	add	x4, x4, x5
	lsr	x4, x4, #L2_SHIFT		/* number of blocks */
	ldr	x6, =BLOCK_KERNEL
	orr	x6, x6, x20
	mov	x7, #0
4:	str	x6, [x3, x7, lsl #3]
	add	x6, x6, #L2_BLOCK_SIZE
	add	x7, x7, #1
	cmp	x7, x4
	b.lo	4b

	/* TTBR0: identity map of the 1 GiB holding the image. */
	adr_l	x0, boot_idmap_l0
	adr_l	x1, boot_idmap_l1
	orr	x2, x1, #PTE_TABLE
	lsr	x3, x20, #L0_SHIFT
	str	x2, [x0, x3, lsl #3]
	ldr	x2, =BLOCK_IDMAP
	lsr	x3, x20, #L1_SHIFT
	orr	x2, x2, x3, lsl #L1_SHIFT
	and	x3, x3, #(PT_ENTRIES - 1)
	str	x2, [x1, x3, lsl #3]

	/*
	 * The tables were written with the MMU (and so the D-cache) off:
	 * drop any stale lines so that cacheable table walks see them.
	 */
	dmb	sy
	adr_l	x0, __pgtables_start
	adr_l	x1, __pgtables_end
	mrs	x2, ctr_el0
	ubfx	x2, x2, #16, #4			/* DminLine: log2(words) */
	mov	x3, #4
	lsl	x3, x3, x2			/* line size in bytes */
5:	dc	ivac, x0
	add	x0, x0, x3
	cmp	x0, x1
	b.lo	5b
	dsb	sy
	ret

/* Programs the translation registers and sets SCTLR_EL1.M/C/I. */
enable_mmu:
	ldr	x0, =MAIR_EL1_VALUE
	msr	mair_el1, x0
	ldr	x0, =TCR_EL1_VALUE
	mrs	x1, id_aa64mmfr0_el1
	ubfx	x1, x1, #0, #4			/* PARange */
	mov	x2, #TCR_IPS_48BIT
	cmp	x1, x2
	csel	x1, x1, x2, lo
	bfi	x0, x1, #TCR_IPS_SHIFT, #3
	msr	tcr_el1, x0
	adr_l	x0, boot_idmap_l0
	msr	ttbr0_el1, x0
	adr_l	x0, boot_ttbr1_l0
	msr	ttbr1_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	ldr	x0, =SCTLR_EL1_MMU_ON
	msr	sctlr_el1, x0
	isb
	ic	iallu
	dsb	nsh
	isb
	ret

boot_hang:
	wfe
	b	boot_hang

	.ltorg

	.text

/* Now at KERNEL_VBASE. x19 = device tree, x20 = load address (physical). */
primary_virt:
	mrs	x0, tcr_el1
	orr	x0, x0, #TCR_EPD0
	msr	tcr_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb

	ldr	x0, =boot_stack_top
	mov	sp, x0
	ldr	x0, =vectors
	msr	vbar_el1, x0

	/* User mode: FP/SIMD for EL0 (and fpsimd.S), no stale thread ids. */
	mov	x0, #CPACR_EL1_FPEN
	msr	cpacr_el1, x0
	mov	x0, #CNTKCTL_EL0VCTEN
	msr	cntkctl_el1, x0
	msr	tpidr_el0, xzr
	msr	tpidrro_el0, xzr
	isb

	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b

	mov	x29, xzr
	mov	x30, xzr
	mov	x0, x19
	mov	x1, x20
	bl	arch_setup
2:	wfi
	b	2b

	.ltorg

	.section .bss.boot_stack, "aw", %nobits
	.balign	16
boot_stack:
	.skip	BOOT_STACK_SIZE
boot_stack_top:

/* Boot page tables, zeroed and filled by build_page_tables. */
	.section .pgtables, "aw", %nobits
	.balign	4096
	.globl	boot_ttbr1_l0
boot_ttbr1_l0:
	.skip	4096
boot_linear_l1:
	.skip	4096
boot_kernel_l1:
	.skip	4096
boot_kernel_l2:
	.skip	4096
boot_idmap_l0:
	.skip	4096
boot_idmap_l1:
	.skip	4096
