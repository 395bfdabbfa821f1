#include "config.h"
#include "api/rawreq.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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
	size_t plen = strcspn(path, "?");
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
