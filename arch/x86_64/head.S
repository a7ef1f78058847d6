/*
 * x86_64 boot entry: the Multiboot2 header, the PVH ELF note and the code
 * that takes the CPU from 32-bit protected mode (paging off, as both
 * protocols leave it) to 64-bit mode in the higher half, then calls
 * x86_start() in setup.c.
 *
 * The .boot.* sections are linked at their physical address (virtual ==
 * physical), so the 32-bit code needs no relocation tricks and GRUB finds
 * the ELF entry point inside a segment. Everything else is linked at
 * KERNEL_VBASE + physical; PHYS() turns such a symbol into its load address.
 *
 * Specifications: Multiboot2 1.0 §3.1 (header) and §3.2 (machine state);
 * Xen PVH (arch-x86/hvm/start_info.h, XEN_ELFNOTE_PHYS32_ENTRY);
 * Intel SDM vol. 3, 9.8.5 (initializing IA-32e mode).
 */
#include <arch/memlayout.h>

#include "boot.h"
#include "paging.h"
#include "segment.h"
#include "x86.h"

#define PHYS(sym)		((sym) - KERNEL_VBASE)

#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0
#define MB2_BOOTLOADER_MAGIC	0x36d76289
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define CPUID_EXT_FEATURES	0x80000001
#define CPUID_EDX_NX		20
#define CPUID_EDX_LM		29

#define BOOT_STACK_SIZE		16384

/* ------------------------------------------------------------------------
 * Multiboot2 header: 8-byte aligned, within the first 32 KiB of the file.
 * No tags besides the end tag: GRUB then loads the ELF segments at their
 * p_paddr and enters at e_entry (mb2_entry).
 */
	.section .boot.header, "a"
	.balign 8
mb2_header:
	.long	MB2_HEADER_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + \
			       (mb2_header_end - mb2_header))
	.short	0			/* end tag: type 0, flags 0, size 8 */
	.short	0
	.long	8
mb2_header_end:

/*
 * PVH: QEMU -kernel (and Xen) enter at the 32-bit physical address in
 * this note, with ebx = struct hvm_start_info. It must sit in a PT_NOTE
 * whose p_align is 4 (see the linker script).
 */
	.section .note.Xen, "a", @note
	.balign 4
	.long	4			/* namesz: "Xen\0" */
	.long	4			/* descsz */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.balign 4
	.long	pvh_entry

/* ------------------------------------------------------------------------
 * 32-bit entry points. Register use up to boot64: edi (then ebx, once
 * cpuid is done) = protocol, esi = physical address of the boot
 * information, ebp = CPUID 0x80000001 edx. No stack is needed.
 */
	.section .boot.text, "ax"
	.code32

	.globl	mb2_entry
mb2_entry:
	cli
	cld
	cmpl	$MB2_BOOTLOADER_MAGIC, %eax
	jne	boot_fail
	movl	$BOOT_PROTO_MULTIBOOT2, %edi
	movl	%ebx, %esi
	jmp	boot32

	.globl	pvh_entry
pvh_entry:
	cli
	cld
	movl	$BOOT_PROTO_PVH, %edi
	movl	%ebx, %esi

boot32:
	/* Long mode is required; NX is used when present. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$CPUID_EXT_FEATURES, %eax
	jb	boot_fail
	movl	$CPUID_EXT_FEATURES, %eax
	cpuid
	btl	$CPUID_EDX_LM, %edx
	jnc	boot_fail
	movl	%edx, %ebp
	movl	%edi, %ebx		/* protocol: cpuid is done with ebx */

	/* Clear .bss: it holds the page tables and the boot stack. */
	movl	$PHYS(__bss_start), %edi
	movl	$PHYS(__bss_end), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	/* Linear map: 0-4 GiB in 2 MiB pages. */
	movl	$PHYS(boot_pd_linear), %edi
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$LARGE_PAGE_SHIFT, %eax
	orl	$(PTE_P | PTE_W | PTE_PS), %eax
	movl	%eax, (%edi, %ecx, 8)
	movl	%ecx, %eax
	shrl	$(32 - LARGE_PAGE_SHIFT), %eax
	movl	%eax, 4(%edi, %ecx, 8)
	incl	%ecx
	cmpl	$(BOOT_NR_PD * PT_ENTRIES), %ecx
	jb	1b

	movl	$PHYS(boot_pdpt_linear), %edi
	movl	$PHYS(boot_pd_linear) + (PTE_P | PTE_W), %eax
	xorl	%ecx, %ecx
