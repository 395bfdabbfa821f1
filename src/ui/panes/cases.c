/* The Cases pane: GET /api/cases/_find, paged from the server as you scroll. */
#include "config.h"
#include "ui/app.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "ui/uifmt.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/worker.h"
#include "cmd/casefmt.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Cases fetched per request. */
#define CASES_PAGE 50

/* Server-side sorts the pane cycles through with o. */
static const struct {
	const char *field;
	const char *label;
} cases_sorts[] = {
	{"updatedAt", "updated"}, {"createdAt", "created"}, {"severity", "severity"}, {"title", "title"},
};

struct cases_data {
	struct kb_case *cases;
	size_t n, cap;
	long next_page;
	long long count_open, count_in_progress, count_closed;
	char *status, *severity, *search, *owner;
	char **tags;
	size_t n_tags;
	size_t sort;
	bool asc;
};

static const struct pane_column cases_columns[] = {
	{"SEV", 4, 8, 0, false},
	{"STATUS", 6, 11, 0, false},
	{"TITLE", 16, 0, 6, false},
	{"TAGS", 6, 30, 2, false},
	{"ASSIGNEES", 6, 24, 1, false},
	{"ALERTS", 6, 6, 0, true},
	{"CMTS", 4, 4, 0, true},
	{"UPDATED", 8, 9, 0, false},
	{"PUSHED", 6, 16, 1, false},
};

static struct cases_data *cd(struct pane *p)
{
	return p->data;
}

static void cases_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct cases_data));
	cd(p)->status = xstrdup("open");
}

static void cases_clear_rows(struct cases_data *d)
{
	for (size_t i = 0; i < d->n; i++)
		cases_case_clear(&d->cases[i]);
	d->n = 0;
}

static void cases_fini(struct pane *p)
{
	struct cases_data *d = cd(p);
	cases_clear_rows(d);
	free(d->cases);
	free(d->status);
	free(d->severity);
	free(d->search);
	free(d->owner);
	for (size_t i = 0; i < d->n_tags; i++)
		free(d->tags[i]);
	free(d->tags);
	free(d);
}

static size_t cases_take_page(struct pane *p, struct worker_done *done)
{
	struct cases_data *d = cd(p);
	struct case_page *page = done->res.model;
	if (d->n + page->n > d->cap) {
		d->cap = (d->n + page->n) * 2;
		d->cases = xreallocarray(d->cases, d->cap, sizeof(*d->cases));
	}
	for (size_t i = 0; i < page->n; i++) {
		d->cases[d->n++] = page->cases[i];
		memset(&page->cases[i], 0, sizeof(page->cases[i]));
	}
	p->total = page->total;
	d->count_open = page->count_open;
	d->count_in_progress = page->count_in_progress;
	d->count_closed = page->count_closed;
	d->next_page = page->page + 1;
	p->complete = page->n == 0 || (long long)d->n >= page->total;
	return d->n;
}

static void cases_more(struct pane *p)
{
	struct cases_data *d = cd(p);
	struct cases_query q = {
		.page = d->n ? d->next_page : 1,
		.per_page = CASES_PAGE,
		.status = d->status,
		.severity = d->severity,
		.search = d->search,
		.owner = d->owner,
		.tags = (const char *const *)d->tags,
		.n_tags = d->n_tags,
		.sort_field = cases_sorts[d->sort].field,
		.sort_order = d->asc ? "asc" : "desc",
	};
	pane_fetch(p, cases_find_request(&q), cases_take_page);
}

static void cases_drop(struct pane *p)
{
	cases_clear_rows(cd(p));
}

static const char *cases_row_id(struct pane *p, size_t row)
{
	return cd(p)->cases[row].id;
}

static void cases_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct kb_case *c = &cd(p)->cases[row];
	char buf[32];
	switch (col) {
	case 0:
		strbuf_puts(t, cases_severity_names[c->severity]);
		*role = uifmt_severity_role(cases_severity_names[c->severity]);
		break;
	case 1:
		strbuf_puts(t, cases_status_names[c->status]);
		*role = uifmt_status_role(cases_status_names[c->status]);
		break;
	case 2:
		uifmt_line(t, c->title);
		break;
	case 3:
		for (size_t i = 0; i < c->n_tags; i++) {
			if (i)
				strbuf_puts(t, ",");
			uifmt_line(t, c->tags[i]);
		}
		*role = ROLE_DIM;
		break;
	case 4:
		for (size_t i = 0; i < c->n_assignees; i++) {
			if (i)
				strbuf_puts(t, ",");
			uifmt_line(t, c->assignees[i]);
		}
		break;
	case 5:
		strbuf_printf(t, "%lld", c->total_alerts);
		break;
	case 6:
		strbuf_printf(t, "%lld", c->total_comment);
		break;
	case 7:
		timefmt_relative(c->updated_at ? c->updated_at : c->created_at, (time_t)app_now(p->app), buf, sizeof(buf));
		strbuf_puts(t, buf);
		*role = ROLE_DIM;
		break;
	case 8:
		if (c->external.present && c->external.external_title)
			uifmt_line(t, c->external.external_title);
		else
			strbuf_puts(t, "-");
		break;
	}
}

