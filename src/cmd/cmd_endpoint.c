/* Elastic Defend endpoints: the list, one host, and the response console of a host (the TUI's). */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/endpointfmt.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/endpoints.h"
#include "core/record.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <time.h>

/* Endpoints per page unless --per-page says otherwise. */
#define ENDPOINTS_DEFAULT_PAGE 50

static void endpoints_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct endpoint_page *p = d->res.model;
	struct table t;
	table_init_columns(&t, endpointfmt_columns);
	struct column_ctx cx = {.now = time(NULL), .batch = true};
	for (size_t i = 0; i < p->n; i++)
		table_add_object(&t, endpointfmt_columns, &p->items[i], &cx);
	char *title = xasprintf("%zu of %lld endpoints (page %lld)", p->n, p->total, p->page + 1);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void endpoints_run(struct cmd_ctx *ctx)
{
	long page, per_page;
	if (!cmd_paging(ctx, ENDPOINTS_DEFAULT_PAGE, ENDPOINTS_MAX_PAGE_SIZE, &page, &per_page))
		return;
	struct endpoints_query q;
	char *err = query_fill(&endpointfmt_query, ctx->def, ctx->values, &q);
	if (err) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	q.page = page - 1; /* Kibana counts endpoint pages from 0 */
	q.page_size = per_page;
	cmd_submit(ctx, endpoints_list_request(&q), endpoints_done);
}

static void endpoint_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct record r;
	record_init(&r);
	endpointfmt_record(&r, d->res.model);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
}

static void endpoint_show_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, endpoints_get_request(cmd_str(ctx, "endpoint")), endpoint_show_done);
}

/* The console is the terminal UI's: the front end opens it, or says it has none. */
static void console_run(struct cmd_ctx *ctx)
{
	if (!ctx->host->ui) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "console is the terminal UI's response console; in batch mode run the response commands "
			 "(endpoint isolate, endpoint kill, ...) with --endpoint");
		return;
	}
	char *argv[] = {(char *)cmd_str(ctx, "endpoint"), NULL};
	char *err = NULL;
	if (ctx->host->ui(ctx, "console", 1, argv, &err) < 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err ? err : "no console");
		free(err);
		return;
	}
	cmd_finish(ctx);
}

static const char *const sort_orders[] = {"asc", "desc", NULL};

static const struct cmd_arg endpoints_args[] = {
	{"search", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "KQL (kuery), e.g. united.endpoint.host.hostname:web*"},
	{"status", CMD_ARG_ENUM, CMD_MULTI, endpoints_status_names, CMD_ID_NONE, "host status (repeatable)"},
	{"os", CMD_ARG_ENUM, 0, endpoints_os_names, CMD_ID_NONE, "only hosts running this operating system"},
	{"sort-field", CMD_ARG_ENUM, 0, endpoints_sort_names, CMD_ID_NONE, "sort by (default: Kibana's, newest enrolled)"},
	{"sort-order", CMD_ARG_ENUM, 0, sort_orders, CMD_ID_NONE, "asc or desc"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "endpoints per page (default 50)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg endpoint_show_args[] = {
	{"endpoint", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ENDPOINT, "the endpoint (agent) id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg console_args[] = {
	{"endpoint", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ENDPOINT,
	 "the endpoint: its id or its host name"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_endpoint_defs[] = {
	{"endpoints", endpoints_args, CMD_LIST, "list Elastic Defend endpoints (GET /api/endpoint/metadata)", "endpoints",
	 NULL, endpoints_run},
	{"endpoint show", endpoint_show_args, CMD_DETAIL, "show one endpoint (GET /api/endpoint/metadata/{id})", "endpoints",
	 NULL, endpoint_show_run},
	{"console", console_args, CMD_LOCAL,
	 "open a host's response console: response commands typed at a prompt, followed to the end", "endpoints", ">",
	 console_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
