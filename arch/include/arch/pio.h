/*
 * Arch contract, only on CPUs with an I/O port space (CONFIG_ARCH_HAS_PIO):
 * port input and output.
 */
#ifndef ARCH_PIO_H
#define ARCH_PIO_H

#include <core/types.h>

uint8_t arch_inb(uint16_t port);
uint16_t arch_inw(uint16_t port);
uint32_t arch_inl(uint16_t port);
void arch_outb(uint16_t port, uint8_t val);
void arch_outw(uint16_t port, uint16_t val);
void arch_outl(uint16_t port, uint32_t val);

#endif /* ARCH_PIO_H */
