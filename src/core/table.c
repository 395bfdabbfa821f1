#include "config.h"
#include "core/table.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

void table_init(struct table *t, const char *const *headers)
{
	memset(t, 0, sizeof(*t));
	while (headers[t->ncols])
		t->ncols++;
	t->headers = xcalloc(t->ncols, sizeof(char *));
	t->align = xcalloc(t->ncols, sizeof(*t->align));
	t->min_width = xcalloc(t->ncols, sizeof(int));
	t->flex = xcalloc(t->ncols, sizeof(bool));
	for (size_t i = 0; i < t->ncols; i++) {
		t->headers[i] = xstrdup(headers[i]);
		t->min_width[i] = utf8_width(headers[i]) < 4 ? utf8_width(headers[i]) : 4;
	}
}

void table_set_right(struct table *t, size_t col)
{
	t->align[col] = TABLE_RIGHT;
}

void table_set_flex(struct table *t, size_t col)
{
	t->flex[col] = true;
}

void table_add_row(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xreallocarray(t->cells, t->cap * t->ncols, sizeof(char *));
	}
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = sanitize_str(cells[i] ? cells[i] : "-", SANITIZE_LINE);
	t->nrows++;
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	free(t->cells);
	free(t->headers);
	free(t->align);
	free(t->min_width);
	free(t->flex);
	memset(t, 0, sizeof(*t));
}

static const char *table_cell(const struct table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

/* Natural widths: the widest cell or header of each column. */
static int *table_widths(const struct table *t)
{
	int *w = xcalloc(t->ncols ? t->ncols : 1, sizeof(int));
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = utf8_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			int cw = utf8_width(table_cell(t, r, c));
			if (cw > w[c])
				w[c] = cw;
		}
	}
	return w;
}

static void table_line(const struct table *t, const int *w, const char *const *cells, struct strbuf *out)
{
	size_t start = out->len;
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			strbuf_puts(out, "  ");
		if (t->align[c] == TABLE_RIGHT)
			utf8_pad_right(out, cells[c], w[c]);
		else
			utf8_pad(out, cells[c], w[c]);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->len--;
	out->buf[out->len] = '\0';
	strbuf_putc(out, '\n');
}

static void table_emit(const struct table *t, const int *w, struct strbuf *out)
{
	table_line(t, w, (const char *const *)t->headers, out);
	for (size_t r = 0; r < t->nrows; r++)
		table_line(t, w, (const char *const *)&t->cells[r * t->ncols], out);
}

void table_render_plain(const struct table *t, struct strbuf *out)
{
	int *w = table_widths(t);
	table_emit(t, w, out);
	free(w);
}

void table_render_fit(const struct table *t, int width, struct strbuf *out)
{
	int *w = table_widths(t);
	int total = 0;
	for (size_t c = 0; c < t->ncols; c++)
		total += w[c] + (c ? 2 : 0);
	/* Shrink flexible columns first, then the widest ones, never below their minimum. */
	for (int pass = 0; pass < 2 && total > width; pass++) {
		while (total > width) {
			size_t best = t->ncols;
			for (size_t c = 0; c < t->ncols; c++) {
				if ((pass == 0 && !t->flex[c]) || w[c] <= t->min_width[c])
					continue;
				if (best == t->ncols || w[c] > w[best])
					best = c;
			}
			if (best == t->ncols)
				break;
			w[best]--;
			total--;
		}
	}
	table_emit(t, w, out);
	free(w);
}
