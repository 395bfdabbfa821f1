/*
 * The endpoint exceptions list: the pane core inside a full-screen view, paged from the
 * server as you scroll. It opens when its first page arrives, so it can be started from
 * a form or the ':' prompt whatever the screen does meanwhile.
 */
#include "config.h"
#include "ui/panes/exceptview.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/textinput.h"
#include "ui/textview.h"
#include "ui/uifmt.h"
#include "api/exceptions.h"
#include "api/worker.h"
#include "cmd/exceptfmt.h"
#include "cmd/opsutil.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* Items per request when the command did not say. */
#define EXCEPT_PAGE 50

/* The list and the view around it. */
struct exlist {
	struct app *app;
	struct pane *pane;
	struct view *view;         /* NULL until the first page is in */
	char *filter, *sort_field, *sort_order;
	long first_page, next_page, per_page;
	struct exception_item *items;
	size_t n, cap;
	unsigned pending;          /* requests in flight (they hold this struct) */
	bool gone;                 /* the view is closed, or never opened: free when nothing is in flight */
	bool filtering;
	struct textinput input;
};

/* One page request. */
struct exjob {
	struct worker_sink sink;
	struct exlist *e;
	uint64_t generation;
};

static const struct pane_column except_columns[] = {
	{"NAME", 12, 32, 2, false},
	{"OS", 5, 16, 0, false},
	{"CONDITIONS", 16, 0, 6, false},
	{"TAGS", 4, 20, 1, false},
	{"UPDATED", 8, 9, 0, false},
};

static struct exlist *ex(struct pane *p)
{
	return p->data;
}

static void exlist_clear_items(struct exlist *e)
{
	for (size_t i = 0; i < e->n; i++)
		exceptions_item_clear(&e->items[i]);
	e->n = 0;
}

static void exlist_free(struct exlist *e)
{
	exlist_clear_items(e);
	free(e->items);
	pane_free(e->pane);
	free(e->filter);
	free(e->sort_field);
	free(e->sort_order);
	textinput_free(&e->input);
	free(e);
}

static void except_init(struct pane *p)
{
	(void)p;
}

static void except_fini(struct pane *p)
{
	(void)p;
}

static void except_drop(struct pane *p)
{
	struct exlist *e = ex(p);
	exlist_clear_items(e);
	e->next_page = e->first_page;
}

static void exlist_push_view(struct exlist *e);

/* A page arrived: keep it, or only let go when the view is gone. */
static void except_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct exjob *job = (struct exjob *)sink;
	struct exlist *e = job->e;
	struct pane *p = e->pane;
	uint64_t gen = job->generation;
	free(job);
	e->pending--;
	p->loading--;
	if (e->gone) {
		if (!e->pending)
			exlist_free(e);
		worker_done_free(done);
		return;
	}
	if (gen != p->generation) {
		worker_done_free(done);
		return;
	}
	if (done->res.status != API_OK) {
		if (!e->view) {
			app_message(e->app, APP_MSG_ERROR, "endpoint exceptions: %s", done->res.message);
			e->gone = true;
			if (!e->pending)
				exlist_free(e);
		} else {
			pane_set_error(p, done->res.message);
		}
		worker_done_free(done);
		return;
	}
	struct exception_page *pg = done->res.model;
	size_t keep = e->n;
	if (e->n + pg->n > e->cap) {
		e->cap = (e->n + pg->n) * 2;
		e->items = xreallocarray(e->items, e->cap, sizeof(*e->items));
	}
	for (size_t i = 0; i < pg->n; i++) {
		e->items[e->n++] = pg->items[i];
		memset(&pg->items[i], 0, sizeof(pg->items[i]));
	}
	p->total = pg->total;
	e->next_page++;
	/* An explicit --page shows that page alone; otherwise pages follow as you scroll. */
	p->complete = pg->n == 0 || (long long)e->n >= pg->total || e->first_page != 1;
	p->loaded_once = true;
	pane_rows_changed(p, e->n, keep);
	worker_done_free(done);
	if (!e->view)
		exlist_push_view(e);
}

static void except_more(struct pane *p)
{
	struct exlist *e = ex(p);
	struct exceptions_query q = {
		.filter = e->filter,
		.page = e->next_page,
		.per_page = e->per_page,
		.sort_field = e->sort_field,
		.sort_order = e->sort_order,
	};
	struct exjob *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = except_deliver;
	job->e = e;
	job->generation = p->generation;
	e->pending++;
	p->loading++;
	worker_submit(app_worker(e->app), exceptions_find_request(&q), p->generation, job);
	app_dirty(e->app);
}

static const char *except_row_id(struct pane *p, size_t row)
{
	return ex(p)->items[row].id;
}

static void except_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct exception_item *it = &ex(p)->items[row];
	char buf[32];
	char *s = NULL;
	switch (col) {
	case 0:
		uifmt_line(t, it->name);
		break;
	case 1:
		s = opsutil_join(it->os_types, it->n_os_types, ",");
		*role = ROLE_DIM;
		break;
	case 2:
		s = exceptfmt_conditions(it);
		break;
	case 3:
		s = opsutil_join(it->tags, it->n_tags, ",");
		*role = ROLE_DIM;
		break;
	case 4:
		timefmt_relative(it->updated_at, (time_t)app_now(p->app), buf, sizeof(buf));
		strbuf_puts(t, buf);
		*role = ROLE_DIM;
		break;
	}
	if (s) {
		uifmt_line(t, *s ? s : "-");
		free(s);
	}
}

