/* A text table: rows of cells, rendered to fit a width or as plain columns. */
#ifndef KT_TABLE_H
#define KT_TABLE_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* Column behaviour when space is short. */
enum table_align { TABLE_LEFT, TABLE_RIGHT };

/* A table under construction; cells are sanitized copies. */
struct table {
	size_t ncols;
	char **headers;
	enum table_align *align;
	int *min_width;      /* a column never shrinks below this */
	bool *flex;          /* this column absorbs shortage first (titles, messages) */
	char **cells;        /* nrows * ncols */
	size_t nrows;
	size_t cap;
};

/* Start a table with column headers (NULL-terminated list). */
void table_init(struct table *t, const char *const *headers);
/* Mark a column as right-aligned (numbers). */
void table_set_right(struct table *t, size_t col);
/* Mark a column as the one to shrink first when the width is short. */
void table_set_flex(struct table *t, size_t col);
/* Add a row; cells are untrusted text (sanitized here); NULL cells show as "-". */
void table_add_row(struct table *t, const char *const *cells);
/* Free the table. */
void table_free(struct table *t);
/* Render with columns fitted to width (cells truncated with an ellipsis); one line per row. */
void table_render_fit(const struct table *t, int width, struct strbuf *out);
/* Render with full cell text, columns padded to the longest cell (for pipes and files). */
void table_render_plain(const struct table *t, struct strbuf *out);

#endif
