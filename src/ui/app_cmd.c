/* Running commands inside the TUI: the cmd_host that shows results, asks, and refreshes panes and views. */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/chat.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/jsonview.h"
#include "ui/listview.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* The TUI's side of one running command. */
struct appcmd {
	struct app *app;
	struct pane *origin;   /* refreshed when the command ends */
	bool from_prompt;      /* typed at ':' : lists and records open a result view */
	bool produced;         /* something was shown */
	struct view *form;     /* the form it came from, detached while it runs, or NULL */
	struct chat *chat;     /* the reply it streams into a reader, or NULL */
};

static struct app *appcmd_app(struct cmd_ctx *ctx)
{
	return ((struct appcmd *)ctx->front)->app;
}

static void appcmd_answer(void *p, bool yes)
{
	cmd_confirmed(p, yes);
}

static void appcmd_confirm(struct cmd_ctx *ctx, const char *question, const char *word)
{
	struct app *a = appcmd_app(ctx);
	app_push_view(a, confirm_new(a, question, word, appcmd_answer, ctx));
}

static void appcmd_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct appcmd *uc = ctx->front;
	struct app *a = uc->app;
	uc->produced = true;
	/* The API's own JSON, asked for with --json (the api console always asks): the JSON viewer. */
	if (ctx->json && out->json) {
		bool one_line = out->message && !strchr(out->message, '\n');
		app_push_view(a, jsonview_new(a, one_line ? out->message : ctx->def->words, out->json));
		return;
	}
	if (out->kind == CMD_OUT_MESSAGE && !strchr(out->message, '\n')) {
		app_message(a, APP_MSG_SUCCESS, "%s", out->message);
		return;
	}
	/* Run in its own pane, a command's result is that pane; run from elsewhere (the Operations
	 * pane), its table or record opens in a result view. */
	bool at_home = uc->origin && ctx->def->pane && !strcmp(uc->origin->ops->name, ctx->def->pane);
	if (!uc->from_prompt && at_home && out->kind != CMD_OUT_MESSAGE) {
		if (out->message)
			app_message(a, APP_MSG_INFO, "%s", out->message);
		return;
	}
	const char *title = ctx->def->words;
	if (out->message && out->kind != CMD_OUT_MESSAGE)
		title = out->message;
	else if (out->kind == CMD_OUT_RECORD && out->record->n && !out->record->items[0].label)
		title = out->record->items[0].value;
	struct view *v = textview_new(a, title);
	if (out->bad)
		app_message(a, APP_MSG_ERROR, "%zu row%s could not be read: shown as placeholders that say why.", out->bad,
			    out->bad == 1 ? "" : "s");
	struct strbuf sb;
	strbuf_init(&sb);
	switch (out->kind) {
	case CMD_OUT_MESSAGE:
		textview_add(v, ROLE_NORMAL, 0, out->message);
		break;
	case CMD_OUT_TABLE:
		table_render_fit(out->table, COLS - 2, &sb);
		textview_add(v, ROLE_NORMAL, 0, sb.buf);
		break;
	case CMD_OUT_RECORD:
		textview_add_record(v, out->record);
		break;
	}
	strbuf_free(&sb);
	app_push_view(a, v);
}

static void appcmd_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	struct appcmd *uc = ctx->front;
	chat_stream(uc->app, &uc->chat, ctx, ev);
}

static void appcmd_note(struct cmd_ctx *ctx, const char *text)
{
	app_message(appcmd_app(ctx), APP_MSG_INFO, "%s", text);
}

static void appcmd_finished(struct cmd_ctx *ctx)
{
	struct appcmd *uc = ctx->front;
	struct app *a = uc->app;
	a->commands--;
	chat_command_done(uc->chat, ctx);
	if (uc->form && ctx->exit_code == CMD_EXIT_USAGE && ctx->error) {
		/* The command's checks refused what the form held: the form comes back as it was, the problem on its field. */
		form_show_error(uc->form, ctx->error);
		app_push_view(a, uc->form);
		uc->form = NULL;
	} else if (ctx->error) {
		app_message(a, APP_MSG_ERROR, "%s", ctx->error);
	}
	if (uc->form) {
		/* Kibana did not take the change: what was typed is kept for the next try. */
		if (ctx->exit_code == CMD_EXIT_API && (ctx->def->flags & CMD_MUTATES))
			form_save_draft(uc->form);
		app_destroy_view(uc->form);
	}
	/* What the command changed (or found out of date) shows up in the pane it came from and in
	 * the pane its results live in (a suspend typed in Cases appears in Actions). */
	if (ctx->def->flags & CMD_MUTATES) {
		struct pane *home = ctx->def->pane ? app_pane(a, ctx->def->pane) : NULL;
		/* The marked rows were what a bulk change was for: once it is done they are let go; a failure keeps them to retry. */
		if (uc->origin && !ctx->error && ctx->exit_code == 0)
			listmodel_clear_marks(&uc->origin->list);
		if (uc->origin)
			pane_reload(uc->origin);
		if (home && home != uc->origin && home->loaded_once)
			pane_reload(home);
		/* Any other pane may hold what changed (alerts attached to a new case): it reloads when next shown. */
		size_t n;
		struct pane **all = app_panes(a, &n);
		for (size_t i = 0; i < n; i++)
			if (all[i] != uc->origin && all[i] != home && all[i]->loaded_once)
				all[i]->outdated = true;
		app_refresh_views(a);
	}
	free(uc);
	a->dirty = true;
}

