/*
 * The common part of the real-time clock drivers (<drivers/rtc.h>): the
 * first clock read at boot sets the kernel's wall clock, and the date is
 * printed so that a boot log shows what time the system believes it is.
 */
#define pr_fmt(fmt) "rtc: " fmt

#include <drivers/rtc.h>

#include <core/printk.h>
#include <core/time.h>

void rtc_set_system_time(const char *name, int64_t secs)
{
	struct rtc_time tm;

	rtc_epoch_to_time(secs, &tm);
	pr_info("%s: %04d-%02d-%02d %02d:%02d:%02d UTC\n", name, tm.year,
		tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
	if (secs < 0) {
		pr_warn("%s: date before 1970 ignored\n", name);
		return;
	}
	if (clock_realtime_is_set())
		return;
	clock_set_realtime_ns(secs * (int64_t)NSEC_PER_SEC);
}
