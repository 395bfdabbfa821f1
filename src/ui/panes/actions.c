/* The Actions pane: response-action history (GET /api/endpoint/action); pending actions are followed to the end. */
#include "config.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/panes/actionview.h"
#include "ui/uifmt.h"
#include "api/actions.h"
#include "api/worker.h"
#include "cmd/parse.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Actions per request. */
#define ACTIONS_PAGE 50
/* Seconds between looks at pending actions. */
#define ACTIONS_POLL_EVERY 2
/* Most pending actions looked at per round. */
#define ACTIONS_POLL_MAX 20

/* Command filters v cycles through (NULL: all). */
static const char *const actions_views[] = {NULL, "suspend-process", "running-processes", "isolate", "unisolate"};
#define ACTIONS_NVIEWS (sizeof(actions_views) / sizeof(actions_views[0]))

struct actions_data {
	struct response_action *items;
	size_t n, cap;
	long next_page;
	char **commands;          /* filter: any of these commands */
	size_t n_commands;
	char **agents;            /* filter: sent to any of these endpoints */
	size_t n_agents;
	char **watch;             /* ids seen pending: their end goes on the status line */
	size_t n_watch;
	unsigned polls;           /* status looks in flight */
	unsigned ticks;
	struct actionview *detail;
};

static const struct pane_column actions_columns[] = {
	{"COMMAND", 9, 17, 0, false},
	{"STATUS", 7, 10, 0, false},
	{"HOSTS", 8, 30, 3, false},
	{"BY", 4, 14, 1, false},
	{"WHEN", 7, 9, 0, false},
	{"COMMENT", 8, 0, 4, false},
};

static struct actions_data *acd(struct pane *p)
{
	return p->data;
}

static void actions_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct actions_data));
}

static void actions_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void actions_clear_rows(struct actions_data *d)
{
	for (size_t i = 0; i < d->n; i++)
		actions_action_clear(&d->items[i]);
	d->n = 0;
}

static void actions_fini(struct pane *p)
{
	struct actions_data *d = acd(p);
	actions_clear_rows(d);
	free(d->items);
	actions_strv_free(d->commands, d->n_commands);
	actions_strv_free(d->agents, d->n_agents);
	actions_strv_free(d->watch, d->n_watch);
	free(d);
}

/* The row holding an action, or (size_t)-1. */
static size_t actions_index(const struct actions_data *d, const char *id)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->items[i].id, id))
			return i;
	return (size_t)-1;
}

static bool actions_pending(const struct response_action *a)
{
	return !a->is_completed && !a->is_expired && a->status && !strcmp(a->status, "pending");
}

/* Keep the watch list in step with an action: report when a watched one has finished. */
static void actions_watch(struct pane *p, const struct response_action *a)
{
	struct actions_data *d = acd(p);
	size_t i = 0;
	while (i < d->n_watch && strcmp(d->watch[i], a->id) != 0)
		i++;
	bool watched = i < d->n_watch;
	if (actions_pending(a)) {
		if (!watched) {
			d->watch = xreallocarray(d->watch, d->n_watch + 1, sizeof(char *));
			d->watch[d->n_watch++] = xstrdup(a->id);
		}
		return;
	}
	if (!watched)
		return;
	free(d->watch[i]);
	d->watch[i] = d->watch[--d->n_watch];
	char *hosts = actions_hosts_text(a);
	if (a->was_successful)
		app_message(p->app, APP_MSG_SUCCESS, "%s on %s completed.", a->command, hosts);
	else
		app_message(p->app, APP_MSG_ERROR, "%s on %s failed%s%s", a->command, hosts, a->n_errors ? ": " : ".",
			    a->n_errors ? a->errors[0] : "");
	free(hosts);
	if (d->detail && !strcmp(actionview_id(d->detail), a->id))
		actionview_refresh(d->detail);
}