static void cases_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct kb_case *c = &cd(p)->cases[row];
	strbuf_printf(out, "%s %s %s %s ", c->title, cases_status_names[c->status], cases_severity_names[c->severity], c->id);
	for (size_t i = 0; i < c->n_tags; i++)
		strbuf_printf(out, "%s ", c->tags[i]);
	if (c->external.present && c->external.external_title)
		strbuf_puts(out, c->external.external_title);
}

static void cases_summary(struct pane *p, struct strbuf *out)
{
	struct cases_data *d = cd(p);
	if (p->loaded_once && d->count_open >= 0)
		strbuf_printf(out, "%lld open · %lld in progress · %lld closed  ", d->count_open, d->count_in_progress,
			      d->count_closed);
	if (p->loaded_once)
		strbuf_printf(out, "showing %zu of %lld", d->n, p->total);
	strbuf_printf(out, "  status: %s", d->status ? d->status : "all");
	if (d->severity)
		strbuf_printf(out, "  severity: %s", d->severity);
	if (d->search)
		strbuf_printf(out, "  search: \"%s\"", d->search);
	for (size_t i = 0; i < d->n_tags; i++)
		strbuf_printf(out, "  tag: %s", d->tags[i]);
	strbuf_printf(out, "  sort: %s %s", cases_sorts[d->sort].label, d->asc ? "asc" : "desc");
}

static char *cases_arg_value(struct pane *p, const struct cmd_arg *arg, const size_t *rows, size_t n)
{
	struct cases_data *d = cd(p);
	if (n == 0)
		return NULL;
	const struct kb_case *c = &d->cases[rows[0]];
	if (arg->ids == CMD_ID_CASE)
		return xstrdup(c->id);
	if (!strcmp(arg->name, "version"))
		return xstrdup(c->version);
	return NULL;
}

static void cases_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out)
{
	struct cases_data *d = cd(p);
	if (kind != CMD_ID_CASE)
		return;
	for (size_t i = 0; i < d->n; i++)
		strbuf_printf(out, "%s\t%s\t%s\n", d->cases[i].id, d->cases[i].title, cases_status_names[d->cases[i].status]);
}

/* Replace a string setting with the value of an argument (NULL when not given). */
static void cases_take(char **field, const struct cmd_value *v)
{
	free(*field);
	*field = v->n ? xstrdup(v->vals[0]) : NULL;
}

static bool cases_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	struct cases_data *d = cd(p);
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	if (strcmp(def->words, "cases") != 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	for (size_t i = 0; def->args[i].name; i++) {
		const char *name = def->args[i].name;
		const struct cmd_value *v = &parsed.values[i];
		if (!strcmp(name, "status"))
			cases_take(&d->status, v);
		else if (!strcmp(name, "severity"))
			cases_take(&d->severity, v);
		else if (!strcmp(name, "search"))
			cases_take(&d->search, v);
		else if (!strcmp(name, "owner"))
			cases_take(&d->owner, v);
		else if (!strcmp(name, "sort-order"))
			d->asc = v->n && !strcmp(v->vals[0], "asc");
		else if (!strcmp(name, "sort-field") && v->n) {
			for (size_t s = 0; s < sizeof(cases_sorts) / sizeof(*cases_sorts); s++)
				if (!strcmp(cases_sorts[s].field, v->vals[0]))
					d->sort = s;
		} else if (!strcmp(name, "tag")) {
			for (size_t t = 0; t < d->n_tags; t++)
				free(d->tags[t]);
			free(d->tags);
			d->tags = xcalloc(v->n + 1, sizeof(char *));
			for (size_t t = 0; t < v->n; t++)
				d->tags[t] = xstrdup(v->vals[t]);
			d->n_tags = v->n;
		}
	}
	cmd_parse_free(def, parsed.values);
	pane_reload(p);
	return true;
}

