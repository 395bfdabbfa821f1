#include "config.h"
#include "ui/app_internal.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/view.h"
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

/* Build the arguments a pane command gets from the selection and open it as a form. */
static void app_key_command(struct app *a, struct pane *p, const struct cmd_def *def)
{
	size_t n;
	size_t *rows = listmodel_selection(&p->list, &n);
	if (n == 0) {
		free(rows);
		app_message(a, APP_MSG_ERROR, "Nothing selected for \"%s\".", def->words);
		return;
	}
	const char **given = xcalloc(2 * 16 + 1, sizeof(char *));
	char **owned = xcalloc(16, sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; def->args && def->args[i].name && k < 16; i++) {
		char *v = p->ops->arg_value ? p->ops->arg_value(p, &def->args[i], rows, n) : NULL;
		if (!v)
			continue;
		given[2 * k] = def->args[i].name;
		given[2 * k + 1] = v;
		owned[k++] = v;
	}
	free(rows);
	app_open_form(a, p, def, given);
	for (size_t i = 0; i < k; i++)
		free(owned[i]);
	free(owned);
	free(given);
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
		if (key == '?' || key == ':' || key == K_CTRL('c'))
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
	const struct cmd_def *def = pane_command_for_key(p, key);
	if (def) {
		app_key_command(a, p, def);
		return;
	}
	if (p->ops->key && p->ops->key(p, key))
		return;
	if (pane_key(p, key, app_list_height(a)))
		return;
	app_key_global(a, key);
}
