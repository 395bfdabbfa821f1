/* AI-assistant conversations: the list and one conversation with its messages. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/listpage.h"
#include "cmd/convfmt.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/conversations.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *const sort_orders[] = {"asc", "desc", NULL};

static void conversations_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct conversation_page *p = d->res.model;
	char *title = xasprintf("%zu of %lld conversations (page %lld)", p->n, p->total, p->page);
	const struct listpage lp = {.columns = convfmt_columns, .rows = p->items, .n = p->n, .size = sizeof(*p->items),
				     .bad = p->bad, .json = d->res.json, .items_path = "data", .title = title};
	listpage_output(ctx, &lp);
	free(title);
	cmd_finish(ctx);
}

static void conversations_run(struct cmd_ctx *ctx)
{
	long page, per_page;
	if (!cmd_paging(ctx, 20, CONVERSATIONS_MAX_PER_PAGE, &page, &per_page))
		return;
	if (cmd_str(ctx, "search") && cmd_str(ctx, "filter")) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--search and --filter are the same thing: give one");
		return;
	}
	struct conversations_query q;
	free(query_fill(&convfmt_query, ctx->def, ctx->values, &q));
	q.page = page;
	q.per_page = per_page;
	if (!q.sort_field)
		q.sort_field = "updated_at";
	if (!q.sort_order)
		q.sort_order = "desc";
	cmd_submit(ctx, conversations_find_request(&q), conversations_done);
}

static void conversation_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct record r;
	record_init(&r);
	convfmt_record(&r, d->res.model);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
}

static void conversation_show_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, conversations_get_request(cmd_str(ctx, "id")), conversation_show_done);
}

static const struct cmd_arg conversations_args[] = {
	{"search", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "Kibana's filter query (e.g. a title word)"},
	{"filter", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "the same as --search, by its API name"},
	{"sort-field", CMD_ARG_ENUM, 0, conversations_sort_fields, CMD_ID_NONE, "sort key (default updated_at)"},
	{"sort-order", CMD_ARG_ENUM, 0, sort_orders, CMD_ID_NONE, "sort direction (default desc)"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "conversations per page, 1 to 100 (default 20)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg conversation_id_arg[] = {
	{"id", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CONVERSATION, "the conversation id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_ai_defs[] = {
	{"conversations", conversations_args, CMD_LIST,
	 "list AI-assistant conversations (GET /api/security_ai_assistant/current_user/conversations/_find)",
	 "conversations", NULL, conversations_run},
	{"conversation show", conversation_id_arg, CMD_DETAIL,
	 "read one conversation with its messages (GET .../current_user/conversations/{id})", "conversations", NULL,
	 conversation_show_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
