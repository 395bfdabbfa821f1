/*
 * The Endpoints pane: Elastic Defend hosts (GET /api/endpoint/metadata, paged as Kibana pages it),
 * filtered by status, OS and KQL, sorted; every response action from a row or the marked rows; a
 * host whose isolation is changing is followed until it has; the detail view shows the host, its
 * recent response actions and its open alerts, with a jump to the Alerts pane filtered on it; `>`
 * opens the host's response console.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/endpoints.h"
#include "api/worker.h"
#include "cmd/actionfmt.h"
#include "cmd/endpointfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Hosts per request. */
#define ENDPOINTS_PAGE 50
/* Seconds between looks at hosts whose isolation is changing. */
#define ENDPOINTS_POLL_EVERY 2
/* Most hosts looked at per round. */
#define ENDPOINTS_POLL_MAX 20
/* Recent actions and open alerts the detail view shows. */
#define ENDPOINTS_DETAIL_ACTIONS 10
#define ENDPOINTS_DETAIL_ALERTS 10

struct endpoints_data {
	unsigned polls;   /* host looks in flight */
	unsigned ticks;
};

static struct endpoints_data *epd(struct pane *p)
{
	return p->data;
}

static void endpoints_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof(struct endpoints_data));
}

static void endpoints_fini(struct pane *p)
{
	free(p->data);
}

static struct api_request *endpoints_request(struct pane *p, const void *last)
{
	struct endpoints_query q;
	(void)last;
	free(query_fill(&endpointfmt_query, p->query.def, p->query.values, &q));
	q.page = p->pages; /* Kibana counts endpoint pages from 0 */
	q.page_size = ENDPOINTS_PAGE;
	return endpoints_list_request(&q);
}

static void endpoints_page(struct pane *p, void *model, struct pane_page *out)
{
	struct endpoint_page *page = model;
	(void)p;
	out->rows = page->items;
	out->n = page->n;
	out->total = page->total;
}

static bool endpoints_changing(const struct endpoint_host *h)
{
	return h->isolated != h->isolation_wanted;
}

static void endpoints_row_text(const void *row, struct strbuf *out)
{
	const struct endpoint_host *h = row;
	const char *fields[] = {h->hostname, h->os, h->status, h->ip, h->policy, endpointfmt_isolation(h), h->agent_id};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (fields[i])
			strbuf_printf(out, "%s ", fields[i]);
}

static void endpoints_row_label(const void *row, struct strbuf *out)
{
	const struct endpoint_host *h = row;
	strbuf_printf(out, "%s\t%s · %s", h->hostname ? h->hostname : h->agent_id, h->status ? h->status : "-",
		      h->os ? h->os : "-");
}

static void endpoints_summary(struct pane *p, struct strbuf *out)
{
	size_t isolated = 0, changing = 0;
	for (size_t i = 0; i < p->rows.n; i++) {
		const struct endpoint_host *h = pane_row(p, i);
		isolated += h->isolated;
		changing += endpoints_changing(h);
	}
	if (isolated)
		strbuf_printf(out, "%zu isolated", isolated);
	if (changing)
		strbuf_printf(out, "%s%zu changing isolation (followed)", isolated ? " · " : "", changing);
}

static char *endpoints_busy(struct pane *p)
{
	size_t changing = 0;
	for (size_t i = 0; i < p->rows.n; i++)
		changing += endpoints_changing(pane_row(p, i));
	return changing ? xasprintf("%zu host%s still changing isolation", changing, changing == 1 ? " is" : "s are")
			: NULL;
}

/* ---- following hosts whose isolation is changing ---- */

/* One host looked at again. */
struct endpoints_poll {
	struct worker_sink sink;
	struct pane *pane;
};

