#include "config.h"
#include "ui/pane.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/prompt.h"
#include "api/worker.h"
#include "cmd/parse.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A reload fetches pages until it holds as many rows as before, up to this many. */
#define PANE_RESTORE_MAX 2000
/* Most rows kept flagged new: past it, the oldest flags go. */
#define PANE_FRESH_MAX 2000

void pane_cell(const struct pane *p, const void *row, size_t c, struct strbuf *out)
{
	struct column_ctx cx = {.now = app_now(p->app)};
	p->ops->columns[c].cell(row, &cx, out);
}

static void pane_filter_text(void *ctx, size_t i, struct strbuf *out)
{
	struct pane *p = ctx;
	const void *row = pane_row(p, i);
	if (p->ops->row_text) {
		p->ops->row_text(row, out);
		return;
	}
	for (size_t c = 0; c < p->n_columns; c++) {
		pane_cell(p, row, c, out);
		strbuf_putc(out, ' ');
	}
}

/* "label\tdetail" of a row: the pane's own, else its first two cells. */
static void pane_row_label(struct pane *p, const void *row, struct strbuf *out)
{
	if (p->ops->row_label) {
		p->ops->row_label(row, out);
		return;
	}
	for (size_t c = 0, shown = 0; c < p->n_columns && shown < 2; c++) {
		if (p->ops->columns[c].flags & COLUMN_BATCH_ONLY)
			continue;
		if (shown++)
			strbuf_putc(out, '\t');
		pane_cell(p, row, c, out);
	}
}

struct pane *pane_new(struct app *a, const struct pane_ops *ops)
{
	struct pane *p = xcalloc(1, sizeof(*p));
	p->ops = ops;
	p->app = a;
	p->total = -1;
	p->n_columns = column_count(ops->columns);
	rowset_init(&p->rows, ops->rows);
	listmodel_init(&p->list, pane_filter_text, NULL, p);
	if (ops->query)
		query_init(&p->query, ops->query);
	if (ops->init)
		ops->init(p);
	return p;
}

static void pane_forget_remarks(struct pane *p)
{
	for (size_t i = 0; i < p->n_remark; i++)
		free(p->remark[i]);
	free(p->remark);
	p->remark = NULL;
	p->n_remark = 0;
}

static void pane_destroy(struct pane *p)
{
	if (p->ops->fini)
		p->ops->fini(p);
	rowset_free(&p->rows);
	listmodel_free(&p->list);
	if (p->ops->query)
		query_free(&p->query);
	pane_forget_remarks(p);
	for (size_t i = 0; i < p->n_fresh; i++)
		free(p->fresh[i]);
	free(p->fresh);
	free(p->seen_upto);
	free(p->error);
	free(p->stopped);
	fetch_count_free(&p->fetched);
	free(p->reselect);
	free(p);
}

void pane_free(struct pane *p)
{
	if (!p)
		return;
	/* Pages still on the way hold the pane: the last one to come back frees it. */
	if (p->loading) {
		p->gone = true;
		return;
	}
	pane_destroy(p);
}

void *pane_row(const struct pane *p, size_t i)
{
	return rowset_at(&p->rows, i);
}

void *pane_cursor_row(const struct pane *p)
{
	size_t r = listmodel_cursor_row(&p->list);
	return r == (size_t)-1 ? NULL : pane_row(p, r);
}

const void **pane_selection(const struct pane *p, size_t *n)
{
	size_t *idx = listmodel_selection(&p->list, n);
	const void **rows = xcalloc(*n + 1, sizeof(void *));
	for (size_t i = 0; i < *n; i++)
		rows[i] = pane_row(p, idx[i]);
	free(idx);
	return rows;
}

void *pane_find(const struct pane *p, const char *id)
{
	size_t i = rowset_find(&p->rows, id);
	return i == ROWSET_NONE ? NULL : pane_row(p, i);
}

bool pane_update_row(struct pane *p, void *row)
{
	size_t i = rowset_find(&p->rows, p->ops->rows->id(row));
	if (i == ROWSET_NONE)
		return false;
	rowset_replace(&p->rows, i, row);
	app_dirty(p->app);
	return true;
}

void pane_set_error(struct pane *p, const char *msg)
{
	free(p->error);
	p->error = msg ? xstrdup(msg) : NULL;
	app_dirty(p->app);
}

/* ---- rows that came in new ---- */

