/* Commands that read cases: cases, case show, connectors, alert cases. */
#include "config.h"
#include "cmd/cases_all.h"
#include "cmd/casefmt.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/query.h"
#include "cmd/registry.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "api/kjson.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const sort_fields[] = {"createdAt", "updatedAt", "closedAt", "title", "category", "status",
					  "severity", NULL};
static const char *const sort_orders[] = {"asc", "desc", NULL};
static const char *const owners[] = {"securitySolution", "observability", "cases", NULL};

static void cases_query_from(struct cmd_ctx *ctx, struct cases_query *q, long page, long per_page)
{
	free(query_fill(&casefmt_query, ctx->def, ctx->values, q));
	q->page = page;
	q->per_page = per_page;
	if (!q->sort_field)
		q->sort_field = "updatedAt";
}

/* The table of cases (bad of them could not be read), or with --json the answer less its unusable cases. */
static void cases_emit(struct cmd_ctx *ctx, struct kb_case *cs, size_t n, size_t bad, json_t *json, const char *title)
{
	struct table t;
	table_init_columns(&t, casefmt_columns);
	struct column_ctx cx = {.now = time(NULL)};
	for (size_t i = 0; i < n; i++)
		table_add_object(&t, casefmt_columns, &cs[i], &cx);
	/* --json leaves out the cases that have no id; one that came without a version is still the server's data. */
	json_t *usable = json ? kjson_usable_rows(json, "cases", "id") : NULL;
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = usable, .bad = bad,
				 .items_path = "cases"};
	cmd_output(ctx, &out);
	json_decref(usable);
	table_free(&t);
}

static char *cases_summary(const struct case_page *p, size_t shown)
{
	if (p->count_open >= 0)
		return xasprintf("%zu of %lld cases (page %lld) · %lld open · %lld in progress · %lld closed", shown,
				 p->total, p->page, p->count_open, p->count_in_progress, p->count_closed);
	return xasprintf("%zu of %lld cases (page %lld)", shown, p->total, p->page);
}

static void cases_one_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_page *p = d->res.model;
	char *title = cases_summary(p, p->n);
	cases_emit(ctx, p->cases, p->n, p->bad, d->res.json, title);
	free(title);
	cmd_finish(ctx);
}

static void cases_run(struct cmd_ctx *ctx)
{
	struct cases_query q;
	if (cmd_flag(ctx, "all")) {
		cases_all_run(ctx);
		return;
	}
	long page, per_page;
	if (!cmd_paging(ctx, 20, CASES_MAX_PER_PAGE, &page, &per_page))
		return;
	cases_query_from(ctx, &q, page, per_page);
	cmd_submit(ctx, cases_find_request(&q), cases_one_page);
}

/* What `case show` gathers: the case, and when Kibana sent it without comments, those of _find and the attached alerts. */
struct case_show {
	struct kb_case *c;
	json_t *json;                        /* the case as it came, "comments" added from _find when it had none */
	struct alerts_of_case_list *alerts;  /* attached alerts (only asked for when the case had no comments) */
	unsigned waiting;                    /* answers still to come */
};

static void case_show_free(void *p)
{
	struct case_show *cs = p;
	kmodel_free(&cases_case_model, cs->c);
	json_decref(cs->json);
	kmodel_free(&alerts_of_case_list_model, cs->alerts);
	free(cs);
}

/* Everything is in: show the case. */
static void case_show_output(struct cmd_ctx *ctx)
{
	struct case_show *cs = ctx->state;
	if (--cs->waiting)
		return;
	struct record r;
	record_init(&r);
	casefmt_record(&r, cs->c);
	if (cs->alerts && cs->alerts->n) {
		record_add_section(&r, "Attached alerts");
		for (size_t i = 0; i < cs->alerts->n; i++) {
			char when[64];
			timefmt_local(cs->alerts->items[i].attached_at, when, sizeof(when));
			record_addf(&r, cs->alerts->items[i].id ? cs->alerts->items[i].id : "-", "%s (%s)", when,
				    cs->alerts->items[i].index ? cs->alerts->items[i].index : "-");
		}
	}
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = cs->json, .bad = cs->c->bad_comments};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
}

static void case_show_alerts(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_show *cs = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	cs->alerts = d->res.model;
	d->res.model = NULL;
	case_show_output(ctx);
}

static void case_show_comments(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_show *cs = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_comment_page *p = d->res.model;
	json_t *raw = json_object_get(d->res.json, "comments");
	if (json_is_array(raw))
		json_array_extend(json_object_get(cs->json, "comments"), raw);
	cases_take_comments(cs->c, p);
	long next = cases_comments_next_page(p);
	if (next)
		cmd_submit(ctx, cases_comments_find_request(cs->c->id, next, CASES_COMMENTS_PER_PAGE), case_show_comments);
	else
		case_show_output(ctx);
}

