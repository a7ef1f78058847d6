/*
 * PIT channel 2 as a calibration reference. Channel 2's gate and output
 * are wired to port 0x61 (bit 0 gate, bit 1 speaker enable, bit 5 OUT2),
 * so it can be run and polled without an interrupt. In mode 0 ("interrupt
 * on terminal count") OUT2 goes low when the count is written and high
 * when it reaches zero (Intel 8254 datasheet, mode 0).
 *
 * The counter under test is read on both sides of the events that bound
 * the one-shot, so every sample knows its own uncertainty. A sample taken
 * while the CPU was away (an SMI, or the host descheduling a virtual CPU)
 * shows a large one and is retried.
 */
#include "pit.h"

#include <arch/pio.h>

#define PIT_HZ			1193182
#define PIT_CH2_DATA		0x42
#define PIT_CMD			0x43
#define PIT_CMD_CH2_MODE0	0xb0	/* channel 2, lobyte/hibyte, mode 0 */
#define PORT_61			0x61
#define PORT_61_GATE2		0x01
#define PORT_61_SPEAKER		0x02
#define PORT_61_OUT2		0x20

#define CALIBRATE_MS		10
#define CALIBRATE_COUNT		(PIT_HZ * CALIBRATE_MS / 1000)
#define CALIBRATE_TRIES		5
/* A sample is good enough when uncertain by at most 1/1000. */
#define GOOD_ENOUGH		1000
/* Far more port reads than 10 ms can take: the PIT is not there. */
#define MAX_POLLS		50000000UL

struct sample {
	uint64_t delta;		/* counter ticks during the one-shot */
	uint64_t error;		/* +- this many */
};

static int measure_once(uint64_t (*read_counter)(void), struct sample *s)
{
	uint64_t start_lo, start_hi, end_lo, end_hi, t;
	unsigned long polls = 0;
	uint8_t port61;

	/* Gate on, speaker off; counting starts with the count's high byte. */
	port61 = (arch_inb(PORT_61) & ~PORT_61_SPEAKER) | PORT_61_GATE2;
	arch_outb(PORT_61, port61);
	arch_outb(PIT_CMD, PIT_CMD_CH2_MODE0);
	arch_outb(PIT_CH2_DATA, CALIBRATE_COUNT & 0xff);
	start_lo = read_counter();
	arch_outb(PIT_CH2_DATA, CALIBRATE_COUNT >> 8);
	start_hi = read_counter();

	/* OUT2 must be low while counting; a missing PIT reads as 0xff. */
	if (arch_inb(PORT_61) & PORT_61_OUT2)
		return -1;
	/* The one-shot ends after the last poll that saw OUT2 low. */
	end_lo = start_hi;
	for (;;) {
		t = read_counter();
		if (arch_inb(PORT_61) & PORT_61_OUT2)
			break;
		end_lo = t;
		if (++polls == MAX_POLLS)
			return -1;
	}
	end_hi = read_counter();

	s->delta = ((end_lo + end_hi) - (start_lo + start_hi)) / 2;
	s->error = ((end_hi - end_lo) + (start_hi - start_lo)) / 2;
	return 0;
}

uint64_t pit_measure_hz(uint64_t (*read_counter)(void))
{
	struct sample s, best = { 0, UINT64_MAX };
	int i;

	for (i = 0; i < CALIBRATE_TRIES; i++) {
		if (measure_once(read_counter, &s))
			return 0;
		if (s.error < best.error)
			best = s;
		if (best.error * GOOD_ENOUGH <= best.delta)
			break;
	}
	return best.delta * PIT_HZ / CALIBRATE_COUNT;
}
