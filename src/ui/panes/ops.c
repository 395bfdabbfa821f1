/*
 * The Operations pane: every command that talks to Kibana, with what it does, its HTTP
 * method and path and whether it changes data, so a new user finds the operations
 * without reading the manual. Enter opens the command as a form.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/panes/exceptview.h"
#include "api/exceptions.h"
#include "cmd/parse.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Commands whose arguments decide whether they change data. */
static const struct {
	const char *words;
	const char *when;
} ops_conditional[] = {
	{"api", "not GET"},
	{"ml sync", "no --simulate"},
};

/* One row: a command, its help split into what it does and the request it sends. */
struct ops_row {
	const struct cmd_def *def;
	char *what;      /* the help line without its "(METHOD /path)" */
	char *method;    /* "GET", "any", or "-" */
	char *path;      /* "/api/cases/_find", or "-" */
	const char *changes;
	const char *pane;  /* the title of the pane the command belongs to, or NULL */
};

struct ops_data {
	struct ops_row *rows;
	size_t n;
	size_t n_changes;
};

static const struct pane_column ops_columns[] = {
	{"COMMAND", 10, 24, 0, false},
	{"WHAT IT DOES", 16, 0, 4, false},
	{"METHOD", 6, 6, 0, false},
	{"PATH", 12, 0, 4, false},
	{"CHANGES", 7, 13, 1, false},
	{"PANE", 5, 13, 1, false},
};

static struct ops_data *od(struct pane *p)
{
	return p->data;
}

static void ops_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct ops_data));
}

static void ops_clear(struct ops_data *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->rows[i].what);
		free(d->rows[i].method);
		free(d->rows[i].path);
	}
	free(d->rows);
	d->rows = NULL;
	d->n = d->n_changes = 0;
}

static void ops_fini(struct pane *p)
{
	ops_clear(od(p));
	free(p->data);
}

/* True when s[0..n) is an HTTP method, or several joined by |. */
static bool ops_is_method(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '|'))
			return false;
	return true;
}

/* Split "list cases (GET /api/cases/_find)" into what, method and path. */
static void ops_split_help(const char *help, struct ops_row *r)
{
	const char *open = strrchr(help, '(');
	size_t len = strlen(help);
	if (open && len && help[len - 1] == ')') {
		const char *m = open + 1;
		size_t mlen = strcspn(m, " )");
		if (ops_is_method(m, mlen) && m[mlen] == ' ') {
			size_t what = (size_t)(open - help);
			while (what && help[what - 1] == ' ')
				what--;
			r->what = xstrndup(help, what);
			r->method = memchr(m, '|', mlen) ? xstrdup("any") : xstrndup(m, mlen);
			r->path = xstrndup(m + mlen + 1, (size_t)(help + len - 1 - (m + mlen + 1)));
			return;
		}
	}
	r->what = xstrdup(help);
	r->method = xstrdup("-");
	r->path = xstrdup("-");
}

static const char *ops_pane_title(struct app *a, const struct cmd_def *def)
{
	if (!def->pane || !strcmp(def->pane, "ops"))
		return NULL;
	struct pane *home = app_pane(a, def->pane);
	return home ? home->ops->title : NULL;
}

static void ops_drop(struct pane *p)
{
	ops_clear(od(p));
}

/* Every row at once: the command table is all there is to load. */
static void ops_more(struct pane *p)
{
	struct ops_data *d = od(p);
	ops_clear(d);
	size_t n = 0;
	for (const struct cmd_def *const *c = cmd_all(); *c; c++)
		n++;
	d->rows = xcalloc(n + 1, sizeof(*d->rows));
	for (const struct cmd_def *const *c = cmd_all(); *c; c++) {
		if ((*c)->flags & CMD_LOCAL)
			continue;
		struct ops_row *r = &d->rows[d->n++];
		r->def = *c;
		ops_split_help((*c)->help, r);
		r->changes = (*c)->flags & CMD_MUTATES ? "yes" : "no";
		for (size_t k = 0; k < sizeof(ops_conditional) / sizeof(*ops_conditional); k++)
			if (!strcmp(ops_conditional[k].words, (*c)->words))
				r->changes = ops_conditional[k].when;
		d->n_changes += strcmp(r->changes, "no") != 0;
		r->pane = ops_pane_title(p->app, *c);
	}
	p->total = (long long)d->n;
	p->complete = true;
	p->loaded_once = true;
	pane_rows_changed(p, d->n, 0);
}

