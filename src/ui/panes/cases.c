/* The Cases pane: GET /api/cases/_find, paged from the server as you scroll; its detail view; responding from a case. */
#include "config.h"
#include "ui/app.h"
#include "ui/chat.h"
#include "ui/detail.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/worker.h"
#include "cmd/casefmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Cases fetched per request. */
#define CASES_PAGE 50

/* What the last page said beyond its rows. */
struct cases_counts {
	long long open, in_progress, closed;
};

static void cases_init(struct pane *p)
{
	struct cases_counts *c = xcalloc(1, sizeof(*c));
	c->open = -1;
	p->data = c;
}

static void cases_fini(struct pane *p)
{
	free(p->data);
}

static struct api_request *cases_request(struct pane *p, const void *last)
{
	struct cases_query q;
	(void)last;
	free(query_fill(&casefmt_query, p->query.def, p->query.values, &q));
	q.page = p->pages + 1;
	q.per_page = CASES_PAGE;
	return cases_find_request(&q);
}

/*
 * What came in since the first row shown, when the list is newest first: the cases created from its
 * time on (the first one among them, which the core already holds, is dropped as a repeat).
 */
static struct api_request *cases_newer(struct pane *p, const void *first)
{
	const struct kb_case *top = first;
	struct cases_query q;
	free(query_fill(&casefmt_query, p->query.def, p->query.values, &q));
	bool newest_first = (!q.sort_field || !strcmp(q.sort_field, "createdAt")) &&
			    (!q.sort_order || !strcmp(q.sort_order, "desc"));
	if (!newest_first || !top->created_at)
		return NULL;
	q.from = top->created_at;
	q.page = 1;
	q.per_page = CASES_MAX_PER_PAGE;
	return cases_find_request(&q);
}

static const char *cases_row_time(const void *row)
{
	return ((const struct kb_case *)row)->created_at;
}

static bool cases_urgent(const void *row)
{
	const char *s = ((const struct kb_case *)row)->severity;
	return s && (!strcmp(s, "critical") || !strcmp(s, "high"));
}

static void cases_page(struct pane *p, void *model, struct pane_page *out)
{
	struct case_page *page = model;
	struct cases_counts *c = p->data;
	out->rows = page->cases;
	out->n = page->n;
	out->total = page->total;
	out->bad = page->bad;
	if (out->newer) {
		/* Its counts are of the new cases only; the last request's stand until the next reload. */
		out->last = page->total <= (long long)page->n;
		return;
	}
	c->open = page->count_open;
	c->in_progress = page->count_in_progress;
	c->closed = page->count_closed;
}

static void cases_summary(struct pane *p, struct strbuf *out)
{
	struct cases_counts *c = p->data;
	if (p->loaded_once && c->open >= 0)
		strbuf_printf(out, "%lld open · %lld in progress · %lld closed", c->open, c->in_progress, c->closed);
}

static void cases_row_text(const void *row, struct strbuf *out)
{
	const struct kb_case *c = row;
	const char *parts[] = {c->title, c->status, c->severity, c->id, c->problem};
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (parts[i])
			strbuf_printf(out, "%s ", parts[i]);
	for (size_t i = 0; i < c->n_tags; i++)
		strbuf_printf(out, "%s ", c->tags[i]);
	if (c->external.present && c->external.external_title)
		strbuf_puts(out, c->external.external_title);
}

static void cases_row_label(const void *row, struct strbuf *out)
{
	const struct kb_case *c = row;
	strbuf_printf(out, "%s\t%s", c->title ? c->title : "-", c->status ? c->status : "-");
}

static char *cases_arg_value(struct pane *p, const struct cmd_arg *arg, const void *const *rows, size_t n)
{
	(void)p;
	if (n && !strcmp(arg->name, "version"))
		return xstrdup(((const struct kb_case *)rows[0])->version);
	return NULL;
}

/* Respond from cases: the form comes with the cases filled in, so the action is recorded on them. */
static void cases_respond(struct pane *p, const char *verb, const void *const *rows, size_t n)
{
	char *words[] = {(char *)"endpoint", (char *)verb};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def || used != 2)
		return;
	struct strbuf ids;
	strbuf_init(&ids);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&ids, "%s%s", i ? "," : "", ((const struct kb_case *)rows[i])->id);
	const char *given[] = {"case", ids.buf, NULL};
	app_open_command(p->app, NULL, def, given, false);
	strbuf_free(&ids);
}

static void cases_suspend(struct pane *p, const void *const *rows, size_t n)
{
	cases_respond(p, "suspend", rows, n);
}

static void cases_isolate(struct pane *p, const void *const *rows, size_t n)
{
	cases_respond(p, "isolate", rows, n);
}

static void cases_ask(struct pane *p, const void *const *rows, size_t n)
{
	(void)n;
	chat_ask(p->app, "case", ((const struct kb_case *)rows[0])->id);
}

