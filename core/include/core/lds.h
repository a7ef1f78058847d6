/*
 * Pieces shared by every architecture's linker script (kernel.lds.S, run
 * through the C preprocessor). Each arch script places these in its data.
 */
#ifndef CORE_LDS_H
#define CORE_LDS_H

#define INITCALL_SECTIONS                                                     \
	. = ALIGN(8);                                                         \
	__initcall0_start = .;                                                \
	KEEP(*(.initcall.0))                                                  \
	__initcall1_start = .;                                                \
	KEEP(*(.initcall.1))                                                  \
	__initcall2_start = .;                                                \
	KEEP(*(.initcall.2))                                                  \
	__initcall3_start = .;                                                \
	KEEP(*(.initcall.3))                                                  \
	__initcall4_start = .;                                                \
	KEEP(*(.initcall.4))                                                  \
	__initcall5_start = .;                                                \
	KEEP(*(.initcall.5))                                                  \
	__initcall_end = .;

#endif /* CORE_LDS_H */
