#include "config.h"
#include "core/table.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Columns are two spaces apart. */
#define TABLE_GAP 2

static void table_alloc(struct table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->cols = xcalloc(ncols ? ncols : 1, sizeof(*t->cols));
}

void table_init(struct table *t, const char *const *headers)
{
	size_t n = 0;
	while (headers[n])
		n++;
	table_alloc(t, n);
	for (size_t i = 0; i < n; i++) {
		int tw = utf8_width(headers[i]);
		t->cols[i] = (struct column){.title = xstrdup(headers[i]), .min = tw < 4 ? tw : 4, .keep = (int)(n - i)};
	}
}

void table_init_columns(struct table *t, const struct column *cols)
{
	size_t n = column_count(cols);
	table_alloc(t, n);
	for (size_t i = 0; i < n; i++) {
		t->cols[i] = cols[i];
		t->cols[i].title = xstrdup(cols[i].title);
	}
}

void table_set_right(struct table *t, size_t col)
{
	t->cols[col].flags |= COLUMN_RIGHT;
}

void table_set_flex(struct table *t, size_t col)
{
	t->cols[col].grow = 1;
	t->cols[col].keep = 0;
}

static char **table_new_row(struct table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xreallocarray(t->cells, t->cap * (t->ncols ? t->ncols : 1), sizeof(char *));
	}
	return &t->cells[t->nrows++ * t->ncols];
}

void table_add_row(struct table *t, const char *const *cells)
{
	char **row = table_new_row(t);
	for (size_t i = 0; i < t->ncols; i++)
		row[i] = sanitize_str(cells[i] ? cells[i] : "-", SANITIZE_LINE);
}

void table_add_object(struct table *t, const struct column *cols, const void *obj, const struct column_ctx *cx)
{
	char **row = table_new_row(t);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < t->ncols; i++) {
		strbuf_reset(&sb);
		cols[i].cell(obj, cx, &sb);
		row[i] = sanitize_str(sb.len ? sb.buf : "-", SANITIZE_LINE);
	}
	strbuf_free(&sb);
}

void table_init_like(struct table *t, const struct table *like)
{
	table_alloc(t, like->ncols);
	for (size_t c = 0; c < like->ncols; c++) {
		t->cols[c] = like->cols[c];
		t->cols[c].title = xstrdup(like->cols[c].title);
	}
}

void table_add_rows(struct table *t, const struct table *src)
{
	for (size_t r = 0; r < src->nrows; r++) {
		char **row = table_new_row(t);
		for (size_t c = 0; c < t->ncols; c++)
			row[c] = xstrdup(c < src->ncols ? src->cells[r * src->ncols + c] : "-");
	}
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; i < t->ncols; i++)
		free((char *)t->cols[i].title);
	free(t->cells);
	free(t->cols);
	memset(t, 0, sizeof(*t));
}

static const char *table_cell(const struct table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

void table_widths_grow(const struct table *t, int *w)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (column_title_width(&t->cols[c]) > w[c])
			w[c] = column_title_width(&t->cols[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			int cw = utf8_width(table_cell(t, r, c));
			if (cw > w[c])
				w[c] = cw;
		}
	}
}

/* Natural widths: the widest cell or header of each column. */
static int *table_natural_widths(const struct table *t)
{
	int *w = xcalloc(t->ncols ? t->ncols : 1, sizeof(int));
	table_widths_grow(t, w);
	return w;
}

static void table_line(const struct table *t, const int *w, const char *const *cells, struct strbuf *out)
{
	size_t start = out->len;
	bool first = true;
	for (size_t c = 0; c < t->ncols; c++) {
		if (!w[c])
			continue;
		if (!first)
			strbuf_puts(out, "  ");
		first = false;
		if (t->cols[c].flags & COLUMN_RIGHT)
			utf8_pad_right(out, cells[c], w[c]);
		else
			utf8_pad(out, cells[c], w[c]);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->len--;
	out->buf[out->len] = '\0';
	strbuf_putc(out, '\n');
}

void table_render_with(const struct table *t, const int *w, bool header, struct strbuf *out)
{
	if (header) {
		const char **titles = xcalloc(t->ncols ? t->ncols : 1, sizeof(char *));
		for (size_t c = 0; c < t->ncols; c++)
			titles[c] = t->cols[c].title;
		table_line(t, w, titles, out);
		free(titles);
	}
	for (size_t r = 0; r < t->nrows; r++)
		table_line(t, w, (const char *const *)&t->cells[r * t->ncols], out);
}

void table_render_plain(const struct table *t, struct strbuf *out)
{
	int *w = table_natural_widths(t);
	table_render_with(t, w, true, out);
	free(w);
}

void table_render_fit(const struct table *t, int width, struct strbuf *out)
{
	int *w = table_widths(t, width);
	table_render_with(t, w, true, out);
	free(w);
}

int *table_widths(const struct table *t, int width)
{
	if (width <= 0)
		return table_natural_widths(t);
	int *want = table_natural_widths(t);
	int *w = xcalloc(t->ncols ? t->ncols : 1, sizeof(int));
	column_layout(t->cols, t->ncols, want, width, TABLE_GAP, w);
	/* A batch table is as wide as its content needs, never wider: room left over is not spread. */
	for (size_t c = 0; c < t->ncols; c++)
		if (w[c] > want[c])
			w[c] = want[c];
	free(want);
	return w;
}