static void case_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_show *cs = xcalloc(1, sizeof(*cs));
	ctx->state = cs;
	ctx->state_free = case_show_free;
	cs->c = d->res.model;
	d->res.model = NULL;
	cs->json = json_incref(d->res.json);
	cs->waiting = 1;
	if (!cs->c->has_comments) {
		/* Kibana 9 sends the case without its comments (cases_get_request says where): the user comments come
		 * from _find, page by page, the attached alerts from their own route; --json shows the case with the
		 * comments _find gave. */
		json_t *copy = json_copy(cs->json);
		json_object_set_new(copy, "comments", json_array());
		json_decref(cs->json);
		cs->json = copy;
		cs->waiting = 2;
		cmd_submit(ctx, cases_comments_find_request(cs->c->id, 1, CASES_COMMENTS_PER_PAGE), case_show_comments);
		cmd_submit(ctx, alerts_of_case_request(cs->c->id), case_show_alerts);
		return;
	}
	case_show_output(ctx);
}

static void case_show_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, cases_get_request(cmd_str(ctx, "caseId")), case_show_done);
}

static void connectors_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	static const char *const headers[] = {"ID", "NAME", "TYPE", "CASES", NULL};
	struct connector_list *l = d->res.model;
	bool only_cases = cmd_flag(ctx, "cases");
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 1);
	for (size_t i = 0; i < l->n; i++) {
		const struct connector *c = &l->items[i];
		bool ok = cases_connector_type_ok(c->type);
		if (only_cases && !ok && !c->problem)
			continue;
		char *unreadable = c->problem ? xasprintf("(unreadable connector: %s)", c->problem) : NULL;
		const char *row[] = {c->id, unreadable ? unreadable : c->name, c->type, ok ? "yes" : "no"};
		table_add_row(&t, row);
		free(unreadable);
	}
	json_t *usable = kjson_usable_rows(d->res.json, NULL, "id");
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .table = &t, .json = usable, .bad = l->bad};
	cmd_output(ctx, &out);
	json_decref(usable);
	table_free(&t);
	cmd_finish(ctx);
}

static void connectors_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, connectors_list_request(), connectors_done);
}

static void alert_cases_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	static const char *const headers[] = {"ID", "TITLE", NULL};
	struct cases_of_alert_list *l = d->res.model;
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 1);
	for (size_t i = 0; i < l->n; i++) {
		char *unreadable = l->items[i].problem ? xasprintf("(unreadable: %s)", l->items[i].problem) : NULL;
		const char *row[] = {l->items[i].id, unreadable ? unreadable : l->items[i].title};
		table_add_row(&t, row);
		free(unreadable);
	}
	char *title = xasprintf("%zu case%s hold alert %s", l->n, l->n == 1 ? "" : "s", cmd_str(ctx, "alertId"));
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json, .bad = l->bad};
	cmd_output(ctx, &out);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void alert_cases_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, cases_of_alert_request(cmd_str(ctx, "alertId")), alert_cases_done);
}

static const struct cmd_arg cases_args[] = {
	{"status", CMD_ARG_ENUM, 0, cases_status_names, CMD_ID_NONE, "only cases with this status"},
	{"severity", CMD_ARG_ENUM, 0, cases_severity_names, CMD_ID_NONE, "only cases with this severity"},
	{"search", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "text to look for in titles and descriptions"},
	{"tag", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_NONE, "only cases with this tag (repeatable)"},
	{"owner", CMD_ARG_ENUM, 0, owners, CMD_ID_NONE, "only cases of this application"},
	{"sort-field", CMD_ARG_ENUM, 0, sort_fields, CMD_ID_NONE, "sort key (default updatedAt; createdAt with --all)"},
	{"sort-order", CMD_ARG_ENUM, 0, sort_orders, CMD_ID_NONE, "sort direction (default desc)"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "cases per page, 1 to 100 (default 20)"},
	{"all", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE,
	 "every case: several pages at once, each written as it arrives (a table keeps the first page's column "
	 "widths, cutting wider cells on a terminal, widening them in a pipe); past 10,000, windows of creation time"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg case_id_arg[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg connectors_args[] = {
	{"cases", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "only connectors that can take cases"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg alert_id_arg[] = {
	{"alertId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ALERT, "the alert id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_cases_defs[] = {
	{"cases", cases_args, CMD_LIST, "list cases (GET /api/cases/_find)", "cases", NULL, cases_run},
	{"case show", case_id_arg, CMD_DETAIL, "show one case with its comments (GET /api/cases/{caseId})", "cases", NULL,
	 case_show_run},
	{"connectors", connectors_args, CMD_LIST, "list connectors (GET /api/actions/connectors)", "cases", NULL,
	 connectors_run},
	{"alert cases", alert_id_arg, 0, "cases an alert is attached to (GET /api/cases/alerts/{alertId})", "alerts",
	 NULL, alert_cases_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
