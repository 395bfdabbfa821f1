/*
 * The Alerts pane: POST /api/detection_engine/signals/search, newest first, a keyset page
 * at a time as you scroll; its detail view; the jump to the cases holding an alert; and
 * response actions prefilled from an alert.
 */
#include "config.h"
#include "ui/app.h"
#include "ui/chat.h"
#include "ui/detail.h"
#include "ui/dialog.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/kblink.h"
#include "cmd/alertfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct api_request *alerts_request(struct pane *p, const void *last)
{
	struct alerts_query q;
	free(query_fill(&alertfmt_query, p->query.def, p->query.values, &q));
	q.after = last ? ((const struct alert *)last)->sort : NULL;
	return alerts_search_request(&q);
}

/* What came in since the first row shown: ahead of it by the keyset the pages go by, the same filters. */
static struct api_request *alerts_newer(struct pane *p, const void *first)
{
	const struct alert *a = first;
	if (json_array_size(a->sort) < 2)
		return NULL;
	struct alerts_query q;
	free(query_fill(&alertfmt_query, p->query.def, p->query.values, &q));
	q.before = a->sort;
	return alerts_search_request(&q);
}

static const char *alerts_row_time(const void *row)
{
	return ((const struct alert *)row)->timestamp;
}

/* Worth a notification when it comes in: critical or high. */
static bool alerts_urgent(const void *row)
{
	const char *sev = ((const struct alert *)row)->severity;
	return sev && (!strcmp(sev, "critical") || !strcmp(sev, "high"));
}

static void alerts_page(struct pane *p, void *model, struct pane_page *out)
{
	struct alert_page *page = model;
	out->rows = page->alerts;
	out->n = page->n;
	/* A later page's search carries the keyset condition, so its total counts only the alerts after the
	 * cursor: those already in come before them. */
	out->total = page->total;
	if (!out->newer && p->pages > 0 && page->total >= 0)
		out->total = (long long)p->rows.n + page->total;
	out->total_floor = page->total_is_floor;
	out->bad = page->bad;
	/* A short page ends the list; so does a last hit without sort values (no keyset to go on from). */
	out->last = page->n < ALERTS_PAGE_SIZE || json_array_size(page->alerts[page->n - 1].sort) < 2;
}

static void alerts_row_text(const void *row, struct strbuf *out)
{
	const struct alert *a = row;
	const char *fields[] = {a->rule_name, a->host_name, a->user_name, a->workflow_status, a->severity,
				a->process_name, a->reason, a->id, a->problem};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (fields[i])
			strbuf_printf(out, "%s ", fields[i]);
}

static void alerts_row_label(const void *row, struct strbuf *out)
{
	const struct alert *a = row;
	strbuf_printf(out, "%s\t%s", a->rule_name ? a->rule_name : "-", a->host_name ? a->host_name : "-");
}

/* ---- the cases holding an alert, with a jump into the Cases pane ---- */

static const char *alerts_cases_fill(struct view *v, void *model)
{
	const struct cases_of_alert_list *l = model;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id)
			picker_add(v, l->items[i].id, l->items[i].title ? l->items[i].title : l->items[i].id, l->items[i].id);
	return l->n ? NULL : "No case holds this alert (a attaches it to one).";
}

/* The picker's own data: the case chosen, if any. */
struct alerts_case_pick {
	struct app *app;
	char *id;
};

static void alerts_case_chosen(void *ctx, const char *id, const char *label)
{
	struct alerts_case_pick *cp = ctx;
	(void)label;
	free(cp->id);
	cp->id = xstrdup(id);
}

/*
 * The picker has gone (its views are off the stack): open the chosen case in the Cases
 * pane. Done here, not when chosen, because switching panes closes every view.
 */
static void alerts_case_pick_free(void *ctx)
{
	struct alerts_case_pick *cp = ctx;
	struct pane *cases = cp->id ? app_pane(cp->app, "cases") : NULL;
	if (cp->id && !cases) {
		app_message(cp->app, APP_MSG_ERROR, "No Cases pane to show case %s in.", cp->id);
	} else if (cp->id) {
		app_show_pane(cp->app, cases);
		pane_open_id(cases, cp->id);
	}
	free(cp->id);
	free(cp);
}

static void alerts_cases_jump(struct pane *p, const void *const *rows, size_t n)
{
	const struct alert *al = rows[0];
	(void)n;
	struct alerts_case_pick *cp = xcalloc(1, sizeof(*cp));
	cp->app = p->app;
	struct view *v = picker_new(p->app, "Cases holding this alert: Enter shows it in the Cases pane", alerts_case_chosen,
				    cp, alerts_case_pick_free);
	app_push_view(p->app, v);
	picker_load(v, cases_of_alert_request(al->id), alerts_cases_fill);
}