static size_t pane_fresh_at(const struct pane *p, const char *id)
{
	for (size_t i = 0; id && i < p->n_fresh; i++)
		if (!strcmp(p->fresh[i], id))
			return i;
	return (size_t)-1;
}

static void pane_fresh_add(struct pane *p, const void *row)
{
	const char *id = p->ops->rows->id(row);
	if (!id || pane_fresh_at(p, id) != (size_t)-1)
		return;
	if (p->n_fresh == PANE_FRESH_MAX) {
		free(p->fresh[0]);
		memmove(p->fresh, p->fresh + 1, (p->n_fresh - 1) * sizeof(char *));
		p->n_fresh--;
	}
	p->fresh = xreallocarray(p->fresh, p->n_fresh + 1, sizeof(char *));
	p->fresh[p->n_fresh++] = xstrdup(id);
}

bool pane_is_fresh(const struct pane *p, const void *row)
{
	return p->n_fresh && pane_fresh_at(p, p->ops->rows->id(row)) != (size_t)-1;
}

size_t pane_fresh_count(const struct pane *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n_fresh; i++)
		n += rowset_find(&p->rows, p->fresh[i]) != ROWSET_NONE;
	return n;
}

/* The newest seen time moves up to t. */
static void pane_seen_time(struct pane *p, const char *t)
{
	if (t && (!p->seen_upto || timefmt_cmp(t, p->seen_upto) > 0)) {
		free(p->seen_upto);
		p->seen_upto = xstrdup(t);
	}
}

/* The cursor is on a row: it is seen. */
static void pane_seen_cursor(struct pane *p)
{
	const void *row = pane_cursor_row(p);
	if (!row)
		return;
	size_t i = pane_fresh_at(p, p->ops->rows->id(row));
	if (i != (size_t)-1) {
		free(p->fresh[i]);
		memmove(p->fresh + i, p->fresh + i + 1, (p->n_fresh - i - 1) * sizeof(char *));
		p->n_fresh--;
	}
	if (p->ops->row_time)
		pane_seen_time(p, p->ops->row_time(row));
}

void pane_set_seen_marker(struct pane *p, const char *time)
{
	free(p->seen_upto);
	p->seen_upto = xstrdup(time);
}

/*
 * Rows [from, to) of the first load are in: those after the last run's marker came in while the
 * user was away. With no marker, what loads is what the user looks at now: its newest row is
 * where seeing starts. Later reloads flag nothing (what they bring, the user's own changes
 * included, is no news); refreshes flag what they bring themselves.
 */
static void pane_flag_since(struct pane *p, size_t from, size_t to)
{
	if (!p->ops->row_time || p->reloaded)
		return;
	if (!p->seen_upto) {
		for (size_t i = from; i < to; i++)
			pane_seen_time(p, p->ops->row_time(pane_row(p, i)));
		return;
	}
	for (size_t i = from; i < to; i++) {
		const char *t = p->ops->row_time(pane_row(p, i));
		if (t && timefmt_cmp(t, p->seen_upto) > 0)
			pane_fresh_add(p, pane_row(p, i));
	}
}

static void pane_fetch(struct pane *p);

void pane_reload(struct pane *p)
{
	if (p->loaded_once)
		p->reloaded = true;
	/* A reload already under way keeps what the first one saved: the user's view before either. */
	if (!p->reselect && !p->n_remark) {
		const void *cur = pane_cursor_row(p);
		const char *id = cur ? p->ops->rows->id(cur) : NULL;
		p->reselect = id ? xstrdup(id) : NULL;
		for (size_t i = 0; i < p->rows.n; i++) {
			const char *mid = p->list.marks && p->list.marks[i] ? p->ops->rows->id(pane_row(p, i)) : NULL;
			if (!mid)
				continue;
			p->remark = xreallocarray(p->remark, p->n_remark + 1, sizeof(char *));
			p->remark[p->n_remark++] = xstrdup(mid);
		}
		p->restore_rows = p->rows.n < PANE_RESTORE_MAX ? p->rows.n : PANE_RESTORE_MAX;
	}
	p->complete = false;
	p->pages = 0;
	fetch_count_free(&p->fetched);
	free(p->stopped);
	p->stopped = NULL;
	p->generation++;
	pane_fetch(p);
}

