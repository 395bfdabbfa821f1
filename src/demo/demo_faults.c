#include "config.h"
#include "demo/demo_faults.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo_http.h"
#include "demo/demo_rng.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where repeat-page and endless-pages keep a request's query while the route runs without it. */
#define FAULT_QUERY_ASIDE "ktriage-demo-fault-query"

static const struct {
	const char *name;
	enum demo_fault_kind kind;
	bool takes_value;
	bool takes_prefix;
} fault_names[] = {
	{"latency", DEMO_FAULT_LATENCY, true, true},
	{"status", DEMO_FAULT_STATUS, true, true},
	{"truncate", DEMO_FAULT_TRUNCATE, false, true},
	{"html-error", DEMO_FAULT_HTML_ERROR, false, true},
	{"huge", DEMO_FAULT_HUGE, false, true},
	{"hostile-strings", DEMO_FAULT_HOSTILE, false, false},
	{"nested", DEMO_FAULT_NESTED, false, true},
	{"dupkeys", DEMO_FAULT_DUPKEYS, false, true},
	{"retry-after", DEMO_FAULT_RETRY, true, true},
	{"busy", DEMO_FAULT_BUSY, true, true},
	{"repeat-page", DEMO_FAULT_REPEAT, false, true},
	{"endless-pages", DEMO_FAULT_ENDLESS, false, true},
	{"partial-bulk", DEMO_FAULT_PARTIAL, false, true},
	{"unsigned-long", DEMO_FAULT_ULONG, false, true},
	{"oddrows", DEMO_FAULT_ODDROWS, false, true},
};
#define DEMO_N_FAULT_NAMES (sizeof(fault_names) / sizeof(fault_names[0]))

bool demo_fault_parse(const char *spec, struct demo_fault *out, char **err)
{
	memset(out, 0, sizeof(*out));
	const char *at = strchr(spec, '@');
	size_t head = at ? (size_t)(at - spec) : strlen(spec);
	const char *eq = memchr(spec, '=', head);
	size_t namelen = eq ? (size_t)(eq - spec) : head;
	for (size_t i = 0; i < DEMO_N_FAULT_NAMES; i++) {
		if (strlen(fault_names[i].name) != namelen || strncmp(spec, fault_names[i].name, namelen) != 0)
			continue;
		if (fault_names[i].takes_value != (eq != NULL)) {
			*err = xasprintf("fault '%s': %s", spec,
					 eq ? "this fault takes no value" : "a value is required (e.g. latency=2000)");
			return false;
		}
		if (at && !fault_names[i].takes_prefix) {
			*err = xasprintf("fault '%s': this fault applies to every path and takes no @prefix", spec);
			return false;
		}
		if (at && at[1] != '/') {
			*err = xasprintf("fault '%s': the prefix after '@' must be a path starting with '/'", spec);
			return false;
		}
		if (eq) {
			char *end;
			unsigned long v = strtoul(eq + 1, &end, 10);
			bool ok = end != eq + 1 && end == spec + head;
			enum demo_fault_kind k = fault_names[i].kind;
			bool seconds = k == DEMO_FAULT_RETRY || k == DEMO_FAULT_BUSY;
			if (k == DEMO_FAULT_STATUS)
				ok = ok && v >= 400 && v <= 599;
			else if (seconds)
				ok = ok && v <= 86400;
			else
				ok = ok && v <= 600000;
			if (!ok) {
				*err = xasprintf("fault '%s': %s", spec,
						 k == DEMO_FAULT_STATUS ? "the status must be a number from 400 to 599"
						 : seconds ? "Retry-After must be seconds from 0 to 86400"
							   : "the latency must be milliseconds from 0 to 600000");
				return false;
			}
			out->value = (unsigned)v;
		}
		out->kind = fault_names[i].kind;
		out->prefix = at ? xstrdup(at + 1) : NULL;
		return true;
	}
	*err = xasprintf("unknown fault '%s' (known: latency=MS, status=CODE, truncate, html-error, huge, "
			 "hostile-strings, nested, dupkeys, oddrows, retry-after=S, busy=S, repeat-page, endless-pages, "
			 "partial-bulk, unsigned-long; add @/path/prefix to limit one to some paths)",
			 spec);
	return false;
}

const struct demo_fault *demo_fault_match(const struct demo_fault *f, size_t n, enum demo_fault_kind kind,
					  const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (f[i].kind == kind && (!f[i].prefix || strncmp(path, f[i].prefix, strlen(f[i].prefix)) == 0))
			return &f[i];
	return NULL;
}

