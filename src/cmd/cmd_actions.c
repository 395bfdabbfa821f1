/* Response-action history: the list and one action with its outputs. */
#include "config.h"
#include "cmd/actionfmt.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/actions.h"
#include "api/kjson.h"
#include "core/record.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <time.h>

/* Actions per page unless --per-page says otherwise. */
#define ACTIONS_DEFAULT_PAGE 20

static void actions_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct action_page *p = d->res.model;
	struct table t;
	table_init_columns(&t, actionfmt_columns);
	struct column_ctx cx = {.now = time(NULL), .batch = true};
	for (size_t i = 0; i < p->n; i++)
		table_add_object(&t, actionfmt_columns, &p->items[i], &cx);
	char *title = xasprintf("%zu of %lld response actions (page %lld)", p->n, p->total, p->page);
	json_t *usable = kjson_usable_rows(d->res.json, "data", "id");
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = usable, .bad = p->bad};
	cmd_output(ctx, &out);
	json_decref(usable);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void actions_run(struct cmd_ctx *ctx)
{
	long page, per_page;
	if (!cmd_paging(ctx, ACTIONS_DEFAULT_PAGE, ACTIONS_MAX_PAGE_SIZE, &page, &per_page))
		return;
	struct actions_query q;
	char *err = query_fill(&actionfmt_query, ctx->def, ctx->values, &q);
	if (err) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	q.page = page;
	q.page_size = per_page;
	cmd_submit(ctx, actions_list_request(&q), actions_done);
}

static void action_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct record r;
	record_init(&r);
	actionfmt_record(&r, d->res.model);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
}

static void action_show_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, actions_get_request(cmd_str(ctx, "actionId")), action_show_done);
}

static const struct cmd_arg actions_args[] = {
	{"command", CMD_ARG_ENUM, CMD_MULTI, actions_command_names, CMD_ID_NONE, "only actions of this command (repeatable)"},
	{"agent", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_ENDPOINT, "only actions sent to this endpoint id (repeatable)"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "actions per page (default 20)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg action_id_arg[] = {
	{"actionId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ACTION, "the response action id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_actions_defs[] = {
	{"actions", actions_args, CMD_LIST, "list response actions, newest first (GET /api/endpoint/action)", "actions",
	 NULL, actions_run},
	{"action show", action_id_arg, CMD_DETAIL, "show one response action with its outputs (GET /api/endpoint/action/{action_id})",
	 "actions", NULL, action_show_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
