#include "config.h"
#include "demo/demo_util.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo_rng.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t demo_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

char *demo_iso(int64_t ms, char *buf)
{
	time_t sec = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	int frac = (int)(ms - (int64_t)sec * 1000);
	struct tm tm;
	gmtime_r(&sec, &tm);
	snprintf(buf, DEMO_ISO_LEN, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
	return buf;
}

json_t *demo_json_iso(int64_t ms)
{
	char buf[DEMO_ISO_LEN];
	return json_string(demo_iso(ms, buf));
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* Read exactly n digits. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool parse_iso(const char *s, int64_t *out)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, ms = 0;
	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
	    !digits(&p, 2, &d))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return false;
	int64_t offset_min = 0;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
			return false;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &sec))
				return false;
		}
		if (*p == '.') {
			p++;
			int n = 0;
			while (isdigit((unsigned char)*p)) {
				if (n < 3)
					ms = ms * 10 + (*p - '0');
				n++;
				p++;
			}
			if (n == 0)
				return false;
			for (; n < 3; n++)
				ms *= 10;
		}
		if (*p == 'Z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
			if (!digits(&p, 2, &oh))
				return false;
			if (*p == ':')
				p++;
			if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
				return false;
			offset_min = sign * (oh * 60 + om);
		}
	}
	if (*p || h > 23 || mi > 59 || sec > 60)
		return false;
	int64_t days = days_from_civil(y, (unsigned)mo, (unsigned)d);
	*out = ((days * 86400 + h * 3600 + mi * 60 + sec) - offset_min * 60) * 1000 + ms;
	return true;
}

/* Milliseconds in a date-math unit (months and years as 30 and 365 days: the demo's approximation). */
static int64_t math_unit(char u)
{
	switch (u) {
	case 's': return 1000;
	case 'm': return 60000;
	case 'h': return 3600000;
	case 'd': return 86400000;
	case 'w': return 7 * 86400000LL;
	case 'M': return 30 * 86400000LL;
	case 'y': return 365 * 86400000LL;
	default: return 0;
	}
}

/* Elasticsearch date math: now, +/- offsets, and an optional rounding like /d (UTC). */
static bool parse_math(const char *s, int64_t now_ms, int64_t *out)
{
	if (strncmp(s, "now", 3) != 0)
		return false;
	const char *p = s + 3;
	int64_t t = now_ms;
	while (*p && *p != '/') {
		if (*p != '+' && *p != '-')
			return false;
		int sign = *p++ == '-' ? -1 : 1;
		char *end;
		long n = strtol(p, &end, 10);
		int64_t unit = end == p || n < 0 ? 0 : math_unit(*end);
		if (!unit)
			return false;
		t += sign * (int64_t)n * unit;
		p = end + 1;
	}
	if (*p == '/') {
		int64_t unit = p[2] ? 0 : math_unit(p[1]);
		if (!unit || p[1] == 'M' || p[1] == 'y')
			return false;
		/* Weeks start on Monday; the epoch was a Thursday. */
		int64_t shift = p[1] == 'w' ? 3 * 86400000LL : 0;
		t -= ((t + shift) % unit + unit) % unit;
	}
	*out = t;
	return true;
}

bool demo_parse_time(const char *s, int64_t now_ms, int64_t *out)
{
	if (!s || !*s)
		return false;
	if (parse_math(s, now_ms, out))
		return true;
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p && strspn(p, "0123456789") == strlen(p) && strlen(p) != 4) {
		*out = strtoll(s, NULL, 10);
		return true;
	}
	return parse_iso(s, out);
}

void demo_hex(const unsigned char *bytes, size_t n, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		buf[2 * i] = hex[bytes[i] >> 4];
		buf[2 * i + 1] = hex[bytes[i] & 15];
	}
	buf[2 * n] = '\0';
}

