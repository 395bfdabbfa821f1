/*
 * Columns of a list, declared once per entity and shared by the TUI's panes and the
 * batch tables: a title, how to get the cell from a row, and the rule that sizes it.
 */
#ifndef KT_COLUMN_H
#define KT_COLUMN_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* How a cell is coloured; the TUI maps each to a theme role (by value for severity and status). */
enum column_style {
	COLUMN_PLAIN,
	COLUMN_DIM,      /* secondary facts: times, tags */
	COLUMN_SEVERITY, /* a severity word: coloured by its value */
	COLUMN_STATUS,   /* a status word: coloured by its value */
	COLUMN_NAME,     /* the row's main name: emphasised */
};

/* Column flags. */
enum {
	COLUMN_RIGHT = 1u << 0,      /* right-aligned (numbers) */
	COLUMN_BATCH_ONLY = 1u << 1, /* only in batch tables (ids, which a pane shows in its detail view) */
};

/* What a cell may depend on besides its row. */
struct column_ctx {
	long long now; /* wall clock for relative times */
	bool batch;    /* a batch table (room for whole timestamps), not a pane */
};

/* Appends the text of one cell (untrusted text is sanitized by whoever draws it). */
typedef void (*column_cell_fn)(const void *row, const struct column_ctx *cx, struct strbuf *out);

/* One column. */
struct column {
	const char *title;
	column_cell_fn cell;
	int min;   /* never narrower (when shown) */
	int max;   /* never wider; 0: as wide as its content */
	int grow;  /* growing columns reach their content in order of grow, then share what is left by it; 0: fixed */
	int keep;  /* when the width is short, columns with a lower keep are hidden first */
	unsigned flags;
	enum column_style style;
};

/*
 * Widths for n columns in width cells (columns are separated by gap cells); want[i] is
 * the width of column i's widest content (title included). Hidden columns get 0.
 * The rule: drop the columns with the lowest keep until the minimums fit; give every
 * column its content, narrow fixed columns first, then the growing ones, the highest grow
 * first; room still left goes to the growing columns by their share, so nothing is cut
 * while space is empty.
 */
void column_layout(const struct column *cols, size_t n, const int *want, int width, int gap, int *out);
/* The width of a column's title, the least its want can be. */
int column_title_width(const struct column *c);
/* How many columns a table of columns holds (it ends with an entry whose title is NULL). */
size_t column_count(const struct column *cols);

#endif