static int appcmd_ui(struct cmd_ctx *ctx, const char *what, int argc, char **argv, char **err)
{
	return app_ui_command(appcmd_app(ctx), what, argc, argv, err);
}

static const struct cmd_host *appcmd_host(struct app *a)
{
	static struct cmd_host host;
	host.worker = a->worker;
	host.profile = a->profile;
	host.readonly = a->profile->readonly;
	host.batch = false;
	host.confirm = appcmd_confirm;
	host.output = appcmd_output;
	host.finished = appcmd_finished;
	host.note = appcmd_note;
	host.ui = appcmd_ui;
	host.stream = appcmd_stream;
	host.udata = a;
	return &host;
}

static void appcmd_start(struct app *a, struct pane *origin, bool from_prompt, struct view *form, int argc,
			 char **argv)
{
	struct appcmd *uc = xcalloc(1, sizeof(*uc));
	uc->app = a;
	uc->origin = origin;
	uc->from_prompt = from_prompt;
	uc->form = form;
	char *err = NULL;
	a->commands++;
	if (cmd_start(appcmd_host(a), argc, argv, uc, &err) < 0) {
		a->commands--;
		if (form) {
			form_show_error(form, err);
			app_push_view(a, form);
		} else {
			app_message(a, APP_MSG_ERROR, "%s", err);
		}
		free(err);
		free(uc);
	}
}

/* The first id argument's value of a parsed command, or NULL. */
static const char *appcmd_id_value(const struct cmd_def *def, const struct cmd_value *values)
{
	for (size_t i = 0; def->args && def->args[i].name; i++)
		if (def->args[i].ids != CMD_ID_NONE && values[i].n)
			return values[i].vals[0];
	return NULL;
}

/*
 * A list command at ':' goes to its pane (or opens its list view) with its filters; a command
 * that shows one object opens that pane's detail view, the same view as Enter on its row.
 */
static bool appcmd_in_pane(struct app *a, int argc, char **argv, char **err_out)
{
	int used;
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	if (!def || !(def->flags & (CMD_LIST | CMD_DETAIL)) || !def->pane)
		return false;
	struct pane *p = app_pane(a, def->pane);
	const struct pane_ops *view_ops = p ? NULL : panes_view(def->pane);
	char *err = NULL;
	bool ok = true;
	if (def->flags & CMD_DETAIL) {
		struct cmd_parsed parsed;
		if (!p || cmd_parse_args(def, argc - used, argv + used, &parsed, &err) < 0) {
			if (p)
				cmd_parse_free(def, parsed.values);
			ok = false;
		} else {
			const char *id = appcmd_id_value(def, parsed.values);
			app_show_pane(a, p);
			if (id)
				pane_open_id(p, id);
			cmd_parse_free(def, parsed.values);
		}
	} else if (p) {
		ok = pane_apply(p, def, argc - used, argv + used, &err);
		if (ok)
			app_show_pane(a, p);
	} else if (view_ops) {
		ok = listview_open(a, view_ops, argc - used, argv + used, &err);
	} else {
		return false;
	}
	if (!ok && err) {
		if (err_out)
			*err_out = err;
		else
			app_message(a, APP_MSG_ERROR, "%s", err);
		if (!err_out)
			free(err);
		return true;
	}
	return ok;
}

void app_run_line(struct app *a, const char *line)
{
	int argc;
	char **argv;
	char *err = NULL;
	if (tokenize(line, &argc, &argv, &err) < 0) {
		app_message(a, APP_MSG_ERROR, "%s", err);
		free(err);
		return;
	}
	if (argc == 0) {
		tokenize_free(argc, argv);
		return;
	}
	if (!strcmp(argv[0], "q") || !strcmp(argv[0], "quit")) {
		a->quit = true;
	} else if (!appcmd_in_pane(a, argc, argv, NULL)) {
		appcmd_start(a, app_current_pane(a), true, NULL, argc, argv);
	}
	tokenize_free(argc, argv);
}

void app_run_argv(struct app *a, struct pane *origin, int argc, char **argv)
{
	if (!appcmd_in_pane(a, argc, argv, NULL))
		appcmd_start(a, origin, false, NULL, argc, argv);
}

void app_run_form(struct app *a, struct pane *origin, struct view *form, int argc, char **argv)
{
	char *err = NULL;
	if (!appcmd_in_pane(a, argc, argv, &err)) {
		appcmd_start(a, origin, false, form, argc, argv);
	} else if (err) {
		form_show_error(form, err);
		app_push_view(a, form);
		free(err);
	} else {
		app_destroy_view(form);
	}
}

static void appcmd_form(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given,
			bool only_required)
{
	/* Refused before a form opens: a key, a binding or the Ops pane all come here. */
	if ((def->flags & CMD_MUTATES) && app_readonly(a)) {
		app_message(a, APP_MSG_ERROR,
			    "Read-only mode: \"%s\" changes data, so it is refused (the profile or --readonly says so).",
			    def->words);
		return;
	}
	struct view *v = form_new(a, origin, def, given, only_required);
	if (v) {
		app_push_view(a, v);
		return;
	}
	int argc;
	char **argv = form_argv(def, given, &argc);
	app_run_argv(a, origin, argc, argv);
	tokenize_free(argc, argv);
}

void app_open_form(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given)
{
	appcmd_form(a, origin, def, given, false);
}

void app_open_form_required(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given)
{
	appcmd_form(a, origin, def, given, true);
}
