/* Keys: what the view under them takes itself, then what the keymap says, in one dispatch for every view. */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/help.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/textview.h"
#include "ui/view.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

/* Keys while the bottom line is the / filter. */
static void app_key_filter(struct app *a, struct pane *p, int key)
{
	if (key == K_ESC) {
		listmodel_set_filter(&p->list, NULL);
		a->input = APP_INPUT_NONE;
	} else if (keys_is_enter(key)) {
		a->input = APP_INPUT_NONE;
	} else if (textinput_key(&a->line, key)) {
		listmodel_set_filter(&p->list, a->line.text.buf);
		pane_maybe_more(p, app_list_height(a));
	}
	a->dirty = true;
}

/* Most arguments a command can take. */
#define APP_MAX_ARGS 32

/* Where a command's arguments come from: rows of a pane (a list's selection, or a detail view's object). */
struct app_target {
	struct pane *pane;
	const void **rows;
	size_t n;
	const char *id;     /* a detail view's object id, when the object itself is not loaded */
};

static void app_target_free(struct app_target *t)
{
	free(t->rows);
}

/* The target of a key: the top view's object, or the current pane's selection. */
static struct app_target app_target(struct app *a, struct view *v)
{
	struct app_target t = {0};
	if (v) {
		if (v->ops->list) {
			t.pane = v->ops->list(v);
			t.rows = pane_selection(t.pane, &t.n);
		} else if (v->ops->subject) {
			const void *row = v->ops->subject(v, &t.pane, &t.id);
			t.rows = xcalloc(2, sizeof(void *));
			if (row)
				t.rows[t.n++] = row;
		}
		return t;
	}
	t.pane = app_current_pane(a);
	t.rows = pane_selection(t.pane, &t.n);
	return t;
}

/*
 * Open def as a form: arguments from given (name/value pairs) first, then what the target
 * supplies (its rows, or its id); the form asks for the rest (or the command runs at once
 * when nothing is left to ask).
 */
static void app_open_for(struct app *a, const struct app_target *t, const struct cmd_def *def, const char *const *given,
			 bool only_required)
{
	const char *pairs[2 * APP_MAX_ARGS + 1] = {NULL};
	char *owned[APP_MAX_ARGS] = {NULL};
	size_t k = 0, n_owned = 0;
	for (size_t i = 0; def->args && def->args[i].name && k < APP_MAX_ARGS; i++) {
		const struct cmd_arg *arg = &def->args[i];
		const char *v = NULL;
		for (size_t g = 0; given && given[g]; g += 2)
			if (!strcmp(given[g], arg->name))
				v = given[g + 1];
		if (!v && t->pane && (owned[n_owned] = pane_arg_value(t->pane, arg, t->rows, t->n)))
			v = owned[n_owned++];
		/* A detail view of an object not made yet ("" id) has nothing to give. */
		if (!v && t->id && *t->id && t->pane && arg->ids != CMD_ID_NONE && arg->ids == t->pane->ops->id_kind)
			v = t->id;
		if (!v)
			continue;
		pairs[2 * k] = arg->name;
		pairs[2 * k + 1] = v;
		k++;
	}
	if (only_required)
		app_open_form_required(a, t->pane, def, pairs);
	else
		app_open_form(a, t->pane, def, pairs);
	for (size_t i = 0; i < n_owned; i++)
		free(owned[i]);
}

void app_open_command(struct app *a, struct pane *p, const struct cmd_def *def, const char *const *given,
		      bool only_required)
{
	struct app_target t = {.pane = p};
	if (p)
		t.rows = pane_selection(p, &t.n);
	app_open_for(a, &t, def, given, only_required);
	app_target_free(&t);
}

/* Run a bound command line: its own arguments, the target for the rest, a form if still short. */
static void app_run_binding(struct app *a, const struct app_target *t, const char *line)
{
	int argc, used;
	char **argv;
	char *err = NULL;
	if (tokenize(line, &argc, &argv, &err) < 0) {
		app_message(a, APP_MSG_ERROR, "binding \"%s\": %s", line, err);
		free(err);
		return;
	}
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	struct cmd_parsed parsed = {0};
	if (!def) {
		app_message(a, APP_MSG_ERROR, "binding \"%s\": no such command", line);
	} else if (cmd_parse_partial(def, argc - used, argv + used, &parsed, &err) < 0) {
		app_message(a, APP_MSG_ERROR, "binding \"%s\": %s", line, err);
		free(err);
	} else {
		const char *pairs[2 * APP_MAX_ARGS + 1] = {NULL};
		char *joined[APP_MAX_ARGS] = {NULL};
		size_t k = 0;
		for (size_t i = 0; def->args && def->args[i].name && k < APP_MAX_ARGS; i++) {
			if (!parsed.values[i].n)
				continue;
			struct strbuf sb;
			strbuf_init(&sb);
			for (size_t v = 0; v < parsed.values[i].n; v++)
				strbuf_printf(&sb, "%s%s", v ? (def->args[i].type == CMD_ARG_TEXT ? " " : ",") : "",
					      parsed.values[i].vals[v]);
			joined[k] = strbuf_detach(&sb, NULL);
			pairs[2 * k] = def->args[i].name;
			pairs[2 * k + 1] = joined[k];
			k++;
		}
		app_open_for(a, t, def, pairs, true);
		for (size_t i = 0; i < k; i++)
			free(joined[i]);
	}
	if (def)
		cmd_parse_free(def, parsed.values);
	tokenize_free(argc, argv);
}