static size_t actions_take(struct pane *p, struct worker_done *done)
{
	struct actions_data *d = acd(p);
	struct action_page *page = done->res.model;
	if (d->n + page->n > d->cap) {
		d->cap = (d->n + page->n) * 2;
		d->items = xreallocarray(d->items, d->cap, sizeof(*d->items));
	}
	for (size_t i = 0; i < page->n; i++) {
		/* Offset paging repeats a row when new actions arrive between pages. */
		if (actions_index(d, page->items[i].id) != (size_t)-1)
			continue;
		memset(&d->items[d->n], 0, sizeof(d->items[d->n]));
		actions_action_move(&d->items[d->n++], &page->items[i]);
		actions_watch(p, &d->items[d->n - 1]);
	}
	p->total = page->total;
	d->next_page++;
	p->complete = page->n == 0 || (long long)d->n >= page->total;
	return d->n;
}

static void actions_more(struct pane *p)
{
	struct actions_data *d = acd(p);
	if (!d->n)
		d->next_page = 1;
	struct actions_query q = {
		.page = d->next_page,
		.page_size = ACTIONS_PAGE,
		.commands = (const char *const *)d->commands,
		.n_commands = d->n_commands,
		.agent_ids = (const char *const *)d->agents,
		.n_agent_ids = d->n_agents,
	};
	pane_fetch(p, actions_list_request(&q), actions_take);
}

static void actions_drop(struct pane *p)
{
	actions_clear_rows(acd(p));
}

static const char *actions_row_id(struct pane *p, size_t row)
{
	return acd(p)->items[row].id;
}

/* One pending action looked at again. */
struct actions_poll {
	struct worker_sink sink;
	struct pane *pane;
};

static void actions_poll_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct actions_poll *job = (struct actions_poll *)sink;
	struct pane *p = job->pane;
	struct actions_data *d = acd(p);
	free(job);
	d->polls--;
	if (done->res.status == API_OK) {
		struct response_action *a = done->res.model;
		/* Rows are matched by id: a reload since the look was sent is fine. */
		size_t i = actions_index(d, a->id);
		if (i != (size_t)-1) {
			actions_action_move(&d->items[i], a);
			actions_watch(p, &d->items[i]);
			app_dirty(p->app);
		}
	}
	worker_done_free(done);
}

static void actions_tick(struct pane *p)
{
	struct actions_data *d = acd(p);
	if (++d->ticks % ACTIONS_POLL_EVERY || d->polls || p->loading)
		return;
	for (size_t i = 0; i < d->n && d->polls < ACTIONS_POLL_MAX; i++) {
		if (!actions_pending(&d->items[i]))
			continue;
		struct actions_poll *job = xcalloc(1, sizeof(*job));
		job->sink.deliver = actions_poll_deliver;
		job->pane = p;
		d->polls++;
		worker_submit(app_worker(p->app), actions_get_request(d->items[i].id), 0, job);
	}
}

static void actions_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct response_action *a = &acd(p)->items[row];
	char buf[32];
	switch (col) {
	case 0:
		uifmt_line(t, a->command);
		break;
	case 1:
		uifmt_line(t, a->is_expired && !a->is_completed ? "expired" : a->status);
		*role = uifmt_status_role(a->status);
		break;
	case 2: {
		char *hosts = actions_hosts_text(a);
		uifmt_line(t, hosts);
		free(hosts);
		break;
	}
	case 3:
		uifmt_line(t, a->created_by ? a->created_by : "-");
		*role = ROLE_DIM;
		break;
	case 4:
		timefmt_relative(a->started_at, (time_t)app_now(p->app), buf, sizeof(buf));
		strbuf_puts(t, buf);
		*role = ROLE_DIM;
		break;
	case 5:
		uifmt_line(t, a->comment && *a->comment ? a->comment : "-");
		break;
	}
}

static void actions_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct response_action *a = &acd(p)->items[row];
	char *hosts = actions_hosts_text(a);
	strbuf_printf(out, "%s %s %s %s %s %s", a->command, a->status, hosts, a->created_by ? a->created_by : "",
		      a->comment ? a->comment : "", a->id);
	free(hosts);
}

