/* The ? overlay: keys and commands, generated from the key table and the command table. */
#include "config.h"
#include "ui/help.h"
#include "ui/app_internal.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "cmd/cmd.h"
#include "cmd/help.h"
#include "cmd/parse.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include <string.h>

/* Keys every list understands (the pane core and the app shell). */
static const struct {
	const char *keys;
	const char *help;
} help_common[] = {
	{"1-9, Tab, S-Tab", "switch pane"},
	{"j k, Up Down", "move"},
	{"PgUp PgDn, g G", "page, first, last"},
	{"Enter", "open the detail view"},
	{"Esc, q", "back (q on a pane quits)"},
	{"Space", "mark the row for a bulk action"},
	{"/", "filter loaded rows as you type (Esc clears)"},
	{"r", "refresh from the server"},
	{":", "command line (Tab completes; :help lists commands)"},
	{"?", "this help"},
	{"!", "the last message or error, whole"},
	{"C-c", "quit"},
};

void app_open_help(struct app *a)
{
	struct view *v = textview_new(a, "Help: keys and commands");
	struct pane *cur = app_current_pane(a);
	textview_add(v, ROLE_TITLE, 0, "Keys in every pane");
	for (size_t i = 0; i < sizeof(help_common) / sizeof(*help_common); i++)
		textview_addf(v, ROLE_NORMAL, 2, "%-18s %s", help_common[i].keys, help_common[i].help);
	bool any_global = false;
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		const struct cmd_def *def = *d;
		if (!def->key || def->pane)
			continue;
		if (!any_global) {
			textview_blank(v);
			textview_add(v, ROLE_TITLE, 0, "Keys in every pane that run commands");
			any_global = true;
		}
		textview_addf(v, def->flags & CMD_MUTATES ? ROLE_WARNING : ROLE_NORMAL, 2, "%-18s %s%s", def->key, def->help,
			      def->flags & CMD_MUTATES ? "  [changes data]" : "");
	}
	for (size_t pi = 0; pi < a->n_panes; pi++) {
		struct pane *p = a->panes[pi];
		bool any = false;
		for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
			const struct cmd_def *def = *d;
			if (!def->key || !def->pane || strcmp(def->pane, p->ops->name) != 0)
				continue;
			if (!any) {
				textview_blank(v);
				textview_addf(v, ROLE_TITLE, 0, "Keys in %s%s", p->ops->title, p == cur ? " (this pane)" : "");
				any = true;
			}
			textview_addf(v, def->flags & CMD_MUTATES ? ROLE_WARNING : ROLE_NORMAL, 2, "%-18s %s%s", def->key,
				      def->help, def->flags & CMD_MUTATES ? "  [changes data]" : "");
		}
		for (const struct pane_keyhelp *k = p->ops->keyhelp; k && k->key; k++) {
			if (!any) {
				textview_blank(v);
				textview_addf(v, ROLE_TITLE, 0, "Keys in %s%s", p->ops->title, p == cur ? " (this pane)" : "");
				any = true;
			}
			textview_addf(v, ROLE_NORMAL, 2, "%-18s %s", k->key, k->help);
		}
	}
	textview_blank(v);
	textview_add(v, ROLE_TITLE, 0, "Commands (type after :, or run with ktriage -c)");
	struct strbuf sb;
	strbuf_init(&sb);
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		strbuf_reset(&sb);
		cmd_usage(*d, &sb);
		textview_add(v, (*d)->flags & CMD_MUTATES ? ROLE_WARNING : ROLE_LABEL, 2, sb.buf);
		textview_addf(v, ROLE_NORMAL, 6, "%s%s", (*d)->help, (*d)->flags & CMD_MUTATES ? "  [changes data]" : "");
	}
	strbuf_free(&sb);
	if (a->profile->readonly) {
		textview_blank(v);
		textview_add(v, ROLE_WARNING, 0, "Read-only mode: commands marked [changes data] are refused.");
	}
	app_push_view(a, v);
}

static void help_man_key(struct strbuf *out, const char *key, const char *help, const struct cmd_def *def)
{
	strbuf_puts(out, ".TP\n.B ");
	cmd_help_troff(out, key);
	strbuf_putc(out, '\n');
	cmd_help_troff(out, help);
	if (def) {
		if (def->flags & CMD_MUTATES)
			strbuf_puts(out, " (changes data)");
		strbuf_puts(out, "; runs \\fB");
		cmd_help_troff(out, def->words);
		strbuf_puts(out, "\\fR");
	}
	strbuf_putc(out, '\n');
}

void help_man_keys(struct strbuf *out)
{
	strbuf_puts(out, ".SH KEYS\nIn every pane:\n");
	for (size_t i = 0; i < sizeof(help_common) / sizeof(*help_common); i++)
		help_man_key(out, help_common[i].keys, help_common[i].help, NULL);
	for (const struct cmd_def *const *d = cmd_all(); *d; d++)
		if ((*d)->key && !(*d)->pane)
			help_man_key(out, (*d)->key, (*d)->help, *d);
	for (const struct pane_ops *const *po = panes_all; *po; po++) {
		strbuf_printf(out, ".PP\nIn the %s pane:\n", (*po)->title);
		for (const struct cmd_def *const *d = cmd_all(); *d; d++)
			if ((*d)->key && (*d)->pane && !strcmp((*d)->pane, (*po)->name))
				help_man_key(out, (*d)->key, (*d)->help, *d);
		for (const struct pane_keyhelp *k = (*po)->keyhelp; k && k->key; k++)
			help_man_key(out, k->key, k->help, NULL);
	}
}
