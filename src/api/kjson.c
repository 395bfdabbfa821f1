#include "config.h"
#include "api/kjson.h"
#include "api/jsonnum.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Walk the bytes once: bound nesting before jansson recurses. */
static bool kjson_depth_ok(const char *buf, size_t len, size_t *at)
{
	int depth = 0;
	bool in_str = false;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '[' || c == '{') {
			if (++depth > KJSON_MAX_DEPTH) {
				*at = i;
				return false;
			}
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return true;
}

/* A copy of buf with every byte that is not valid UTF-8 replaced by U+FFFD. */
static char *kjson_repair_utf8(const char *buf, size_t len, size_t *out_len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(buf + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			strbuf_puts(&sb, "\xef\xbf\xbd");
		else
			strbuf_add(&sb, buf + i, n);
		i += n;
	}
	return strbuf_detach(&sb, out_len);
}

json_t *kjson_parse(const char *buf, size_t len, char **err)
{
	size_t at = 0;
	if (len == 0) {
		*err = xstrdup("empty response body where JSON was expected");
		return NULL;
	}
	if (!kjson_depth_ok(buf, len, &at)) {
		*err = xasprintf("JSON nested deeper than %d levels (at byte %zu)", KJSON_MAX_DEPTH, at);
		return NULL;
	}
	/* Strings with invalid UTF-8 would sink the whole response: mark the bad bytes instead, so the
	 * rest is kept and the damage shows as U+FFFD where it was. */
	char *repaired = NULL;
	if (!utf8_valid(buf, len)) {
		repaired = kjson_repair_utf8(buf, len, &len);
		buf = repaired;
	}
	json_error_t e;
	json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
	if (!j && json_error_code(&e) == json_error_numeric_overflow) {
		/* A number no int64 or double holds (an unsigned_long field) must not sink the whole response: it is
		 * kept as its text, a string. */
		size_t qlen;
		char *quoted = jsonnum_quote_big(buf, len, &qlen);
		if (quoted)
			j = json_loadb(quoted, qlen, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
		free(quoted);
	}
	free(repaired);
	if (!j) {
		*err = xasprintf("malformed JSON at line %d, column %d: %s", e.line, e.column, e.text);
		return NULL;
	}
	return j;
}

void kjson_reader_init(struct kjson_reader *r, const char *where)
{
	r->err = NULL;
	snprintf(r->where, sizeof(r->where), "%s", where);
}

void kjson_reader_at(struct kjson_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->where, sizeof(r->where), fmt, ap);
	va_end(ap);
}

void kjson_fail(struct kjson_reader *r, const char *fmt, ...)
{
	if (r->err)
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s", r->where);
	strbuf_puts(&sb, r->where[0] ? ": " : "");
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	r->err = strbuf_detach(&sb, NULL);
}

const char *kjson_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "?";
}

/* The field's value, or NULL when absent/null and allowed; records missing/null errors. */
static json_t *kjson_field(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need)
{
	if (!json_is_object(obj)) {
		kjson_fail(r, "expected an object, got %s", obj ? kjson_type_name(obj) : "nothing");
		return NULL;
	}
	json_t *v = json_object_get(obj, key);
	if (!v) {
		if (need == KJ_REQ || need == KJ_REQ_NULLABLE)
			kjson_fail(r, "required field \"%s\" is missing", key);
		return NULL;
	}
	if (json_is_null(v)) {
		if (need == KJ_REQ || need == KJ_OPT)
			kjson_fail(r, "field \"%s\" is null but must have a value", key);
		return NULL;
	}
	return v;
}

bool kjson_want_object(struct kjson_reader *r, json_t *v)
{
	if (json_is_object(v))
		return true;
	kjson_fail(r, "expected an object, got %s", v ? kjson_type_name(v) : "nothing");
	return false;
}

static void kjson_wrong(struct kjson_reader *r, const char *key, const char *want, json_t *v)
{
	kjson_fail(r, "field \"%s\" must be %s, got %s", key, want, kjson_type_name(v));
}

/* Copy a JSON string; an embedded NUL (legal in JSON) becomes U+2400 so nothing after it is lost. */
static char *kjson_copy(const json_t *v)
{
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	if (!memchr(s, '\0', len))
		return xstrndup(s, len);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < len; i++) {
		if (s[i])
			strbuf_putc(&sb, s[i]);
		else
			strbuf_puts(&sb, "\xe2\x90\x80");
	}
	return strbuf_detach(&sb, NULL);
}

char *kjson_any_text(json_t *obj, const char *key)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	if (json_is_string(v))
		return kjson_copy(v);
	if (json_is_number(v) || json_is_boolean(v))
		return kjson_text(v);
	return NULL;
}

char *kjson_str(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need)
{
	if (need == KJ_ANY)
		return kjson_any_text(obj, key);
	json_t *v = kjson_field(r, obj, key, need);
	if (!v)
		return NULL;
	if (!json_is_string(v)) {
		kjson_wrong(r, key, "a string", v);
		return NULL;
	}
	return kjson_copy(v);
}

/* A field's value for need: KJ_ANY takes whatever is there (NULL when absent or not in an object), others check. */
static json_t *kjson_value(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need)
{
	if (need != KJ_ANY)
		return kjson_field(r, obj, key, need);
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	return json_is_null(v) ? NULL : v;
}

/* A whole number in v (an integer, an integral real, or with lax a string of digits); false when it holds none. */
static bool kjson_whole(json_t *v, bool lax, long long *out)
{
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return true;
	}
	if (json_is_real(v)) {
		double d = json_real_value(v);
		if (d >= -9e15 && d <= 9e15 && d == (double)(long long)d) {
			*out = (long long)d;
			return true;
		}
	}
	if (lax && json_is_string(v) && json_string_length(v) && json_string_length(v) < 19) {
		const char *s = json_string_value(v);
		char *end;
		long long n = strtoll(s, &end, 10);
		if (!*end && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) {
			*out = n;
			return true;
		}
	}
	return false;
}

