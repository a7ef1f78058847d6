/*
 * x86_64 kernel linker script (run through the C preprocessor).
 *
 * The image is loaded at physical KERNEL_PHYS_BASE (1 MiB): GRUB and QEMU
 * place segments at their p_paddr. The .boot output section (Multiboot2
 * header, 32-bit entry code, boot GDT) is linked at its physical address;
 * the rest of the kernel runs at KERNEL_VBASE + physical, with AT() giving
 * its load address. The note segment holds the PVH entry point.
 */
#include <arch/memlayout.h>
#include <core/lds.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(mb2_entry)

PHDRS
{
	boot	PT_LOAD FLAGS(5);	/* R X */
	text	PT_LOAD FLAGS(5);	/* R X */
	rodata	PT_LOAD FLAGS(4);	/* R */
	data	PT_LOAD FLAGS(6);	/* R W */
	note	PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = KERNEL_PHYS_BASE;
	__kernel_phys_start = .;

	/* The Multiboot2 header first: it must be in the file's first 32 KiB. */
	.boot : {
		KEEP(*(.boot.header))
		*(.boot.text)
		*(.boot.rodata)
	} :boot

	.note.Xen : {
		KEEP(*(.note.Xen))
	} :boot :note

	. = ALIGN(4096) + KERNEL_VBASE;

	.text : AT(ADDR(.text) - KERNEL_VBASE) {
		_text = .;
		*(.text .text.*)
		_etext = .;
	} :text

	. = ALIGN(4096);
	.rodata : AT(ADDR(.rodata) - KERNEL_VBASE) {
		*(.rodata .rodata.*)
		INITCALL_SECTIONS
		/* uaccess fault fixups, <arch/uaccess.h> */
		. = ALIGN(8);
		__ex_table_start = .;
		KEEP(*(__ex_table))
		__ex_table_end = .;
	} :rodata

	. = ALIGN(4096);
	.data : AT(ADDR(.data) - KERNEL_VBASE) {
		*(.data .data.*)
	} :data

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - KERNEL_VBASE) {
		__bss_start = .;
		*(.bss.boot)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
		__bss_end = .;
	} :data

	_end = .;
	__kernel_phys_end = _end - KERNEL_VBASE;

	/DISCARD/ : {
		*(.comment)
		*(.eh_frame)
		*(.note.GNU-stack)
		*(.note.gnu.property)
	}
}