/* Mark the rows from first on whose ids were marked before the reload. */
static void pane_apply_remarks(struct pane *p, size_t first)
{
	for (size_t k = 0; k < p->n_remark; k++) {
		if (!p->remark[k])
			continue;
		size_t i = rowset_find(&p->rows, p->remark[k]);
		if (i == ROWSET_NONE || i < first)
			continue;
		listmodel_set_mark(&p->list, i, true);
		free(p->remark[k]);
		p->remark[k] = NULL;
	}
}

/* The reload has brought back what it could: say which marks had no row to go back to. */
static void pane_restored(struct pane *p)
{
	size_t lost = 0;
	for (size_t k = 0; k < p->n_remark; k++)
		lost += p->remark[k] != NULL;
	if (lost)
		app_message(p->app, APP_MSG_INFO, "%zu marked row%s no longer in the list: unmarked (%zu still marked).", lost,
			    lost == 1 ? " is" : "s are", p->list.n_marked);
	pane_forget_remarks(p);
	free(p->reselect);
	p->reselect = NULL;
	p->restore_rows = 0;
}

/* One page request of a pane. */
struct pane_job {
	struct worker_sink sink;
	struct pane *pane;
	bool newer;   /* rows newer than the top one */
};

/* A page is in: its rows join the list (the first page of a reload replaces it); bytes is its size on the wire. */
static void pane_take(struct pane *p, struct pane_page pg, size_t bytes)
{
	if (p->pages == 0) {
		/* The first page of a reload replaces what was shown (kept until now, in case it failed). */
		rowset_clear(&p->rows);
		listmodel_set_rows(&p->list, 0, 0);
	}
	size_t before = p->rows.n;
	size_t added = rowset_append(&p->rows, pg.rows, pg.n);
	if (p->pages == 0)
		p->bad = 0;
	p->bad += pg.bad;
	if (pg.bad)
		app_message(p->app, APP_MSG_ERROR, "%zu row%s of %s could not be read: shown as placeholders that say why.",
			    pg.bad, pg.bad == 1 ? "" : "s", p->ops->title);
	p->pages++;
	p->total = pg.total;
	p->total_floor = pg.total_floor;
	p->loaded_once = true;
	p->last_good = app_now(p->app);
	pane_set_error(p, NULL);
	/* A page that brings nothing new ends the list: a server that repeats itself must not page forever. */
	p->complete = pg.last || pg.n == 0 || !added || (pg.total >= 0 && (long long)p->rows.n >= pg.total);
	/* Nor one that never ends: past the whole-fetch limits, loading stops and says which limit stopped it. */
	char *stop = fetch_count_page(&p->fetched, &app_profile(p->app)->fetch, pg.n, bytes);
	if (stop && !p->complete) {
		p->complete = true;
		free(p->stopped);
		p->stopped = stop;
		app_message(p->app, APP_MSG_ERROR, "%s: %s", p->ops->title, stop);
	} else {
		free(stop);
	}
	listmodel_set_rows(&p->list, p->rows.n, before);
	pane_flag_since(p, before, p->rows.n);
	pane_apply_remarks(p, before);
	if (p->reselect) {
		size_t i = rowset_find(&p->rows, p->reselect);
		if (i != ROWSET_NONE && i >= before)
			listmodel_select_row(&p->list, i);
	}
	bool restoring = p->reselect || p->n_remark;
	if (!restoring)
		return;
	if (!p->complete && p->rows.n < p->restore_rows)
		pane_fetch(p);
	else
		pane_restored(p);
}

/* Rows newer than the top one are in: they go on top, new, and the screen does not move. */
static void pane_take_newer(struct pane *p, struct pane_page pg)
{
	size_t added = rowset_prepend(&p->rows, pg.rows, pg.n);
	p->last_good = app_now(p->app);
	pane_set_error(p, NULL);
	if (!added)
		return;
	if (p->total >= 0)
		p->total += (long long)added;
	listmodel_prepend(&p->list, added);
	size_t urgent = 0;
	const void *first_urgent = NULL;
	for (size_t i = 0; i < added; i++) {
		const void *row = pane_row(p, i);
		pane_fresh_add(p, row);
		if (p->ops->urgent && p->ops->urgent(row) && !urgent++)
			first_urgent = row;
	}
	struct strbuf label;
	strbuf_init(&label);
	if (first_urgent)
		pane_row_label(p, first_urgent, &label);
	app_rows_arrived(p->app, p, added, urgent, label.buf);
	strbuf_free(&label);
	/* More came than one request brings: the rows between them and the old top are fetched by a reload. */
	if (!pg.last)
		pane_reload(p);
}

