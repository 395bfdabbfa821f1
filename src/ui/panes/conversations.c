/* The Conversations pane: AI-assistant conversations, a server page at a time, and a reader for one. */
#include "config.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "ui/uifmt.h"
#include "api/conversations.h"
#include "api/worker.h"
#include "cmd/parse.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Conversations per request: each carries all its messages, so pages stay small. */
#define CONV_PAGE 20

/* Server-side sorts o cycles through. */
static const struct {
	const char *field;
	const char *label;
} conv_sorts[] = {{"updated_at", "updated"}, {"created_at", "created"}, {"title", "title"}};
#define CONV_NSORTS (sizeof(conv_sorts) / sizeof(conv_sorts[0]))

struct conv_data {
	struct conversation *items;
	size_t n, cap;
	long next_page;
	char *filter;         /* Kibana's filter (server side) */
	size_t sort;
	bool asc;
};

static const struct pane_column conv_columns[] = {
	{"TITLE", 20, 0, 6, false},
	{"CATEGORY", 9, 10, 0, false},
	{"MSGS", 4, 5, 0, true},
	{"USERS", 6, 20, 1, false},
	{"UPDATED", 8, 9, 0, false},
};

static struct conv_data *cvd(struct pane *p)
{
	return p->data;
}

static void conv_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct conv_data));
}

static void conv_clear_rows(struct conv_data *d)
{
	for (size_t i = 0; i < d->n; i++)
		conversations_conversation_clear(&d->items[i]);
	d->n = 0;
}

static void conv_fini(struct pane *p)
{
	struct conv_data *d = cvd(p);
	conv_clear_rows(d);
	free(d->items);
	free(d->filter);
	free(d);
}

static size_t conv_take(struct pane *p, struct worker_done *done)
{
	struct conv_data *d = cvd(p);
	struct conversation_page *page = done->res.model;
	if (d->n + page->n > d->cap) {
		d->cap = (d->n + page->n) * 2;
		d->items = xreallocarray(d->items, d->cap, sizeof(*d->items));
	}
	for (size_t i = 0; i < page->n; i++) {
		/* Offset paging repeats a row when conversations change between pages. */
		bool seen = false;
		for (size_t k = 0; k < d->n && !seen; k++)
			seen = !strcmp(d->items[k].id, page->items[i].id);
		if (seen)
			continue;
		d->items[d->n++] = page->items[i];
		memset(&page->items[i], 0, sizeof(page->items[i]));
	}
	p->total = page->total;
	d->next_page = page->page + 1;
	p->complete = page->n == 0 || (long long)d->n >= page->total;
	return d->n;
}

static void conv_more(struct pane *p)
{
	struct conv_data *d = cvd(p);
	struct conversations_query q = {
		.page = d->n ? d->next_page : 1,
		.per_page = CONV_PAGE,
		.filter = d->filter,
		.sort_field = conv_sorts[d->sort].field,
		.sort_order = d->asc ? "asc" : "desc",
	};
	pane_fetch(p, conversations_find_request(&q), conv_take);
}

static void conv_drop(struct pane *p)
{
	conv_clear_rows(cvd(p));
}

static const char *conv_row_id(struct pane *p, size_t row)
{
	return cvd(p)->items[row].id;
}


static void conv_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct conversation *c = &cvd(p)->items[row];
	char buf[32];
	switch (col) {
	case 0:
		uifmt_line(t, c->title);
		break;
	case 1:
		uifmt_line(t, c->category);
		*role = ROLE_DIM;
		break;
	case 2:
		strbuf_printf(t, "%zu", c->n_messages);
		break;
	case 3:
		uifmt_line(t, c->users && *c->users ? c->users : "-");
		*role = ROLE_DIM;
		break;
	case 4:
		timefmt_relative(conversations_updated(c), (time_t)app_now(p->app), buf, sizeof(buf));
		strbuf_puts(t, buf);
		*role = ROLE_DIM;
		break;
	}
}

static void conv_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct conversation *c = &cvd(p)->items[row];
	strbuf_printf(out, "%s %s %s %s", c->title, c->category, c->users ? c->users : "", c->id);
}

static void conv_summary(struct pane *p, struct strbuf *out)
{
	struct conv_data *d = cvd(p);
	if (p->loaded_once)
		strbuf_printf(out, "showing %zu of %lld", d->n, p->total);
	if (d->filter)
		strbuf_printf(out, "  search: \"%s\"", d->filter);
	strbuf_printf(out, "  sort: %s %s", conv_sorts[d->sort].label, d->asc ? "asc" : "desc");
}

static char *conv_arg_value(struct pane *p, const struct cmd_arg *arg, const size_t *rows, size_t n)
{
	if (n == 0 || arg->ids != CMD_ID_CONVERSATION)
		return NULL;
	return xstrdup(cvd(p)->items[rows[0]].id);
}

static void conv_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out)
{
	struct conv_data *d = cvd(p);
	if (kind != CMD_ID_CONVERSATION)
		return;
	for (size_t i = 0; i < d->n; i++)
		strbuf_printf(out, "%s\t%s\t%s\n", d->items[i].id, d->items[i].title, d->items[i].category);
}

