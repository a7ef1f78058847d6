/*
 * The PC's CMOS real-time clock (Motorola MC146818, as in every PC
 * chipset and QEMU q35), read once at boot through I/O ports 0x70/0x71.
 * Registers: seconds 0x00, minutes 0x02, hours 0x04, day 0x07, month
 * 0x08, year 0x09, status A 0x0a (bit 7 UIP: update in progress), status
 * B 0x0b (bit 2: binary instead of BCD, bit 1: 24-hour mode), and the
 * century at 0x32 (the register the ACPI FADT names on PCs and QEMU).
 * The chip is assumed to hold UTC, as QEMU's does by default.
 */
#define pr_fmt(fmt) "rtc: " fmt

#include <drivers/rtc.h>

#include <arch/pio.h>
#include <core/errno.h>
#include <core/init.h>
#include <core/printk.h>

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71

#define REG_SEC		0x00
#define REG_MIN		0x02
#define REG_HOUR	0x04
#define REG_MDAY	0x07
#define REG_MON		0x08
#define REG_YEAR	0x09
#define REG_STATUS_A	0x0a
#define REG_STATUS_B	0x0b
#define REG_CENTURY	0x32

#define STATUS_A_UIP	0x80
#define STATUS_B_24H	0x02
#define STATUS_B_BIN	0x04
#define HOUR_PM		0x80

/* Bounds the waits for the chip: an update lasts under 2 ms. */
#define MAX_TRIES	100000

struct cmos_regs {
	uint8_t sec, min, hour, mday, mon, year, century;
};

static uint8_t cmos_read(uint8_t reg)
{
	arch_outb(CMOS_INDEX, reg);
	return arch_inb(CMOS_DATA);
}

static void read_regs(struct cmos_regs *r)
{
	r->sec = cmos_read(REG_SEC);
	r->min = cmos_read(REG_MIN);
	r->hour = cmos_read(REG_HOUR);
	r->mday = cmos_read(REG_MDAY);
	r->mon = cmos_read(REG_MON);
	r->year = cmos_read(REG_YEAR);
	r->century = cmos_read(REG_CENTURY);
}

static bool same(const struct cmos_regs *a, const struct cmos_regs *b)
{
	return a->sec == b->sec && a->min == b->min && a->hour == b->hour &&
	       a->mday == b->mday && a->mon == b->mon && a->year == b->year &&
	       a->century == b->century;
}

static int bcd(uint8_t v)
{
	return (v >> 4) * 10 + (v & 0xf);
}

/*
 * Reads the registers outside an update: wait until UIP is clear, read
 * everything, and accept it once two reads in a row agree.
 */
static int read_stable(struct cmos_regs *r)
{
	struct cmos_regs again;
	int tries;

	for (tries = 0; tries < MAX_TRIES; tries++) {
		if (cmos_read(REG_STATUS_A) & STATUS_A_UIP)
			continue;
		read_regs(r);
		if (cmos_read(REG_STATUS_A) & STATUS_A_UIP)
			continue;
		read_regs(&again);
		if (same(r, &again))
			return 0;
	}
	return -ETIMEDOUT;
}

static int cmos_rtc_init(void)
{
	uint8_t status_b = cmos_read(REG_STATUS_B);
	struct cmos_regs r;
	struct rtc_time tm;
	int64_t secs;
	bool pm;
	int err, century;

	err = read_stable(&r);
	if (err) {
		pr_err("cmos: the clock never settles\n");
		return err;
	}
	pm = r.hour & HOUR_PM;
	r.hour &= ~HOUR_PM;
	if (status_b & STATUS_B_BIN) {
		tm.sec = r.sec;
		tm.min = r.min;
		tm.hour = r.hour;
		tm.mday = r.mday;
		tm.mon = r.mon;
		tm.year = r.year;
		century = r.century;
	} else {
		tm.sec = bcd(r.sec);
		tm.min = bcd(r.min);
		tm.hour = bcd(r.hour);
		tm.mday = bcd(r.mday);
		tm.mon = bcd(r.mon);
		tm.year = bcd(r.year);
		century = bcd(r.century);
	}
	/* 12-hour mode: 12 AM is 0:00, 12 PM is 12:00. */
	if (!(status_b & STATUS_B_24H))
		tm.hour = tm.hour % 12 + (pm ? 12 : 0);
	/* A chip without a century register: assume 1970..2069. */
	if (century < 19 || century > 99)
		century = tm.year < 70 ? 20 : 19;
	tm.year += century * 100;

	err = rtc_time_to_epoch(&tm, &secs);
	if (err) {
		pr_err("cmos: invalid date %04d-%02d-%02d %02d:%02d:%02d\n",
		       tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
		return err;
	}
	rtc_set_system_time("cmos", secs);
	return 0;
}
driver_initcall(cmos_rtc_init);
