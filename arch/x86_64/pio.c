/*
 * Port I/O (<arch/pio.h>): the in and out instructions.
 */
#include <arch/pio.h>

uint8_t arch_inb(uint16_t port)
{
	uint8_t v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

uint16_t arch_inw(uint16_t port)
{
	uint16_t v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

uint32_t arch_inl(uint16_t port)
{
	uint32_t v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

void arch_outb(uint16_t port, uint8_t val)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(val), "Nd"(port));
}

void arch_outw(uint16_t port, uint16_t val)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(val), "Nd"(port));
}

void arch_outl(uint16_t port, uint32_t val)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(val), "Nd"(port));
}
