#include "config.h"
#include "ui/pane.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "api/worker.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

static void pane_filter_text(void *ctx, size_t row, struct strbuf *out)
{
	struct pane *p = ctx;
	if (p->ops->row_text) {
		p->ops->row_text(p, row, out);
		return;
	}
	for (size_t c = 0; c < p->ops->n_columns; c++) {
		enum theme_role role;
		p->ops->cell(p, row, c, out, &role);
		strbuf_putc(out, ' ');
	}
}

struct pane *pane_new(struct app *a, const struct pane_ops *ops)
{
	struct pane *p = xcalloc(1, sizeof(*p));
	p->ops = ops;
	p->app = a;
	p->total = -1;
	listmodel_init(&p->list, pane_filter_text, NULL, p);
	ops->init(p);
	return p;
}

void pane_free(struct pane *p)
{
	if (!p)
		return;
	p->ops->fini(p);
	listmodel_free(&p->list);
	free(p->error);
	free(p->reselect);
	free(p);
}

void pane_rows_changed(struct pane *p, size_t n, size_t keep)
{
	listmodel_set_rows(&p->list, n, keep);
	app_dirty(p->app);
}

void pane_set_error(struct pane *p, const char *msg)
{
	free(p->error);
	p->error = xstrdup(msg);
	app_dirty(p->app);
}

void pane_reload(struct pane *p)
{
	size_t row = listmodel_cursor_row(&p->list);
	free(p->reselect);
	p->reselect = row != (size_t)-1 && p->ops->row_id ? xstrdup(p->ops->row_id(p, row)) : NULL;
	pane_set_error(p, NULL);
	p->complete = false;
	p->generation++;
	listmodel_clear_marks(&p->list);
	p->ops->drop(p);
	pane_rows_changed(p, 0, 0);
	p->ops->more(p);
}

/* One page request of a pane. */
struct pane_job {
	struct worker_sink sink;
	struct pane *pane;
	pane_take_fn take;
};

static void pane_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct pane_job *job = (struct pane_job *)sink;
	struct pane *p = job->pane;
	pane_take_fn take = job->take;
	free(job);
	p->loading--;
	if (done->generation != p->generation) {
		worker_done_free(done);
		return;
	}
	if (done->res.status != API_OK) {
		pane_set_error(p, done->res.message);
		worker_done_free(done);
		return;
	}
	size_t keep = p->list.n_rows;
	size_t n = take(p, done);
	p->loaded_once = true;
	pane_rows_changed(p, n, keep);
	/* The first page after a reload decides where the cursor goes. */
	if (p->reselect && keep == 0) {
		for (size_t i = 0; i < n && p->ops->row_id; i++)
			if (!strcmp(p->ops->row_id(p, i), p->reselect))
				listmodel_select_row(&p->list, i);
		free(p->reselect);
		p->reselect = NULL;
	}
	worker_done_free(done);
}

void pane_fetch(struct pane *p, struct api_request *req, pane_take_fn take)
{
	struct pane_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = pane_deliver;
	job->pane = p;
	job->take = take;
	p->loading++;
	worker_submit(app_worker(p->app), req, p->generation, job);
	app_dirty(p->app);
}

void pane_layout(const struct pane_column *cols, size_t n, int width, int *out)
{
	int used = 0, weights = 0;
	for (size_t i = 0; i < n; i++) {
		int need = cols[i].min + (i ? 1 : 0);
		if (used + need > width) {
			/* No room: this column and those after it are hidden. */
			for (size_t k = i; k < n; k++)
				out[k] = 0;
			n = i;
			break;
		}
		out[i] = cols[i].min;
		used += need;
		weights += cols[i].weight;
	}
	int spare = width - used;
	/* Fixed columns (no weight) get their full width first: a status word should not be cut for a wider title. */
	for (size_t i = 0; i < n && spare > 0; i++) {
		if (cols[i].weight || cols[i].max <= out[i])
			continue;
		int grow = cols[i].max - out[i] < spare ? cols[i].max - out[i] : spare;
		out[i] += grow;
		spare -= grow;
	}
	/* Hand out the rest by weight, respecting maxima; repeat while some is left. */
	while (spare > 0 && weights > 0) {
		int given = 0, next_weights = 0;
		for (size_t i = 0; i < n; i++) {
			if (!cols[i].weight || (cols[i].max && out[i] >= cols[i].max))
				continue;
			int share = spare * cols[i].weight / weights;
			if (share < 1)
				share = 1;
			if (cols[i].max && out[i] + share > cols[i].max)
				share = cols[i].max - out[i];
			if (share > spare - given)
				share = spare - given;
			out[i] += share;
			given += share;
			if (!cols[i].max || out[i] < cols[i].max)
				next_weights += cols[i].weight;
		}
		spare -= given;
		weights = next_weights;
		if (!given)
			break;
	}
}

/* A message in the list area, wrapped over up to max_lines lines. */
static void pane_draw_message(int y, int x, int w, int max_lines, const char *msg, enum theme_role role)
{
	char *clean = sanitize_str(msg, SANITIZE_LINE);
	const char *p = clean;
	struct strbuf line;
	strbuf_init(&line);
	for (int i = 0; i < max_lines && *p; i++) {
		size_t n = utf8_wrap(p, w - 2);
		strbuf_reset(&line);
		strbuf_add(&line, p, n);
		draw_text(stdscr, y + i, x + 1, line.buf, w - 2, role, false);
		p += n;
		while (*p == ' ')
			p++;
	}
	strbuf_free(&line);
	free(clean);
}

