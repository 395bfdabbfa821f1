/* The Alerts pane's detail view, the jump from an alert to its cases, and response actions from an alert. */
#include "config.h"
#include "ui/panes/alertview.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/worker.h"
#include "cmd/alertfmt.h"
#include "core/record.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the cases of an alert, with a jump into the Cases pane ---- */

/* The fetch that fills the picker, if it is still open when the answer comes. */
struct alertview_cases_fetch {
	struct worker_sink sink;
	struct app *app;
	struct view *picker;
	unsigned long serial;
};

static void alertview_cases_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct alertview_cases_fetch *f = (struct alertview_cases_fetch *)sink;
	struct view *v = app_find_view(f->app, f->picker, f->serial);
	if (v && d->res.status != API_OK) {
		picker_loaded(v, d->res.message);
	} else if (v) {
		const struct cases_of_alert_list *l = d->res.model;
		for (size_t i = 0; i < l->n; i++)
			if (l->items[i].id)
				picker_add(v, l->items[i].id, l->items[i].title ? l->items[i].title : l->items[i].id,
					   l->items[i].id);
		picker_loaded(v, l->n ? NULL : "No case holds this alert (a attaches it to one).");
	}
	worker_done_free(d);
	free(f);
}

/* The picker's own data: the case chosen, if any. */
struct alertview_case_pick {
	struct app *app;
	char *id;
	char *title;
};

static void alertview_case_chosen(void *ctx, const char *id, const char *label)
{
	struct alertview_case_pick *cp = ctx;
	free(cp->id);
	free(cp->title);
	cp->id = xstrdup(id);
	cp->title = xstrdup(label);
}

/*
 * The picker has gone (its views are off the stack): open the chosen case in the Cases
 * pane. Done here, not when chosen, because switching panes closes every view.
 */
static void alertview_case_pick_free(void *ctx)
{
	struct alertview_case_pick *cp = ctx;
	struct app *a = cp->app;
	struct pane *cases = cp->id ? app_pane(a, "cases") : NULL;
	if (cp->id && (!cases || !cases->ops->open_id)) {
		app_message(a, APP_MSG_ERROR, "No Cases pane to show case %s in.", cp->id);
	} else if (cp->id) {
		app_show_pane(a, cases);
		cases->ops->open_id(cases, cp->id);
	}
	free(cp->id);
	free(cp->title);
	free(cp);
}

void alertview_cases_jump(struct app *a, const char *alert_id)
{
	struct alertview_case_pick *cp = xcalloc(1, sizeof(*cp));
	cp->app = a;
	struct view *v = picker_new(a, "Cases holding this alert: Enter shows it in the Cases pane", alertview_case_chosen,
				    cp, alertview_case_pick_free);
	app_push_view(a, v);
	struct alertview_cases_fetch *f = xcalloc(1, sizeof(*f));
	f->sink.deliver = alertview_cases_deliver;
	f->app = a;
	f->picker = v;
	f->serial = app_view_serial(a, v);
	worker_submit(app_worker(a), cases_of_alert_request(alert_id), 0, f);
}

/* ---- response actions from an alert ---- */

void alertview_respond(struct app *a, const struct alert *al, const char *verb)
{
	char *words[] = {(char *)"endpoint", (char *)verb};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def || used != 2) {
		app_message(a, APP_MSG_ERROR, "No command \"endpoint %s\".", verb);
		return;
	}
	char pid[32];
	const char *given[9] = {NULL};
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
	}
	given[k++] = "alert";
	given[k++] = al->id;
	if (!al->agent_id)
		app_message(a, APP_MSG_INFO, "This alert names no agent (agent.id): pick the endpoint in the form.");
	/* The new action shows up in the Actions pane, which follows it to the end. */
	app_open_form(a, app_pane(a, "actions"), def, given);
}

/* ---- the detail view ---- */

struct alertview {
	struct app *app;
	struct pane *pane;
	struct view *view;
	struct alert al;
	unsigned pending;
	bool orphan;          /* the view went while a reload ran */
};

struct alertview_job {
	struct worker_sink sink;
	struct alertview *av;
};

static void alertview_fill(struct alertview *av)
{
	textview_clear(av->view, true);
	struct record r;
	record_init(&r);
	alertfmt_record(&r, &av->al);
	textview_add_record(av->view, &r);
	record_free(&r);
	textview_set_loading(av->view, av->pending > 0);
}

static void alertview_free(void *ctx)
{
	struct alertview *av = ctx;
	if (av->pending) {
		av->orphan = true;
		return;
	}
	alerts_alert_clear(&av->al);
	free(av);
}

static void alertview_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct alertview_job *job = (struct alertview_job *)sink;
	struct alertview *av = job->av;
	av->pending--;
	if (av->orphan) {
		if (!av->pending)
			alertview_free(av);
	} else if (d->res.status != API_OK) {
		app_message(av->app, APP_MSG_ERROR, "%s", d->res.message);
		textview_set_loading(av->view, false);
	} else {
		struct alert_page *p = d->res.model;
		if (p->n) {
			alerts_alert_clear(&av->al);
			av->al = p->alerts[0];
			memset(&p->alerts[0], 0, sizeof(p->alerts[0]));
		} else {
			app_message(av->app, APP_MSG_ERROR, "The alert is no longer there.");
		}
		alertview_fill(av);
	}
	free(job);
	worker_done_free(d);
}

static void alertview_reload(struct alertview *av)
{
	const char *ids[] = {av->al.id};
	struct alerts_query q = {.ids = ids, .n_ids = 1, .size = 1};
	struct alertview_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = alertview_deliver;
	job->av = av;
	av->pending++;
	worker_submit(app_worker(av->app), alerts_search_request(&q), 0, job);
	textview_set_loading(av->view, true);
}

static void alertview_reload_ctx(void *ctx)
{
	alertview_reload(ctx);
}

static bool alertview_key(struct view *v, int key, void *ctx)
{
	struct alertview *av = ctx;
	(void)v;
	switch (key) {
	case 'r':
		alertview_reload(av);
		return true;
	case 'c':
		alertview_cases_jump(av->app, av->al.id);
		return true;
	case 'S':
		alertview_respond(av->app, &av->al, "suspend");
		return true;
	case 'I':
		alertview_respond(av->app, &av->al, "isolate");
		return true;
	default:
		break;
	}
	const struct cmd_def *def = pane_command_for_key(av->pane, key);
	if (!def)
		return false;
	const char *given[5] = {NULL};
	size_t k = 0;
	for (size_t i = 0; def->args && def->args[i].name && k < 4; i++) {
		if (def->args[i].ids == CMD_ID_ALERT) {
			given[k++] = def->args[i].name;
			given[k++] = av->al.id;
		}
	}
	app_open_form(av->app, av->pane, def, given);
	return true;
}

void alertview_open(struct pane *p, const struct alert *a)
{
	struct alertview *av = xcalloc(1, sizeof(*av));
	av->app = p->app;
	av->pane = p;
	alerts_alert_copy(&av->al, a);
	av->view = textview_new(p->app, a->rule_name ? a->rule_name : "Alert");
	textview_set_actions(av->view, alertview_key,
			     "j/k scroll  s status  a attach  c cases  C cases (list)  S suspend  I isolate  r reload  q back",
			     av, alertview_free);
	textview_set_reload(av->view, alertview_reload_ctx);
	app_push_view(p->app, av->view);
	alertview_fill(av);
}
