#include "config.h"
#include "ui/help.h"
#include "ui/app_internal.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "ui/view.h"
#include "cmd/cmd.h"
#include "cmd/cmd_help.h"
#include "cmd/parse.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

/* The kinds of views, as help names them. */
static const struct {
	unsigned where;
	const char *title;
} help_views[] = {
	{WHERE_LIST, "Lists (every pane)"},
	{WHERE_TEXT, "Detail and text views"},
	{WHERE_JSON, "The JSON viewer"},
	{WHERE_FORM, "Forms"},
	{WHERE_PICKER, "Pickers"},
	{WHERE_DIALOG | WHERE_WORD, "Questions"},
	{WHERE_CONSOLE, "The response console"},
};

/* "j Down C-n" for an item's keys. */
static void help_keys_text(const struct keymap_item *it, struct strbuf *out)
{
	for (size_t k = 0; k < it->n_keys; k++)
		strbuf_printf(out, "%s%s", k ? " " : "", keys_name(it->keys[k]));
}

/*
 * The items of one section: with a pane, only that pane's own commands and actions (the
 * rest is in the views' sections); without, the requests of the view kind.
 */
static size_t help_section(const struct keymap *km, const struct pane_ops *ops, unsigned where,
			   struct keymap_item **items)
{
	struct keymap_item *all;
	size_t n = keymap_items(km, ops, where, false, &all), kept = 0;
	struct keymap_item *base = NULL;
	size_t n_base = ops ? keymap_items(km, NULL, where, false, &base) : 0;
	for (size_t i = 0; i < n; i++) {
		bool in_base = false;
		for (size_t b = 0; b < n_base && !in_base; b++)
			in_base = base[b].label == all[i].label && base[b].help == all[i].help;
		if (ops && in_base)
			continue;
		all[kept++] = all[i];
	}
	free(base);
	*items = all;
	return kept;
}

static void help_add_items(struct view *v, const struct keymap_item *items, size_t n, bool readonly)
{
	struct strbuf keys, line;
	strbuf_init(&keys);
	strbuf_init(&line);
	for (size_t i = 0; i < n; i++) {
		bool mutates = items[i].def && (items[i].def->flags & CMD_MUTATES);
		strbuf_reset(&keys);
		strbuf_reset(&line);
		help_keys_text(&items[i], &keys);
		utf8_pad(&line, keys.buf, 18);
		strbuf_printf(&line, " %s%s", items[i].help, mutates ? (readonly ? "  [changes data: refused, read-only]"
										  : "  [changes data]")
									: "");
		textview_add(v, mutates ? (readonly ? ROLE_DIM : ROLE_WARNING) : ROLE_NORMAL, 2, line.buf);
	}
	strbuf_free(&keys);
	strbuf_free(&line);
}

void help_open(struct app *a)
{
	struct view *top = app_top_view(a);
	struct pane *here = app_current_pane(a);
	unsigned where = WHERE_LIST;
	if (top) {
		where = top->ops->where;
		here = NULL;
		const char *id;
		if (top->ops->list)
			here = top->ops->list(top);
		else if (top->ops->subject)
			top->ops->subject(top, &here, &id);
	}
	bool ro = app_readonly(a);
	struct view *v = textview_new(a, "Help: keys and commands");
	struct keymap_item *items;
	size_t n = keymap_items(&a->keymap, here ? here->ops : NULL, where, false, &items);
	textview_addf(v, ROLE_TITLE, 0, "Keys here%s%s", here ? ": " : "", here ? here->ops->title : "");
	help_add_items(v, items, n, ro);
	free(items);
	for (size_t i = 0; i < a->n_panes; i++) {
		n = help_section(&a->keymap, a->panes[i]->ops, WHERE_LIST | WHERE_DETAIL, &items);
		if (n) {
			textview_blank(v);
			textview_addf(v, ROLE_TITLE, 0, "Keys of the %s pane (its list and detail view)", a->panes[i]->ops->title);
			help_add_items(v, items, n, ro);
		}
		free(items);
	}
	for (size_t k = 0; k < sizeof(help_views) / sizeof(*help_views); k++) {
		n = help_section(&a->keymap, NULL, help_views[k].where, &items);
		textview_blank(v);
		textview_add(v, ROLE_TITLE, 0, help_views[k].title);
		help_add_items(v, items, n, ro);
		free(items);
	}
	textview_blank(v);
	textview_add(v, ROLE_TITLE, 0, "Commands (type after :, or run with ktriage -c; bind KEY COMMAND... binds one)");
	struct strbuf sb;
	strbuf_init(&sb);
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		bool mutates = (*d)->flags & CMD_MUTATES;
		strbuf_reset(&sb);
		cmd_usage(*d, &sb);
		textview_add(v, mutates ? (ro ? ROLE_DIM : ROLE_WARNING) : ROLE_LABEL, 2, sb.buf);
		textview_addf(v, ROLE_NORMAL, 6, "%s%s", (*d)->help,
			      mutates ? (ro ? "  [changes data: refused, read-only]" : "  [changes data]") : "");
	}
	strbuf_free(&sb);
	if (ro) {
		textview_blank(v);
		textview_add(v, ROLE_WARNING, 0, "Read-only mode: commands marked [changes data] are refused.");
	}
	app_push_view(a, v);
}

static void help_man_items(struct strbuf *out, const struct keymap_item *items, size_t n)
{
	struct strbuf keys;
	strbuf_init(&keys);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&keys);
		help_keys_text(&items[i], &keys);
		strbuf_puts(out, ".TP\n.B ");
		cmd_help_troff(out, keys.buf);
		strbuf_putc(out, '\n');
		cmd_help_troff(out, items[i].help);
		if (items[i].def) {
			if (items[i].def->flags & CMD_MUTATES)
				strbuf_puts(out, " (changes data)");
			strbuf_puts(out, "; runs \\fB");
			cmd_help_troff(out, items[i].def->words);
			strbuf_puts(out, "\\fR");
		}
		strbuf_putc(out, '\n');
	}
	strbuf_free(&keys);
}

void help_man_keys(struct strbuf *out)
{
	struct keymap_item *items;
	size_t n;
	strbuf_puts(out, ".SH KEYS\n");
	for (size_t k = 0; k < sizeof(help_views) / sizeof(*help_views); k++) {
		strbuf_printf(out, ".PP\n%s:\n", help_views[k].title);
		n = help_section(NULL, NULL, help_views[k].where, &items);
		help_man_items(out, items, n);
		free(items);
	}
	for (const struct pane_ops *const *po = panes_all; *po; po++) {
		n = help_section(NULL, *po, WHERE_LIST | WHERE_DETAIL, &items);
		if (n) {
			strbuf_printf(out, ".PP\nIn the %s pane (its list and detail view):\n", (*po)->title);
			help_man_items(out, items, n);
		}
		free(items);
	}
}
