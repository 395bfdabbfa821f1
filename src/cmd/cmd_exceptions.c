/* Exceptions and value lists: exceptions endpoint, list delete. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/listpage.h"
#include "cmd/exceptfmt.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/query.h"
#include "cmd/registry.h"
#include "api/exceptions.h"
#include "api/lists.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void exceptions_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct exception_page *p = d->res.model;
	char *title = xasprintf("%zu of %lld endpoint exceptions (page %lld)", p->n, p->total, p->page);
	const struct listpage lp = {.columns = exceptfmt_columns, .rows = p->items, .n = p->n, .size = sizeof(*p->items),
				     .bad = p->bad, .json = d->res.json, .items_path = "data", .title = title};
	listpage_output(ctx, &lp);
	free(title);
	cmd_finish(ctx);
}

static void exceptions_run(struct cmd_ctx *ctx)
{
	struct exceptions_query q;
	char *bad = query_fill(&exceptfmt_query, ctx->def, ctx->values, &q);
	q.page = cmd_int(ctx, "page", -1);
	q.per_page = cmd_int(ctx, "per-page", -1);
	if (bad) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
		free(bad);
		return;
	}
	cmd_submit(ctx, exceptions_find_request(&q), exceptions_done);
}

/* list delete: the list's name, once read, names it. */
struct list_run {
	char *name;
};

static void list_run_free(void *p)
{
	struct list_run *r = p;
	free(r->name);
	free(r);
}

static void list_deleted(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct list_run *r = ctx->state;
	const char *id = cmd_str(ctx, "id");
	cmd_audit(ctx, &id, 1, d, NULL);
	if (d->res.status != API_OK) {
		if (d->res.http_status == 409)
			cmd_fail(ctx, CMD_EXIT_API,
				 "value list %s is used by exception items, so it was kept: add --delete-references to delete "
				 "them too, or --ignore-references to delete the list anyway (%s)",
				 r->name, d->res.message);
		else
			cmd_fail(ctx, CMD_EXIT_API, "deleting value list %s failed: %s", r->name, d->res.message);
		return;
	}
	const struct value_list *l = d->res.model;
	char *msg = xasprintf("Deleted value list \"%s\" (%s, %s) and its items%s.", l->name ? l->name : "-",
			      l->type ? l->type : "-", l->id ? l->id : id,
			      cmd_flag(ctx, "delete-references") ? ", with the exception items that used it" : "");
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void list_go(struct cmd_ctx *ctx)
{
	cmd_submit(ctx,
		   lists_delete_request(cmd_str(ctx, "id"), cmd_flag(ctx, "delete-references"),
					cmd_flag(ctx, "ignore-references")),
		   list_deleted);
}

static void list_looked_up(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct list_run *r = ctx->state;
	const char *id = cmd_str(ctx, "id");
	const struct value_list *l = d->res.status == API_OK ? d->res.model : NULL;
	/* The name only makes the question clearer: without it, the id names the list. */
	r->name = l && l->name ? xasprintf("\"%s\" (%s, %s)", l->name, l->type ? l->type : "-", id)
			       : xasprintf("with id \"%s\"", id);
	char *q = xasprintf("Delete value list %s with all its items%s? This cannot be undone.", r->name,
			    cmd_flag(ctx, "delete-references")   ? " and the exception items that use it"
			    : cmd_flag(ctx, "ignore-references") ? ", without checking whether exception items use it"
								 : "");
	cmd_confirm(ctx, q, NULL, list_go);
	free(q);
}

static void list_delete_run(struct cmd_ctx *ctx)
{
	if (cmd_flag(ctx, "delete-references") && cmd_flag(ctx, "ignore-references")) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "give --delete-references (delete the exception items that use the list) or --ignore-references "
			 "(do not look for them), not both");
		return;
	}
	ctx->state = xcalloc(1, sizeof(struct list_run));
	ctx->state_free = list_run_free;
	cmd_submit(ctx, lists_get_request(cmd_str(ctx, "id")), list_looked_up);
}

static const struct cmd_arg exceptions_args[] = {
	{"filter", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "field:value, e.g. exception-list-agnostic.attributes.name:Backup"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number (0 or more)"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "items per page (0 or more)"},
	{"sort-field", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "field to sort by, e.g. name or created_at"},
	{"sort-order", CMD_ARG_ENUM, 0, exceptions_sort_orders, CMD_ID_NONE, "sort direction"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg list_delete_args[] = {
	{"id", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "the value list's id"},
	{"delete-references", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "also delete the exception items that use the list"},
	{"ignore-references", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "delete without checking for exception items that use it"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_exceptions_defs[] = {
	{"exceptions endpoint", exceptions_args, CMD_LIST,
	 "list the Elastic Defend endpoint exceptions (GET /api/endpoint_list/items/_find)", "exceptions", NULL,
	 exceptions_run},
	{"list delete", list_delete_args, CMD_MUTATES, "delete a value list and its items (DELETE /api/lists)", NULL, NULL,
	 list_delete_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
