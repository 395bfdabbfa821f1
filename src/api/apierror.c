#include "config.h"
#include "api/apierror.h"
#include "api/kjson.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest piece of a body quoted in a message. */
#define APIERROR_QUOTE 300

const char *apierror_reason(long status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Entity";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "";
	}
}

int apierror_is_json_type(const char *ct)
{
	if (!ct)
		return 0;
	while (*ct == ' ')
		ct++;
	size_t n = strcspn(ct, ";");
	while (n && ct[n - 1] == ' ')
		n--;
	if (n == 16 && strncasecmp(ct, "application/json", 16) == 0)
		return 1;
	return n > 5 && strncasecmp(ct + n - 5, "+json", 5) == 0;
}

static void apierror_head(struct strbuf *sb, long status, const char *error)
{
	const char *reason = error && *error ? error : apierror_reason(status);
	strbuf_printf(sb, "HTTP %ld", status);
	if (*reason)
		strbuf_printf(sb, " %s", reason);
}

/* The text of <title>...</title>, whitespace folded; NULL when there is none. */
static char *apierror_html_title(const char *body, size_t len)
{
	const char *t = NULL;
	for (size_t i = 0; i + 7 <= len; i++) {
		if (strncasecmp(body + i, "<title>", 7) == 0) {
			t = body + i + 7;
			break;
		}
	}
	if (!t)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	const char *end = body + len;
	bool space = false;
	for (; t < end && *t != '<' && sb.len < 120; t++) {
		if (isspace((unsigned char)*t)) {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&sb, ' ');
		space = false;
		strbuf_putc(&sb, *t);
	}
	if (!sb.len) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

static bool apierror_looks_html(const char *body, size_t len)
{
	size_t i = 0;
	while (i < len && isspace((unsigned char)body[i]))
		i++;
	return i < len && body[i] == '<';
}

static void apierror_quote(struct strbuf *sb, const char *body, size_t len)
{
	size_t n = len > APIERROR_QUOTE ? APIERROR_QUOTE : len;
	strbuf_add(sb, body, n);
	if (n < len)
		strbuf_puts(sb, "...");
}

/* Append Kibana's message from either error shape; false when the JSON has neither. */
static bool apierror_kibana(struct strbuf *sb, long status, json_t *j)
{
	if (!json_is_object(j))
		return false;
	json_t *msg = json_object_get(j, "message");
	json_t *err = json_object_get(j, "error");
	if (!json_is_string(msg) && !json_is_string(err))
		return false;
	apierror_head(sb, status, json_is_string(err) ? json_string_value(err) : NULL);
	if (json_is_string(msg) && json_string_length(msg)) {
		/* kjson_text shows an embedded NUL instead of cutting the message there. */
		char *text = kjson_text(msg);
		strbuf_puts(sb, ": ");
		strbuf_puts(sb, text);
		free(text);
	}
	return true;
}

char *apierror_from_response(long status, const char *content_type, const char *body, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (!body || len == 0) {
		apierror_head(&sb, status, NULL);
		strbuf_puts(&sb, " (empty response)");
		return strbuf_detach(&sb, NULL);
	}
	bool jsonish = apierror_is_json_type(content_type) || body[0] == '{' || body[0] == '[';
	if (jsonish) {
		char *perr = NULL;
		json_t *j = kjson_parse(body, len, &perr);
		free(perr);
		bool done = j && apierror_kibana(&sb, status, j);
		if (j && !done) {
			apierror_head(&sb, status, NULL);
			strbuf_puts(&sb, ": ");
			apierror_quote(&sb, body, len);
			done = true;
		}
		json_decref(j);
		if (done)
			return strbuf_detach(&sb, NULL);
	}
	apierror_head(&sb, status, NULL);
	if (apierror_looks_html(body, len)) {
		char *title = apierror_html_title(body, len);
		strbuf_puts(&sb, " from a proxy or server that is not Kibana's API (an HTML page");
		if (title)
			strbuf_printf(&sb, ": \"%s\"", title);
		strbuf_puts(&sb, "); check the URL and any proxy in between");
		free(title);
	} else {
		strbuf_puts(&sb, " (not JSON): ");
		apierror_quote(&sb, body, len);
	}
	return strbuf_detach(&sb, NULL);
}
