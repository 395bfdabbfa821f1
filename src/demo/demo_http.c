#include "config.h"
#include "demo/demo_http.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *demo_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 406: return "Not Acceptable";
	case 408: return "Request Time-out";
	case 409: return "Conflict";
	case 413: return "Request Entity Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Entity";
	case 424: return "Failed Dependency";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Time-out";
	default: return status >= 500 ? "Internal Server Error" : "Bad Request";
	}
}

void demo_resp_clear(struct demo_resp *resp)
{
	free(resp->body);
	free(resp->filename);
	resp->filename = NULL;
	resp->body = NULL;
	resp->len = 0;
	resp->kind = DEMO_BODY_NONE;
}

void demo_reply_json(struct demo_resp *resp, int status, json_t *v)
{
	demo_resp_clear(resp);
	resp->status = status;
	resp->kind = DEMO_BODY_JSON;
	resp->body = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!resp->body)
		resp->body = xstrdup("null");
	resp->len = strlen(resp->body);
	json_decref(v);
}

static char *vformat(const char *fmt, va_list ap)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_vprintf(&sb, fmt, ap);
	return strbuf_detach(&sb, NULL);
}

void demo_reply_error(struct demo_resp *resp, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	json_t *o = json_object();
	json_object_set_new(o, "statusCode", json_integer(status));
	json_object_set_new(o, "error", json_string(demo_reason(status)));
	json_object_set_new(o, "message", json_string(msg));
	free(msg);
	demo_reply_json(resp, status, o);
}

void demo_reply_siem_error(struct demo_resp *resp, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	json_t *o = json_object();
	json_object_set_new(o, "message", json_string(msg));
	json_object_set_new(o, "status_code", json_integer(status));
	free(msg);
	demo_reply_json(resp, status, o);
}

void demo_reply_stream(struct demo_resp *resp, int status, char *ndjson, unsigned piece_ms)
{
	demo_resp_clear(resp);
	resp->status = status;
	resp->kind = DEMO_BODY_STREAM;
	resp->body = ndjson;
	resp->len = strlen(ndjson);
	resp->piece_ms = piece_ms;
}

void demo_reply_empty(struct demo_resp *resp, int status)
{
	demo_resp_clear(resp);
	resp->status = status;
}

void demo_reply_file(struct demo_resp *resp, const char *name, const void *data, size_t len)
{
	demo_resp_clear(resp);
	resp->status = 200;
	resp->kind = DEMO_BODY_FILE;
	resp->body = xmalloc(len + 1);
	memcpy(resp->body, data, len);
	resp->body[len] = '\0';
	resp->len = len;
	resp->filename = xstrdup(name);
}

const char *demo_query(const struct demo_req *req, const char *key)
{
	for (size_t i = 0; i < req->nquery; i++)
		if (strcmp(req->query[i].key, key) == 0)
			return req->query[i].value;
	return NULL;
}

size_t demo_query_all(struct demo_req *req, const char *key, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < req->nquery && n < max; i++) {
		if (strcmp(req->query[i].key, key) != 0)
			continue;
		const char *v = req->query[i].value;
		json_t *arr = v[0] == '[' ? json_loads(v, 0, NULL) : NULL;
		if (!json_is_array(arr)) {
			json_decref(arr);
			out[n++] = v;
			continue;
		}
		/* Older clients send '["a","b"]'; the parsed array lives as long as the request. */
		if (!req->keep)
			req->keep = json_array();
		json_array_append_new(req->keep, arr);
		size_t k;
		json_t *it;
		json_array_foreach(arr, k, it) {
			if (json_is_string(it) && n < max)
				out[n++] = json_string_value(it);
		}
	}
	return n;
}

size_t demo_check_qarray(struct demo_check *c, struct demo_req *req, const char *key, const char **out, size_t max)
{
	size_t n = 0, seen = 0;
	const char *lone = NULL;
	for (size_t i = 0; i < req->nquery; i++) {
		if (strcmp(req->query[i].key, key) != 0)
			continue;
		lone = req->query[i].value;
		if (n < max)
			out[n++] = lone;
		seen++;
	}
	if (seen != 1 || c->err)
		return c->err ? 0 : n;
	/*
	 * kbn-config-schema's array type coerces a string with JSON.parse (src/internals/index.ts):
	 * "could not parse array value from json input" when that fails, a type error when it is no array.
	 */
	json_t *arr = json_loads(lone, JSON_DECODE_ANY, NULL);
	if (!arr) {
		demo_check_fail(c, "request query", key, "could not parse array value from json input");
		return 0;
	}
	if (!json_is_array(arr)) {
		demo_check_fail(c, "request query", key, "expected value of type [array] but got [%s]",
				json_is_string(arr) ? "string" : json_is_number(arr) ? "number" : "object");
		json_decref(arr);
		return 0;
	}
	if (!req->keep)
		req->keep = json_array();
	json_array_append_new(req->keep, arr);
	n = 0;
	size_t k;
	json_t *it;
	json_array_foreach(arr, k, it) {
		if (!json_is_string(it)) {
			demo_check_fail(c, "request query", key, "[%zu]: expected value of type [string]", k);
			return 0;
		}
		if (n < max)
			out[n++] = json_string_value(it);
	}
	return n;
}

