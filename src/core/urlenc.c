#include "config.h"
#include "core/urlenc.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <string.h>

static int urlenc_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

void urlenc_append(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (urlenc_unreserved(*p)) {
			strbuf_putc(out, (char)*p);
		} else {
			char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			strbuf_add(out, esc, 3);
		}
	}
}

char *urlenc_segment(const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb);
	/* "." and ".." would be path navigation; escape them whole. */
	if (strcmp(s, ".") == 0)
		strbuf_puts(&sb, "%2E");
	else if (strcmp(s, "..") == 0)
		strbuf_puts(&sb, "%2E%2E");
	else
		urlenc_append(&sb, s);
	return strbuf_detach(&sb, NULL);
}

void urlenc_query_add(struct strbuf *query, const char *key, const char *value)
{
	if (!value)
		return;
	strbuf_putc(query, query->len ? '&' : '?');
	urlenc_append(query, key);
	strbuf_putc(query, '=');
	urlenc_append(query, value);
}

void urlenc_query_add_int(struct strbuf *query, const char *key, long value)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", value);
	urlenc_query_add(query, key, buf);
}
