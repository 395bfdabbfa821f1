/* AI-assistant conversations: the list and one conversation with its messages. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/conversations.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const sort_orders[] = {"asc", "desc", NULL};

static void conversations_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	static const char *const headers[] = {"ID", "TITLE", "CATEGORY", "MESSAGES", "UPDATED", NULL};
	const struct conversation_page *p = d->res.model;
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 1);
	table_set_right(&t, 3);
	time_t now = time(NULL);
	for (size_t i = 0; i < p->n; i++) {
		const struct conversation *c = &p->items[i];
		char msgs[24], updated[32];
		snprintf(msgs, sizeof(msgs), "%zu", c->n_messages);
		timefmt_relative(conversations_updated(c), now, updated, sizeof(updated));
		const char *row[] = {c->id, c->title, c->category, msgs, updated};
		table_add_row(&t, row);
	}
	char *title = xasprintf("%zu of %lld conversations (page %lld)", p->n, p->total, p->page);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
	free(title);
	table_free(&t);
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
	struct conversations_query q = {
		.page = page,
		.per_page = per_page,
		.filter = cmd_str(ctx, "search") ? cmd_str(ctx, "search") : cmd_str(ctx, "filter"),
		.sort_field = cmd_str(ctx, "sort-field") ? cmd_str(ctx, "sort-field") : "updated_at",
		.sort_order = cmd_str(ctx, "sort-order") ? cmd_str(ctx, "sort-order") : "desc",
	};
	cmd_submit(ctx, conversations_find_request(&q), conversations_done);
}

static void conversation_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct conversation *c = d->res.model;
	char when[64];
	struct record r;
	record_init(&r);
	record_add_section(&r, c->title);
	record_add(&r, "id", c->id);
	record_add(&r, "category", c->category);
	record_add(&r, "users", c->users && *c->users ? c->users : NULL);
	timefmt_local(c->created_at, when, sizeof(when));
	record_add(&r, "created", when);
	timefmt_local(conversations_updated(c), when, sizeof(when));
	record_add(&r, "updated", when);
	if (c->connector_id)
		record_addf(&r, "connector", "%s%s%s", c->connector_id, c->model ? ", model " : "", c->model ? c->model : "");
	if (c->summary)
		record_add_block(&r, "summary", c->summary);
	record_add_section(&r, c->n_messages ? "Messages" : "No messages");
	for (size_t i = 0; i < c->n_messages; i++) {
		const struct conv_message *m = &c->messages[i];
		timefmt_local(m->timestamp, when, sizeof(when));
		char *raw = xasprintf("%s, %s%s", m->role, when, m->is_error ? " (ERROR)" : "");
		char *label = sanitize_str(raw, SANITIZE_LINE);
		record_add_block(&r, label, m->content);
		free(label);
		free(raw);
	}
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
	{"conversation show", conversation_id_arg, 0,
	 "read one conversation with its messages (GET .../current_user/conversations/{id})", "conversations", NULL,
	 conversation_show_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