static void endpoints_poll_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct endpoints_poll *job = (struct endpoints_poll *)sink;
	struct pane *p = job->pane;
	free(job);
	epd(p)->polls--;
	if (done->res.status == API_OK) {
		struct endpoint_host *h = done->res.model;
		bool settled = !endpoints_changing(h);
		char *name = settled ? xstrdup(h->hostname ? h->hostname : h->agent_id) : NULL;
		const void *before = pane_find(p, h->agent_id);
		bool was_changing = before && endpoints_changing(before);
		bool isolated = h->isolated;
		/* Rows are matched by id: a reload since the look was sent is fine. */
		pane_update_row(p, h);
		if (name && was_changing)
			app_message(p->app, APP_MSG_SUCCESS, isolated ? "%s is isolated." : "%s is released, back on the network.",
				    name);
		free(name);
	}
	worker_done_free(done);
}

static void endpoints_tick(struct pane *p)
{
	struct endpoints_data *d = epd(p);
	if (++d->ticks % ENDPOINTS_POLL_EVERY || d->polls || p->loading)
		return;
	for (size_t i = 0; i < p->rows.n && d->polls < ENDPOINTS_POLL_MAX; i++) {
		const struct endpoint_host *h = pane_row(p, i);
		if (!endpoints_changing(h) || !h->agent_id)
			continue;
		struct endpoints_poll *job = xcalloc(1, sizeof(*job));
		job->sink.deliver = endpoints_poll_deliver;
		job->pane = p;
		d->polls++;
		worker_submit(app_worker(p->app), endpoints_get_request(h->agent_id), 0, job);
	}
}

/* ---- response actions from rows ---- */

/* Open `endpoint <verb>` as a form for the hosts of rows; the Actions pane follows what it starts. */
static void endpoints_respond(struct pane *p, const void *const *rows, size_t n, const char *verb)
{
	char *words[] = {(char *)"endpoint", (char *)verb};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def || used != 2) {
		app_message(p->app, APP_MSG_ERROR, "No command \"endpoint %s\".", verb);
		return;
	}
	struct strbuf ids;
	strbuf_init(&ids);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&ids, "%s%s", i ? "," : "", ((const struct endpoint_host *)rows[i])->agent_id);
	const char *given[] = {"endpoint", ids.buf, NULL};
	app_open_form(p->app, p, def, given);
	strbuf_free(&ids);
}

#define ENDPOINTS_RESPOND(fn, verb)                                                                                    \
	static void fn(struct pane *p, const void *const *rows, size_t n)                                              \
	{                                                                                                              \
		endpoints_respond(p, rows, n, verb);                                                                   \
	}
ENDPOINTS_RESPOND(endpoints_isolate, "isolate")
ENDPOINTS_RESPOND(endpoints_release, "release")
ENDPOINTS_RESPOND(endpoints_processes, "processes")
ENDPOINTS_RESPOND(endpoints_kill, "kill")
ENDPOINTS_RESPOND(endpoints_suspend, "suspend")
ENDPOINTS_RESPOND(endpoints_get_file, "get-file")
ENDPOINTS_RESPOND(endpoints_execute, "execute")
ENDPOINTS_RESPOND(endpoints_scan, "scan")
ENDPOINTS_RESPOND(endpoints_upload, "upload")

/* The Alerts pane, filtered on the host's open alerts. */
static void endpoints_host_alerts(struct pane *p, const void *const *rows, size_t n)
{
	const struct endpoint_host *h = rows[0];
	(void)n;
	struct pane *alerts = app_pane(p->app, "alerts");
	int used;
	char *words[] = {(char *)"alerts"};
	const struct cmd_def *def = cmd_lookup(1, words, &used);
	if (!alerts || !def || !h->hostname) {
		app_message(p->app, APP_MSG_ERROR, "No Alerts pane to show the host's alerts in.");
		return;
	}
	char *name = xstrdup(h->hostname);
	char *argv[] = {(char *)"--host", name, (char *)"--status", (char *)"open"};
	char *err = NULL;
	/* Showing a pane closes every view (rows may go with them): the name is a copy. */
	if (pane_apply(alerts, def, 4, argv, &err))
		app_show_pane(p->app, alerts);
	else
		app_message(p->app, APP_MSG_ERROR, "%s", err ? err : "The Alerts pane took no filter.");
	free(err);
	free(name);
}