static const char *ops_row_id(struct pane *p, size_t row)
{
	return od(p)->rows[row].def->words;
}

static void ops_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct ops_row *r = &od(p)->rows[row];
	switch (col) {
	case 0:
		strbuf_puts(t, r->def->words);
		*role = ROLE_LABEL;
		break;
	case 1:
		strbuf_puts(t, r->what);
		break;
	case 2:
		strbuf_puts(t, r->method);
		*role = strcmp(r->method, "GET") ? ROLE_WARNING : ROLE_DIM;
		break;
	case 3:
		strbuf_puts(t, r->path);
		*role = ROLE_DIM;
		break;
	case 4:
		strbuf_puts(t, r->changes);
		*role = !strcmp(r->changes, "no") ? ROLE_NORMAL : ROLE_WARNING;
		break;
	case 5:
		strbuf_puts(t, r->pane ? r->pane : "-");
		*role = ROLE_DIM;
		break;
	}
}

static void ops_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct ops_row *r = &od(p)->rows[row];
	strbuf_printf(out, "%s %s %s %s", r->def->words, r->what, r->method, r->path);
}

static void ops_open(struct pane *p, size_t row)
{
	app_open_form(p->app, p, od(p)->rows[row].def, NULL);
}

static void ops_summary(struct pane *p, struct strbuf *out)
{
	struct ops_data *d = od(p);
	strbuf_printf(out, "every operation: %zu commands · %zu can change data · Enter opens one as a form", d->n,
		      d->n_changes);
}

/* `exceptions endpoint` at ':' or from its form: the list view with those filters. */
static bool ops_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	if (strcmp(def->words, "exceptions endpoint") != 0)
		return false;
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	struct exceptions_query q = {.page = -1, .per_page = -1};
	for (size_t i = 0; def->args[i].name; i++) {
		const struct cmd_value *v = &parsed.values[i];
		const char *name = def->args[i].name, *val = v->n ? v->vals[0] : NULL;
		if (!val)
			continue;
		if (!strcmp(name, "filter"))
			q.filter = val;
		else if (!strcmp(name, "page"))
			q.page = strtol(val, NULL, 10);
		else if (!strcmp(name, "per-page"))
			q.per_page = strtol(val, NULL, 10);
		else if (!strcmp(name, "sort-field"))
			q.sort_field = val;
		else if (!strcmp(name, "sort-order"))
			q.sort_order = val;
	}
	if (q.filter && (*err = exceptions_check_filter(q.filter))) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	exceptview_open(p->app, &q);
	cmd_parse_free(def, parsed.values);
	return true;
}

static const struct pane_keyhelp ops_keyhelp[] = {
	{"Enter", "open the command as a form (then C-s runs it)"},
	{NULL, NULL},
};

const struct pane_ops ops_pane_ops = {
	.name = "ops",
	.title = "Ops",
	.columns = ops_columns,
	.n_columns = sizeof(ops_columns) / sizeof(*ops_columns),
	.init = ops_init,
	.fini = ops_fini,
	.drop = ops_drop,
	.more = ops_more,
	.row_id = ops_row_id,
	.cell = ops_cell,
	.row_text = ops_row_text,
	.open = ops_open,
	.apply = ops_apply,
	.summary = ops_summary,
	.keyhelp = ops_keyhelp,
};
