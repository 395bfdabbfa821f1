#include "config.h"
#include "core/fetchlimit.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

void fetch_limits_default(struct fetch_limits *l)
{
	l->pages = FETCH_DEFAULT_PAGES;
	l->rows = FETCH_DEFAULT_ROWS;
	l->bytes = FETCH_DEFAULT_BYTES;
}

void fetch_count_init(struct fetch_count *c)
{
	memset(c, 0, sizeof(*c));
}

void fetch_count_free(struct fetch_count *c)
{
	free(c->cursor);
	fetch_count_init(c);
}

char *fetch_count_page(struct fetch_count *c, const struct fetch_limits *l, size_t rows, size_t bytes)
{
	c->pages++;
	c->rows += (long)rows;
	c->bytes += bytes;
	if (l->rows > 0 && c->rows > l->rows)
		return xasprintf("stopped after %ld pages: more than %ld rows came in (the max_rows limit; raise it in the "
				 "profile or with --max-rows, or narrow the query)",
				 c->pages, l->rows);
	if (l->bytes > 0 && c->bytes > l->bytes) {
		bool mib = l->bytes % ((size_t)1 << 20) == 0;
		return xasprintf("stopped after %ld pages: more than %zu %s came in (the max_fetch_mb limit; raise it in "
				 "the profile or with --max-fetch-mb, or narrow the query)",
				 c->pages, mib ? l->bytes >> 20 : l->bytes, mib ? "MiB" : "bytes");
	}
	if (l->pages > 0 && c->pages > l->pages)
		return xasprintf("stopped after %ld pages: more than %ld pages came in (the max_pages limit; raise it in "
				 "the profile or with --max-pages, or narrow the query)",
				 c->pages, l->pages);
	return NULL;
}

char *fetch_count_cursor(struct fetch_count *c, const char *cursor)
{
	if (cursor && c->cursor && strcmp(cursor, c->cursor) == 0)
		return xasprintf("stopped after %ld pages: Kibana answered the same page again (its search_after cursor "
				 "did not move), so the fetch would never end",
				 c->pages);
	free(c->cursor);
	c->cursor = cursor ? xstrdup(cursor) : NULL;
	return NULL;
}