void demo_check_fail(struct demo_check *c, const char *where, const char *key, const char *fmt, ...)
{
	if (c->err)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	if (key)
		c->err = xasprintf("[%s.%s]: %s", where, key, msg);
	else
		c->err = xasprintf("[%s]: %s", where, msg);
	free(msg);
}

static const char *type_name(const json_t *v)
{
	if (!v)
		return "undefined";
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "Object";
	case JSON_ARRAY: return "Array";
	case JSON_STRING: return "string";
	case JSON_INTEGER:
	case JSON_REAL: return "number";
	case JSON_TRUE:
	case JSON_FALSE: return "boolean";
	default: return "null";
	}
}

/* The field, or NULL when absent (null counts as absent only for optional fields). */
static json_t *field(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		     const char *want)
{
	if (c->err)
		return NULL;
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	if ((!v || (json_is_null(v) && !required)) && !required)
		return NULL;
	if (!v) {
		demo_check_fail(c, where, key, "expected value of type [%s] but got [undefined]", want);
		return NULL;
	}
	return v;
}

const char *demo_check_str(struct demo_check *c, json_t *obj, const char *where, const char *key,
			   bool required, size_t maxlen, bool nonempty)
{
	json_t *v = field(c, obj, where, key, required, "string");
	if (!v)
		return NULL;
	if (!json_is_string(v)) {
		demo_check_fail(c, where, key, "expected value of type [string] but got [%s]", type_name(v));
		return NULL;
	}
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	if (nonempty && strspn(s, " \t\r\n") == len) {
		demo_check_fail(c, where, key, "value must not be empty or whitespace only");
		return NULL;
	}
	if (maxlen && len > maxlen) {
		demo_check_fail(c, where, key, "value has length [%zu] but it must have a maximum length of [%zu].",
				len, maxlen);
		return NULL;
	}
	return s;
}

static char *choice_list(const char *const *choices)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; choices[i]; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", choices[i]);
	return strbuf_detach(&sb, NULL);
}

int demo_check_enum(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		    const char *const *choices)
{
	json_t *v = field(c, obj, where, key, required, "string");
	if (!v)
		return -1;
	const char *s = json_string_value(v);
	for (int i = 0; s && choices[i]; i++)
		if (strcmp(s, choices[i]) == 0)
			return i;
	char *list = choice_list(choices);
	char *got = s ? xstrdup(s) : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	demo_check_fail(c, where, key, "expected one of [%s] but got [%s]", list, got ? got : "?");
	free(list);
	free(got);
	return -1;
}

json_t *demo_check_obj(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required)
{
	json_t *v = field(c, obj, where, key, required, "Object");
	if (v && !json_is_object(v)) {
		demo_check_fail(c, where, key, "expected a plain object value, but found [%s] instead.",
				type_name(v));
		return NULL;
	}
	return v;
}

json_t *demo_check_arr(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		       size_t min, size_t max)
{
	json_t *v = field(c, obj, where, key, required, "Array");
	if (!v)
		return NULL;
	if (!json_is_array(v)) {
		demo_check_fail(c, where, key, "expected value of type [array] but got [%s]", type_name(v));
		return NULL;
	}
	size_t n = json_array_size(v);
	if (n < min) {
		demo_check_fail(c, where, key, "array size is [%zu], but cannot be smaller than [%zu]", n, min);
		return NULL;
	}
	if (max && n > max) {
		demo_check_fail(c, where, key, "array size is [%zu], but cannot be greater than [%zu]", n, max);
		return NULL;
	}
	return v;
}

