#include "config.h"
#include "ui/detail.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "api/worker.h"
#include "core/xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct detail {
	struct app *app;
	struct pane *pane;
	struct view *view;
	char *id;
	void *row;          /* the loaded object (row_size bytes), or NULL */
	void *extra;        /* the pane's parts */
	unsigned pending;   /* requests in flight: they hold this struct */
	uint64_t generation; /* bumped by each reload: answers to requests from before it are dropped */
	bool gone;          /* the view is closed: free when nothing is in flight */
	struct detail *next; /* open detail views, for detail_find */
};

/* Open detail views. */
static struct detail *detail_open_list;

/* One request of a detail view. */
struct detail_job {
	struct worker_sink sink;
	struct detail *d;
	void (*done)(struct detail *d, struct worker_done *w);
};

struct pane *detail_pane(const struct detail *d)
{
	return d->pane;
}

const char *detail_id(const struct detail *d)
{
	return d->id;
}

const void *detail_row(const struct detail *d)
{
	return d->row ? d->row : pane_find(d->pane, d->id);
}

void **detail_extra(struct detail *d)
{
	return &d->extra;
}

static void detail_unlink(struct detail *d)
{
	for (struct detail **p = &detail_open_list; *p; p = &(*p)->next) {
		if (*p == d) {
			*p = d->next;
			return;
		}
	}
}

static void detail_free(struct detail *d)
{
	if (d->pane->ops->detail_free)
		d->pane->ops->detail_free(d);
	if (d->row) {
		d->pane->ops->rows->release(d->row);
		free(d->row);
	}
	free(d->id);
	free(d);
}

void detail_redraw(struct detail *d)
{
	if (d->gone)
		return;
	textview_clear(d->view, true);
	d->pane->ops->detail_fill(d, d->view, detail_row(d));
	if (d->pane->ops->link) {
		char *url = d->pane->ops->link(d->pane, detail_row(d), d->id);
		textview_set_link(d->view, url);
		free(url);
	}
	textview_set_loading(d->view, d->pending > 0);
}

static void detail_deliver(struct worker_sink *sink, struct worker_done *w)
{
	struct detail_job *job = (struct detail_job *)sink;
	struct detail *d = job->d;
	d->pending--;
	if (d->gone) {
		if (!d->pending)
			detail_free(d);
	} else {
		if (w->generation == d->generation)
			job->done(d, w);
		detail_redraw(d);
	}
	free(job);
	worker_done_free(w);
}

void detail_submit(struct detail *d, struct api_request *req, void (*done)(struct detail *d, struct worker_done *w))
{
	struct detail_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = detail_deliver;
	job->d = d;
	job->done = done;
	d->pending++;
	worker_submit(app_worker(d->app), req, d->generation, job);
	textview_set_loading(d->view, true);
}

/* The object itself came back. */
static void detail_got_row(struct detail *d, struct worker_done *w)
{
	const struct pane_ops *ops = d->pane->ops;
	if (w->res.status != API_OK) {
		app_message(d->app, APP_MSG_ERROR, "%s", w->res.message);
		return;
	}
	void *row = ops->detail_row ? ops->detail_row(w->res.model) : w->res.model;
	if (!row) {
		app_message(d->app, APP_MSG_ERROR, "%s %s is no longer there.", ops->title, d->id);
		return;
	}
	if (!d->row)
		d->row = xcalloc(1, ops->rows->size);
	else
		ops->rows->release(d->row);
	memcpy(d->row, row, ops->rows->size);
	memset(row, 0, ops->rows->size);
	if (ops->detail_loaded)
		ops->detail_loaded(d, d->row);
	/* The list shows the fresher copy too. */
	const char *id = ops->rows->id(d->row);
	if (id && pane_find(d->pane, id)) {
		void *copy = xcalloc(1, ops->rows->size);
		if (ops->rows->copy) {
			ops->rows->copy(copy, d->row);
			pane_update_row(d->pane, copy);
		}
		free(copy);
	}
}

void detail_set_id(struct detail *d, const char *id)
{
	free(d->id);
	d->id = xstrdup(id);
}

struct view *detail_view(const struct detail *d)
{
	return d->view;
}

void detail_reload(struct detail *d)
{
	d->generation++;
	/* An object not made yet has nothing to load. */
	if (!*d->id) {
		detail_redraw(d);
		return;
	}
	detail_submit(d, d->pane->ops->detail_request(d->id), detail_got_row);
	if (d->pane->ops->detail_more)
		d->pane->ops->detail_more(d);
}

static void detail_view_reload(void *ctx)
{
	detail_reload(ctx);
}

static void detail_view_free(void *ctx)
{
	struct detail *d = ctx;
	detail_unlink(d);
	d->gone = true;
	if (!d->pending)
		detail_free(d);
}

static void detail_view_end(void *ctx)
{
	struct detail *d = ctx;
	if (!d->gone)
		d->pane->ops->detail_end(d);
}

static const void *detail_subject(void *ctx, struct pane **pane, const char **id)
{
	struct detail *d = ctx;
	*pane = d->pane;
	*id = d->id;
	return detail_row(d);
}

struct detail *detail_find(struct pane *p, const char *id)
{
	for (struct detail *d = detail_open_list; d; d = d->next)
		if (d->pane == p && !strcmp(d->id, id))
			return d;
	return NULL;
}

struct detail *detail_open(struct pane *p, const char *id)
{
	struct detail *d = xcalloc(1, sizeof(*d));
	d->app = p->app;
	d->pane = p;
	d->id = xstrdup(id);
	d->view = textview_new(p->app, id);
	textview_set_subject(d->view, d, detail_subject, detail_view_reload, detail_view_free);
	if (p->ops->detail_end)
		textview_set_on_end(d->view, detail_view_end);
	d->next = detail_open_list;
	detail_open_list = d;
	app_push_view(p->app, d->view);
	/* What the list holds shows at once; the full object replaces it when it comes. */
	detail_redraw(d);
	detail_reload(d);
	return d;
}
