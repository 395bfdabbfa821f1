/*
 * The endpoint exceptions list (GET /api/endpoint_list/items/_find): no tab of its own, it
 * opens in a list view from `exceptions endpoint` at ':' or from its form.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/exceptions.h"
#include "cmd/exceptfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include <stdlib.h>

/* Items per request when the command did not say. */
#define EXCEPT_PAGE 50

/* The page the command asked for (an explicit --page shows that page alone), or 1. */
static long except_first_page(struct pane *p)
{
	const char *page = query_get(&p->query, "page");
	return page && atol(page) >= 1 ? atol(page) : 1;
}

static struct api_request *except_request(struct pane *p, const void *last)
{
	struct exceptions_query q;
	(void)last;
	free(query_fill(&exceptfmt_query, p->query.def, p->query.values, &q));
	q.page = except_first_page(p) + p->pages;
	if (!query_get(&p->query, "per-page") || q.per_page < 1)
		q.per_page = EXCEPT_PAGE;
	return exceptions_find_request(&q);
}

static void except_page(struct pane *p, void *model, struct pane_page *out)
{
	struct exception_page *pg = model;
	out->rows = pg->items;
	out->n = pg->n;
	out->total = pg->total;
	out->bad = pg->bad;
	out->last = except_first_page(p) != 1;
}

static void except_row_text(const void *row, struct strbuf *out)
{
	const struct exception_item *it = row;
	char *cond = exceptfmt_conditions(it);
	const char *parts[] = {it->name, it->description, cond, it->id, it->problem};
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (parts[i])
			strbuf_printf(out, "%s ", parts[i]);
	free(cond);
}

/* The list holds every field of an item: its detail view needs no request. */
static void except_open(struct pane *p, const void *row)
{
	const struct exception_item *it = row;
	struct view *v = textview_new(p->app, it->name ? it->name : it->id);
	struct record r;
	record_init(&r);
	exceptfmt_record(&r, it);
	textview_add_record(v, &r);
	record_free(&r);
	app_push_view(p->app, v);
}

const struct pane_ops exceptions_pane_ops = {
	.name = "exceptions",
	.title = "Endpoint exceptions",
	.columns = exceptfmt_columns,
	.rows = &exceptfmt_rows,
	.query = &exceptfmt_query,
	.request = except_request,
	.page = except_page,
	.row_text = except_row_text,
	.open = except_open,
};