static bool cases_key(struct pane *p, int key)
{
	struct cases_data *d = cd(p);
	static const char *const statuses[] = {NULL, "open", "in-progress", "closed"};
	switch (key) {
	case 'o':
		d->sort = (d->sort + 1) % (sizeof(cases_sorts) / sizeof(*cases_sorts));
		break;
	case 'O':
		d->asc = !d->asc;
		break;
	case 'f': {
		/* Server-side filters are a command line: edit it, with completion. */
		struct strbuf line;
		strbuf_init(&line);
		strbuf_puts(&line, "cases");
		if (d->status)
			strbuf_printf(&line, " --status %s", d->status);
		if (d->severity)
			strbuf_printf(&line, " --severity %s", d->severity);
		if (d->search) {
			strbuf_puts(&line, " --search ");
			tokenize_quote(&line, d->search);
		}
		for (size_t i = 0; i < d->n_tags; i++) {
			strbuf_puts(&line, " --tag ");
			tokenize_quote(&line, d->tags[i]);
		}
		strbuf_printf(&line, " --sort-field %s --sort-order %s ", cases_sorts[d->sort].field, d->asc ? "asc" : "desc");
		prompt_open(p->app, line.buf);
		strbuf_free(&line);
		return true;
	}
	case 'U':
	case 'I': {
		/* Respond from a case: the form comes with the case filled in, so the action is recorded on it. */
		char *words[] = {(char *)"endpoint", (char *)(key == 'U' ? "suspend" : "isolate")};
		int used;
		const struct cmd_def *def = cmd_lookup(2, words, &used);
		if (def && used == 2)
			app_open_command(p->app, p, def, NULL, false);
		return true;
	}
	case 'v': {
		size_t i = 0;
		while (i < 4 && !((statuses[i] == NULL && d->status == NULL) ||
				  (statuses[i] && d->status && !strcmp(statuses[i], d->status))))
			i++;
		free(d->status);
		d->status = xstrdup(statuses[(i + 1) % 4]);
		break;
	}
	default:
		return false;
	}
	pane_reload(p);
	return true;
}

/* The detail view's own data: which case it shows. */
struct cases_detail {
	struct worker_sink sink;
	struct app *app;
	struct view *view;
	unsigned long serial;
	struct pane *pane;
	char *id;
	char *version;
	struct kb_case c;
	bool have;
	struct alerts_of_case_list *alerts;
	unsigned pending;
	bool orphan;          /* the view went while requests ran */
};

static void cases_detail_fill(struct cases_detail *cdv)
{
	struct view *v = cdv->view;
	textview_clear(v, true);
	if (cdv->have) {
		textview_set_title(v, cdv->c.title);
		struct record r;
		record_init(&r);
		casefmt_record(&r, &cdv->c);
		textview_add_record(v, &r);
		record_free(&r);
		if (cdv->c.external.present && cdv->c.external.external_url)
			textview_add_pair(v, "open in browser", cdv->c.external.external_url, ROLE_LINK);
	}
	if (cdv->alerts) {
		textview_blank(v);
		textview_addf(v, ROLE_TITLE, 0, "Attached alerts (%zu)", cdv->alerts->n);
		for (size_t i = 0; i < cdv->alerts->n; i++) {
			char when[64];
			timefmt_local(cdv->alerts->items[i].attached_at, when, sizeof(when));
			textview_addf(v, ROLE_NORMAL, 2, "%s  %s  (%s)", cdv->alerts->items[i].id ? cdv->alerts->items[i].id : "-",
				      when, cdv->alerts->items[i].index ? cdv->alerts->items[i].index : "-");
		}
	}
	textview_set_loading(v, cdv->pending > 0);
}

static void cases_detail_free(void *ctx)
{
	struct cases_detail *cdv = ctx;
	if (cdv->pending) {
		/* Answers are still coming: they free this when the last one lands. */
		cdv->orphan = true;
		return;
	}
	if (cdv->have)
		cases_case_clear(&cdv->c);
	kmodel_free(&alerts_of_case_list_model, cdv->alerts);
	free(cdv->id);
	free(cdv->version);
	free(cdv);
}

/* One answer for the detail view; both requests share this sink by kind of model. */
struct cases_detail_job {
	struct worker_sink sink;
	struct cases_detail *cdv;
	bool alerts;
};

