/*
 * The two cascaded 8259A PICs of the PC. We never use them, but the BIOS
 * leaves them mapped onto vectors 0x08-0x0f, where a spurious interrupt
 * would be taken for a double fault. So: reinitialise them at VEC_PIC_BASE
 * and mask all lines (Intel 8259A datasheet, ICW1-ICW4, OCW1).
 */
#include "pic.h"

#include <arch/pio.h>

#include "traps.h"

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1

#define ICW1_INIT	0x10
#define ICW1_ICW4	0x01	/* ICW4 follows */
#define ICW4_8086	0x01
#define CASCADE_IRQ	2

/* A write to the unused port 0x80 gives the old PICs time to settle. */
static void io_delay(void)
{
	arch_outb(0x80, 0);
}

static void pic_write(uint16_t port, uint8_t val)
{
	arch_outb(port, val);
	io_delay();
}

void pic_disable(void)
{
	pic_write(PIC1_CMD, ICW1_INIT | ICW1_ICW4);
	pic_write(PIC2_CMD, ICW1_INIT | ICW1_ICW4);
	pic_write(PIC1_DATA, VEC_PIC_BASE);		/* ICW2: vector base */
	pic_write(PIC2_DATA, VEC_PIC_BASE + 8);
	pic_write(PIC1_DATA, 1 << CASCADE_IRQ);		/* ICW3: slave on IRQ2 */
	pic_write(PIC2_DATA, CASCADE_IRQ);		/* ICW3: slave identity */
	pic_write(PIC1_DATA, ICW4_8086);
	pic_write(PIC2_DATA, ICW4_8086);
	pic_write(PIC1_DATA, 0xff);			/* OCW1: mask all */
	pic_write(PIC2_DATA, 0xff);
}
