/* The Cases pane: GET /api/cases/_find, paged from the server as you scroll; its detail view; responding from a case. */
#include "config.h"
#include "ui/app.h"
#include "ui/chat.h"
#include "ui/detail.h"
#include "ui/listview.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/alerts_of_case.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/kblink.h"
#include "api/worker.h"
#include "cmd/casefmt.h"
#include "cmd/storyfmt.h"
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

/* Most alerts a case's alert list asks for by id. */
#define CASES_ALERTS_MAX 1000

/* The request for a case's attached alerts, on its way to becoming an Alerts list. */
struct cases_alerts_job {
	struct worker_sink sink;
	struct app *app;
	char *title;
};

/* The attached alerts are known: show them in an Alerts list over the view (Esc or q comes back). */
static void cases_alerts_deliver(struct worker_sink *sink, struct worker_done *w)
{
	struct cases_alerts_job *job = (struct cases_alerts_job *)sink;
	const struct alerts_of_case_list *l = w->res.model;
	if (w->res.status == API_ERR_CANCELLED) {
		/* The view it was for is gone (a switch of Kibana or space): nothing to show. */
	} else if (w->res.status != API_OK) {
		app_message(job->app, APP_MSG_ERROR, "%s", w->res.message);
	} else if (!l->n) {
		app_message(job->app, APP_MSG_INFO, "No alerts are attached to \"%s\".", job->title);
	} else {
		size_t n = l->n < CASES_ALERTS_MAX ? l->n : CASES_ALERTS_MAX, argc = 0;
		char **argv = xcalloc(2 * n + 1, sizeof(char *));
		for (size_t i = 0; i < n; i++) {
			/* An alert attached twice is listed once. */
			bool seen = !l->items[i].id;
			for (size_t k = 1; k < argc && !seen; k += 2)
				seen = !strcmp(argv[k], l->items[i].id);
			if (seen)
				continue;
			argv[argc++] = (char *)"--id";
			argv[argc++] = l->items[i].id;
		}
		char *err = NULL;
		if (!argc)
			app_message(job->app, APP_MSG_INFO, "The alerts attached to \"%s\" carry no ids.", job->title);
		else if (!listview_open(job->app, &alerts_pane_ops, (int)argc, argv, &err))
			app_message(job->app, APP_MSG_ERROR, "%s", err);
		else
			app_message(job->app, APP_MSG_INFO, "The %zu alert%s attached to \"%s\" (Esc or q goes back).",
				    argc / 2, argc == 2 ? "" : "s", job->title);
		free(err);
		free(argv);
	}
	free(job->title);
	free(job);
	worker_done_free(w);
}

static void cases_show_alerts(struct pane *p, const void *const *rows, size_t n)
{
	const struct kb_case *c = rows[0];
	(void)n;
	struct cases_alerts_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = cases_alerts_deliver;
	job->app = p->app;
	job->title = xstrdup(c->title);
	worker_submit(app_worker(p->app), alerts_of_case_request(c->id), 0, job);
}

static const struct pane_action cases_actions[] = {
	{"case-alerts", "a", "the alerts attached to this case, in an Alerts list (Esc or q comes back)", "alerts",
	 WHERE_LIST | WHERE_DETAIL, cases_show_alerts},
	{"case-suspend-process", "U", "suspend a process on an endpoint, recorded on this case", NULL,
	 WHERE_LIST | WHERE_DETAIL, cases_suspend},
	{"case-isolate-host", "I", "isolate a host, recorded on this case", NULL, WHERE_LIST | WHERE_DETAIL, cases_isolate},
	{"case-ask-assistant", "A", "ask the AI assistant about this case; the reply shows as it comes", NULL,
	 WHERE_LIST | WHERE_DETAIL, cases_ask},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* ---- the detail view: the case, the alerts attached to it, and its story ---- */

/* Story pages asked for at once (user actions and comments each). */
#define CASES_STORY_PAGE 10

/* What the detail view loads besides the case: its attached alerts, and its story page by page. */
struct cases_detail {
	struct alerts_of_case_list *alerts;
	struct case_activity_page **ua;   /* user action pages, oldest first */
	size_t n_ua;
	bool ua_loading, ua_failed;
	struct case_comment_page **cm;    /* comment pages, oldest first */
	size_t n_cm;
	bool cm_loading, cm_failed;
};

static struct cases_detail *cases_extra(struct detail *d)
{
	void **extra = detail_extra(d);
	if (!*extra)
		*extra = xcalloc(1, sizeof(struct cases_detail));
	return *extra;
}

/* Forget the story (it loads again from its first pages). */
static void cases_story_clear(struct cases_detail *x)
{
	for (size_t i = 0; i < x->n_ua; i++)
		kmodel_free(&case_activity_page_model, x->ua[i]);
	free(x->ua);
	for (size_t i = 0; i < x->n_cm; i++)
		kmodel_free(&cases_comment_page_model, x->cm[i]);
	free(x->cm);
	x->ua = NULL;
	x->cm = NULL;
	x->n_ua = x->n_cm = 0;
	x->ua_failed = x->cm_failed = false;
}

static void cases_got_alerts(struct detail *d, struct worker_done *w)
{
	struct cases_detail *x = cases_extra(d);
	if (w->res.status != API_OK) {
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "%s", w->res.message);
		return;
	}
	kmodel_free(&alerts_of_case_list_model, x->alerts);
	x->alerts = w->res.model;
	w->res.model = NULL;
}

