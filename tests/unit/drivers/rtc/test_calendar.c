/*
 * Unit tests of the RTC calendar arithmetic (drivers/rtc/calendar.c):
 * date -> epoch seconds against the host's timegm(3) over a wide range of
 * dates (leap years, century rules, month ends, before 1970), the inverse
 * conversion back, and the rejection of impossible dates.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <core/errno.h>
#include <drivers/rtc.h>

static int64_t host_timegm(const struct rtc_time *rt)
{
	struct tm tm = {
		.tm_year = rt->year - 1900,
		.tm_mon = rt->mon - 1,
		.tm_mday = rt->mday,
		.tm_hour = rt->hour,
		.tm_min = rt->min,
		.tm_sec = rt->sec,
	};

	return timegm(&tm);
}

static void check_date(int year, int mon, int mday, int hour, int min,
		       int sec)
{
	struct rtc_time tm = { year, mon, mday, hour, min, sec }, back;
	int64_t secs;

	assert_int_equal(rtc_time_to_epoch(&tm, &secs), 0);
	assert_int_equal(secs, host_timegm(&tm));
	rtc_epoch_to_time(secs, &back);
	assert_memory_equal(&back, &tm, sizeof(tm));
}

static void test_known_dates(void **state)
{
	struct rtc_time epoch = { 1970, 1, 1, 0, 0, 0 };
	struct rtc_time y2038 = { 2038, 1, 19, 3, 14, 8 };
	int64_t secs;

	assert_int_equal(rtc_time_to_epoch(&epoch, &secs), 0);
	assert_int_equal(secs, 0);
	assert_int_equal(rtc_time_to_epoch(&y2038, &secs), 0);
	assert_int_equal(secs, 2147483648LL);
}

/* Every day from 1900 to 2200 at a time that varies with the day. */
static void test_every_day_against_timegm(void **state)
{
	int year, mon, mday, n = 0;

	for (year = 1900; year <= 2200; year++)
		for (mon = 1; mon <= 12; mon++)
			for (mday = 1; mday <= rtc_month_days(year, mon);
			     mday++, n++)
				check_date(year, mon, mday, n % 24, n % 60,
					   (n * 7) % 60);
}

static void test_month_lengths(void **state)
{
	assert_int_equal(rtc_month_days(2024, 2), 29);
	assert_int_equal(rtc_month_days(2023, 2), 28);
	assert_int_equal(rtc_month_days(1900, 2), 28);
	assert_int_equal(rtc_month_days(2000, 2), 29);
	assert_int_equal(rtc_month_days(2100, 2), 28);
	assert_int_equal(rtc_month_days(2024, 4), 30);
	assert_int_equal(rtc_month_days(2024, 12), 31);
}

static void test_invalid_dates(void **state)
{
	static const struct rtc_time bad[] = {
		{ 2023, 2, 29, 0, 0, 0 },	/* not a leap year */
		{ 2100, 2, 29, 0, 0, 0 },	/* century, not leap */
		{ 2024, 4, 31, 0, 0, 0 },
		{ 2024, 0, 1, 0, 0, 0 },
		{ 2024, 13, 1, 0, 0, 0 },
		{ 2024, 1, 0, 0, 0, 0 },
		{ 2024, 1, 1, 24, 0, 0 },
		{ 2024, 1, 1, 0, 60, 0 },
		{ 2024, 1, 1, 0, 0, 60 },
		{ 2024, 1, 1, -1, 0, 0 },
	};
	int64_t secs;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(rtc_time_to_epoch(&bad[i], &secs), -EINVAL);
}

/* epoch -> date for arbitrary seconds, including negative ones. */
static void test_epoch_to_time_against_gmtime(void **state)
{
	int64_t secs;
	struct rtc_time tm;
	struct tm host;
	time_t t;

	for (secs = -4000000000LL; secs < 8000000000LL; secs += 987654321) {
		t = secs;
		gmtime_r(&t, &host);
		rtc_epoch_to_time(secs, &tm);
		assert_int_equal(tm.year, host.tm_year + 1900);
		assert_int_equal(tm.mon, host.tm_mon + 1);
		assert_int_equal(tm.mday, host.tm_mday);
		assert_int_equal(tm.hour, host.tm_hour);
		assert_int_equal(tm.min, host.tm_min);
		assert_int_equal(tm.sec, host.tm_sec);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_dates),
		cmocka_unit_test(test_every_day_against_timegm),
		cmocka_unit_test(test_month_lengths),
		cmocka_unit_test(test_invalid_dates),
		cmocka_unit_test(test_epoch_to_time_against_gmtime),
	};

	return cmocka_run_group_tests_name("rtc_calendar", tests, NULL, NULL);
}