static void except_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct exception_item *it = &ex(p)->items[row];
	char *cond = exceptfmt_conditions(it);
	strbuf_printf(out, "%s %s %s %s", it->name, it->description, cond, it->id);
	free(cond);
}

static void except_open(struct pane *p, size_t row)
{
	const struct exception_item *it = &ex(p)->items[row];
	struct view *v = textview_new(p->app, it->name);
	struct record r;
	record_init(&r);
	exceptfmt_record(&r, it);
	textview_add_record(v, &r);
	record_free(&r);
	app_push_view(p->app, v);
}

static const struct pane_ops except_pane_ops = {
	.name = "exceptions",
	.title = "Endpoint exceptions",
	.columns = except_columns,
	.n_columns = sizeof(except_columns) / sizeof(*except_columns),
	.init = except_init,
	.fini = except_fini,
	.drop = except_drop,
	.more = except_more,
	.row_id = except_row_id,
	.cell = except_cell,
	.row_text = except_row_text,
	.open = except_open,
};

static void exview_draw(struct view *v, int y, int x, int h, int w)
{
	struct exlist *e = v->data;
	struct pane *p = e->pane;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "Endpoint exceptions  %zu of %lld", e->n, p->total < 0 ? 0 : p->total);
	if (e->first_page != 1)
		strbuf_printf(&sb, " (page %ld)", e->first_page);
	if (e->filter)
		strbuf_printf(&sb, "  filter: %s", e->filter);
	if (e->sort_field || e->sort_order)
		strbuf_printf(&sb, "  sort: %s %s", e->sort_field ? e->sort_field : "", e->sort_order ? e->sort_order : "");
	if (p->list.filter)
		strbuf_printf(&sb, "  / %s: %zu shown", p->list.filter, p->list.n_visible);
	draw_fill(stdscr, y, x, w, ROLE_TITLE);
	draw_untrusted(stdscr, y, x + 1, sb.buf, w - 2, ROLE_TITLE, false);
	strbuf_free(&sb);
	int list_h = h - 1 - (e->filtering ? 1 : 0);
	pane_draw(p, y + 1, x, list_h, w);
	if (e->filtering) {
		draw_fill(stdscr, y + h - 1, x, w, ROLE_NORMAL);
		draw_text(stdscr, y + h - 1, x, "/", 1, ROLE_INPUT, false);
		textinput_draw(&e->input, y + h - 1, x + 1, 1, w - 1, ROLE_INPUT, true);
	}
}

static bool exview_key(struct view *v, int key)
{
	struct exlist *e = v->data;
	struct pane *p = e->pane;
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	app_dirty(v->app);
	if (e->filtering) {
		if (key == K_ESC) {
			listmodel_set_filter(&p->list, NULL);
			e->filtering = false;
		} else if (keys_is_enter(key)) {
			e->filtering = false;
		} else if (textinput_key(&e->input, key)) {
			listmodel_set_filter(&p->list, e->input.text.buf);
			pane_maybe_more(p, page);
		}
		return true;
	}
	if (keys_is_enter(key)) {
		size_t row = listmodel_cursor_row(&p->list);
		if (row != (size_t)-1)
			except_open(p, row);
		return true;
	}
	switch (key) {
	case '/':
		e->filtering = true;
		textinput_set(&e->input, p->list.filter ? p->list.filter : "");
		return true;
	case K_ESC:
		if (p->list.filter) {
			listmodel_set_filter(&p->list, NULL);
			return true;
		}
		app_close_view(v->app, v);
		return true;
	case 'q':
		app_close_view(v->app, v);
		return true;
	default:
		return pane_key(p, key, page);
	}
}

static void exview_destroy(struct view *v)
{
	struct exlist *e = v->data;
	e->view = NULL;
	e->gone = true;
	/* Pages still in flight hold the list: the last one frees it. */
	if (!e->pending)
		exlist_free(e);
}

static const char *exview_hints(struct view *v)
{
	(void)v;
	return "j/k move  Enter details  / filter loaded  r reload  q back";
}

static const struct view_ops exview_ops = {
	.draw = exview_draw,
	.key = exview_key,
	.destroy = exview_destroy,
	.hints = exview_hints,
};

static void exlist_push_view(struct exlist *e)
{
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &exview_ops;
	v->app = e->app;
	v->data = e;
	v->fullscreen = true;
	e->view = v;
	app_push_view(e->app, v);
}

void exceptview_open(struct app *a, const struct exceptions_query *q)
{
	struct exlist *e = xcalloc(1, sizeof(*e));
	e->app = a;
	e->filter = xstrdup(q->filter);
	e->sort_field = xstrdup(q->sort_field);
	e->sort_order = xstrdup(q->sort_order);
	e->first_page = q->page >= 1 ? q->page : 1;
	e->next_page = e->first_page;
	e->per_page = q->per_page >= 1 ? q->per_page : EXCEPT_PAGE;
	textinput_init(&e->input, false);
	e->pane = pane_new(a, &except_pane_ops);
	e->pane->data = e;
	except_more(e->pane);
}