/* How many items the loaded pages hold, and whether the last one says more are on the server. */
static size_t cases_ua_count(const struct cases_detail *x, bool *more)
{
	size_t n = 0;
	for (size_t i = 0; i < x->n_ua; i++)
		n += x->ua[i]->n;
	*more = x->n_ua && x->ua[x->n_ua - 1]->n && (long long)n < x->ua[x->n_ua - 1]->total;
	return n;
}

static size_t cases_cm_count(const struct cases_detail *x, bool *more)
{
	size_t n = 0;
	for (size_t i = 0; i < x->n_cm; i++)
		n += x->cm[i]->n;
	*more = x->n_cm && x->cm[x->n_cm - 1]->n && (long long)n < x->cm[x->n_cm - 1]->total;
	return n;
}

/* A page is kept only when it is the next one (an answer to a request from before a reload is dropped). */
static void cases_got_activity(struct detail *d, struct worker_done *w)
{
	struct cases_detail *x = cases_extra(d);
	x->ua_loading = false;
	if (w->res.status != API_OK) {
		x->ua_failed = true;
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "The case's story: %s", w->res.message);
		return;
	}
	struct case_activity_page *p = w->res.model;
	if (p->page != (long long)x->n_ua + 1)
		return;
	x->ua = xreallocarray(x->ua, x->n_ua + 1, sizeof(*x->ua));
	x->ua[x->n_ua++] = p;
	w->res.model = NULL;
}

static void cases_got_comments(struct detail *d, struct worker_done *w)
{
	struct cases_detail *x = cases_extra(d);
	x->cm_loading = false;
	if (w->res.status != API_OK) {
		x->cm_failed = true;
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "The case's comments: %s", w->res.message);
		return;
	}
	struct case_comment_page *p = w->res.model;
	if (p->page != (long long)x->n_cm + 1)
		return;
	x->cm = xreallocarray(x->cm, x->n_cm + 1, sizeof(*x->cm));
	x->cm[x->n_cm++] = p;
	w->res.model = NULL;
}

/* Ask for the next page of whichever part of the story has more. */
static void cases_story_more(struct detail *d)
{
	struct cases_detail *x = cases_extra(d);
	bool ua_more, cm_more;
	cases_ua_count(x, &ua_more);
	cases_cm_count(x, &cm_more);
	if ((ua_more || !x->n_ua) && !x->ua_loading && !x->ua_failed) {
		x->ua_loading = true;
		detail_submit(d, case_activity_request(detail_id(d), (long)x->n_ua + 1, CASES_STORY_PAGE, true),
			      cases_got_activity);
	}
	if ((cm_more || !x->n_cm) && !x->cm_loading && !x->cm_failed) {
		x->cm_loading = true;
		detail_submit(d, cases_comments_find_request(detail_id(d), (long)x->n_cm + 1, CASES_STORY_PAGE),
			      cases_got_comments);
	}
}

static void cases_detail_more(struct detail *d)
{
	struct cases_detail *x = cases_extra(d);
	cases_story_clear(x);
	x->ua_loading = x->cm_loading = false;
	detail_submit(d, alerts_of_case_request(detail_id(d)), cases_got_alerts);
	cases_story_more(d);
}

static void cases_detail_end(struct detail *d)
{
	struct cases_detail *x = cases_extra(d);
	/* Only once the case and the first pages are in: before, the end is in sight because little is shown. */
	if (detail_row(d) && (x->n_ua || x->n_cm))
		cases_story_more(d);
}

