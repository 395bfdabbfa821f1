/* A text table: rows of cells, rendered to fit a width or as plain columns. */
#ifndef KT_TABLE_H
#define KT_TABLE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/column.h"

struct strbuf;

/* A table under construction; cells are sanitized copies. */
struct table {
	size_t ncols;
	struct column *cols; /* sizing rules; titles owned */
	char **cells;        /* nrows * ncols */
	size_t nrows;
	size_t cap;
};

/* Start a table with column headers (NULL-terminated list); leftmost columns are kept longest. */
void table_init(struct table *t, const char *const *headers);
/* Start a table with an entity's columns (all of them, up to the NULL title: batch output shows ids too). */
void table_init_columns(struct table *t, const struct column *cols);
/* Mark a column as right-aligned (numbers). */
void table_set_right(struct table *t, size_t col);
/* Let a column take the room that is left, and give way first when the width is short (titles, messages). */
void table_set_flex(struct table *t, size_t col);
/* Add a row; cells are untrusted text (sanitized here); NULL cells show as "-". */
void table_add_row(struct table *t, const char *const *cells);
/* Add a row from an entity's columns (the same ones given to table_init_columns). */
void table_add_object(struct table *t, const struct column *cols, const void *row, const struct column_ctx *cx);
/* Free the table. */
void table_free(struct table *t);
/* Start a table with the columns of another (no rows). */
void table_init_like(struct table *t, const struct table *like);
/* Append every row of src (same columns) to t. */
void table_add_rows(struct table *t, const struct table *src);
/* Render with columns fitted to width (cells cut with an ellipsis, least kept columns hidden); one line per row. */
void table_render_fit(const struct table *t, int width, struct strbuf *out);
/* Render with full cell text, columns padded to the longest cell (for pipes and files). */
void table_render_plain(const struct table *t, struct strbuf *out);

/*
 * A table that arrives in pieces (a list written page by page) is rendered piece by piece
 * with widths chosen once: fitted from the first piece on a terminal (later cells that are
 * wider are cut), or natural widths that only ever grow in a pipe (nothing is cut; a wider
 * later cell shifts the columns after it from its piece on).
 */
/* The widths table_render_fit would use (width > 0), or the natural widths (width <= 0); ncols entries, caller frees. */
int *table_widths(const struct table *t, int width);
/* Widen w (from table_widths) to every cell of t. */
void table_widths_grow(const struct table *t, int *w);
/* Render with these widths (cells cut with an ellipsis or padded), the header line first only when header. */
void table_render_with(const struct table *t, const int *w, bool header, struct strbuf *out);

#endif
