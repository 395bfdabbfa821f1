/* Parsing Kibana's ISO-8601 timestamps and showing them relative to now or in local time. */
#include "config.h"
#include "ktest.h"
#include "core/timefmt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static time_t parsed(const char *iso)
{
	time_t t = 0;
	if (!timefmt_parse(iso, &t))
		fail_msg("\"%s\" did not parse", iso);
	return t;
}

static void test_parse(void **state)
{
	assert_int_equal(parsed("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(parsed("2022-07-29T00:59:39.444Z"), 1659056379);
	assert_int_equal(parsed("2022-07-29T00:59:39Z"), 1659056379);
	assert_int_equal(parsed("2022-07-29T00:59:39"), 1659056379);
	assert_int_equal(parsed("2024-02-29T12:00:00.123456789Z"), 1709208000);
	assert_int_equal(parsed("2000-03-01T00:00:00Z"), 951868800);
	assert_int_equal(parsed("2022-07-29T02:59:39+02:00"), 1659056379);
	assert_int_equal(parsed("2022-07-28T19:29:39.5-05:30"), 1659056379);
	assert_int_equal(parsed("1969-12-31T23:59:59Z"), -1);
	assert_int_equal(parsed("2000-02-29T00:00:00Z"), 951782400);
	assert_int_equal(parsed("2016-12-31T23:59:60Z"), 1483228800);
}

static void test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"", "yesterday", "2022-07-29", "2022-13-01T00:00:00Z", "2022-00-10T00:00:00Z", "2022-07-32T00:00:00Z",
		"2022-07-29T24:00:00Z", "2022-07-29T10:60:00Z", "2022-07-29T10:00:00 PM", "2022-07-29T10:00:00+5",
		/* Trailing text, impossible dates, signs and blanks inside fields, bad offsets. */
		"2022-07-29T10:00:00Zjunk", "2022-07-29T10:00:00+02:00x", "2022-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
		"2022-07-29T-1:00:00Z", "2022- 7-29T10:00:00Z", "+2022-07-29T10:00:00Z", "2022-07-29T10:00:00.Z",
		"2022-07-29T10:00:00+24:00", "2022-07-29T10:00:00+0200", "2022-07-29 10:00:00Z",
	};
	time_t t;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (timefmt_parse(bad[i], &t))
			fail_msg("\"%s\" parsed", bad[i]);
	assert_false(timefmt_parse(NULL, &t));
}

static void test_relative(void **state)
{
	static const struct {
		long delta;
		const char *want;
	} cases[] = {
		{0, "0s ago"},         {12, "12s ago"},       {59, "59s ago"},     {60, "1m ago"},
		{3599, "59m ago"},     {3600, "1h ago"},      {86399, "23h ago"},  {86400, "1d ago"},
		{86400L * 364, "364d ago"}, {86400L * 366, "1y ago"}, {-240, "in 4m"}, {-5, "in 5s"},
	};
	time_t base = parsed("2024-05-01T12:00:00Z");
	char buf[32];
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		timefmt_relative("2024-05-01T12:00:00.000Z", base + cases[i].delta, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].want);
	}
	timefmt_relative(NULL, base, buf, sizeof(buf));
	assert_string_equal(buf, "-");
	timefmt_relative("garbage", base, buf, sizeof(buf));
	assert_string_equal(buf, "-");
}

static void test_local(void **state)
{
	char buf[64];
	setenv("TZ", "UTC", 1);
	tzset();
	timefmt_local("2022-07-29T00:59:39.444Z", buf, sizeof(buf));
	assert_string_equal(buf, "2022-07-29 00:59:39");
	setenv("TZ", "UTC-2", 1);
	tzset();
	timefmt_local("2022-07-29T00:59:39.444Z", buf, sizeof(buf));
	assert_string_equal(buf, "2022-07-29 02:59:39");
	timefmt_local("not a time", buf, sizeof(buf));
	assert_string_equal(buf, "not a time");
	timefmt_local(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "-");
	setenv("TZ", "UTC", 1);
	tzset();
}

static void test_now_iso(void **state)
{
	char buf[40];
	timefmt_now_iso(buf, sizeof(buf));
	assert_int_equal(strlen(buf), 24);
	assert_int_equal(buf[23], 'Z');
	assert_int_equal(buf[19], '.');
	time_t t;
	assert_true(timefmt_parse(buf, &t));
	time_t now = time(NULL);
	/* Same clock, read twice: not a timing assertion, just a sanity bound of a day. */
	assert_true(t > now - 86400 && t < now + 86400);
}

static void test_milliseconds_and_order(void **state)
{
	(void)state;
	long long ms;
	assert_true(timefmt_parse_ms("2024-05-02T09:00:00.123Z", &ms));
	assert_int_equal(ms % 1000, 123);
	long long whole;
	assert_true(timefmt_parse_ms("2024-05-02T09:00:00Z", &whole));
	assert_int_equal(ms - whole, 123);
	assert_true(timefmt_parse_ms("2024-05-02T09:00:00.5Z", &ms));
	assert_int_equal(ms - whole, 500);
	assert_true(timefmt_parse_ms("2024-05-02T09:00:00.123456789Z", &ms));
	assert_int_equal(ms - whole, 123);
	assert_true(timefmt_parse_ms("2024-05-02T11:00:00.250+02:00", &ms));
	assert_int_equal(ms - whole, 250);
	assert_false(timefmt_parse_ms("yesterday", &ms));
	/* Text order would put ...00Z after ...00.123Z: the times say otherwise. */
	assert_true(timefmt_cmp("2024-05-02T09:00:00Z", "2024-05-02T09:00:00.123Z") < 0);
	assert_int_equal(timefmt_cmp("2024-05-02T09:00:00.100Z", "2024-05-02T09:00:00.1Z"), 0);
	assert_true(timefmt_cmp("2024-05-02T09:00:01Z", "2024-05-02T09:00:00.999Z") > 0);
	assert_true(timefmt_cmp(NULL, "2024-05-02T09:00:00Z") < 0);
	assert_true(timefmt_cmp("2024-05-02T09:00:00Z", "junk") > 0);
	assert_int_equal(timefmt_cmp(NULL, "junk"), 0);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_milliseconds_and_order),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_now_iso),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
