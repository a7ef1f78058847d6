/*
 * x86_64 private: the 8254 programmable interval timer, used only as a
 * reference clock to calibrate the TSC and the local APIC timer.
 */
#ifndef X86_PIT_H
#define X86_PIT_H

#include <core/types.h>

/*
 * Rate of a counter that counts up, measured against one-shots of PIT
 * channel 2 (10 ms each, up to 5 until one is precise to 0.1%; busy-waits
 * with interrupts off). read_counter is called around the start and at
 * every poll. Returns counts per second, or 0 when the PIT does not
 * respond.
 */
uint64_t pit_measure_hz(uint64_t (*read_counter)(void));

#endif /* X86_PIT_H */
