#include "config.h"
#include "api/rawreq.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool rawreq_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Append s[0..n) with every byte outside keep (and every stray '%') percent-encoded. */
static void rawreq_encode(struct strbuf *out, const char *s, size_t n, const char *keep)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && rawreq_hex(s[i + 1]) && rawreq_hex(s[i + 2]))
			strbuf_putc(out, '%');
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr(keep, c)))
			strbuf_putc(out, (char)c);
		else
			strbuf_printf(out, "%%%02X", c);
	}
}

/*
 * GET routes of Kibana that change something. path is matched after any /s/<space>/ prefix,
 * percent-decoded, without case or trailing slashes (hapi strips them); dry_run names a query
 * parameter that, set to true, makes the request change nothing.
 */
static const struct {
	const char *path;
	const char *dry_run;
	const char *what;
} rawreq_get_changes[] = {
	/* x-pack/platform/plugins/shared/ml/server/routes/saved_objects.ts: syncJobObjects = {simulate?: boolean} */
	{"/api/ml/saved_objects/sync", "simulate", "syncs machine learning saved objects (creates and deletes them)"},
	{"/internal/ml/saved_objects/sync", "simulate", "syncs machine learning saved objects (creates and deletes them)"},
	{"/api/ml/saved_objects/initialize", "simulate", "creates the machine learning saved objects that are missing"},
	{"/internal/ml/saved_objects/initialize", "simulate", "creates the machine learning saved objects that are missing"},
	/* x-pack/platform/plugins/shared/security/server/routes/authentication/common.ts: GET logout ends the session */
	{"/api/security/logout", NULL, "ends the session (logs out)"},
	{"/api/security/v1/logout", NULL, "ends the session (logs out)"},
	{"/logout", NULL, "ends the session (logs out)"},
};

static int rawreq_hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* s[0..n) with %XX decoded (a stray % kept); caller frees. */
static char *rawreq_decode(const char *s, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && rawreq_hex(s[i + 1]) && rawreq_hex(s[i + 2])) {
			strbuf_putc(&sb, (char)(rawreq_hexval(s[i + 1]) * 16 + rawreq_hexval(s[i + 2])));
			i += 2;
		} else {
			strbuf_putc(&sb, s[i]);
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* The first segment of path that is "." or ".." once decoded, or NULL (*len gets its raw length). */
static const char *rawreq_dot_segment(const char *path, size_t plen, size_t *len)
{
	for (size_t i = 0; i < plen;) {
		size_t n = 0;
		while (i + n < plen && path[i + n] != '/')
			n++;
		char *seg = rawreq_decode(path + i, n);
		bool dot = !strcmp(seg, ".") || !strcmp(seg, "..");
		free(seg);
		if (dot) {
			*len = n;
			return path + i;
		}
		i += n + 1;
	}
	return NULL;
}

/* The query parameter name is set to "true" (hapi and Kibana's schema.boolean read it so). */
static bool rawreq_query_true(const char *query, const char *name)
{
	bool yes = false;
	size_t nlen = strlen(name);
	for (const char *p = query && *query == '?' ? query + 1 : query; p && *p;) {
		size_t n = strcspn(p, "&");
		char *kv = rawreq_decode(p, n);
		if (!strncmp(kv, name, nlen) && kv[nlen] == '=') {
			/* Any value but true (a repeat included) is not a dry run. */
			if (strcasecmp(kv + nlen + 1, "true") != 0) {
				free(kv);
				return false;
			}
			yes = true;
		}
		free(kv);
		p += n;
		if (*p == '&')
			p++;
	}
	return yes;
}

const char *rawreq_changes(const struct api_request *req)
{
	if (req->method != HTTP_GET)
		return "may change data (any method but GET)";
	char *path = rawreq_decode(req->path, strlen(req->path));
	/* "//" is one separator to the matching, as to a lenient router. */
	char *w = path;
	for (const char *r = path; *r; r++)
		if (!(*r == '/' && r[1] == '/'))
			*w++ = *r;
	*w = '\0';
	const char *p = path;
	if (!strncmp(p, "/s/", 3)) {
		const char *rest = strchr(p + 3, '/');
		p = rest ? rest : "/";
	}
	size_t len = strlen(p);
	while (len > 1 && p[len - 1] == '/')
		len--;
	const char *what = NULL;
	for (size_t i = 0; i < sizeof(rawreq_get_changes) / sizeof(*rawreq_get_changes) && !what; i++) {
		if (strlen(rawreq_get_changes[i].path) != len || strncasecmp(p, rawreq_get_changes[i].path, len) != 0)
			continue;
		if (rawreq_get_changes[i].dry_run && rawreq_query_true(req->query, rawreq_get_changes[i].dry_run))
			continue;
		what = rawreq_get_changes[i].what;
	}
	free(path);
	return what;
}

struct api_request *rawreq_new(enum http_method method, const char *path, const char *body, size_t body_len, char **err)
{
	if (strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0) {
		*err = xasprintf("give the path alone (e.g. /api/cases/_find), not a URL: the request goes to the profile's Kibana");
		return NULL;
	}
	if (path[0] != '/') {
		*err = xasprintf("the path must start with / (e.g. /api/cases/_find); got \"%s\"", path);
		return NULL;
	}
	json_t *json = NULL;
	if (body) {
		if (method == HTTP_GET) {
			*err = xstrdup("a GET request carries no body: use POST, PUT, PATCH or DELETE, or leave the body out");
			return NULL;
		}
		json_error_t jerr;
		json = json_loadb(body, body_len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
		if (!json) {
			*err = xasprintf("the body is not valid JSON (line %d, column %d): %s; put it in single quotes so its "
					 "double quotes survive, e.g. '{\"name\": \"x\"}', or give @FILE",
					 jerr.line, jerr.column, jerr.text);
			return NULL;
		}
	}
	size_t plen = strcspn(path, "?"), dlen = 0;
	const char *dot = rawreq_dot_segment(path, plen, &dlen);
	if (dot) {
		*err = xasprintf("the path holds a \"%.*s\" segment: resolved after the space prefix it would reach outside "
				 "the space; give the path without it",
				 (int)dlen, dot);
		json_decref(json);
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	rawreq_encode(&sb, path, plen, "-._~!$&'()*+,;=:@/");
	struct api_request *req = api_request_new(method, sb.buf);
	strbuf_reset(&sb);
	if (path[plen] == '?' && path[plen + 1]) {
		strbuf_putc(&sb, '?');
		rawreq_encode(&sb, path + plen + 1, strlen(path + plen + 1), "-._~!$&'()*+,;=:@/?");
		api_request_set_query(req, sb.buf);
	}
	strbuf_free(&sb);
	/* The user named a space (their own or another): the path is complete as typed. */
	req->global = strncmp(req->path, "/s/", 3) == 0;
	if (json)
		api_request_set_json(req, json);
	return req;
}