static const struct pane_action cases_actions[] = {
	{"case-suspend-process", "U", "suspend a process on an endpoint, recorded on this case", NULL,
	 WHERE_LIST | WHERE_DETAIL, cases_suspend},
	{"case-isolate-host", "I", "isolate a host, recorded on this case", NULL, WHERE_LIST | WHERE_DETAIL, cases_isolate},
	{"case-ask-assistant", "A", "ask the AI assistant about this case; the reply shows as it comes", NULL,
	 WHERE_LIST | WHERE_DETAIL, cases_ask},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* ---- the detail view: the case, its comments, and the alerts attached to it ---- */

/* What the detail view loads beside the case. */
struct cases_detail {
	struct alerts_of_case_list *alerts;
	struct kb_case found;   /* holds only the comments _find brought, when the case came without them */
	bool finding;           /* _find pages are on the way */
	bool again;             /* the case reloaded meanwhile: start over once they are in */
};

static struct cases_detail *cases_detail_of(struct detail *d)
{
	void **extra = detail_extra(d);
	if (!*extra)
		*extra = xcalloc(1, sizeof(struct cases_detail));
	return *extra;
}

static void cases_got_alerts(struct detail *d, struct worker_done *w)
{
	struct cases_detail *cd = cases_detail_of(d);
	if (w->res.status != API_OK) {
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "%s", w->res.message);
		return;
	}
	kmodel_free(&alerts_of_case_list_model, cd->alerts);
	cd->alerts = w->res.model;
	w->res.model = NULL;
}

static void cases_got_comments(struct detail *d, struct worker_done *w);

/* Ask for the first _find page, forgetting the comments found so far. */
static void cases_find_comments(struct detail *d, struct cases_detail *cd)
{
	cases_case_clear(&cd->found);
	cd->finding = true;
	cd->again = false;
	detail_submit(d, cases_comments_find_request(detail_id(d), 1, CASES_COMMENTS_PER_PAGE), cases_got_comments);
}

static void cases_got_comments(struct detail *d, struct worker_done *w)
{
	struct cases_detail *cd = cases_detail_of(d);
	long next = 0;
	if (w->res.status != API_OK) {
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "%s", w->res.message);
	} else {
		struct case_comment_page *p = w->res.model;
		cases_take_comments(&cd->found, p);
		next = cases_comments_next_page(p);
	}
	if (cd->again)
		cases_find_comments(d, cd);
	else if (next)
		detail_submit(d, cases_comments_find_request(detail_id(d), next, CASES_COMMENTS_PER_PAGE), cases_got_comments);
	else
		cd->finding = false;
}

static void cases_detail_more(struct detail *d)
{
	detail_submit(d, alerts_of_case_request(detail_id(d)), cases_got_alerts);
}

/* A case without "comments" (Kibana 9) gets them from _find, page by page; _find holds user comments only, the
 * attached alerts come from GET /api/cases/{id}/alerts (cases_detail_more). */
static void cases_detail_loaded(struct detail *d, const void *row)
{
	const struct kb_case *c = row;
	struct cases_detail *cd = cases_detail_of(d);
	if (c->has_comments)
		cases_case_clear(&cd->found);
	else if (cd->finding)
		cd->again = true;
	else
		cases_find_comments(d, cd);
}

static void cases_detail_free(struct detail *d)
{
	struct cases_detail *cd = *detail_extra(d);
	if (!cd)
		return;
	kmodel_free(&alerts_of_case_list_model, cd->alerts);
	cases_case_clear(&cd->found);
	free(cd);
}

static void cases_detail_fill(struct detail *d, struct view *v, const void *row)
{
	const struct kb_case *c = row;
	const struct cases_detail *cd = cases_detail_of(d);
	const struct alerts_of_case_list *alerts = cd->alerts;
	if (c) {
		textview_set_title(v, c->title ? c->title : c->id);
		struct record r;
		record_init(&r);
		casefmt_record(&r, c);
		if (!c->has_comments)
			casefmt_comments(&r, cd->found.comments, cd->found.n_comments);
		textview_add_record(v, &r);
		record_free(&r);
		if (c->external.present && c->external.external_url)
			textview_add_pair(v, "open in browser", c->external.external_url, ROLE_LINK);
	}
	if (alerts) {
		textview_blank(v);
		textview_addf(v, ROLE_TITLE, 0, "Attached alerts (%zu)", alerts->n);
		for (size_t i = 0; i < alerts->n; i++) {
			char when[64];
			timefmt_local(alerts->items[i].attached_at, when, sizeof(when));
			textview_addf(v, ROLE_NORMAL, 2, "%s  %s  (%s)", alerts->items[i].id ? alerts->items[i].id : "-", when,
				      alerts->items[i].index ? alerts->items[i].index : "-");
		}
	}
}

const struct pane_ops cases_pane_ops = {
	.name = "cases",
	.title = "Cases",
	.columns = casefmt_columns,
	.rows = &casefmt_rows,
	.query = &casefmt_query,
	.id_kind = CMD_ID_CASE,
	.request = cases_request,
	.page = cases_page,
	.init = cases_init,
	.fini = cases_fini,
	.row_text = cases_row_text,
	.row_label = cases_row_label,
	.arg_value = cases_arg_value,
	.summary = cases_summary,
	.actions = cases_actions,
	.detail_request = cases_get_request,
	.detail_more = cases_detail_more,
	.detail_loaded = cases_detail_loaded,
	.detail_fill = cases_detail_fill,
	.detail_free = cases_detail_free,
	.newer = cases_newer,
	.row_time = cases_row_time,
	.urgent = cases_urgent,
};