static void actions_summary(struct pane *p, struct strbuf *out)
{
	struct actions_data *d = acd(p);
	if (p->loaded_once)
		strbuf_printf(out, "showing %zu of %lld", d->n, p->total);
	if (d->n_watch)
		strbuf_printf(out, "  %zu pending (followed)", d->n_watch);
	strbuf_puts(out, "  command: ");
	for (size_t i = 0; i < d->n_commands; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", d->commands[i]);
	if (!d->n_commands)
		strbuf_puts(out, "all");
	for (size_t i = 0; i < d->n_agents; i++)
		strbuf_printf(out, "  endpoint: %s", d->agents[i]);
}

static char *actions_arg_value(struct pane *p, const struct cmd_arg *arg, const size_t *rows, size_t n)
{
	if (n == 0 || arg->ids != CMD_ID_ACTION)
		return NULL;
	return xstrdup(acd(p)->items[rows[0]].id);
}

static void actions_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out)
{
	struct actions_data *d = acd(p);
	if (kind != CMD_ID_ACTION)
		return;
	for (size_t i = 0; i < d->n; i++) {
		char *hosts = actions_hosts_text(&d->items[i]);
		strbuf_printf(out, "%s\t%s on %s\t%s\n", d->items[i].id, d->items[i].command, hosts, d->items[i].status);
		free(hosts);
	}
}

static void actions_set(char ***dst, size_t *n, const struct cmd_value *v)
{
	actions_strv_free(*dst, *n);
	*dst = xcalloc(v->n + 1, sizeof(char *));
	for (size_t i = 0; i < v->n; i++)
		(*dst)[i] = xstrdup(v->vals[i]);
	*n = v->n;
}

static bool actions_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	struct actions_data *d = acd(p);
	if (strcmp(def->words, "actions") != 0)
		return false;
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	for (size_t i = 0; def->args[i].name; i++) {
		if (!strcmp(def->args[i].name, "command"))
			actions_set(&d->commands, &d->n_commands, &parsed.values[i]);
		else if (!strcmp(def->args[i].name, "agent"))
			actions_set(&d->agents, &d->n_agents, &parsed.values[i]);
	}
	cmd_parse_free(def, parsed.values);
	pane_reload(p);
	return true;
}

static bool actions_key(struct pane *p, int key)
{
	struct actions_data *d = acd(p);
	size_t row = listmodel_cursor_row(&p->list);
	if (key == 'p') {
		if (row != (size_t)-1)
			actionview_pick_process(p->app, d->items[row].id);
		return true;
	}
	if (key != 'v')
		return false;
	size_t i = 0;
	while (d->n_commands == 1 && i + 1 < ACTIONS_NVIEWS &&
	       !(actions_views[i] && !strcmp(actions_views[i], d->commands[0])))
		i++;
	const char *next = actions_views[(d->n_commands == 1 ? i + 1 : 1) % ACTIONS_NVIEWS];
	struct cmd_value v = {.vals = (char **)&next, .n = next ? 1 : 0};
	actions_set(&d->commands, &d->n_commands, &v);
	pane_reload(p);
	return true;
}

static void actions_open(struct pane *p, size_t row)
{
	actionview_open(p, &acd(p)->items[row], &acd(p)->detail);
}

static const struct pane_keyhelp actions_keyhelp[] = {
	{"v", "show all actions or one command (suspend, processes, isolate, release)"},
	{"p", "from a running-processes action: pick a process to suspend"},
	{NULL, NULL},
};

const struct pane_ops actions_pane_ops = {
	.name = "actions",
	.title = "Actions",
	.columns = actions_columns,
	.n_columns = sizeof(actions_columns) / sizeof(*actions_columns),
	.init = actions_init,
	.fini = actions_fini,
	.drop = actions_drop,
	.more = actions_more,
	.row_id = actions_row_id,
	.cell = actions_cell,
	.row_text = actions_row_text,
	.open = actions_open,
	.arg_value = actions_arg_value,
	.apply = actions_apply,
	.summary = actions_summary,
	.tick = actions_tick,
	.key = actions_key,
	.keyhelp = actions_keyhelp,
	.ids = actions_ids,
};
