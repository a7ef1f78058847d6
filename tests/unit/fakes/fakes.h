/*
 * Fakes of the arch contract, the clock and printk for the host unit
 * tests, and the knobs tests use to steer and observe them.
 */
#ifndef TESTS_UNIT_FAKES_H
#define TESTS_UNIT_FAKES_H

#include <stdint.h>

/* fake_arch.c: interrupt mask and machine stop. */
extern int fake_irq_depth;		/* arch_irq_save() nesting now */
extern int fake_irq_enabled;		/* 1 after arch_irq_enable() */
/* Called by arch_halt() / arch_reboot(); must not return (else abort). */
extern void (*fake_halt_hook)(void);
extern void (*fake_reboot_hook)(void);

/* fake_clock.c: clock_ns() returns fake_clock_now, then adds the step. */
extern uint64_t fake_clock_now;
extern uint64_t fake_clock_step;

/* fake_printk.c: printk() into a buffer, for tests of code that logs. */
extern int fake_printk_count[8];	/* messages per level */
extern char fake_printk_last[512];	/* the last message */
void fake_printk_reset(void);

/* fake_mm.c: the pretend linear map (see include/arch/memlayout.h). */
extern uintptr_t test_linear_base;
extern uint64_t test_linear_map_end;

/*
 * fake_kmalloc.c: kmalloc() is malloc(). When fake_kmalloc_fail_after is
 * N >= 0, N more allocations succeed and the ones after fail; -1: never.
 */
extern long fake_kmalloc_fail_after;

/*
 * fake_pgtable.c: the current root (arch_pgtable_switch), leaves still
 * mapped when their space was destroyed, spaces alive, and the number of
 * arch_pgtable_map() calls to let through before -ENOMEM (-1: never).
 */
extern uint64_t fake_pgtable_current;
extern long fake_pgtable_leaked;
extern long fake_pgtable_spaces;
extern long fake_pgtable_fail_after;

#endif /* TESTS_UNIT_FAKES_H */
