/*
 * aarch64 kernel link map. The kernel runs at KERNEL_VBASE, which head.S
 * maps onto the physical load address; the file offset of everything
 * equals its offset from _text, so `objcopy -O binary` gives the arm64
 * Image with its header at offset 0. .bss and the boot page tables come
 * last and are not in the file; the header's image_size (_kernel_size)
 * counts them so that the loader leaves room.
 */
#include <arch/memlayout.h>
#include <core/lds.h>

OUTPUT_ARCH(aarch64)
ENTRY(_text)

SECTIONS
{
	. = KERNEL_VBASE;
	_text = .;

	.text : {
		KEEP(*(.head.text))
		*(.text .text.*)
	}
	_etext = .;

	. = ALIGN(4096);
	.rodata : {
		*(.rodata .rodata.*)
		INITCALL_SECTIONS
		/* uaccess fault fixups, <arch/uaccess.h> */
		. = ALIGN(8);
		__ex_table_start = .;
		KEEP(*(__ex_table))
		__ex_table_end = .;
	}

	. = ALIGN(4096);
	.data : {
		*(.data .data.*)
	}
	_edata = .;

	. = ALIGN(4096);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}

	. = ALIGN(4096);
	.pgtables (NOLOAD) : {
		__pgtables_start = .;
		*(.pgtables)
		__pgtables_end = .;
	}

	. = ALIGN(4096);
	_end = .;
	_kernel_size = _end - _text;

	/DISCARD/ : {
		*(.comment)
		*(.note .note.*)
		*(.eh_frame .eh_frame_hdr)
		*(.interp .dynamic .dynsym .dynstr .hash .gnu.hash)
	}
}