bool demo_faults_refuse(struct demo_fault *f, size_t n, const char *path, struct demo_resp *resp)
{
	for (size_t i = 0; i < n; i++) {
		if ((f[i].kind != DEMO_FAULT_RETRY && f[i].kind != DEMO_FAULT_BUSY) ||
		    (f[i].prefix && strncmp(path, f[i].prefix, strlen(f[i].prefix)) != 0))
			continue;
		/* Requests may come on several threads: each takes its own turn. */
		unsigned long turn = __atomic_fetch_add(&f[i].seen, 1, __ATOMIC_RELAXED);
		if (f[i].kind == DEMO_FAULT_RETRY && turn % 2)
			continue;
		int status = f[i].kind == DEMO_FAULT_RETRY ? 429 : 503;
		demo_reply_error(resp, status, "%s (demo fault switch %s=%u: retry after %u s)",
				 status == 429 ? "Too many requests" : "Kibana is not ready", f[i].kind == DEMO_FAULT_RETRY
					? "retry-after" : "busy", f[i].value, f[i].value);
		resp->retry_after = f[i].value;
		return true;
	}
	return false;
}

/* The answer's JSON when it is a successful JSON body, else NULL. */
static json_t *fault_body(const struct demo_resp *resp)
{
	if (resp->kind != DEMO_BODY_JSON || resp->status / 100 != 2 || !resp->body)
		return NULL;
	return json_loadb(resp->body, resp->len, 0, NULL);
}

static void fault_set_body(struct demo_resp *resp, json_t *body)
{
	free(resp->body);
	resp->body = json_dumps(body, JSON_COMPACT);
	resp->len = strlen(resp->body);
	json_decref(body);
}

/*
 * repeat-page and endless-pages: a search answers a full page (the size asked for) made from its
 * first hit, with a total of "at least 10,000". repeat-page gives the same ids and sort values
 * every time, whatever cursor the query carries; endless-pages derives them from the request, so
 * every next page (asked for with the last page's cursor) is new, and there is never a last one.
 */
static void fault_page(struct demo_resp *resp, json_t *req, bool endless)
{
	json_t *body = fault_body(resp);
	json_t *hits = json_object_get(body, "hits"), *arr = json_object_get(hits, "hits");
	size_t have = json_array_size(arr);
	if (!have) {
		json_decref(body);
		return;
	}
	json_int_t size = json_integer_value(json_object_get(req, "size"));
	if (size <= 0)
		size = 10;
	if (size > 10000)
		size = 10000;
	uint64_t seed = 0;
	if (endless) {
		char *text = json_dumps(req, JSON_COMPACT | JSON_SORT_KEYS);
		for (const char *c = text ? text : ""; *c; c++)
			seed = demo_mix64(seed ^ (unsigned char)*c);
		free(text);
	}
	json_t *out = json_array();
	for (json_int_t i = 0; i < size; i++) {
		json_t *h = json_deep_copy(json_array_get(arr, (size_t)i % have));
		char id[64];
		snprintf(id, sizeof(id), "%s-%016llx-%05lld", endless ? "endless" : "repeat", (unsigned long long)seed,
			 (long long)i);
		json_object_set_new(h, "_id", json_string(id));
		json_int_t when = 1700000000000LL - (json_int_t)(seed % 1000000) * 100000 - i;
		json_object_set_new(h, "sort", json_pack("[I, s]", when, id));
		json_array_append_new(out, h);
	}
	json_object_set_new(hits, "hits", out);
	json_object_set_new(hits, "total", json_pack("{s:i, s:s}", "value", 10000, "relation", "gte"));
	fault_set_body(resp, body);
}

/* partial-bulk: half of what an update-by-query answer says it updated (rounded up) becomes version conflicts. */
static void fault_partial(struct demo_resp *resp)
{
	json_t *body = fault_body(resp);
	json_t *upd = json_object_get(body, "updated");
	if (!json_is_integer(upd)) {
		json_decref(body);
		return;
	}
	json_int_t updated = json_integer_value(upd), conflicts = (updated + 1) / 2;
	json_object_set_new(body, "updated", json_integer(updated - conflicts));
	json_object_set_new(body, "version_conflicts", json_integer(conflicts));
	fault_set_body(resp, body);
}

/* unsigned-long: the first hit's _source gains a field no signed 64-bit integer can hold (text: jansson cannot). */
static void fault_ulong(struct demo_resp *resp)
{
	static const char key[] = "\"_source\":{";
	if (resp->kind != DEMO_BODY_JSON || resp->status / 100 != 2 || !resp->body)
		return;
	char *at = strstr(resp->body, key);
	if (!at)
		return;
	size_t head = (size_t)(at - resp->body) + sizeof(key) - 1;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_add(&sb, resp->body, head);
	strbuf_printf(&sb, "\"%s\":%s%s", DEMO_ULONG_FIELD, DEMO_ULONG_TEXT, resp->body[head] == '}' ? "" : ",");
	strbuf_add(&sb, resp->body + head, resp->len - head);
	free(resp->body);
	resp->body = strbuf_detach(&sb, &resp->len);
}

