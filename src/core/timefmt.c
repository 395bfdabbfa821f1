#include "config.h"
#include "core/timefmt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), without the C library's time zone. */
static long long timefmt_days(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* True when s starts with pattern, where 'd' stands for any digit. */
static bool timefmt_shape(const char *s, const char *pattern)
{
	for (; *pattern; s++, pattern++) {
		if (*pattern == 'd' ? (*s < '0' || *s > '9') : *s != *pattern)
			return false;
	}
	return true;
}

static int timefmt_month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool timefmt_parse(const char *iso, time_t *out)
{
	int y, mo, d, h, mi, s;
	if (!iso || !timefmt_shape(iso, "dddd-dd-ddTdd:dd:dd") ||
	    sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > timefmt_month_days(y, mo) || h > 23 || mi > 59 || s > 60)
		return false;
	const char *p = iso + 19;
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9')
			return false;
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	long off = 0;
	if (*p == '+' || *p == '-') {
		if (!timefmt_shape(p + 1, "dd:dd") || p[6] != '\0')
			return false;
		int oh = (p[1] - '0') * 10 + (p[2] - '0'), om = (p[4] - '0') * 10 + (p[5] - '0');
		if (oh > 23 || om > 59)
			return false;
		off = (oh * 3600L + om * 60L) * (*p == '+' ? 1 : -1);
	} else if (!(*p == 'Z' && p[1] == '\0') && *p != '\0') {
		return false;
	}
	*out = (time_t)(timefmt_days(y, mo, d) * 86400LL + h * 3600LL + mi * 60LL + s - off);
	return true;
}

bool timefmt_parse_ms(const char *iso, long long *out)
{
	time_t t;
	if (!timefmt_parse(iso, &t))
		return false;
	long long ms = 0;
	const char *p = iso + 19;
	if (*p == '.') {
		int digits = 0;
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			if (digits < 3)
				ms = ms * 10 + (*p - '0');
		for (; digits < 3; digits++)
			ms *= 10;
	}
	*out = (long long)t * 1000 + ms;
	return true;
}

int timefmt_cmp(const char *a, const char *b)
{
	long long x, y;
	bool okx = timefmt_parse_ms(a, &x), oky = timefmt_parse_ms(b, &y);
	if (!okx || !oky)
		return (int)okx - (int)oky;
	return x < y ? -1 : x > y;
}

void timefmt_relative(const char *iso, time_t now, char *buf, size_t len)
{
	time_t t;
	if (!timefmt_parse(iso, &t)) {
		snprintf(buf, len, "-");
		return;
	}
	long long diff = (long long)now - (long long)t;
	bool future = diff < 0;
	if (future)
		diff = -diff;
	long long v;
	char unit;
	if (diff < 60) {
		v = diff; unit = 's';
	} else if (diff < 3600) {
		v = diff / 60; unit = 'm';
	} else if (diff < 86400) {
		v = diff / 3600; unit = 'h';
	} else if (diff < 86400LL * 365) {
		v = diff / 86400; unit = 'd';
	} else {
		v = diff / (86400LL * 365); unit = 'y';
	}
	if (future)
		snprintf(buf, len, "in %lld%c", v, unit);
	else
		snprintf(buf, len, "%lld%c ago", v, unit);
}

void timefmt_local(const char *iso, char *buf, size_t len)
{
	time_t t;
	struct tm tm;
	if (!timefmt_parse(iso, &t) || !localtime_r(&t, &tm)) {
		snprintf(buf, len, "%s", iso ? iso : "-");
		return;
	}
	strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm);
}

void timefmt_now_iso(char *buf, size_t len)
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	char base[32];
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, len, "%s.%03ldZ", base, ts.tv_nsec / 1000000);
}
