#include "config.h"
#include "demo/demo_multipart.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool demo_is_multipart(const char *content_type)
{
	return content_type && strncasecmp(content_type, "multipart/form-data", 19) == 0;
}

/* A parameter of a header value, e.g. name="file" in a Content-Disposition; caller frees. */
static char *header_param(const char *h, size_t hlen, const char *param)
{
	size_t pl = strlen(param);
	for (size_t i = 0; i + pl + 1 < hlen; i++) {
		if (strncasecmp(h + i, param, pl) != 0 || h[i + pl] != '=' || (i && h[i - 1] != ' ' && h[i - 1] != ';'))
			continue;
		const char *v = h + i + pl + 1, *end = h + hlen;
		if (*v == '"') {
			const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
			return q ? xstrndup(v + 1, (size_t)(q - v - 1)) : NULL;
		}
		size_t n = 0;
		while (v + n < end && v[n] != ';' && v[n] != '\r' && v[n] != '\n' && v[n] != ' ')
			n++;
		return xstrndup(v, n);
	}
	return NULL;
}

bool demo_multipart(const char *ct, const char *body, size_t len, struct demo_part *parts, size_t max, size_t *n)
{
	char *boundary = header_param(ct, strlen(ct), "boundary");
	*n = 0;
	if (!boundary || !*boundary) {
		free(boundary);
		return false;
	}
	char *delim = xasprintf("--%s", boundary);
	size_t dl = strlen(delim);
	free(boundary);
	const char *end = body + len, *p = memmem(body, len, delim, dl);
	bool ok = p != NULL;
	while (ok && p) {
		p += dl;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break; /* the closing delimiter */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			p += 2;
		const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
		const char *next = hend ? memmem(hend + 4, (size_t)(end - hend - 4), delim, dl) : NULL;
		if (!hend || !next || *n >= max) {
			ok = false;
			break;
		}
		struct demo_part *pt = &parts[(*n)++];
		pt->name = header_param(p, (size_t)(hend - p), "name");
		pt->filename = header_param(p, (size_t)(hend - p), "filename");
		pt->data = hend + 4;
		pt->len = (size_t)(next - pt->data);
		if (pt->len >= 2 && next[-2] == '\r' && next[-1] == '\n')
			pt->len -= 2;
		p = next;
	}
	free(delim);
	return ok;
}

void demo_parts_free(struct demo_part *parts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(parts[i].name);
		free(parts[i].filename);
	}
}

const struct demo_part *demo_part_named(const struct demo_part *parts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (parts[i].name && strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}