static void pane_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct pane_job *job = (struct pane_job *)sink;
	struct pane *p = job->pane;
	bool newer = job->newer;
	free(job);
	p->loading--;
	if (p->gone) {
		worker_done_free(done);
		if (!p->loading)
			pane_destroy(p);
		return;
	}
	if (done->generation == p->generation) {
		if (done->res.status != API_OK) {
			/* The rows already shown stay; the pane says it is stale and why. */
			pane_set_error(p, done->res.message);
			app_note_error(p->app, done->res.message);
			if (p->reselect || p->n_remark)
				pane_restored(p);
		} else {
			struct pane_page pg = {.total = -1, .newer = newer};
			p->ops->page(p, done->res.model, &pg);
			if (newer)
				pane_take_newer(p, pg);
			else
				pane_take(p, pg, done->res.body_len);
		}
	}
	worker_done_free(done);
	app_dirty(p->app);
}

static void pane_fetch(struct pane *p)
{
	if (p->ops->local) {
		struct pane_page pg = {.total = -1};
		p->ops->local(p, &pg);
		pane_take(p, pg, 0);
		free(pg.rows);
		return;
	}
	const void *last = p->pages && p->rows.n ? pane_row(p, p->rows.n - 1) : NULL;
	struct api_request *req = p->ops->request(p, last);
	if (!req)
		return;
	struct pane_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = pane_deliver;
	job->pane = p;
	p->loading++;
	worker_submit(app_worker(p->app), req, p->generation, job);
	app_dirty(p->app);
}

bool pane_refresh_new(struct pane *p)
{
	if (p->loading || !p->loaded_once || p->error)
		return false;
	struct api_request *req = p->ops->newer && p->rows.n ? p->ops->newer(p, pane_row(p, 0)) : NULL;
	if (!req)
		return false;
	struct pane_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = pane_deliver;
	job->pane = p;
	job->newer = true;
	p->loading++;
	worker_submit(app_worker(p->app), req, p->generation, job);
	return true;
}

void pane_maybe_more(struct pane *p, int page_height)
{
	if (p->complete || p->loading || p->error || !p->loaded_once)
		return;
	struct listmodel *m = &p->list;
	size_t margin = page_height > 0 ? (size_t)page_height : 10;
	if (m->cursor + margin >= m->n_visible)
		pane_fetch(p);
}

bool pane_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	if (!p->ops->query || strcmp(def->words, p->ops->query->command) != 0)
		return false;
	if (query_set_args(&p->query, argc, argv, err) < 0)
		return false;
	pane_reload(p);
	return true;
}

void pane_summary(struct pane *p, struct strbuf *out)
{
	if (p->loaded_once)
		strbuf_printf(out, "showing %zu of %s%lld", p->rows.n, p->total_floor ? "at least " : "",
			      p->total >= 0 ? p->total : (long long)p->rows.n);
	size_t fresh = pane_fresh_count(p);
	if (fresh)
		strbuf_printf(out, "  %zu new", fresh);
	if (p->bad)
		strbuf_printf(out, " (%zu unreadable)", p->bad);
	if (p->ops->summary) {
		strbuf_puts(out, "  ");
		p->ops->summary(p, out);
	}
	if (p->ops->query) {
		struct strbuf f;
		strbuf_init(&f);
		query_describe(&p->query, &f);
		if (f.len)
			strbuf_printf(out, "  %s", f.buf);
		else if (p->ops->query->cycle_arg)
			strbuf_puts(out, "  all");
		strbuf_reset(&f);
		query_sort_text(&p->query, &f);
		if (f.len)
			strbuf_printf(out, "  sort: %s", f.buf);
		strbuf_free(&f);
	}
	if (p->error && p->loaded_once) {
		char when[32];
		time_t t = (time_t)p->last_good;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(when, sizeof(when), "%H:%M:%S", &tm);
		strbuf_printf(out, "  [stale: last loaded %s]", when);
	}
}

/* Ask before marking every row the filter shows. */
static void pane_mark_all_answer(void *ctx, bool yes)
{
	struct pane *p = ctx;
	if (!yes)
		return;
	for (size_t i = 0; i < p->list.n_visible; i++)
		listmodel_set_mark(&p->list, p->list.visible[i], true);
	app_message(p->app, APP_MSG_INFO, "%zu rows marked.", p->list.n_marked);
}

