/*
 * x86_64 private: the boot path. head.S enters x86_start() with the
 * protocol that started us and the physical address of its information
 * structure; the protocol parsers turn that into a struct boot_info.
 */
#ifndef X86_BOOT_H
#define X86_BOOT_H

#define BOOT_PROTO_MULTIBOOT2	1	/* eax = 0x36d76289, ebx = info */
#define BOOT_PROTO_PVH		2	/* ebx = struct hvm_start_info */

#ifndef __ASSEMBLER__

#include <core/bootinfo.h>
#include <core/types.h>

/* Called once by head.S on the boot stack, in the higher half. */
void x86_start(uint32_t protocol, uint32_t info) __noreturn;

/*
 * Fill bi from the boot loader's structure at physical address info.
 * Anything malformed or outside the boot linear map is skipped.
 */
void multiboot2_parse(struct boot_info *bi, paddr_t info);
void pvh_parse(struct boot_info *bi, paddr_t info);

/*
 * Kernel pointer to len bytes at physical pa, or NULL when the range is
 * not inside the boot linear map (the first 4 GiB).
 */
const void *boot_phys(paddr_t pa, uint64_t len);

/*
 * The NUL-terminated string at pa, at most max bytes including the NUL,
 * or NULL when it is unmapped or unterminated.
 */
const char *boot_string(paddr_t pa, size_t max);

/* Adds a region typed as in E820 (so are Multiboot2 and PVH memory maps). */
void boot_add_e820(struct boot_info *bi, paddr_t base, uint64_t size,
		   uint32_t type);

#endif /* !__ASSEMBLER__ */

#endif /* X86_BOOT_H */
