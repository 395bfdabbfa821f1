/* Commands that read cases: cases, case show, connectors, alert cases. */
#include "config.h"
#include "cmd/cases_all.h"
#include "cmd/casefmt.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/query.h"
#include "cmd/registry.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/connectors.h"
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

static void cases_emit(struct cmd_ctx *ctx, struct kb_case *cs, size_t n, json_t *json, const char *title)
{
	struct table t;
	table_init_columns(&t, casefmt_columns);
	struct column_ctx cx = {.now = time(NULL)};
	for (size_t i = 0; i < n; i++)
		table_add_object(&t, casefmt_columns, &cs[i], &cx);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = json, .items_path = "cases"};
	cmd_output(ctx, &out);
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
	cases_emit(ctx, p->cases, p->n, d->res.json, title);
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

static void case_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct record r;
	record_init(&r);
	casefmt_record(&r, d->res.model);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
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
		bool ok = cases_connector_type_ok(l->items[i].type);
		if (only_cases && !ok)
			continue;
		const char *row[] = {l->items[i].id, l->items[i].name, l->items[i].type, ok ? "yes" : "no"};
		table_add_row(&t, row);
	}
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
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
		const char *row[] = {l->items[i].id, l->items[i].title};
		table_add_row(&t, row);
	}
	char *title = xasprintf("%zu case%s hold alert %s", l->n, l->n == 1 ? "" : "s", cmd_str(ctx, "alertId"));
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
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