void demo_faults_request(const struct demo_fault *f, size_t n, const char *path, json_t *req)
{
	/* Whatever the query (and the cursor in it) says, the same hits come back to build the page from. */
	if (!json_is_object(req) ||
	    !(demo_fault_match(f, n, DEMO_FAULT_REPEAT, path) || demo_fault_match(f, n, DEMO_FAULT_ENDLESS, path)))
		return;
	/* Kept aside, not dropped: endless-pages makes its ids from the whole request, cursor included. */
	json_t *q = json_object_get(req, "query");
	if (q) {
		json_object_set(req, FAULT_QUERY_ASIDE, q);
		json_object_del(req, "query");
	}
}

void demo_faults_rewrite(const struct demo_fault *f, size_t n, const char *path, json_t *req, struct demo_resp *resp)
{
	if (demo_fault_match(f, n, DEMO_FAULT_REPEAT, path))
		fault_page(resp, req, false);
	else if (demo_fault_match(f, n, DEMO_FAULT_ENDLESS, path))
		fault_page(resp, req, true);
	if (demo_fault_match(f, n, DEMO_FAULT_PARTIAL, path))
		fault_partial(resp);
	if (demo_fault_match(f, n, DEMO_FAULT_ULONG, path))
		fault_ulong(resp);
}

void demo_fault_status(struct demo_resp *resp, int status, const char *path)
{
	demo_reply_error(resp, status, "Simulated failure for %s (demo fault switch status=%d)", path, status);
}

void demo_fault_html(struct demo_resp *resp)
{
	static const char page[] = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
				   "<center><h1>502 Bad Gateway</h1></center>\r\n"
				   "<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
	demo_resp_clear(resp);
	resp->status = 502;
	resp->kind = DEMO_BODY_HTML;
	resp->body = xstrdup(page);
	resp->len = sizeof(page) - 1;
}

void demo_fault_nested(struct demo_resp *resp)
{
	demo_resp_clear(resp);
	resp->status = 200;
	resp->kind = DEMO_BODY_JSON;
	resp->len = 2 * (size_t)DEMO_NESTED_DEPTH;
	resp->body = xmalloc(resp->len + 1);
	memset(resp->body, '[', DEMO_NESTED_DEPTH);
	memset(resp->body + DEMO_NESTED_DEPTH, ']', DEMO_NESTED_DEPTH);
	resp->body[resp->len] = '\0';
}

void demo_fault_truncate(struct demo_resp *resp)
{
	if (resp->kind != DEMO_BODY_JSON || resp->status / 100 != 2 || !resp->body)
		return;
	resp->len /= 2;
	resp->body[resp->len] = '\0';
}

/* The end of the JSON string starting at s (just past its closing quote), or NULL. */
static const char *string_end(const char *s, const char *end)
{
	for (const char *p = s + 1; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

/* The first array of v (depth first) whose first element is an object, or NULL. */
static json_t *first_rows(json_t *v)
{
	if (json_is_array(v) && json_is_object(json_array_get(v, 0)))
		return v;
	size_t i;
	json_t *e;
	const char *k;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			json_t *r = first_rows(e);
			if (r)
				return r;
		}
	}
	json_object_foreach(v, k, e) {
		json_t *r = first_rows(e);
		if (r)
			return r;
	}
	return NULL;
}

void demo_fault_oddrows(struct demo_resp *resp)
{
	if (resp->kind != DEMO_BODY_JSON || !resp->body || resp->status / 100 != 2)
		return;
	json_t *j = json_loadb(resp->body, resp->len, 0, NULL);
	json_t *rows = first_rows(j);
	if (rows) {
		json_t *first = json_array_get(rows, 0), *second = json_array_get(rows, 1);
		json_object_del(first, "id");
		json_object_del(first, "_id");
		if (json_is_string(json_object_get(second, "status")))
			json_object_set_new(second, "status", json_string("awaiting-triage"));
		if (json_is_string(json_object_get(second, "severity")))
			json_object_set_new(second, "severity", json_string("urgent"));
		free(resp->body);
		resp->body = json_dumps(j, JSON_COMPACT);
		resp->len = strlen(resp->body);
	}
	json_decref(j);
}