void demo_uuid(struct demo_rng *r, char *buf)
{
	unsigned char b[16];
	uint64_t a = demo_rng_next(r), c = demo_rng_next(r);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(a >> (8 * i));
		b[8 + i] = (unsigned char)(c >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	char hex[33];
	demo_hex(b, 16, hex);
	snprintf(buf, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

char *demo_base64(const void *data, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *in = data;
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t i = 0;
	for (; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		*o++ = tab[v >> 18];
		*o++ = tab[(v >> 12) & 63];
		*o++ = tab[(v >> 6) & 63];
		*o++ = tab[v & 63];
	}
	if (i < n) {
		uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0);
		*o++ = tab[v >> 18];
		*o++ = tab[(v >> 12) & 63];
		*o++ = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

char *demo_so_version(uint64_t seq, unsigned term)
{
	char raw[48];
	int n = snprintf(raw, sizeof(raw), "[%llu,%u]", (unsigned long long)seq, term);
	return demo_base64(raw, (size_t)n);
}

bool demo_contains_ci(const char *hay, const char *needle)
{
	if (!needle || !*needle)
		return true;
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *demo_pct_decode(const char *s, size_t len, bool plus_space)
{
	char *out = xmalloc(len + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		int hi, lo;
		if (s[i] == '%' && i + 2 < len && (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0) {
			*o++ = (char)(hi << 4 | lo);
			i += 2;
		} else if (plus_space && s[i] == '+') {
			*o++ = ' ';
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

void demo_set_str(json_t *obj, const char *key, const char *s)
{
	json_object_set_new(obj, key, s ? json_string(s) : json_null());
}

json_t *demo_json_strv(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

int demo_strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

const char *demo_jstr(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

json_t *demo_public(const json_t *obj)
{
	json_t *out = json_object();
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)obj, k, v) {
		if (k[0] != '_')
			json_object_set(out, k, v);
	}
	return out;
}

static void merge_pass(size_t *idx, size_t *tmp, size_t n, demo_cmp_fn cmp, void *ctx)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_pass(idx, tmp, h, cmp, ctx);
	merge_pass(idx + h, tmp, n - h, cmp, ctx);
	if (cmp(idx[h - 1], idx[h], ctx) <= 0)
		return;
	memcpy(tmp, idx, h * sizeof(*idx));
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		idx[k++] = cmp(idx[j], tmp[i], ctx) < 0 ? idx[j++] : tmp[i++];
	while (i < h)
		idx[k++] = tmp[i++];
}

void demo_sort_idx(size_t *idx, size_t n, demo_cmp_fn cmp, void *ctx)
{
	if (n < 2)
		return;
	size_t *tmp = xcalloc(n / 2 + 1, sizeof(*tmp));
	merge_pass(idx, tmp, n, cmp, ctx);
	free(tmp);
}

/* An index and where it stood, so that equal keys keep their order as a stable sort does. */
struct demo_top {
	size_t v, pos;
};

static int top_cmp(const struct demo_top *a, const struct demo_top *b, demo_cmp_fn cmp, void *ctx)
{
	int c = cmp(a->v, b->v, ctx);
	return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

/* Restore the max-heap property from position i down. */
static void top_sift_down(struct demo_top *h, size_t n, size_t i, demo_cmp_fn cmp, void *ctx)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && top_cmp(&h[l], &h[m], cmp, ctx) > 0)
			m = l;
		if (r < n && top_cmp(&h[r], &h[m], cmp, ctx) > 0)
			m = r;
		if (m == i)
			return;
		struct demo_top t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

void demo_sort_first(size_t *idx, size_t n, size_t k, demo_cmp_fn cmp, void *ctx)
{
	if (k >= n / 2) {
		demo_sort_idx(idx, n, cmp, ctx);
		return;
	}
	/* The k smallest so far in a max-heap: each further index replaces the largest when smaller. */
	struct demo_top *h = xcalloc(k + 1, sizeof(*h));
	size_t hn = 0;
	for (size_t i = 0; i < n; i++) {
		struct demo_top t = {idx[i], i};
		if (hn < k) {
			size_t c = hn++;
			h[c] = t;
			while (c > 0 && top_cmp(&h[(c - 1) / 2], &h[c], cmp, ctx) < 0) {
				struct demo_top x = h[c];
				h[c] = h[(c - 1) / 2];
				h[(c - 1) / 2] = x;
				c = (c - 1) / 2;
			}
		} else if (hn && top_cmp(&t, &h[0], cmp, ctx) < 0) {
			h[0] = t;
			top_sift_down(h, hn, 0, cmp, ctx);
		}
	}
	/* Take the largest off the heap into the last place, and so on down. */
	for (size_t m = hn; m > 0; m--) {
		idx[m - 1] = h[0].v;
		h[0] = h[m - 1];
		top_sift_down(h, m - 1, 0, cmp, ctx);
	}
	free(h);
}

char *demo_subst(const char *tmpl, const char *value)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			strbuf_puts(&sb, value);
			p++;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	return strbuf_detach(&sb, NULL);
}