/* Stop like any curses program on C-z: the terminal back to the shell until fg. */
static void app_suspend(struct app *a)
{
	endwin();
	raise(SIGTSTP);
	clearok(curscr, TRUE);
	a->dirty = true;
}

static void app_quit_answer(void *ctx, bool yes)
{
	struct app *a = ctx;
	if (yes)
		a->quit = true;
}

/* Quit, asking first when a pane is still following something (a pending response action). */
static void app_quit(struct app *a)
{
	struct strbuf why;
	strbuf_init(&why);
	for (size_t i = 0; i < a->n_panes; i++) {
		if (!a->panes[i]->ops->busy)
			continue;
		char *b = a->panes[i]->ops->busy(a->panes[i]);
		if (b)
			strbuf_printf(&why, "%s%s", why.len ? "; " : "", b);
		free(b);
	}
	if (!why.len) {
		a->quit = true;
	} else {
		strbuf_puts(&why, ". Quit anyway (they go on in Kibana; ktriage stops following them)?");
		app_confirm(a, why.buf, app_quit_answer, a);
	}
	strbuf_free(&why);
}

/* Requests that belong to the app rather than to a view or a pane. */
static bool app_request(struct app *a, enum action_req req)
{
	struct pane *p = app_current_pane(a);
	switch (req) {
	case REQ_NEXT_PANE:
		app_show_pane(a, a->panes[(a->current + 1) % a->n_panes]);
		return true;
	case REQ_PREV_PANE:
		app_show_pane(a, a->panes[(a->current + a->n_panes - 1) % a->n_panes]);
		return true;
	case REQ_PANE_1:
	case REQ_PANE_2:
	case REQ_PANE_3:
	case REQ_PANE_4:
	case REQ_PANE_5:
	case REQ_PANE_6:
	case REQ_PANE_7:
	case REQ_PANE_8:
	case REQ_PANE_9:
		if ((size_t)(req - REQ_PANE_1) < a->n_panes)
			app_show_pane(a, a->panes[req - REQ_PANE_1]);
		return true;
	case REQ_HELP:
		help_open(a);
		return true;
	case REQ_PROMPT:
		prompt_open(a, "");
		return true;
	case REQ_QUIT:
		app_quit(a);
		return true;
	case REQ_QUIT_NOW:
		a->quit = true;
		return true;
	case REQ_SUSPEND:
		app_suspend(a);
		return true;
	case REQ_MESSAGE: {
		/* The last error of any kind, whole; and the last message when it says something else. */
		if (!a->last_error && !a->msg)
			return true;
		struct view *v = textview_new(a, a->last_error ? "Last error" : "Last message");
		if (a->last_error)
			textview_add(v, ROLE_ERROR, 0, a->last_error);
		if (a->msg && (!a->last_error || strcmp(a->msg, a->last_error))) {
			if (a->last_error) {
				textview_blank(v);
				textview_add(v, ROLE_TITLE, 0, "Last message");
			}
			textview_add(v, a->msg_kind == APP_MSG_ERROR ? ROLE_ERROR : ROLE_NORMAL, 0, a->msg);
		}
		app_push_view(a, v);
		return true;
	}
	case REQ_FILTER:
		a->input = APP_INPUT_FILTER;
		textinput_set(&a->line, p->list.filter ? p->list.filter : "");
		return true;
	default:
		return false;
	}
}

void app_key(struct app *a, int key)
{
	a->dirty = true;
	if (key == K_RESIZE)
		return;
	if (prompt_active()) {
		prompt_key(a, key);
		return;
	}
	struct pane *p = app_current_pane(a);
	if (a->input == APP_INPUT_FILTER) {
		app_key_filter(a, p, key);
		return;
	}
	struct view *v = app_top_view(a);
	if (v && v->ops->key && v->ops->key(v, key))
		return;
	struct app_target t = app_target(a, v);
	unsigned where = v ? v->ops->where : WHERE_LIST;
	struct keymap_hit hit = keymap_lookup(&a->keymap, key, t.pane ? t.pane->ops : NULL, where);
	switch (hit.kind) {
	case KEYMAP_REQ:
		if (app_link_request(a, hit.req, t.pane, t.rows, t.n, t.id))
			break;
		if (v ? v->ops->request(v, hit.req) : pane_request(p, hit.req, app_list_height(a)))
			break;
		if (!app_request(a, hit.req) && hit.req == REQ_CLEAR) {
			free(a->msg);
			a->msg = NULL;
		}
		break;
	case KEYMAP_ACTION:
		if (t.n)
			hit.action->run(t.pane, t.rows, t.n);
		else
			app_message(a, APP_MSG_INFO, "Nothing to %s here yet.", hit.action->hint ? hit.action->hint : hit.action->name);
		break;
	case KEYMAP_COMMAND:
		app_open_for(a, &t, hit.def, NULL, false);
		break;
	case KEYMAP_LINE:
		app_run_binding(a, &t, hit.line);
		break;
	case KEYMAP_NONE:
		break;
	}
	app_target_free(&t);
}
