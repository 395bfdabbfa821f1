#include "config.h"
#include "ui/dialog.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listmodel.h"
#include "ui/textinput.h"
#include "api/worker.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

struct picker_item {
	char *id, *label, *detail;
	bool twin;   /* another item has the same label: the id tells them apart */
};

struct picker {
	char *title;
	struct picker_item *items;
	size_t n;
	struct listmodel list;
	struct textinput filter;
	bool loading;
	char *error;
	picker_fn chosen;
	void *ctx;
	void (*ctx_free)(void *);
};

static void picker_text(void *ctx, size_t row, struct strbuf *out)
{
	struct picker *p = ctx;
	strbuf_printf(out, "%s %s %s", p->items[row].label, p->items[row].detail, p->items[row].id);
}

void picker_add(struct view *v, const char *id, const char *label, const char *detail)
{
	struct picker *p = v->data;
	p->items = xreallocarray(p->items, p->n + 1, sizeof(*p->items));
	p->items[p->n].id = xstrdup(id);
	p->items[p->n].label = sanitize_str(label ? label : id, SANITIZE_LINE);
	p->items[p->n].detail = sanitize_str(detail ? detail : "", SANITIZE_LINE);
	p->items[p->n].twin = false;
	for (size_t i = 0; i < p->n; i++) {
		if (!strcmp(p->items[i].label, p->items[p->n].label)) {
			p->items[i].twin = true;
			p->items[p->n].twin = true;
		}
	}
	p->n++;
	listmodel_set_rows(&p->list, p->n, p->n - 1);
	app_dirty(v->app);
}

void picker_loaded(struct view *v, const char *err)
{
	struct picker *p = v->data;
	p->loading = false;
	free(p->error);
	p->error = err ? sanitize_str(err, SANITIZE_TEXT) : NULL;
	app_dirty(v->app);
}

void *picker_ctx(struct view *v)
{
	return ((struct picker *)v->data)->ctx;
}

/* A request filling a picker. */
struct picker_job {
	struct worker_sink sink;
	struct app *app;
	struct view *picker;
	unsigned long serial;
	const char *(*fill)(struct view *v, void *model);
};

static void picker_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct picker_job *job = (struct picker_job *)sink;
	struct view *v = app_find_view(job->app, job->picker, job->serial);
	if (v && d->res.status != API_OK)
		picker_loaded(v, d->res.message);
	else if (v)
		picker_loaded(v, job->fill(v, d->res.model));
	worker_done_free(d);
	free(job);
}

void picker_load(struct view *v, struct api_request *req, const char *(*fill)(struct view *v, void *model))
{
	struct picker_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = picker_deliver;
	job->app = v->app;
	job->picker = v;
	job->serial = app_view_serial(v->app, v);
	job->fill = fill;
	worker_submit(app_worker(v->app), req, 0, job);
}

static void picker_draw(struct view *v, int y, int x, int h, int w)
{
	struct picker *p = v->data;
	/* The whole screen but a margin: labels are long (case titles, host names). */
	int bw = w - 4, bh = h - 2;
	int by = y + (h - bh) / 2, bx = x + (w - bw) / 2;
	for (int i = 0; i < bh; i++)
		draw_fill(stdscr, by + i, bx, bw, ROLE_NORMAL);
	WINDOW *bwin = derwin(stdscr, bh, bw, by, bx);
	if (bwin) {
		draw_box(bwin, p->title);
		delwin(bwin);
	}
	draw_text(stdscr, by + 1, bx + 2, "Filter:", 7, ROLE_LABEL, false);
	textinput_draw(&p->filter, by + 1, bx + 10, 1, bw - 12, ROLE_INPUT, true);
	int rows = bh - 3;
	listmodel_scroll(&p->list, rows);
	/* Labels as wide as the widest shown (up to two thirds), the detail in the rest. */
	int inner = bw - 5, lw = 0;
	for (int i = 0; i < rows && p->list.top + (size_t)i < p->list.n_visible; i++) {
		int lwi = utf8_width(p->items[p->list.visible[p->list.top + (size_t)i]].label);
		if (lwi > lw)
			lw = lwi;
	}
	if (lw > inner * 2 / 3)
		lw = inner * 2 / 3;
	struct strbuf cell, detail;
	strbuf_init(&cell);
	strbuf_init(&detail);
	for (int i = 0; i < rows; i++) {
		size_t pos = p->list.top + (size_t)i;
		int ry = by + 2 + i;
		if (pos >= p->list.n_visible)
			continue;
		const struct picker_item *it = &p->items[p->list.visible[pos]];
		bool sel = pos == p->list.cursor;
		draw_fill(stdscr, ry, bx + 1, bw - 2, sel ? ROLE_SELECTED : ROLE_NORMAL);
		strbuf_reset(&cell);
		utf8_pad(&cell, it->label, lw);
		draw_text(stdscr, ry, bx + 2, cell.buf, lw, sel ? ROLE_SELECTED : ROLE_NORMAL, false);
		strbuf_reset(&detail);
		strbuf_puts(&detail, it->detail);
		if (it->twin && strcmp(it->id, it->label)) {
			char *id = sanitize_str(it->id, SANITIZE_LINE);
			strbuf_printf(&detail, "%s%s", detail.len ? " · " : "", id);
			free(id);
		}
		strbuf_reset(&cell);
		utf8_pad(&cell, detail.buf, inner - lw);
		draw_text(stdscr, ry, bx + 3 + lw, cell.buf, inner - lw, sel ? ROLE_SELECTED : ROLE_DIM, false);
	}
	strbuf_free(&cell);
	strbuf_free(&detail);
	const char *msg = p->error ? p->error : p->loading ? "Loading..." : p->list.n_visible ? NULL : "Nothing to choose from.";
	if (msg)
		draw_text(stdscr, by + 2 + (p->list.n_visible ? rows - 1 : 0), bx + 2, msg, bw - 4,
			  p->error ? ROLE_ERROR : ROLE_DIM, false);
}

