/*
 * The Operations pane: every command that talks to Kibana, with what it does, its HTTP
 * method and path and whether it changes data, so a new user finds the operations
 * without reading the manual. Enter opens the command as a form.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/panes.h"
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

static const char *ops_row_id(const void *row)
{
	return ((const struct ops_row *)row)->def->words;
}

static void ops_row_clear(void *row)
{
	struct ops_row *r = row;
	free(r->what);
	free(r->method);
	free(r->path);
	memset(r, 0, sizeof(*r));
}

static const struct rowset_kind ops_rows = {sizeof(struct ops_row), ops_row_clear, ops_row_id, NULL};

static void col_command(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct ops_row *)row)->def->words);
}

static void col_what(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct ops_row *)row)->what);
}

static void col_method(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct ops_row *)row)->method);
}

static void col_path(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct ops_row *)row)->path);
}

static void col_changes(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct ops_row *)row)->changes);
}

static void col_pane(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct ops_row *r = row;
	(void)cx;
	strbuf_puts(out, r->pane ? r->pane : "-");
}

static const struct column ops_columns[] = {
	{"COMMAND", col_command, 10, 24, 0, 10, 0, COLUMN_NAME},
	{"WHAT IT DOES", col_what, 16, 0, 4, 9, 0, COLUMN_PLAIN},
	{"METHOD", col_method, 6, 6, 0, 6, 0, COLUMN_DIM},
	{"PATH", col_path, 12, 0, 4, 5, 0, COLUMN_DIM},
	{"CHANGES", col_changes, 7, 13, 0, 8, 0, COLUMN_STATUS},
	{"PANE", col_pane, 5, 13, 0, 4, 0, COLUMN_DIM},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

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

/* Every row at once: the command table is all there is to load. */
static void ops_local(struct pane *p, struct pane_page *out)
{
	size_t n = 0;
	for (const struct cmd_def *const *c = cmd_all(); *c; c++)
		n++;
	struct ops_row *rows = xcalloc(n + 1, sizeof(*rows));
	size_t k = 0;
	for (const struct cmd_def *const *c = cmd_all(); *c; c++) {
		if ((*c)->flags & CMD_LOCAL)
			continue;
		struct ops_row *r = &rows[k++];
		r->def = *c;
		ops_split_help((*c)->help, r);
		r->changes = (*c)->flags & CMD_MUTATES ? (app_readonly(p->app) ? "yes: refused" : "yes") : "no";
		for (size_t i = 0; i < sizeof(ops_conditional) / sizeof(*ops_conditional); i++)
			if (!strcmp(ops_conditional[i].words, (*c)->words))
				r->changes = ops_conditional[i].when;
		r->pane = ops_pane_title(p->app, *c);
	}
	out->rows = rows;
	out->n = k;
	out->total = (long long)k;
	out->last = true;
}

static void ops_row_text(const void *row, struct strbuf *out)
{
	const struct ops_row *r = row;
	strbuf_printf(out, "%s %s %s %s", r->def->words, r->what, r->method, r->path);
}

static void ops_open(struct pane *p, const void *row)
{
	app_open_form(p->app, p, ((const struct ops_row *)row)->def, NULL);
}

static void ops_summary(struct pane *p, struct strbuf *out)
{
	size_t changes = 0;
	for (size_t i = 0; i < p->rows.n; i++)
		changes += strcmp(((const struct ops_row *)pane_row(p, i))->changes, "no") != 0;
	strbuf_printf(out, "every operation: %zu commands · %zu can change data · Enter opens one as a form", p->rows.n,
		      changes);
}

const struct pane_ops ops_pane_ops = {
	.name = "ops",
	.title = "Ops",
	.columns = ops_columns,
	.rows = &ops_rows,
	.local = ops_local,
	.row_text = ops_row_text,
	.open = ops_open,
	.summary = ops_summary,
};