static void cases_detail_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct cases_detail_job *job = (struct cases_detail_job *)sink;
	struct cases_detail *cdv = job->cdv;
	cdv->pending--;
	if (cdv->orphan) {
		if (!cdv->pending)
			cases_detail_free(cdv);
	} else if (done->res.status != API_OK) {
		app_message(cdv->app, APP_MSG_ERROR, "%s", done->res.message);
		textview_set_loading(cdv->view, cdv->pending > 0);
	} else if (job->alerts) {
		kmodel_free(&alerts_of_case_list_model, cdv->alerts);
		cdv->alerts = done->res.model;
		done->res.model = NULL;
		cases_detail_fill(cdv);
	} else {
		if (cdv->have)
			cases_case_clear(&cdv->c);
		struct kb_case *c = done->res.model;
		cdv->c = *c;
		memset(c, 0, sizeof(*c));
		cdv->have = true;
		free(cdv->version);
		cdv->version = xstrdup(cdv->c.version);
		cases_detail_fill(cdv);
	}
	free(job);
	worker_done_free(done);
}

static void cases_detail_load(struct cases_detail *cdv)
{
	for (int k = 0; k < 2; k++) {
		struct cases_detail_job *job = xcalloc(1, sizeof(*job));
		job->sink.deliver = cases_detail_deliver;
		job->cdv = cdv;
		job->alerts = k == 1;
		cdv->pending++;
		worker_submit(app_worker(cdv->app), k ? alerts_of_case_request(cdv->id) : cases_get_request(cdv->id), 0, job);
	}
	textview_set_loading(cdv->view, true);
}

static void cases_detail_reload(void *ctx)
{
	cases_detail_load(ctx);
}

static bool cases_detail_key(struct view *v, int key, void *ctx)
{
	struct cases_detail *cdv = ctx;
	if (key == 'r') {
		cases_detail_load(cdv);
		return true;
	}
	const struct cmd_def *def = pane_command_for_key(cdv->pane, key);
	if (!def)
		return false;
	const char *given[7] = {NULL};
	size_t k = 0;
	for (size_t i = 0; def->args[i].name && k < 6; i += 1) {
		if (def->args[i].ids == CMD_ID_CASE) {
			given[k++] = def->args[i].name;
			given[k++] = cdv->id;
		} else if (!strcmp(def->args[i].name, "version") && cdv->version) {
			given[k++] = def->args[i].name;
			given[k++] = cdv->version;
		}
	}
	(void)v;
	app_open_form(cdv->app, cdv->pane, def, given);
	return true;
}

static void cases_open_id(struct pane *p, const char *id)
{
	struct cases_data *d = cd(p);
	const struct kb_case *c = NULL;
	for (size_t i = 0; i < d->n && !c; i++)
		if (!strcmp(d->cases[i].id, id))
			c = &d->cases[i];
	struct cases_detail *cdv = xcalloc(1, sizeof(*cdv));
	cdv->app = p->app;
	cdv->pane = p;
	cdv->id = xstrdup(id);
	cdv->version = c ? xstrdup(c->version) : NULL;
	struct view *v = textview_new(p->app, c ? c->title : id);
	cdv->view = v;
	textview_set_actions(v, cases_detail_key, "j/k scroll  s status  S severity  c comment  p push  r reload  q back",
			     cdv, cases_detail_free);
	textview_set_reload(v, cases_detail_reload);
	app_push_view(p->app, v);
	cases_detail_load(cdv);
}

static void cases_open(struct pane *p, size_t row)
{
	cases_open_id(p, cd(p)->cases[row].id);
}

static const struct pane_keyhelp cases_keyhelp[] = {
	{"o", "sort by the next field (updated, created, severity, title)"},
	{"O", "reverse the sort order"},
	{"v", "show open, in-progress, closed or all cases"},
	{"f", "edit the server-side filters as a command line (status, severity, search, tags, sort)"},
	{"U", "suspend a process on an endpoint, recorded on this case"},
	{"I", "isolate a host, recorded on this case"},
	{NULL, NULL},
};

const struct pane_ops cases_pane_ops = {
	.name = "cases",
	.title = "Cases",
	.columns = cases_columns,
	.n_columns = sizeof(cases_columns) / sizeof(*cases_columns),
	.init = cases_init,
	.fini = cases_fini,
	.drop = cases_drop,
	.more = cases_more,
	.row_id = cases_row_id,
	.cell = cases_cell,
	.row_text = cases_row_text,
	.open = cases_open,
	.open_id = cases_open_id,
	.arg_value = cases_arg_value,
	.apply = cases_apply,
	.summary = cases_summary,
	.key = cases_key,
	.ids = cases_ids,
	.keyhelp = cases_keyhelp,
};
