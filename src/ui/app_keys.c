#include "config.h"
#include "ui/app_internal.h"
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
#include <stdlib.h>
#include <string.h>

/* Keys while the bottom line is the / filter. */
static void app_key_filter(struct app *a, int key)
{
	struct pane *p = app_current_pane(a);
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

/*
 * Open def as a form: arguments from given (name/value pairs) first, then what the pane
 * can fill from the selected or marked rows; the form asks for the rest (or the command
 * runs at once when nothing is left to ask).
 */
void app_open_command(struct app *a, struct pane *p, const struct cmd_def *def, const char *const *given,
		      bool only_required)
{
	size_t n = 0;
	size_t *rows = p ? listmodel_selection(&p->list, &n) : NULL;
	const char *pairs[2 * APP_MAX_ARGS + 1] = {NULL};
	char *owned[APP_MAX_ARGS] = {NULL};
	size_t k = 0, n_owned = 0;
	for (size_t i = 0; def->args && def->args[i].name && k < APP_MAX_ARGS; i++) {
		const char *name = def->args[i].name;
		const char *v = NULL;
		for (size_t g = 0; given && given[g]; g += 2)
			if (!strcmp(given[g], name))
				v = given[g + 1];
		if (!v && n && p->ops->arg_value && (owned[n_owned] = p->ops->arg_value(p, &def->args[i], rows, n)))
			v = owned[n_owned++];
		if (!v)
			continue;
		pairs[2 * k] = name;
		pairs[2 * k + 1] = v;
		k++;
	}
	free(rows);
	if (only_required)
		app_open_form_required(a, p, def, pairs);
	else
		app_open_form(a, p, def, pairs);
	for (size_t i = 0; i < n_owned; i++)
		free(owned[i]);
}

/* Run a bound command line: its own arguments, the selection for the rest, a form if still short. */
static void app_run_binding(struct app *a, struct pane *p, const char *line)
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
		app_open_command(a, p, def, pairs, true);
		for (size_t i = 0; i < k; i++)
			free(joined[i]);
	}
	cmd_parse_free(def, parsed.values);
	tokenize_free(argc, argv);
}

static bool app_key_global(struct app *a, int key)
{
	if (key >= '1' && key <= '9' && (size_t)(key - '1') < a->n_panes) {
		app_show_pane(a, a->panes[key - '1']);
		return true;
	}
	switch (key) {
	case K_TAB:
		app_show_pane(a, a->panes[(a->current + 1) % a->n_panes]);
		return true;
	case K_BTAB:
		app_show_pane(a, a->panes[(a->current + a->n_panes - 1) % a->n_panes]);
		return true;
	case '?':
	case K_F(1):
		app_open_help(a);
		return true;
	case ':':
		prompt_open(a, "");
		return true;
	case 'q':
		a->quit = true;
		return true;
	case '!':
		if (a->msg) {
			struct view *v = textview_new(a, a->msg_kind == APP_MSG_ERROR ? "Last error" : "Last message");
			textview_add(v, a->msg_kind == APP_MSG_ERROR ? ROLE_ERROR : ROLE_NORMAL, 0, a->msg);
			app_push_view(a, v);
		}
		return true;
	default:
		return false;
	}
}

void app_key(struct app *a, int key)
{
	a->dirty = true;
	if (key == K_CTRL('c')) {
		a->quit = true;
		return;
	}
	if (key == K_RESIZE)
		return;
	if (prompt_active()) {
		prompt_key(a, key);
		return;
	}
	if (a->input == APP_INPUT_FILTER) {
		app_key_filter(a, key);
		return;
	}
	struct view *v = app_top_view(a);
	if (v) {
		if (v->ops->key(v, key))
			return;
		if (key == '?' || key == ':' || key == '!')
			app_key_global(a, key);
		return;
	}
	struct pane *p = app_current_pane(a);
	if (key == K_ESC) {
		if (p->list.filter)
			listmodel_set_filter(&p->list, NULL);
		else if (p->list.n_marked)
			listmodel_clear_marks(&p->list);
		free(a->msg);
		a->msg = NULL;
		return;
	}
	if (key == '/') {
		a->input = APP_INPUT_FILTER;
		textinput_set(&a->line, p->list.filter ? p->list.filter : "");
		return;
	}
	if (keys_is_enter(key)) {
		size_t row = listmodel_cursor_row(&p->list);
		if (row != (size_t)-1 && p->ops->open)
			p->ops->open(p, row);
		return;
	}
	const char *bound = app_binding(a, p, key);
	if (bound) {
		app_run_binding(a, p, bound);
		return;
	}
	const struct cmd_def *def = pane_command_for_key(p, key);
	if (def) {
		app_open_command(a, p, def, NULL, false);
		return;
	}
	if (p->ops->key && p->ops->key(p, key))
		return;
	if (pane_key(p, key, app_list_height(a)))
		return;
	app_key_global(a, key);
}