static const struct pane_action endpoints_actions[] = {
	{"endpoint-isolate", "I", "isolate the host(s) from the network", "isolate", WHERE_LIST | WHERE_DETAIL,
	 endpoints_isolate},
	{"endpoint-release", "R", "release the host(s) from isolation", "release", WHERE_LIST | WHERE_DETAIL,
	 endpoints_release},
	{"endpoint-processes", "P", "list the running processes of the host(s)", "processes", WHERE_LIST | WHERE_DETAIL,
	 endpoints_processes},
	{"endpoint-kill", "K", "kill a process on the host(s)", "kill", WHERE_LIST | WHERE_DETAIL, endpoints_kill},
	{"endpoint-suspend", "S", "suspend a process on the host(s)", "suspend", WHERE_LIST | WHERE_DETAIL,
	 endpoints_suspend},
	{"endpoint-get-file", "F", "retrieve a file from the host(s), as a password-protected zip", "get file",
	 WHERE_LIST | WHERE_DETAIL, endpoints_get_file},
	{"endpoint-execute", "E", "run a shell command on the host(s)", "execute", WHERE_LIST | WHERE_DETAIL,
	 endpoints_execute},
	{"endpoint-scan", "C", "scan a file or folder on the host(s) for malware", "scan", WHERE_LIST | WHERE_DETAIL,
	 endpoints_scan},
	{"endpoint-upload", "U", "put a file on the host(s)", "upload", WHERE_LIST | WHERE_DETAIL, endpoints_upload},
	{"endpoint-alerts", "A", "the host's open alerts, in the Alerts pane", "alerts", WHERE_LIST | WHERE_DETAIL,
	 endpoints_host_alerts},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* ---- the detail view: the host, its recent response actions, its open alerts ---- */

/* What the detail view loads besides the host. */
struct endpoints_extra {
	struct action_page *actions;
	struct alert_page *alerts;
	bool alerts_asked;
};

static struct endpoints_extra *endpoints_extra(struct detail *d)
{
	void **slot = detail_extra(d);
	if (!*slot)
		*slot = xcalloc(1, sizeof(struct endpoints_extra));
	return *slot;
}

static void endpoints_got_alerts(struct detail *d, struct worker_done *w)
{
	struct endpoints_extra *x = endpoints_extra(d);
	if (w->res.status != API_OK) {
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "%s", w->res.message);
		return;
	}
	kmodel_free(&alerts_page_model, x->alerts);
	x->alerts = w->res.model;
	w->res.model = NULL;
}

/* Open alerts are found by host name, which the host's row gives. */
static void endpoints_ask_alerts(struct detail *d)
{
	struct endpoints_extra *x = endpoints_extra(d);
	const struct endpoint_host *h = detail_row(d);
	if (x->alerts_asked || !h || !h->hostname)
		return;
	x->alerts_asked = true;
	const char *open[] = {"open"};
	struct alerts_query q = {.host = h->hostname, .statuses = open, .n_statuses = 1, .size = ENDPOINTS_DETAIL_ALERTS};
	detail_submit(d, alerts_search_request(&q), endpoints_got_alerts);
}

static void endpoints_got_actions(struct detail *d, struct worker_done *w)
{
	struct endpoints_extra *x = endpoints_extra(d);
	if (w->res.status == API_OK) {
		kmodel_free(&actions_page_model, x->actions);
		x->actions = w->res.model;
		w->res.model = NULL;
	} else {
		app_message(detail_pane(d)->app, APP_MSG_ERROR, "%s", w->res.message);
	}
	/* By now the host itself has come, when the view was opened without its row. */
	endpoints_ask_alerts(d);
}

