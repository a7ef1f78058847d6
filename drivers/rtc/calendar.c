/*
 * Calendar arithmetic for the real-time clocks (<drivers/rtc.h>): UTC
 * dates <-> seconds since the Unix epoch, proleptic Gregorian calendar,
 * no leap seconds (POSIX time). Days are counted in 400-year eras that
 * start on March 1, so that the leap day falls at the end of a year and
 * each era has exactly 146097 days.
 */
#include <drivers/rtc.h>

#include <core/errno.h>

#define SECS_PER_DAY		86400
#define DAYS_PER_ERA		146097	/* 400 Gregorian years */
/* Days from 0000-03-01 to 1970-01-01. */
#define EPOCH_DAY_OFFSET	719468

static bool is_leap(int64_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int rtc_month_days(int year, int mon)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30,
					  31, 31, 30, 31, 30, 31 };

	if (mon == 2 && is_leap(year))
		return 29;
	return days[mon - 1];
}

/* Floor division for possibly negative a, positive b. */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Days since 1970-01-01 of a valid date. */
static int64_t days_from_date(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	/* Years start on March 1: January and February belong to y - 1. */
	if (m <= 2)
		y--;
	era = floor_div(y, 400);
	yoe = y - era * 400;				/* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;	/* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * DAYS_PER_ERA + doe - EPOCH_DAY_OFFSET;
}

int rtc_time_to_epoch(const struct rtc_time *tm, int64_t *secs)
{
	if (tm->mon < 1 || tm->mon > 12 || tm->mday < 1 ||
	    tm->mday > rtc_month_days(tm->year, tm->mon) || tm->hour < 0 ||
	    tm->hour > 23 || tm->min < 0 || tm->min > 59 || tm->sec < 0 ||
	    tm->sec > 59)
		return -EINVAL;
	*secs = days_from_date(tm->year, tm->mon, tm->mday) * SECS_PER_DAY +
		tm->hour * 3600 + tm->min * 60 + tm->sec;
	return 0;
}

void rtc_epoch_to_time(int64_t secs, struct rtc_time *tm)
{
	int64_t days = floor_div(secs, SECS_PER_DAY);
	int64_t rem = secs - days * SECS_PER_DAY;
	int64_t z = days + EPOCH_DAY_OFFSET;
	int64_t era = floor_div(z, DAYS_PER_ERA);
	int64_t doe = z - era * DAYS_PER_ERA;		/* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;		/* 0 = March */

	tm->mday = doy - (153 * mp + 2) / 5 + 1;
	tm->mon = mp < 10 ? mp + 3 : mp - 9;
	tm->year = yoe + era * 400 + (tm->mon <= 2);
	tm->hour = rem / 3600;
	tm->min = rem / 60 % 60;
	tm->sec = rem % 60;
}