void pane_draw(struct pane *p, int y, int x, int h, int w)
{
	const struct pane_ops *ops = p->ops;
	int *widths = xcalloc(ops->n_columns, sizeof(int));
	pane_layout(ops->columns, ops->n_columns, w - 2, widths);

	/* Column headings, with a mark column of 2 at the left. */
	draw_fill(stdscr, y, x, w, ROLE_COLUMNS);
	int cx = x + 2;
	for (size_t c = 0; c < ops->n_columns; c++) {
		if (!widths[c])
			continue;
		struct strbuf t;
		strbuf_init(&t);
		if (ops->columns[c].right)
			utf8_pad_right(&t, ops->columns[c].title, widths[c]);
		else
			utf8_pad(&t, ops->columns[c].title, widths[c]);
		draw_text(stdscr, y, cx, t.buf, widths[c], ROLE_COLUMNS, false);
		strbuf_free(&t);
		cx += widths[c] + 1;
	}

	int rows_h = h - 1;
	struct listmodel *m = &p->list;
	listmodel_scroll(m, rows_h);
	struct strbuf text, cell;
	strbuf_init(&text);
	strbuf_init(&cell);
	for (int i = 0; i < rows_h; i++) {
		int ry = y + 1 + i;
		size_t pos = m->top + (size_t)i;
		if (pos >= m->n_visible) {
			draw_fill(stdscr, ry, x, w, ROLE_NORMAL);
			continue;
		}
		size_t row = m->visible[pos];
		bool selected = pos == m->cursor;
		bool marked = m->marks[row];
		draw_fill(stdscr, ry, x, w, selected ? ROLE_SELECTED : ROLE_NORMAL);
		draw_text(stdscr, ry, x, marked ? "*" : " ", 2, selected ? ROLE_SELECTED : ROLE_MARKED, true);
		cx = x + 2;
		for (size_t c = 0; c < ops->n_columns; c++) {
			if (!widths[c])
				continue;
			enum theme_role role = ROLE_NORMAL;
			strbuf_reset(&cell);
			ops->cell(p, row, c, &cell, &role);
			strbuf_reset(&text);
			if (ops->columns[c].right)
				utf8_pad_right(&text, cell.buf, widths[c]);
			else
				utf8_pad(&text, cell.buf, widths[c]);
			draw_text(stdscr, ry, cx, text.buf, widths[c], selected ? ROLE_SELECTED : role, false);
			cx += widths[c] + 1;
		}
	}
	strbuf_free(&text);
	strbuf_free(&cell);
	free(widths);

	/* An empty list says why. */
	if (m->n_visible == 0 && rows_h > 1) {
		int room = rows_h - 2;
		if (p->error)
			pane_draw_message(y + 2, x, w, room, p->error, ROLE_ERROR);
		else if (p->loading)
			pane_draw_message(y + 2, x, w, 1, "Loading...", ROLE_DIM);
		else if (m->filter && m->n_rows)
			pane_draw_message(y + 2, x, w, 1, "No loaded row matches the filter (Esc clears it).", ROLE_DIM);
		else if (p->loaded_once)
			pane_draw_message(y + 2, x, w, 1, "Nothing here.", ROLE_DIM);
	} else if (p->error && rows_h > 1) {
		pane_draw_message(y + rows_h, x, w, 1, p->error, ROLE_ERROR);
	}
}

void pane_maybe_more(struct pane *p, int page_height)
{
	if (p->complete || p->loading || !p->ops->more || p->error)
		return;
	struct listmodel *m = &p->list;
	size_t margin = page_height > 0 ? (size_t)page_height : 10;
	if (m->cursor + margin >= m->n_visible)
		p->ops->more(p);
}

bool pane_key(struct pane *p, int key, int page_height)
{
	struct listmodel *m = &p->list;
	long page = page_height > 1 ? page_height - 1 : 1;
	switch (key) {
	case 'j':
	case K_DOWN:
		listmodel_move(m, 1);
		break;
	case 'k':
	case K_UP:
		listmodel_move(m, -1);
		break;
	case K_PGDN:
		listmodel_move(m, page);
		break;
	case K_PGUP:
		listmodel_move(m, -page);
		break;
	case 'g':
	case K_HOME:
		listmodel_set_cursor(m, 0);
		break;
	case 'G':
	case K_END:
		listmodel_set_cursor(m, m->n_visible ? m->n_visible - 1 : 0);
		break;
	case ' ':
		listmodel_toggle_mark(m);
		listmodel_move(m, 1);
		break;
	case 'r':
		pane_reload(p);
		break;
	default:
		return false;
	}
	pane_maybe_more(p, page_height);
	app_dirty(p->app);
	return true;
}

const struct cmd_def *pane_command_for_key(const struct pane *p, int key)
{
	const struct cmd_def *global = NULL;
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		const struct cmd_def *def = *d;
		if (!def->key || def->key[0] != key || def->key[1])
			continue;
		if (def->pane && strcmp(def->pane, p->ops->name) == 0)
			return def;
		if (!def->pane && !global)
			global = def;
	}
	/* A command without a pane has its key in every pane. */
	return global;
}
