/* Commands that shape the terminal UI (theme, bind, set); the config file can hold them too. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Run a UI command through the front end. */
static void ui_apply(struct cmd_ctx *ctx, const char *what, int argc, char **argv)
{
	if (!ctx->host->ui) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "\"%s\" applies to the terminal UI; put it in the config file's [ktriage] section", what);
		return;
	}
	char *err = NULL;
	if (ctx->host->ui(ctx, what, argc, argv, &err) < 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err ? err : "not applied");
		free(err);
		return;
	}
	cmd_finish(ctx);
}

static void theme_run(struct cmd_ctx *ctx)
{
	char *argv[] = {(char *)cmd_str(ctx, "name"), NULL};
	ui_apply(ctx, "theme", 1, argv);
}

/* bind's argv for the UI: key, pane ("" for every pane), then the command line's words. */
static void bind_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *words = cmd_values(ctx, "command");
	const char *pane = cmd_str(ctx, "pane");
	char **argv = xcalloc(words->n + 3, sizeof(char *));
	argv[0] = (char *)cmd_str(ctx, "key");
	argv[1] = (char *)(pane ? pane : "");
	for (size_t i = 0; i < words->n; i++)
		argv[i + 2] = words->vals[i];
	ui_apply(ctx, "bind", (int)words->n + 2, argv);
	free(argv);
}

static void set_run(struct cmd_ctx *ctx)
{
	char *argv[] = {(char *)cmd_str(ctx, "name"), (char *)cmd_str(ctx, "value"), NULL};
	ui_apply(ctx, "set", 2, argv);
}

static const char *const settings[] = {"refresh", "concurrency", "notify", "opener", "links", NULL};

static const struct cmd_arg theme_args[] = {
	{"name", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "default, light, high-contrast, or a file NAME.theme"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg bind_args[] = {
	{"key", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "a key: a character, C-x, F5, ..."},
	{"pane", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only in this pane (cases, alerts, ...), given before the key"},
	{"command", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI | CMD_REST, NULL, CMD_ID_NONE,
	 "the command line it runs, options included (missing arguments come from the selection, or a form)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg set_args[] = {
	{"name", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, settings, CMD_ID_NONE,
	 "refresh: fetch what is new every N seconds (0: never); concurrency: most requests in flight at once; "
	 "notify: off, bell, auto, osc9 or osc777 for new critical or high alerts; opener: the program o opens "
	 "Kibana links with (none: only show them); links: on or off, OSC 8 links in detail views"},
	{"value", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "the new value"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_ui_defs[] = {
	{"theme", theme_args, CMD_LOCAL, "switch the colour theme", NULL, NULL, theme_run},
	{"bind", bind_args, CMD_LOCAL, "bind a key to a command line", NULL, NULL, bind_run},
	{"set", set_args, CMD_LOCAL, "change a setting of the terminal UI", NULL, NULL, set_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