static void cases_detail_free(struct detail *d)
{
	struct cases_detail *x = *detail_extra(d);
	if (!x)
		return;
	cases_story_clear(x);
	kmodel_free(&alerts_of_case_list_model, x->alerts);
	free(x);
}

/* The time of the last item of the last page (the story is whole up to it). */
static const char *cases_last_time(const char *a, const char *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return strcmp(a, b) < 0 ? a : b;
}

static void cases_story_fill(struct view *v, const struct cases_detail *x)
{
	bool ua_more, cm_more;
	size_t n_ua = cases_ua_count(x, &ua_more);
	cases_cm_count(x, &cm_more);
	const char *horizon = NULL;
	if (ua_more) {
		const struct case_activity_page *p = x->ua[x->n_ua - 1];
		horizon = cases_last_time(horizon, p->items[p->n - 1].created_at);
	}
	if (cm_more) {
		const struct case_comment_page *p = x->cm[x->n_cm - 1];
		horizon = cases_last_time(horizon, p->comments[p->n - 1].created_at);
	}
	struct story_sources src = {(const struct case_activity_page *const *)x->ua, x->n_ua,
				    (const struct case_comment_page *const *)x->cm, x->n_cm, horizon};
	struct story s;
	storyfmt_build(&s, &src);
	textview_blank(v);
	long long total = x->n_ua ? x->ua[x->n_ua - 1]->total : 0;
	if (ua_more)
		textview_addf(v, ROLE_TITLE, 0, "Story (%zu of %lld changes so far)", n_ua, total);
	else
		textview_addf(v, ROLE_TITLE, 0, "Story (%zu entries)", s.n);
	if (!s.n && !x->ua_loading && !x->cm_loading)
		textview_add(v, ROLE_DIM, 2, x->ua_failed ? "The story could not be loaded (! shows why)." : "Nothing recorded.");
	for (size_t i = 0; i < s.n; i++) {
		const struct story_entry *e = &s.items[i];
		char when[64];
		timefmt_local(e->when, when, sizeof(when));
		struct strbuf line;
		strbuf_init(&line);
		strbuf_printf(&line, "%s  %s %s", when, e->who, e->what);
		textview_add(v, e->kind == STORY_COMMENT ? ROLE_LABEL : e->kind == STORY_ALERT ? ROLE_SEV_MEDIUM : ROLE_NORMAL,
			     2, line.buf);
		strbuf_free(&line);
		if (e->body)
			textview_add(v, ROLE_NORMAL, 6, e->body);
	}
	if (ua_more || cm_more)
		textview_add(v, ROLE_DIM, 2, x->ua_loading || x->cm_loading ? "Loading more of the story..."
									   : "More of the story loads as you scroll.");
	storyfmt_free(&s);
}

static void cases_detail_fill(struct detail *d, struct view *v, const void *row)
{
	const struct kb_case *c = row;
	const struct cases_detail *x = *detail_extra(d);
	if (c) {
		textview_set_title(v, c->title ? c->title : c->id);
		/* The story tells the comments (an older Kibana sends them with the case too). */
		struct kb_case shown = *c;
		shown.n_comments = 0;
		struct record r;
		record_init(&r);
		casefmt_record(&r, &shown);
		textview_add_record(v, &r);
		record_free(&r);
		if (c->external.present && c->external.external_url)
			textview_add_pair(v, "open in browser", c->external.external_url, ROLE_LINK);
	}
	if (x && x->alerts) {
		textview_blank(v);
		textview_addf(v, ROLE_TITLE, 0, "Attached alerts (%zu)%s", x->alerts->n,
			      x->alerts->n ? ": a lists them in the Alerts view" : "");
		for (size_t i = 0; i < x->alerts->n; i++) {
			char when[64];
			timefmt_local(x->alerts->items[i].attached_at, when, sizeof(when));
			textview_addf(v, ROLE_NORMAL, 2, "%s  attached %s", x->alerts->items[i].id ? x->alerts->items[i].id : "-",
				      when);
		}
	}
	if (x && (x->n_ua || x->n_cm || x->ua_failed))
		cases_story_fill(v, x);
}

static char *cases_link(struct pane *p, const void *row, const char *id)
{
	(void)row;
	return kblink_case(app_profile(p->app), id);
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
	.link = cases_link,
	.detail_request = cases_get_request,
	.detail_more = cases_detail_more,
	.detail_fill = cases_detail_fill,
	.detail_end = cases_detail_end,
	.detail_free = cases_detail_free,
	.newer = cases_newer,
	.row_time = cases_row_time,
	.urgent = cases_urgent,
};