json_t *demo_check_strv(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
			size_t min, size_t max, bool nonempty)
{
	json_t *a = demo_check_arr(c, obj, where, key, required, min, max);
	if (!a)
		return NULL;
	size_t i;
	json_t *it;
	json_array_foreach(a, i, it) {
		char sub[32];
		snprintf(sub, sizeof(sub), "%zu", i);
		char *w = xasprintf("%s.%s", where, key);
		if (!json_is_string(it))
			demo_check_fail(c, w, sub, "expected value of type [string] but got [%s]", type_name(it));
		else if (nonempty && json_string_length(it) == 0)
			demo_check_fail(c, w, sub, "value has length [0] but it must have a minimum length of [1].");
		free(w);
		if (c->err)
			return NULL;
	}
	return a;
}

int demo_check_bool(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required)
{
	json_t *v = field(c, obj, where, key, required, "boolean");
	if (!v)
		return -1;
	if (!json_is_boolean(v)) {
		demo_check_fail(c, where, key, "expected value of type [boolean] but got [%s]", type_name(v));
		return -1;
	}
	return json_is_true(v);
}

bool demo_check_int(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		    long long min, long long max, long long *out)
{
	json_t *v = field(c, obj, where, key, required, "number");
	if (!v)
		return false;
	if (!json_is_integer(v)) {
		demo_check_fail(c, where, key, "expected value of type [number] but got [%s]", type_name(v));
		return false;
	}
	long long n = json_integer_value(v);
	if (n < min) {
		demo_check_fail(c, where, key, "Value must be equal to or greater than [%lld].", min);
		return false;
	}
	if (n > max) {
		demo_check_fail(c, where, key, "Value must be equal to or lower than [%lld].", max);
		return false;
	}
	*out = n;
	return true;
}

void demo_check_keys(struct demo_check *c, json_t *obj, const char *where, const char *const *allowed)
{
	const char *k;
	json_t *v;
	if (c->err || !json_is_object(obj))
		return;
	json_object_foreach(obj, k, v) {
		bool ok = false;
		for (size_t i = 0; allowed[i] && !ok; i++)
			ok = strcmp(allowed[i], k) == 0;
		if (!ok) {
			demo_check_fail(c, where, k, "definition for this key is missing");
			return;
		}
	}
}

json_t *demo_check_body(struct demo_check *c, const struct demo_req *req)
{
	if (c->err)
		return NULL;
	if (!json_is_object(req->json)) {
		demo_check_fail(c, "request body", NULL, "expected a plain object value, but found [%s] instead.",
				req->json ? type_name(req->json) : "null");
		return NULL;
	}
	return req->json;
}

long long demo_check_qint(struct demo_check *c, const struct demo_req *req, const char *key, long long dflt,
			  long long min, long long max)
{
	const char *s = demo_query(req, key);
	if (c->err || !s)
		return dflt;
	char *end;
	long long n = strtoll(s, &end, 10);
	if (!*s || *end) {
		demo_check_fail(c, "request query", key, "expected value of type [number] but got [string]");
		return dflt;
	}
	if (n < min) {
		demo_check_fail(c, "request query", key, "Value must be equal to or greater than [%lld].", min);
		return dflt;
	}
	if (n > max) {
		demo_check_fail(c, "request query", key, "Value must be equal to or lower than [%lld].", max);
		return dflt;
	}
	return n;
}

int demo_check_qenum(struct demo_check *c, const struct demo_req *req, const char *key, const char *const *choices,
		     int dflt)
{
	const char *s = demo_query(req, key);
	if (c->err || !s)
		return dflt;
	for (int i = 0; choices[i]; i++)
		if (strcmp(s, choices[i]) == 0)
			return i;
	char *list = choice_list(choices);
	demo_check_fail(c, "request query", key, "expected one of [%s] but got [%s]", list, s);
	free(list);
	return dflt;
}

bool demo_check_qbool(struct demo_check *c, const struct demo_req *req, const char *key, bool dflt)
{
	const char *s = demo_query(req, key);
	if (c->err || !s)
		return dflt;
	if (strcmp(s, "true") == 0)
		return true;
	if (strcmp(s, "false") == 0)
		return false;
	demo_check_fail(c, "request query", key, "expected value of type [boolean] but got [string]");
	return dflt;
}

bool demo_check_reply(struct demo_check *c, struct demo_resp *resp)
{
	if (!c->err)
		return false;
	demo_reply_error(resp, 400, "%s", c->err);
	free(c->err);
	c->err = NULL;
	return true;
}

bool demo_route_reads_only(const struct demo_route *r, bool live)
{
	if ((r->flags & DEMO_R_WRITES) || (live && (r->flags & DEMO_R_LIVE)))
		return false;
	return strcmp(r->method, "GET") == 0 || (r->flags & DEMO_R_READS);
}
