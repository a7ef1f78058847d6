/*
 * Real-time clocks (drivers/rtc/): a battery-backed calendar clock read
 * once at boot to set the kernel's wall clock (CLOCK_REALTIME,
 * <core/time.h>). Drivers read their chip and call rtc_set_system_time();
 * the calendar arithmetic (UTC, proleptic Gregorian) is shared here.
 */
#ifndef DRIVERS_RTC_H
#define DRIVERS_RTC_H

#include <core/types.h>

/* A broken-down UTC date. */
struct rtc_time {
	int year;	/* e.g. 2024 */
	int mon;	/* 1..12 */
	int mday;	/* 1..31 */
	int hour;	/* 0..23 */
	int min;	/* 0..59 */
	int sec;	/* 0..59 */
};

/* Days in month mon (1..12) of year, leap years included. */
int rtc_month_days(int year, int mon);

/*
 * Seconds since 1970-01-01 00:00:00 UTC of tm (years before 1970 give
 * negative values), like timegm(3). Returns 0, or -EINVAL when a field
 * is out of range.
 */
int rtc_time_to_epoch(const struct rtc_time *tm, int64_t *secs);

/* The date of secs seconds after (or before) the epoch. */
void rtc_epoch_to_time(int64_t secs, struct rtc_time *tm);

/*
 * Called once by the driver that read the clock: sets the wall clock to
 * secs since the epoch (unless one was set already) and prints the date.
 */
void rtc_set_system_time(const char *name, int64_t secs);

#endif /* DRIVERS_RTC_H */