/* Typing filters the items. */
static bool picker_key(struct view *v, int key)
{
	struct picker *p = v->data;
	if (!textinput_key(&p->filter, key))
		return false;
	listmodel_set_filter(&p->list, p->filter.text.buf);
	app_dirty(v->app);
	return true;
}

static bool picker_request(struct view *v, enum action_req req)
{
	struct picker *p = v->data;
	switch (req) {
	case REQ_CANCEL:
		app_close_view(v->app, v);
		return true;
	case REQ_CHOOSE: {
		size_t row = listmodel_cursor_row(&p->list);
		if (row == (size_t)-1)
			return true;
		/* ctx lives as long as the picker: choose first, then close, unless the choice already
		 * closed it (switching panes closes every view). */
		struct app *a = v->app;
		unsigned long serial = v->serial;
		p->chosen(p->ctx, p->items[row].id, p->items[row].label);
		if (app_find_view(a, v, serial))
			app_close_view(a, v);
		return true;
	}
	case REQ_MOVE_DOWN:
		listmodel_move(&p->list, 1);
		break;
	case REQ_MOVE_UP:
		listmodel_move(&p->list, -1);
		break;
	case REQ_PAGE_DOWN:
	case REQ_HALF_DOWN:
		listmodel_move(&p->list, 10);
		break;
	case REQ_PAGE_UP:
	case REQ_HALF_UP:
		listmodel_move(&p->list, -10);
		break;
	case REQ_FIRST:
		listmodel_set_cursor(&p->list, 0);
		break;
	case REQ_LAST:
		listmodel_set_cursor(&p->list, p->list.n_visible ? p->list.n_visible - 1 : 0);
		break;
	default:
		return false;
	}
	app_dirty(v->app);
	return true;
}

static void picker_destroy(struct view *v)
{
	struct picker *p = v->data;
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].id);
		free(p->items[i].label);
		free(p->items[i].detail);
	}
	free(p->items);
	listmodel_free(&p->list);
	textinput_free(&p->filter);
	free(p->title);
	free(p->error);
	if (p->ctx && p->ctx_free)
		p->ctx_free(p->ctx);
	free(p);
}

static const struct view_ops picker_ops = {
	.where = WHERE_PICKER,
	.draw = picker_draw,
	.key = picker_key,
	.request = picker_request,
	.destroy = picker_destroy,
};

struct view *picker_new(struct app *a, const char *title, picker_fn chosen, void *ctx, void (*ctx_free)(void *))
{
	struct picker *p = xcalloc(1, sizeof(*p));
	p->title = sanitize_str(title, SANITIZE_LINE);
	p->chosen = chosen;
	p->ctx = ctx;
	p->ctx_free = ctx_free;
	p->loading = true;
	listmodel_init(&p->list, picker_text, NULL, p);
	textinput_init(&p->filter, false);
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &picker_ops;
	v->app = a;
	v->data = p;
	v->overlay = true;
	return v;
}
