/* Kibana platform objects: dashboard delete, ml sync, streams resync, streams group. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/dashboards.h"
#include "api/fleet.h"
#include "api/ml.h"
#include "api/streams.h"
#include "core/record.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* dashboard delete: the title, once known, names the dashboard in the question and the answer. */
struct dashboard_run {
	char *name;   /* "\"SOC overview\" (id)" or the id alone */
};

static void dashboard_run_free(void *p)
{
	struct dashboard_run *r = p;
	free(r->name);
	free(r);
}

static void dashboard_deleted(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct dashboard_run *r = ctx->state;
	const char *id = cmd_str(ctx, "id");
	cmd_audit(ctx, &id, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "deleting dashboard %s failed: %s", r->name, d->res.message);
		return;
	}
	char *msg = xasprintf("Deleted dashboard %s.", r->name);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void dashboard_go(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, dashboards_delete_request(cmd_str(ctx, "id")), dashboard_deleted);
}

static void dashboard_looked_up(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct dashboard_run *r = ctx->state;
	const char *id = cmd_str(ctx, "id");
	/* The title only makes the question clearer: without it, the id names the dashboard. */
	const struct fleet_asset_list *l = d->res.status == API_OK ? d->res.model : NULL;
	const char *title = NULL;
	for (size_t i = 0; l && i < l->n; i++)
		if (l->items[i].type && !strcmp(l->items[i].type, "dashboard") && !strcmp(l->items[i].id, id))
			title = l->items[i].title;
	if (title)
		r->name = xasprintf("\"%s\" (%s)", title, id);
	else
		r->name = xasprintf("with id \"%s\"", id);
	char *q = xasprintf("Delete dashboard %s? This cannot be undone.", r->name);
	cmd_confirm(ctx, q, NULL, dashboard_go);
	free(q);
}

static void dashboard_delete_run(struct cmd_ctx *ctx)
{
	ctx->state = xcalloc(1, sizeof(struct dashboard_run));
	ctx->state_free = dashboard_run_free;
	/* Kibana's saved-object lookup by type and id (the seed's bulk_assets) gives the title. */
	struct fleet_asset_ref ref = {"dashboard", cmd_str(ctx, "id")};
	cmd_submit(ctx, fleet_bulk_assets_request(&ref, 1), dashboard_looked_up);
}

static void ml_sync_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	bool simulate = cmd_flag(ctx, "simulate");
	if (!simulate)
		cmd_audit(ctx, (const char *const[]){"ml saved objects"}, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct ml_sync_result *s = d->res.model;
	static const char *const headers[] = {"ACTION", "KIND", "ID", "RESULT", NULL};
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 2);
	size_t failed = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct ml_sync_entry *e = &s->items[i];
		char *result = e->success ? xstrdup("ok") : e->error ? xasprintf("failed: %s", e->error) : xstrdup("failed");
		const char *row[] = {e->action, e->kind, e->id, result};
		table_add_row(&t, row);
		free(result);
		failed += !e->success;
	}
	char *n = opsutil_count(s->n, "change", "changes");
	char *title = s->n == 0 ? xstrdup(simulate ? "Nothing to synchronize: the ML saved objects are in order."
					    : "Nothing was synchronized: the ML saved objects were in order.")
		      : simulate ? xasprintf("A sync would make %s (simulated: nothing changed).", n)
				 : xasprintf("Synchronized ML saved objects: %s, %zu failed.", n, failed);
	struct cmd_output out = {.kind = s->n ? CMD_OUT_TABLE : CMD_OUT_MESSAGE, .message = title, .table = &t,
				 .json = d->res.json, .bad = s->bad};
	cmd_output(ctx, &out);
	free(title);
	free(n);
	table_free(&t);
	if (failed && !simulate)
		cmd_fail(ctx, CMD_EXIT_API, "%zu of %zu ML saved-object changes failed", failed, s->n);
	else
		cmd_finish(ctx);
}

static void ml_sync_go(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, ml_sync_request(cmd_flag(ctx, "simulate")), ml_sync_done);
}

static void ml_sync_run(struct cmd_ctx *ctx)
{
	if (cmd_flag(ctx, "simulate")) {
		ml_sync_go(ctx);
		return;
	}
	opsutil_change(ctx, "ml sync without --simulate",
		       "Synchronize the ML saved objects with the jobs and models (missing ones created, stale ones "
		       "deleted)? --simulate shows what would change.",
		       ml_sync_go);
}

static void streams_resynced(struct cmd_ctx *ctx, struct worker_done *d)
{
	cmd_audit(ctx, (const char *const[]){"all streams"}, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE,
				 .message = "Resynced every stream: its Elasticsearch assets are up to date.",
				 .json = d->res.json};
	cmd_output(ctx, &out);
	cmd_finish(ctx);
}

static void streams_resync_go(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, streams_resync_request(), streams_resynced);
}

static void streams_resync_run(struct cmd_ctx *ctx)
{
	cmd_confirm(ctx, "Resync every stream (its Elasticsearch assets are rewritten to match the definitions)?", NULL,
		    streams_resync_go);
}

static void streams_group_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	json_t *group = json_object_get(d->res.json, "group");
	struct record r;
	record_init(&r);
	char *title = xasprintf("Group stream %s", cmd_str(ctx, "name"));
	record_add_section(&r, title);
	opsutil_record_json(&r, json_is_object(group) ? group : d->res.json);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	free(title);
	cmd_finish(ctx);
}

static void streams_group_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, streams_group_request(cmd_str(ctx, "name")), streams_group_done);
}

static const struct cmd_arg dashboard_args[] = {
	{"id", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "the dashboard's id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg ml_sync_args[] = {
	{"simulate", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "only list what a sync would do (changes nothing)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg streams_group_args[] = {
	{"name", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "the group stream's name"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_stack_defs[] = {
	{"dashboard delete", dashboard_args, CMD_MUTATES, "delete a dashboard (DELETE /api/dashboards/dashboard/{id})",
	 NULL, NULL, dashboard_delete_run},
	{"ml sync", ml_sync_args, 0,
	 "sync ML saved objects with jobs and models; changes them unless --simulate (GET /api/ml/saved_objects/sync)",
	 NULL, NULL, ml_sync_run},
	{"streams resync", NULL, CMD_MUTATES, "bring every stream's Elasticsearch assets up to date (POST /api/streams/_resync)",
	 NULL, NULL, streams_resync_run},
	{"streams group", streams_group_args, 0, "show a group stream's settings (GET /api/streams/{name}/_group)", NULL,
	 NULL, streams_group_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