static bool conv_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	struct conv_data *d = cvd(p);
	if (strcmp(def->words, "conversations") != 0)
		return false;
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	free(d->filter);
	d->filter = NULL;
	for (size_t i = 0; def->args[i].name; i++) {
		const char *name = def->args[i].name;
		const struct cmd_value *v = &parsed.values[i];
		if (!v->n)
			continue;
		if (!strcmp(name, "search") || !strcmp(name, "filter")) {
			free(d->filter);
			d->filter = xstrdup(v->vals[0]);
		} else if (!strcmp(name, "sort-order")) {
			d->asc = !strcmp(v->vals[0], "asc");
		} else if (!strcmp(name, "sort-field")) {
			for (size_t s = 0; s < CONV_NSORTS; s++)
				if (!strcmp(conv_sorts[s].field, v->vals[0]))
					d->sort = s;
		}
	}
	cmd_parse_free(def, parsed.values);
	pane_reload(p);
	return true;
}

static bool conv_key(struct pane *p, int key)
{
	struct conv_data *d = cvd(p);
	if (key == 'o')
		d->sort = (d->sort + 1) % CONV_NSORTS;
	else if (key == 'O')
		d->asc = !d->asc;
	else
		return false;
	pane_reload(p);
	return true;
}

/* ---- the reader ---- */

/* A message's text with markdown made plain: fences become a rule, code is indented, bullets stay. */
static void conv_add_markdown(struct view *v, const char *text, bool error)
{
	char *copy = xstrdup(text), *save = NULL;
	bool code = false;
	enum theme_role normal = error ? ROLE_ERROR : ROLE_NORMAL;
	/* strtok_r would drop empty lines; walk the lines by hand. */
	for (char *line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		if (!strncmp(line, "```", 3)) {
			code = !code;
			if (code)
				textview_addf(v, ROLE_DIM, 4, "[%s%scode]", line + 3, line[3] ? " " : "");
			else
				textview_add(v, ROLE_DIM, 4, "[end of code]");
			continue;
		}
		/* A heading keeps its words and loses its hashes. */
		if (!code && line[0] == '#') {
			textview_add(v, ROLE_LABEL, 4, line + strspn(line, "# "));
			continue;
		}
		if (code)
			textview_add(v, ROLE_NORMAL, 6, line);
		else
			textview_add(v, normal, 4, line);
	}
	free(copy);
}

static void conv_reader_fill(struct view *v, const struct conversation *c)
{
	char when[64];
	textview_clear(v, true);
	textview_set_title(v, c->title);
	timefmt_local(conversations_updated(c), when, sizeof(when));
	textview_addf(v, ROLE_DIM, 0, "%s · %zu messages · updated %s", c->category, c->n_messages, when);
	if (c->users && *c->users)
		textview_add_pair(v, "users", c->users, ROLE_NORMAL);
	if (c->summary) {
		textview_blank(v);
		textview_add(v, ROLE_LABEL, 0, "Summary");
		textview_add(v, ROLE_NORMAL, 4, c->summary);
	}
	for (size_t i = 0; i < c->n_messages; i++) {
		const struct conv_message *m = &c->messages[i];
		timefmt_local(m->timestamp, when, sizeof(when));
		textview_blank(v);
		struct strbuf head;
		strbuf_init(&head);
		strbuf_printf(&head, "%s  %s%s", m->role, when, m->is_error ? "  [ERROR]" : "");
		textview_add(v, m->is_error ? ROLE_ERROR : !strcmp(m->role, "user") ? ROLE_TITLE : ROLE_LABEL, 0, head.buf);
		strbuf_free(&head);
		conv_add_markdown(v, m->content, m->is_error);
	}
	if (!c->n_messages)
		textview_add(v, ROLE_DIM, 0, "No messages.");
}

/* The reader's request: one conversation with all its messages. */
struct conv_reader {
	struct worker_sink sink;
	struct app *app;
	struct view *view;
	unsigned long serial;
};

static void conv_reader_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct conv_reader *r = (struct conv_reader *)sink;
	struct view *v = app_find_view(r->app, r->view, r->serial);
	if (v && d->res.status != API_OK) {
		textview_set_loading(v, false);
		textview_add(v, ROLE_ERROR, 0, d->res.message);
	} else if (v) {
		conv_reader_fill(v, d->res.model);
		textview_set_loading(v, false);
	}
	worker_done_free(d);
	free(r);
}

static void conv_open(struct pane *p, size_t row)
{
	const struct conversation *c = &cvd(p)->items[row];
	struct view *v = textview_new(p->app, c->title);
	textview_set_actions(v, NULL, "j/k scroll  PgUp/PgDn page  / search  q back", NULL, NULL);
	app_push_view(p->app, v);
	/* Show what the list already holds at once; the full conversation replaces it when it comes. */
	conv_reader_fill(v, c);
	textview_set_loading(v, true);
	struct conv_reader *r = xcalloc(1, sizeof(*r));
	r->sink.deliver = conv_reader_deliver;
	r->app = p->app;
	r->view = v;
	r->serial = app_view_serial(p->app, v);
	worker_submit(app_worker(p->app), conversations_get_request(c->id), 0, r);
}

static const struct pane_keyhelp conv_keyhelp[] = {
	{"o", "sort by the next field (updated, created, title)"},
	{"O", "reverse the sort order"},
	{NULL, NULL},
};

const struct pane_ops conversations_pane_ops = {
	.name = "conversations",
	.title = "Conversations",
	.columns = conv_columns,
	.n_columns = sizeof(conv_columns) / sizeof(*conv_columns),
	.init = conv_init,
	.fini = conv_fini,
	.drop = conv_drop,
	.more = conv_more,
	.row_id = conv_row_id,
	.cell = conv_cell,
	.row_text = conv_row_text,
	.open = conv_open,
	.arg_value = conv_arg_value,
	.apply = conv_apply,
	.summary = conv_summary,
	.key = conv_key,
	.keyhelp = conv_keyhelp,
	.ids = conv_ids,
};