2:	movl	%eax, (%edi, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$BOOT_NR_PD, %ecx
	jb	2b

	/* Kernel image: KERNEL_VBASE + 0-1 GiB -> physical 0-1 GiB. */
	movl	$PHYS(boot_pd_kernel), %edi
	xorl	%ecx, %ecx
3:	movl	%ecx, %eax
	shll	$LARGE_PAGE_SHIFT, %eax
	orl	$(PTE_P | PTE_W | PTE_PS), %eax
	movl	%eax, (%edi, %ecx, 8)
	incl	%ecx
	cmpl	$PT_ENTRIES, %ecx
	jb	3b
	movl	$PHYS(boot_pd_kernel) + (PTE_P | PTE_W), \
		PHYS(boot_pdpt_kernel) + PDPT_INDEX(KERNEL_VBASE) * 8

	movl	$PHYS(boot_pdpt_linear) + (PTE_P | PTE_W), %eax
	movl	%eax, PHYS(boot_pml4)
	movl	%eax, PHYS(boot_pml4) + PML4_INDEX(LINEAR_BASE) * 8
	movl	$PHYS(boot_pdpt_kernel) + (PTE_P | PTE_W), \
		PHYS(boot_pml4) + PML4_INDEX(KERNEL_VBASE) * 8

	/* SDM 9.8.5: PAE, CR3, EFER.LME, then paging: IA-32e mode. */
	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$PHYS(boot_pml4), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$CPUID_EDX_NX, %ebp
	jnc	4f
	orl	$EFER_NXE, %eax
4:	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP | CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	boot_gdt_ptr
	ljmp	$KERNEL_CS, $boot64

/* No long mode or a wrong magic: nothing can be reported yet. */
boot_fail:
	hlt
	jmp	boot_fail

	.code64
boot64:
	movl	$KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$high_entry, %rax
	jmpq	*%rax

/*
 * Boot GDT, until gdt_init() installs the real one. Same selectors.
 */
	.section .boot.rodata, "a"
	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* KERNEL_CS: 64-bit code, DPL 0 */
	.quad	0x00cf92000000ffff	/* KERNEL_DS: data, DPL 0 */
boot_gdt_end:

boot_gdt_ptr:				/* lgdt in 32-bit mode: physical */
	.short	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.balign 8
	.short	0
boot_gdt_ptr_high:			/* lgdt in 64-bit mode: kernel alias */
	.short	boot_gdt_end - boot_gdt - 1
	.quad	boot_gdt + KERNEL_VBASE

/* ------------------------------------------------------------------------
 * 64-bit, in the higher half.
 */
	.text
high_entry:
	/* Nothing may refer to the identity map from here on: the GDTR. */
	lgdt	boot_gdt_ptr_high + KERNEL_VBASE

	/* Drop the identity map so that user addresses (NULL...) fault. */
	movq	$0, boot_pml4(%rip)
	movq	%cr3, %rax
	movq	%rax, %cr3

	leaq	boot_stack_top(%rip), %rsp
	xorl	%ebp, %ebp
	movl	%ebx, %edi		/* protocol; movl zero-extends */
	movl	%esi, %esi		/* physical info address */
	call	x86_start
5:	cli
	hlt
	jmp	5b

/* ------------------------------------------------------------------------
 * Boot page tables and the boot stack (cleared by boot32).
 */
	.section .bss.boot, "aw", @nobits
	.balign 4096
	.globl	boot_pml4
boot_pml4:
	.skip	4096
boot_pdpt_linear:
	.skip	4096
boot_pdpt_kernel:
	.skip	4096
boot_pd_kernel:
	.skip	4096
	.globl	boot_pd_linear
boot_pd_linear:
	.skip	4096 * BOOT_NR_PD

	.balign 16
boot_stack:
	.skip	BOOT_STACK_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