static void endpoints_detail_more(struct detail *d)
{
	struct endpoints_extra *x = endpoints_extra(d);
	x->alerts_asked = false;
	const char *ids[] = {detail_id(d)};
	struct actions_query q = {.page = 1, .page_size = ENDPOINTS_DETAIL_ACTIONS, .agent_ids = ids, .n_agent_ids = 1};
	detail_submit(d, actions_list_request(&q), endpoints_got_actions);
	endpoints_ask_alerts(d);
}

static void endpoints_detail_free(struct detail *d)
{
	struct endpoints_extra *x = *detail_extra(d);
	if (!x)
		return;
	kmodel_free(&actions_page_model, x->actions);
	kmodel_free(&alerts_page_model, x->alerts);
	free(x);
}

static void endpoints_detail_fill(struct detail *d, struct view *v, const void *row)
{
	const struct endpoint_host *h = row;
	const struct endpoints_extra *x = *detail_extra(d);
	long long now = app_now(detail_pane(d)->app);
	if (h) {
		textview_set_title(v, h->hostname ? h->hostname : h->agent_id);
		struct record r;
		record_init(&r);
		endpointfmt_record(&r, h);
		textview_add_record(v, &r);
		record_free(&r);
	}
	if (x && x->actions) {
		textview_blank(v);
		textview_addf(v, ROLE_TITLE, 0, "Recent response actions (%zu of %lld)", x->actions->n, x->actions->total);
		for (size_t i = 0; i < x->actions->n; i++) {
			const struct response_action *a = &x->actions->items[i];
			char when[32];
			timefmt_relative(a->started_at, (time_t)now, when, sizeof(when));
			textview_addf(v, ROLE_NORMAL, 2, "%-18s %-10s %-8s %s%s%s", a->command, a->status, when,
				      a->created_by ? a->created_by : "-", a->comment ? "  " : "", a->comment ? a->comment : "");
		}
		if (!x->actions->n)
			textview_add(v, ROLE_DIM, 2, "none");
	}
	if (x && x->alerts) {
		textview_blank(v);
		textview_addf(v, ROLE_TITLE, 0, "Open alerts (%s%lld)", x->alerts->total_is_floor ? "at least " : "",
			      x->alerts->total);
		for (size_t i = 0; i < x->alerts->n; i++) {
			const struct alert *al = &x->alerts->alerts[i];
			char when[32];
			timefmt_relative(al->timestamp, (time_t)now, when, sizeof(when));
			textview_addf(v, ROLE_NORMAL, 2, "%-8s %-8s %s", al->severity ? al->severity : "-", when,
				      al->rule_name ? al->rule_name : "-");
		}
		if (x->alerts->n)
			textview_add(v, ROLE_DIM, 0, "A: show them in the Alerts pane");
		else
			textview_add(v, ROLE_DIM, 2, "none");
	}
	if (h)
		textview_add(v, ROLE_DIM, 0, "> opens the host's response console; I R P K S F E C U act on it");
}

const struct pane_ops endpoints_pane_ops = {
	.name = "endpoints",
	.title = "Endpoints",
	.columns = endpointfmt_columns,
	.rows = &endpointfmt_rows,
	.query = &endpointfmt_query,
	.id_kind = CMD_ID_ENDPOINT,
	.request = endpoints_request,
	.page = endpoints_page,
	.init = endpoints_init,
	.fini = endpoints_fini,
	.row_text = endpoints_row_text,
	.row_label = endpoints_row_label,
	.summary = endpoints_summary,
	.tick = endpoints_tick,
	.busy = endpoints_busy,
	.actions = endpoints_actions,
	.detail_request = endpoints_get_request,
	.detail_more = endpoints_detail_more,
	.detail_fill = endpoints_detail_fill,
	.detail_free = endpoints_detail_free,
};