void demo_fault_dupkeys(struct demo_resp *resp)
{
	if (resp->kind != DEMO_BODY_JSON || !resp->body)
		return;
	const char *end = resp->body + resp->len;
	/* Find the first '{' outside strings that is followed by a key. */
	for (const char *p = resp->body; p < end; p++) {
		if (*p == '"') {
			const char *q = string_end(p, end);
			if (!q)
				return;
			p = q - 1;
			continue;
		}
		if (*p != '{' || p + 1 >= end || p[1] != '"')
			continue;
		const char *kend = string_end(p + 1, end);
		if (!kend)
			return;
		struct strbuf sb;
		strbuf_init(&sb);
		strbuf_add(&sb, resp->body, (size_t)(p + 1 - resp->body));
		strbuf_add(&sb, p + 1, (size_t)(kend - (p + 1)));
		strbuf_puts(&sb, ":\"duplicate key from the dupkeys fault\",");
		strbuf_add(&sb, p + 1, (size_t)(end - (p + 1)));
		free(resp->body);
		resp->body = strbuf_detach(&sb, &resp->len);
		return;
	}
}

char *demo_hostile_text(struct demo_rng *r, const char *s)
{
	static const char *const colours[] = {"\x1b[31;1m", "\x1b[5;33;41m", "\x1b[38;5;196m", "\x1b[7m"};
	static const char *const clip[] = {"Y3VybCAtcyBodHRwOi8vZXZpbC5leGFtcGxlL3wgc2g=", "cm0gLXJmIH4v",
					   "ZWNobyBwd25lZA=="};
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, colours[demo_rng_below(r, 4)]);
	strbuf_puts(&sb, s);
	strbuf_puts(&sb, "\x1b[0m");
	/* OSC 52: a clipboard write; OSC 0: a window title change. */
	strbuf_printf(&sb, " \x1b]52;c;%s\x07", clip[demo_rng_below(r, 3)]);
	strbuf_puts(&sb, "\x1b]0;pwned\x07");
	/* U+009B, the 8-bit CSI (valid UTF-8, dangerous on terminals that honour C1). */
	strbuf_puts(&sb, "\xc2\x9b" "2J");
	/* Right-to-left override and left-to-right isolate, unterminated. */
	strbuf_puts(&sb, " \xe2\x80\xae" "exe.txt \xe2\x81\xa6" "isolated");
	/* A carriage return that would overwrite the line, and a backspace run. */
	strbuf_puts(&sb, "\rOK \b\b\b");
	strbuf_puts(&sb, DEMO_BAD_UTF8_MARK);
	return strbuf_detach(&sb, NULL);
}

void demo_hostile_finish(struct demo_resp *resp)
{
	/* Overlong "/", a lone continuation, a surrogate, 0xFF and a sequence cut short. */
	static const char bad[] = "\xc0\xaf\x80\xed\xa0\x80\xff\xe2\x82";
	static const size_t marklen = sizeof(DEMO_BAD_UTF8_MARK) - 1;
	if (resp->kind != DEMO_BODY_JSON || !resp->body || !strstr(resp->body, DEMO_BAD_UTF8_MARK))
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	const char *p = resp->body, *m;
	while ((m = strstr(p, DEMO_BAD_UTF8_MARK))) {
		strbuf_add(&sb, p, (size_t)(m - p));
		strbuf_add(&sb, bad, sizeof(bad) - 1);
		p = m + marklen;
	}
	strbuf_puts(&sb, p);
	free(resp->body);
	resp->body = strbuf_detach(&sb, &resp->len);
}

uint64_t demo_huge_size(const struct demo_huge *h)
{
	return h->len + DEMO_HUGE_PAD;
}

ssize_t demo_huge_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	const struct demo_huge *h = cls;
	uint64_t total = demo_huge_size(h);
	if (pos >= total)
		return -1; /* MHD_CONTENT_READER_END_OF_STREAM */
	size_t n = 0;
	while (n < max && pos < total) {
		if (pos == 0) {
			buf[n++] = h->body[0];
			pos++;
		} else if (pos <= DEMO_HUGE_PAD) {
			uint64_t run = DEMO_HUGE_PAD + 1 - pos;
			size_t k = run < max - n ? (size_t)run : max - n;
			memset(buf + n, ' ', k);
			n += k;
			pos += k;
		} else {
			uint64_t off = pos - DEMO_HUGE_PAD;
			size_t k = h->len - (size_t)off < max - n ? h->len - (size_t)off : max - n;
			memcpy(buf + n, h->body + off, k);
			n += k;
			pos += k;
		}
	}
	return (ssize_t)n;
}

void demo_huge_free(void *cls)
{
	struct demo_huge *h = cls;
	free(h->body);
	free(h);
}