long long kjson_int(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, long long dflt)
{
	json_t *v = kjson_value(r, obj, key, need);
	long long n;
	if (!v)
		return dflt;
	if (kjson_whole(v, need == KJ_ANY, &n))
		return n;
	if (need != KJ_ANY)
		kjson_wrong(r, key, "an integer", v);
	return dflt;
}

bool kjson_bool(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, bool dflt)
{
	json_t *v = kjson_value(r, obj, key, need);
	if (!v)
		return dflt;
	if (json_is_boolean(v))
		return json_is_true(v);
	if (need != KJ_ANY)
		kjson_wrong(r, key, "a boolean", v);
	return dflt;
}

/* A field that must hold one JSON type; with KJ_ANY another type reads as absent. */
static json_t *kjson_typed(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need,
			   json_type type, const char *want)
{
	json_t *v = kjson_value(r, obj, key, need);
	if (!v || json_typeof(v) == type)
		return v;
	if (need != KJ_ANY)
		kjson_wrong(r, key, want, v);
	return NULL;
}

json_t *kjson_obj(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need)
{
	return kjson_typed(r, obj, key, need, JSON_OBJECT, "an object");
}

json_t *kjson_arr(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need)
{
	return kjson_typed(r, obj, key, need, JSON_ARRAY, "an array");
}

void kjson_strv(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	json_t *a = kjson_arr(r, obj, key, need);
	if (!a)
		return;
	size_t i, cnt = json_array_size(a);
	json_t *v;
	char **vec = xcalloc(cnt + 1, sizeof(*vec));
	size_t k = 0;
	json_array_foreach(a, i, v) {
		if (json_is_string(v)) {
			vec[k++] = kjson_copy(v);
		} else if (need == KJ_ANY) {
			/* Tolerated: a number or boolean is kept as its text, anything else is left out. */
			if (json_is_number(v) || json_is_boolean(v))
				vec[k++] = kjson_text(v);
		} else {
			kjson_fail(r, "%s[%zu] must be a string, got %s", key, i, kjson_type_name(v));
			kjson_strv_free(vec, k);
			return;
		}
	}
	*out = vec;
	*n = k;
}

void *kjson_read_rows(json_t *a, const char *where, size_t elem_size, kjson_elem_fn read_one, size_t problem_off,
		      size_t *n, size_t *bad)
{
	char *items = xcalloc(json_array_size(a) + 1, elem_size);
	size_t i;
	json_t *v;
	*n = 0;
	json_array_foreach(a, i, v) {
		struct kjson_reader r;
		kjson_reader_init(&r, "");
		kjson_reader_at(&r, "%s[%zu]", where, i);
		char *row = items + (*n)++ * elem_size;
		read_one(&r, v, row);
		if (r.err) {
			char **problem = (char **)(void *)(row + problem_off);
			free(*problem);
			*problem = r.err;
			(*bad)++;
		}
	}
	return items;
}

json_t *kjson_usable_rows(json_t *body, const char *rows, const char *id_key)
{
	json_t *a = rows ? kjson_path(body, rows) : body;
	if (!json_is_array(a))
		return json_incref(body);
	json_t *keep = json_array();
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (json_is_object(v) && json_is_string(json_object_get(v, id_key)))
			json_array_append(keep, v);
	}
	if (json_array_size(keep) == json_array_size(a)) {
		json_decref(keep);
		return json_incref(body);
	}
	if (!rows)
		return keep;
	/* Copy the objects on the way down to the rows, so the body itself stays as it came. */
	json_t *out = json_copy(body), *at = out;
	for (const char *seg = rows;;) {
		const char *dot = strchr(seg, '.');
		char *key = dot ? xstrndup(seg, (size_t)(dot - seg)) : xstrdup(seg);
		if (!dot) {
			json_object_set_new(at, key, keep);
			free(key);
			return out;
		}
		json_t *sub = json_copy(json_object_get(at, key));
		json_object_set_new(at, key, sub);
		free(key);
		at = sub;
		seg = dot + 1;
	}
}

void *kjson_read_array(struct kjson_reader *r, json_t *a, const char *where, size_t elem_size, kjson_elem_fn read_one,
		       size_t *n)
{
	char *items = xcalloc(json_array_size(a) + 1, elem_size);
	size_t i;
	json_t *v;
	*n = 0;
	json_array_foreach(a, i, v) {
		kjson_reader_at(r, "%s[%zu]", where, i);
		read_one(r, v, items + (*n)++ * elem_size);
		if (r->err)
			break;
	}
	return items;
}

void kjson_strv_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

json_t *kjson_path(json_t *obj, const char *dotted)
{
	if (!json_is_object(obj))
		return NULL;
	json_t *v = json_object_get(obj, dotted);
	if (v)
		return v;
	const char *dot = strchr(dotted, '.');
	while (dot) {
		char head[128];
		size_t n = (size_t)(dot - dotted);
		if (n < sizeof(head)) {
			memcpy(head, dotted, n);
			head[n] = '\0';
			json_t *sub = json_object_get(obj, head);
			if (json_is_object(sub) && (v = kjson_path(sub, dot + 1)))
				return v;
		}
		dot = strchr(dot + 1, '.');
	}
	return NULL;
}

char *kjson_text(const json_t *v)
{
	if (!v || json_is_null(v))
		return xstrdup("");
	if (json_is_string(v))
		return kjson_copy(v);
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	char *r = xstrdup(s ? s : "");
	free(s);
	return r;
}
