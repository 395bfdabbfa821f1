/*
 * The Actions pane: response-action history (GET /api/endpoint/action); pending actions are
 * followed to the end and announced; the detail view shows an action with its outputs, and a
 * running-processes action offers its processes to suspend.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/dialog.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/actions.h"
#include "api/kblink.h"
#include "api/worker.h"
#include "cmd/actionfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Actions per request. */
#define ACTIONS_PAGE 50
/* Seconds between looks at pending actions. */
#define ACTIONS_POLL_EVERY 2
/* Most pending actions looked at per round. */
#define ACTIONS_POLL_MAX 20

struct actions_data {
	char **watch;             /* ids seen pending: their end goes on the status line */
	size_t n_watch;
	unsigned polls;           /* status looks in flight */
	unsigned ticks;
};

static struct actions_data *acd(struct pane *p)
{
	return p->data;
}

static void actions_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct actions_data));
}

static void actions_fini(struct pane *p)
{
	struct actions_data *d = acd(p);
	for (size_t i = 0; i < d->n_watch; i++)
		free(d->watch[i]);
	free(d->watch);
	free(d);
}

static bool actions_pending(const struct response_action *a)
{
	return a->id && !a->is_completed && !a->is_expired && a->status && !strcmp(a->status, "pending");
}

/* Keep the watch list in step with an action: report when a watched one has finished. */
static void actions_watch(struct pane *p, const struct response_action *a)
{
	struct actions_data *d = acd(p);
	size_t i = 0;
	if (!a->id)
		return;
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
	const char *cmd = a->command ? a->command : "response action";
	if (a->was_successful)
		app_message(p->app, APP_MSG_SUCCESS, "%s on %s completed.", cmd, hosts);
	else
		app_message(p->app, APP_MSG_ERROR, "%s on %s failed%s%s", cmd, hosts, a->n_errors ? ": " : ".",
			    a->n_errors ? a->errors[0] : "");
	free(hosts);
	struct detail *dv = detail_find(p, a->id);
	if (dv)
		detail_reload(dv);
}

static struct api_request *actions_request(struct pane *p, const void *last)
{
	struct actions_query q;
	(void)last;
	free(query_fill(&actionfmt_query, p->query.def, p->query.values, &q));
	q.page = p->pages + 1;
	q.page_size = ACTIONS_PAGE;
	return actions_list_request(&q);
}

static void actions_page(struct pane *p, void *model, struct pane_page *out)
{
	struct action_page *page = model;
	for (size_t i = 0; i < page->n; i++)
		actions_watch(p, &page->items[i]);
	out->rows = page->items;
	out->n = page->n;
	out->total = page->total;
	out->bad = page->bad;
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
	free(job);
	acd(p)->polls--;
	if (done->res.status == API_OK) {
		struct response_action *a = done->res.model;
		/* Rows are matched by id: a reload since the look was sent is fine. */
		actions_watch(p, a);
		pane_update_row(p, a);
	}
	worker_done_free(done);
}

static void actions_tick(struct pane *p)
{
	struct actions_data *d = acd(p);
	if (++d->ticks % ACTIONS_POLL_EVERY || d->polls || p->loading)
		return;
	for (size_t i = 0; i < p->rows.n && d->polls < ACTIONS_POLL_MAX; i++) {
		const struct response_action *a = pane_row(p, i);
		if (!actions_pending(a))
			continue;
		struct actions_poll *job = xcalloc(1, sizeof(*job));
		job->sink.deliver = actions_poll_deliver;
		job->pane = p;
		d->polls++;
		worker_submit(app_worker(p->app), actions_get_request(a->id), 0, job);
	}
}

static void actions_row_text(const void *row, struct strbuf *out)
{
	const struct response_action *a = row;
	char *hosts = actions_hosts_text(a);
	const char *parts[] = {a->command, a->status, hosts, a->created_by, a->comment, a->id, a->problem};
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (parts[i])
			strbuf_printf(out, "%s ", parts[i]);
	free(hosts);
}

static void actions_row_label(const void *row, struct strbuf *out)
{
	const struct response_action *a = row;
	char *hosts = actions_hosts_text(a);
	strbuf_printf(out, "%s on %s\t%s", a->command ? a->command : "response action", hosts, a->status);
	free(hosts);
}

static void actions_summary(struct pane *p, struct strbuf *out)
{
	struct actions_data *d = acd(p);
	if (d->n_watch)
		strbuf_printf(out, "%zu pending (followed)", d->n_watch);
}

static char *actions_busy(struct pane *p)
{
	size_t n = acd(p)->n_watch;
	return n ? xasprintf("%zu response action%s still pending", n, n == 1 ? " is" : "s are") : NULL;
}

/* ---- choosing a process to suspend, from a running-processes action ---- */