bool pane_request(struct pane *p, enum action_req req, int page_height)
{
	struct listmodel *m = &p->list;
	long page = page_height > 1 ? page_height - 1 : 1;
	switch (req) {
	case REQ_MOVE_DOWN:
		listmodel_move(m, 1);
		break;
	case REQ_MOVE_UP:
		listmodel_move(m, -1);
		break;
	case REQ_HALF_DOWN:
		listmodel_move(m, page / 2 ? page / 2 : 1);
		break;
	case REQ_HALF_UP:
		listmodel_move(m, -(page / 2 ? page / 2 : 1));
		break;
	case REQ_PAGE_DOWN:
		listmodel_move(m, page);
		break;
	case REQ_PAGE_UP:
		listmodel_move(m, -page);
		break;
	case REQ_FIRST:
		listmodel_set_cursor(m, 0);
		break;
	case REQ_LAST:
		listmodel_set_cursor(m, m->n_visible ? m->n_visible - 1 : 0);
		break;
	case REQ_MARK:
		listmodel_toggle_mark(m);
		listmodel_move(m, 1);
		break;
	case REQ_MARK_ALL: {
		if (!m->n_visible)
			return true;
		char *q = xasprintf("Mark all %zu rows%s%s%s (of %zu loaded)?", m->n_visible, m->filter ? " matching \"" : "",
				    m->filter ? m->filter : "", m->filter ? "\"" : "", m->n_rows);
		app_confirm(p->app, q, pane_mark_all_answer, p);
		free(q);
		return true;
	}
	case REQ_CLEAR:
		if (m->filter)
			listmodel_set_filter(m, NULL);
		else if (m->n_marked)
			listmodel_clear_marks(m);
		else
			return false;
		break;
	case REQ_OPEN: {
		pane_seen_cursor(p);
		const void *row = pane_cursor_row(p);
		if (row && p->ops->open)
			p->ops->open(p, row);
		else if (row && p->ops->detail_request && p->ops->rows->id(row))
			pane_open_id(p, p->ops->rows->id(row));
		return true;
	}
	case REQ_RELOAD:
		pane_reload(p);
		break;
	case REQ_SERVER_FILTERS: {
		if (!p->ops->query)
			return false;
		struct strbuf line;
		strbuf_init(&line);
		query_line(&p->query, &line);
		strbuf_putc(&line, ' ');
		prompt_open(p->app, line.buf);
		strbuf_free(&line);
		return true;
	}
	case REQ_SORT_NEXT:
		if (!p->ops->query || !query_sort_next(&p->query))
			return false;
		pane_reload(p);
		break;
	case REQ_SORT_REVERSE:
		if (!p->ops->query || !query_sort_reverse(&p->query))
			return false;
		pane_reload(p);
		break;
	case REQ_CYCLE_VIEW:
		if (!p->ops->query || !query_cycle(&p->query))
			return false;
		pane_reload(p);
		break;
	default:
		return false;
	}
	pane_seen_cursor(p);
	pane_maybe_more(p, page_height);
	app_dirty(p->app);
	return true;
}

void pane_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out)
{
	if (kind == CMD_ID_NONE || kind != p->ops->id_kind)
		return;
	struct strbuf label;
	strbuf_init(&label);
	for (size_t i = 0; i < p->rows.n; i++) {
		const void *row = pane_row(p, i);
		const char *id = p->ops->rows->id(row);
		if (!id)
			continue;
		strbuf_reset(&label);
		pane_row_label(p, row, &label);
		strbuf_printf(out, "%s\t%s\n", id, label.buf);
	}
	strbuf_free(&label);
}

char *pane_arg_value(struct pane *p, const struct cmd_arg *arg, const void *const *rows, size_t n)
{
	if (!n)
		return NULL;
	if (p->ops->arg_value) {
		char *v = p->ops->arg_value(p, arg, rows, n);
		if (v)
			return v;
	}
	if (arg->ids == CMD_ID_NONE || arg->ids != p->ops->id_kind)
		return NULL;
	if (!(arg->flags & CMD_MULTI))
		return p->ops->rows->id(rows[0]) ? xstrdup(p->ops->rows->id(rows[0])) : NULL;
	/* Every marked row with an id (a placeholder row has none): a form splits the list at commas. */
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		if (p->ops->rows->id(rows[i]))
			strbuf_printf(&sb, "%s%s", sb.len ? "," : "", p->ops->rows->id(rows[i]));
	if (!sb.len) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

void pane_open_id(struct pane *p, const char *id)
{
	if (p->ops->detail_request)
		detail_open(p, id);
}
