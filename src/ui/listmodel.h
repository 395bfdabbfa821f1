/*
 * The list behind every pane: rows, the visible subset after a filter, a cursor,
 * a scroll offset and marks. It knows nothing of curses or Kibana; rows are
 * indices into data the pane owns.
 */
#ifndef KT_LISTMODEL_H
#define KT_LISTMODEL_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* Text of a row for the / filter (appended to out). */
typedef void (*listmodel_text_fn)(void *ctx, size_t row, struct strbuf *out);
/* Order of two rows for a local sort: <0, 0, >0. */
typedef int (*listmodel_cmp_fn)(void *ctx, size_t a, size_t b);

/* The model. */
struct listmodel {
	size_t n_rows;          /* rows in the pane's data */
	size_t *visible;        /* data rows that pass the filter, in display order */
	size_t n_visible;
	size_t cursor;          /* position in visible */
	size_t top;             /* first position shown */
	bool *marks;            /* per data row */
	size_t n_marked;
	char *filter;           /* lower-cased filter text, or NULL */
	listmodel_text_fn text;
	listmodel_cmp_fn cmp;   /* NULL: data order */
	bool descending;
	void *ctx;
};

/* Start an empty model; text is required for filtering, cmp may be NULL. */
void listmodel_init(struct listmodel *m, listmodel_text_fn text, listmodel_cmp_fn cmp, void *ctx);
/* Free it. */
void listmodel_free(struct listmodel *m);
/* The data now has n rows; rows [0, keep) are the same as before (appends keep the cursor's row). */
void listmodel_set_rows(struct listmodel *m, size_t n, size_t keep);
/*
 * n rows were put before the others (data row r is now r + n, marks move with their rows): the
 * cursor stays on its row, on the same line of the screen, so what is shown does not move.
 */
void listmodel_prepend(struct listmodel *m, size_t n);
/* Filter by case-insensitive substring (NULL or "" shows everything); the cursor stays on its row if it can. */
void listmodel_set_filter(struct listmodel *m, const char *filter);
/* Sort with cmp, or in data order when cmp is NULL. */
void listmodel_set_sort(struct listmodel *m, listmodel_cmp_fn cmp, bool descending);
/* Move the cursor by delta positions, clamped. */
void listmodel_move(struct listmodel *m, long delta);
/* Put the cursor on a position (clamped). */
void listmodel_set_cursor(struct listmodel *m, size_t pos);
/* Put the cursor on a data row if it is visible; false otherwise. */
bool listmodel_select_row(struct listmodel *m, size_t row);
/* Adjust top so the cursor is inside a window of height rows. */
void listmodel_scroll(struct listmodel *m, int height);
/* The data row under the cursor, or (size_t)-1 when the list is empty. */
size_t listmodel_cursor_row(const struct listmodel *m);
/* The data row shown at a position. */
size_t listmodel_row_at(const struct listmodel *m, size_t pos);
/* Mark or unmark the cursor's row. */
void listmodel_toggle_mark(struct listmodel *m);
/* Mark or unmark a data row. */
void listmodel_set_mark(struct listmodel *m, size_t row, bool on);
/* Unmark everything. */
void listmodel_clear_marks(struct listmodel *m);
/* Data rows that are marked (count in *n; caller frees); with none marked, the cursor's row. */
size_t *listmodel_selection(const struct listmodel *m, size_t *n);

#endif
