/* Which Kibana and which space: spaces (list them), profile and space (switch the terminal UI to another). */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/spaces.h"
#include "core/profile.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void spaces_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	static const char *const headers[] = {"ID", "NAME", "DESCRIPTION", NULL};
	const struct space_list *l = d->res.model;
	const char *current = ctx->host->profile->space && *ctx->host->profile->space ? ctx->host->profile->space : "default";
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 2);
	for (size_t i = 0; i < l->n; i++) {
		const char *row[] = {l->items[i].id, l->items[i].name ? l->items[i].name : "-",
				     l->items[i].description ? l->items[i].description : "-"};
		table_add_row(&t, row);
	}
	char *title = xasprintf("%zu spaces; in use: %s", l->n, current);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void spaces_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, spaces_list_request(), spaces_done);
}

/* Ask the terminal UI to switch (what: "profile" or "space"). */
static void switch_run(struct cmd_ctx *ctx, const char *what, const char *flag)
{
	if (!ctx->host->ui) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "\"%s\" switches the terminal UI; from the command line give %s", what, flag);
		return;
	}
	char *argv[] = {(char *)cmd_str(ctx, "name"), NULL};
	char *err = NULL;
	if (ctx->host->ui(ctx, what, 1, argv, &err) < 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err ? err : "not switched");
		free(err);
		return;
	}
	cmd_finish(ctx);
}

static void profile_run(struct cmd_ctx *ctx)
{
	switch_run(ctx, "profile", "--profile NAME");
}

static void space_run(struct cmd_ctx *ctx)
{
	switch_run(ctx, "space", "--space NAME");
}

static const struct cmd_arg profile_args[] = {
	{"name", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_PROFILE, "a [profile NAME] of the config file"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg space_args[] = {
	{"name", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_SPACE, "a space id (spaces lists them)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_context_defs[] = {
	{"spaces", NULL, 0, "list the Kibana's spaces (GET /api/spaces/space)", NULL, NULL, spaces_run},
	{"profile", profile_args, CMD_LOCAL,
	 "switch to another profile of the config file (another Kibana): every pane reloads, marks are cleared", NULL, NULL,
	 profile_run},
	{"space", space_args, CMD_LOCAL, "switch to another space of this Kibana: every pane reloads, marks are cleared", NULL,
	 NULL, space_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
