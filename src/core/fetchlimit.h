/*
 * Whole-fetch limits: how much one paged fetch (every page of `alerts --all`, the pages a
 * list pane loads) may bring in, so that a server which never stops answering cannot make
 * ktriage loop or grow without end. The cap on one response is max_response in the profile;
 * these bound the sum.
 */
#ifndef KT_FETCHLIMIT_H
#define KT_FETCHLIMIT_H
#include <stdbool.h>
#include <stddef.h>

/* Default limits: Kibana pages no further than 10,000 results; these cover that window five times over. */
#define FETCH_DEFAULT_PAGES 1000
#define FETCH_DEFAULT_ROWS 50000
#define FETCH_DEFAULT_BYTES ((size_t)512 << 20)

/* The limits of one paged fetch. */
struct fetch_limits {
	long pages;
	long rows;
	size_t bytes;
};

/* A paged fetch under way: what it has brought in so far, and the cursor of its last page. */
struct fetch_count {
	long pages;
	long rows;
	size_t bytes;
	char *cursor;
};

/* The default limits. */
void fetch_limits_default(struct fetch_limits *l);
/* Start counting a fetch. */
void fetch_count_init(struct fetch_count *c);
/* Free the remembered cursor and start again. */
void fetch_count_free(struct fetch_count *c);
/*
 * Count one page of rows and bytes; NULL while the fetch is within its limits, else why it
 * stops, naming the limit and the setting that raises it (caller frees).
 */
char *fetch_count_page(struct fetch_count *c, const struct fetch_limits *l, size_t rows, size_t bytes);
/*
 * Remember the cursor a page ends with (keyset paging: its search_after as text); NULL when
 * it moved on, else why the fetch stops: the server sent the same cursor again (caller frees).
 */
char *fetch_count_cursor(struct fetch_count *c, const char *cursor);

#endif
