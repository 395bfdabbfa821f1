/* Drawing a pane: its list of rows sized to the screen, or what the body says while it has none. */
#include "config.h"
#include "ui/pane.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/uifmt.h"
#include "core/column.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* The theme role of a cell. */
static enum theme_role pane_role(const struct column *col, const char *text)
{
	switch (col->style) {
	case COLUMN_DIM:
		return ROLE_DIM;
	case COLUMN_SEVERITY:
		return uifmt_severity_role(text);
	case COLUMN_STATUS:
		return uifmt_status_role(text);
	default:
		return ROLE_NORMAL;
	}
}

/* A message in the list area, wrapped over up to max_lines lines. */
static void pane_draw_message(int y, int x, int w, int max_lines, const char *msg, enum theme_role role)
{
	char *clean = sanitize_str(msg, SANITIZE_LINE);
	const char *s = clean;
	struct strbuf line;
	strbuf_init(&line);
	for (int i = 0; i < max_lines && *s; i++) {
		size_t n = utf8_wrap(s, w - 2);
		strbuf_reset(&line);
		strbuf_add(&line, s, n);
		draw_text(stdscr, y + i, x + 1, line.buf, w - 2, role, false);
		s += n;
		while (*s == ' ')
			s++;
	}
	strbuf_free(&line);
	free(clean);
}

/* What the body of an empty list says. */
static void pane_draw_empty(struct pane *p, int y, int x, int w, int room)
{
	struct listmodel *m = &p->list;
	if (p->error) {
		pane_draw_message(y, x, w, room, p->error, ROLE_ERROR);
	} else if (p->loading) {
		char *what = xasprintf("%s Loading %s (%s)...", app_spinner(p->app), p->ops->title,
				       p->ops->query ? p->ops->query->command : p->ops->name);
		pane_draw_message(y, x, w, 1, what, ROLE_DIM);
		free(what);
	} else if (m->filter && m->n_rows) {
		pane_draw_message(y, x, w, 1, "No loaded row matches the filter (Esc clears it).", ROLE_DIM);
	} else if (p->loaded_once) {
		pane_draw_message(y, x, w, 1, "Nothing here.", ROLE_DIM);
	}
}

void pane_draw(struct pane *p, int y, int x, int h, int w)
{
	const struct pane_ops *ops = p->ops;
	size_t nc = p->n_columns;
	int rows_h = h - 1;
	struct listmodel *m = &p->list;
	listmodel_scroll(m, rows_h);
	size_t shown = 0;
	while (shown < (size_t)(rows_h > 0 ? rows_h : 0) && m->top + shown < m->n_visible)
		shown++;

	/* Every visible cell once: their widths size the columns, then they are drawn. */
	struct strbuf *cells = xcalloc(shown * nc + 1, sizeof(*cells));
	int *want = xcalloc(nc + 1, sizeof(int));
	int *widths = xcalloc(nc + 1, sizeof(int));
	struct column *cols = xcalloc(nc + 1, sizeof(*cols));
	for (size_t c = 0; c < nc; c++) {
		cols[c] = ops->columns[c];
		if (cols[c].flags & COLUMN_BATCH_ONLY)
			cols[c].min = cols[c].max = cols[c].keep = -1;
		want[c] = column_title_width(&cols[c]);
	}
	for (size_t i = 0; i < shown; i++) {
		const void *row = pane_row(p, m->visible[m->top + i]);
		for (size_t c = 0; c < nc; c++) {
			struct strbuf *sb = &cells[i * nc + c];
			strbuf_init(sb);
			if (cols[c].keep < 0)
				continue;
			struct strbuf raw;
			strbuf_init(&raw);
			pane_cell(p, row, c, &raw);
			uifmt_line(sb, raw.len ? raw.buf : "-");
			strbuf_free(&raw);
			int cw = utf8_width(sb->buf);
			if (cw > want[c])
				want[c] = cw;
		}
	}
	/* Batch-only columns are never shown: give them no room at all. */
	size_t n_pane = 0;
	struct column *pc = xcalloc(nc + 1, sizeof(*pc));
	int *pwant = xcalloc(nc + 1, sizeof(int));
	int *pw = xcalloc(nc + 1, sizeof(int));
	size_t *map = xcalloc(nc + 1, sizeof(size_t));
	for (size_t c = 0; c < nc; c++) {
		if (cols[c].keep < 0)
			continue;
		pc[n_pane] = cols[c];
		pwant[n_pane] = want[c];
		map[n_pane++] = c;
	}
	column_layout(pc, n_pane, pwant, w - 2, 1, pw);
	for (size_t k = 0; k < n_pane; k++)
		widths[map[k]] = pw[k];

	/* Column headings, with a mark column of 2 at the left. */
	draw_fill(stdscr, y, x, w, ROLE_COLUMNS);
	int cx = x + 2;
	struct strbuf t;
	strbuf_init(&t);
	for (size_t c = 0; c < nc; c++) {
		if (!widths[c])
			continue;
		strbuf_reset(&t);
		if (cols[c].flags & COLUMN_RIGHT)
			utf8_pad_right(&t, cols[c].title, widths[c]);
		else
			utf8_pad(&t, cols[c].title, widths[c]);
		draw_text(stdscr, y, cx, t.buf, widths[c], ROLE_COLUMNS, false);
		cx += widths[c] + 1;
	}
	for (int i = 0; i < rows_h; i++) {
		int ry = y + 1 + i;
		if ((size_t)i >= shown) {
			draw_fill(stdscr, ry, x, w, ROLE_NORMAL);
			continue;
		}
		size_t pos = m->top + (size_t)i;
		size_t row = m->visible[pos];
		bool selected = pos == m->cursor;
		draw_fill(stdscr, ry, x, w, selected ? ROLE_SELECTED : ROLE_NORMAL);
		/* The gutter: * marked, + came in new and not seen yet. */
		bool fresh = !m->marks[row] && pane_is_fresh(p, pane_row(p, row));
		draw_text(stdscr, ry, x, m->marks[row] ? "*" : fresh ? "+" : " ", 2,
			  selected ? ROLE_SELECTED : fresh ? ROLE_SUCCESS : ROLE_MARKED, true);
		cx = x + 2;
		for (size_t c = 0; c < nc; c++) {
			if (!widths[c])
				continue;
			const char *text = cells[(size_t)i * nc + c].buf;
			strbuf_reset(&t);
			if (cols[c].flags & COLUMN_RIGHT)
				utf8_pad_right(&t, text, widths[c]);
			else
				utf8_pad(&t, text, widths[c]);
			draw_text(stdscr, ry, cx, t.buf, widths[c], selected ? ROLE_SELECTED : pane_role(&cols[c], text), false);
			cx += widths[c] + 1;
		}
	}
	strbuf_free(&t);
	for (size_t i = 0; i < shown * nc; i++)
		strbuf_free(&cells[i]);
	free(cells);
	free(want);
	free(widths);
	free(cols);
	free(pc);
	free(pwant);
	free(pw);
	free(map);

	/* An empty list says why; a failed refresh says so under the rows it kept. */
	if (m->n_visible == 0 && rows_h > 1)
		pane_draw_empty(p, y + 2, x, w, rows_h - 2);
	else if (p->error && rows_h > 1)
		pane_draw_message(y + rows_h, x, w, 1, p->error, ROLE_ERROR);
	else if (p->stopped && rows_h > 1)
		pane_draw_message(y + rows_h, x, w, 1, p->stopped, ROLE_WARNING);
}