static const char *actions_procs_fill(struct view *v, void *model)
{
	const struct response_action *a = model;
	struct action_process_list **procs = picker_ctx(v);
	*procs = actions_processes(a);
	for (size_t i = 0; i < (*procs)->n; i++) {
		const struct action_process *pr = &(*procs)->items[i];
		char id[24], *detail = xasprintf("pid %s · %s", pr->pid ? pr->pid : "-", pr->user ? pr->user : "-");
		snprintf(id, sizeof(id), "%zu", i);
		picker_add(v, id, pr->command ? pr->command : "-", detail);
		free(detail);
	}
	if ((*procs)->n)
		return NULL;
	return !a->command || strcmp(a->command, "running-processes") ? "This is not a running-processes action."
	       : !a->is_completed ? "The action is still pending: its processes come when it completes."
				  : "The action reported no processes.";
}

/* The picker's own data: the processes it lists (an item's id is its index here). */
struct actions_procpick {
	struct action_process_list *procs; /* first: picker_ctx points here */
	struct app *app;
};

static void actions_procpick_free(void *ctx)
{
	struct actions_procpick *pp = ctx;
	actions_processes_free(pp->procs);
	free(pp);
}

static void actions_proc_chosen(void *ctx, const char *id, const char *label)
{
	struct actions_procpick *pp = ctx;
	(void)label;
	size_t i = strtoul(id, NULL, 10);
	if (!pp->procs || i >= pp->procs->n)
		return;
	const struct action_process *pr = &pp->procs->items[i];
	char *words[] = {(char *)"endpoint", (char *)"suspend"};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def)
		return;
	const char *given[9] = {"endpoint", pr->agent_id, NULL};
	size_t k = 2;
	/* The entity id names the process for good; a pid can be reused. */
	if (pr->entity_id && *pr->entity_id) {
		given[k++] = "entity-id";
		given[k++] = pr->entity_id;
	} else if (pr->pid && *pr->pid) {
		given[k++] = "pid";
		given[k++] = pr->pid;
	}
	char *name = pr->command && *pr->command ? actions_process_name(pr->command) : NULL;
	if (name && *name) {
		given[k++] = "process-name";
		given[k++] = name;
	}
	app_open_form(pp->app, app_pane(pp->app, "actions"), def, given);
	free(name);
}

static void actions_pick_process(struct pane *p, const void *const *rows, size_t n)
{
	const struct response_action *a = rows[0];
	(void)n;
	struct actions_procpick *pp = xcalloc(1, sizeof(*pp));
	pp->app = p->app;
	struct view *v = picker_new(p->app, "Suspend which process? (from the running-processes action)", actions_proc_chosen,
				    pp, actions_procpick_free);
	app_push_view(p->app, v);
	picker_load(v, actions_get_request(a->id), actions_procs_fill);
}

static const struct pane_action actions_actions[] = {
	{"pick-process", "p", "from a running-processes action: pick a process to suspend", "pick process",
	 WHERE_LIST | WHERE_DETAIL, actions_pick_process},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* ---- the detail view ---- */

static void actions_detail_fill(struct detail *d, struct view *v, const void *row)
{
	const struct response_action *a = row;
	if (!a)
		return;
	textview_set_title(v, a->command ? a->command : a->id);
	struct record r;
	record_init(&r);
	actionfmt_record(&r, a);
	textview_add_record(v, &r);
	record_free(&r);
	if (a->command && !strcmp(a->command, "running-processes") && a->was_successful)
		textview_add(v, ROLE_DIM, 0, "p: pick one of these processes to suspend");
	/* One host: its name and id link to its endpoint's page in Kibana. */
	if (a->n_agents == 1) {
		char *host = kblink_host(app_profile(detail_pane(d)->app), a->agents[0]);
		textview_link_label(v, "hosts", host);
		textview_link_label(v, "endpoint id", host);
		free(host);
	}
	if (a->was_successful && actions_has_files(a->command, a->agent_type))
		textview_add(v, ROLE_DIM, 0, "D: save its file, the password-protected zip Kibana keeps (never unpacked)");
}

const struct pane_ops actions_pane_ops = {
	.name = "actions",
	.title = "Actions",
	.columns = actionfmt_columns,
	.rows = &actionfmt_rows,
	.query = &actionfmt_query,
	.id_kind = CMD_ID_ACTION,
	.request = actions_request,
	.page = actions_page,
	.init = actions_init,
	.fini = actions_fini,
	.row_text = actions_row_text,
	.row_label = actions_row_label,
	.summary = actions_summary,
	.tick = actions_tick,
	.busy = actions_busy,
	.actions = actions_actions,
	.detail_request = actions_get_request,
	.detail_fill = actions_detail_fill,
};