/* ---- response actions from an alert ---- */

/* Open `endpoint <verb>` as a form prefilled from an alert; the Actions pane follows the result. */
static void alerts_respond(struct pane *p, const struct alert *al, const char *verb)
{
	char *words[] = {(char *)"endpoint", (char *)verb};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def || used != 2) {
		app_message(p->app, APP_MSG_ERROR, "No command \"endpoint %s\".", verb);
		return;
	}
	char pid[32];
	const char *given[11] = {NULL};
	size_t k = 0;
	if (al->agent_id) {
		given[k++] = "endpoint";
		given[k++] = al->agent_id;
	}
	if (!strcmp(verb, "suspend")) {
		/* The entity id names the process for good; a pid can be reused. */
		if (al->entity_id) {
			given[k++] = "entity-id";
			given[k++] = al->entity_id;
		} else if (al->pid > 0) {
			snprintf(pid, sizeof(pid), "%lld", al->pid);
			given[k++] = "pid";
			given[k++] = pid;
		}
		if (al->process_name) {
			given[k++] = "process-name";
			given[k++] = al->process_name;
		}
	}
	given[k++] = "alert";
	given[k++] = al->id;
	if (!al->agent_id)
		app_message(p->app, APP_MSG_INFO, "This alert names no agent (agent.id): pick the endpoint in the form.");
	app_open_form(p->app, app_pane(p->app, "actions"), def, given);
}

static void alerts_suspend(struct pane *p, const void *const *rows, size_t n)
{
	(void)n;
	alerts_respond(p, rows[0], "suspend");
}

static void alerts_isolate(struct pane *p, const void *const *rows, size_t n)
{
	(void)n;
	alerts_respond(p, rows[0], "isolate");
}

static void alerts_ask(struct pane *p, const void *const *rows, size_t n)
{
	(void)n;
	chat_ask(p->app, "alert", ((const struct alert *)rows[0])->id);
}

static const struct pane_action alerts_actions[] = {
	{"cases-of-alert", "c", "cases holding this alert: pick one to show it in the Cases pane", "cases",
	 WHERE_LIST | WHERE_DETAIL, alerts_cases_jump},
	{"alert-suspend-process", "S", "suspend this alert's process on its endpoint (form prefilled)", "suspend",
	 WHERE_LIST | WHERE_DETAIL, alerts_suspend},
	{"alert-isolate-host", "I", "isolate this alert's host (form prefilled)", "isolate", WHERE_LIST | WHERE_DETAIL,
	 alerts_isolate},
	{"alert-ask-assistant", "A", "ask the AI assistant about this alert; the reply shows as it comes", "ask AI",
	 WHERE_LIST | WHERE_DETAIL, alerts_ask},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* ---- the detail view ---- */

static struct api_request *alerts_detail_request(const char *id)
{
	const char *ids[] = {id};
	struct alerts_query q = {.ids = ids, .n_ids = 1, .size = 1};
	return alerts_search_request(&q);
}

static void *alerts_detail_row(void *model)
{
	struct alert_page *page = model;
	return page->n ? &page->alerts[0] : NULL;
}

static void alerts_detail_fill(struct detail *d, struct view *v, const void *row)
{
	const struct alert *a = row;
	if (!a)
		return;
	textview_set_title(v, a->rule_name ? a->rule_name : "Alert");
	struct record r;
	record_init(&r);
	alertfmt_record(&r, a);
	textview_add_record(v, &r);
	record_free(&r);
	/* The host links to its endpoint's page, where Kibana can act on it. */
	char *host = kblink_host(app_profile(detail_pane(d)->app), a->agent_id);
	textview_link_label(v, "host.name", host);
	textview_link_label(v, "agent.id", host);
	free(host);
}

static char *alerts_link(struct pane *p, const void *row, const char *id)
{
	const struct alert *a = row;
	return kblink_alert(app_profile(p->app), id, a ? a->timestamp : NULL);
}

const struct pane_ops alerts_pane_ops = {
	.name = "alerts",
	.title = "Alerts",
	.columns = alertfmt_columns,
	.rows = &alertfmt_rows,
	.query = &alertfmt_query,
	.id_kind = CMD_ID_ALERT,
	.request = alerts_request,
	.page = alerts_page,
	.row_text = alerts_row_text,
	.row_label = alerts_row_label,
	.actions = alerts_actions,
	.link = alerts_link,
	.detail_request = alerts_detail_request,
	.detail_row = alerts_detail_row,
	.detail_fill = alerts_detail_fill,
	.newer = alerts_newer,
	.row_time = alerts_row_time,
	.urgent = alerts_urgent,
};
