/* Commands that change alerts: alert status (signals/status) and alert attach (case comments of type alert). */
#include "config.h"
#include "cmd/audit.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Alerts looked up per search when the command needs their index and rule. */
#define ALERT_LOOKUP_CHUNK 1000
/* Most alerts one case comment may carry (the contract's maxItems). */
#define ALERT_ATTACH_CHUNK 1000

/* What an alert edit carries between its steps. */
struct alert_edit {
	char **ids;               /* the targets, without duplicates */
	size_t n;
	char *status;             /* alert status: the new status */
	struct alert *alerts;     /* looked up, in no particular order */
	size_t n_alerts;
	size_t looked_up;         /* ids asked for so far */
	bool alerts_ready;
	void (*lookup_done)(struct cmd_ctx *ctx);
	struct kb_case c;         /* alert attach --case: the case */
	bool have_case;
	char *case_id;            /* the case attached to (given or created) */
	char *case_title;
	char *case_owner;
	size_t done;              /* ids sent so far */
	long long updated, conflicts, failures; /* as Kibana's answers report them */
	bool unsaid;                /* an answer did not say how many it updated */
	json_t *responses;        /* each answer, for --json */
};

static void alert_edit_free(void *p)
{
	struct alert_edit *e = p;
	for (size_t i = 0; i < e->n; i++)
		free(e->ids[i]);
	free(e->ids);
	free(e->status);
	for (size_t i = 0; i < e->n_alerts; i++)
		alerts_alert_clear(&e->alerts[i]);
	free(e->alerts);
	if (e->have_case)
		cases_case_clear(&e->c);
	free(e->case_id);
	free(e->case_title);
	free(e->case_owner);
	json_decref(e->responses);
	free(e);
}

/* Start an edit with the positional ids, duplicates dropped. */
static struct alert_edit *alert_edit_new(struct cmd_ctx *ctx)
{
	struct alert_edit *e = xcalloc(1, sizeof(*e));
	ctx->state = e;
	ctx->state_free = alert_edit_free;
	e->responses = json_array();
	const struct cmd_value *v = cmd_values(ctx, "alertId");
	e->ids = xcalloc(v->n + 1, sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		bool dup = false;
		for (size_t k = 0; k < e->n && !dup; k++)
			dup = strcmp(e->ids[k], v->vals[i]) == 0;
		if (!dup)
			e->ids[e->n++] = xstrdup(v->vals[i]);
	}
	return e;
}

static const struct alert *alert_edit_find(const struct alert_edit *e, const char *id)
{
	for (size_t i = 0; i < e->n_alerts; i++)
		if (strcmp(e->alerts[i].id, id) == 0)
			return &e->alerts[i];
	return NULL;
}

/* Show the result of a mutating run: one message, with every answer for --json. */
static void alert_edit_output(struct cmd_ctx *ctx, const char *msg)
{
	struct alert_edit *e = ctx->state;
	json_t *json = json_array_size(e->responses) == 1 ? json_array_get(e->responses, 0) : e->responses;
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = json};
	cmd_output(ctx, &out);
	cmd_finish(ctx);
}

/* ---- looking the alerts up (their index, rule, host) ---- */

static void alert_lookup_next(struct cmd_ctx *ctx);

static void alert_lookup_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alert_edit *e = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct alert_page *p = d->res.model;
	e->alerts = xreallocarray(e->alerts, e->n_alerts + p->n + 1, sizeof(*e->alerts));
	for (size_t i = 0; i < p->n; i++) {
		e->alerts[e->n_alerts++] = p->alerts[i];
		memset(&p->alerts[i], 0, sizeof(p->alerts[i]));
	}
	alert_lookup_next(ctx);
}

/* Look the ids up a chunk at a time; e->lookup_done runs when all are in (missing ones are simply absent). */
static void alert_lookup_next(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	if (e->looked_up >= e->n) {
		e->alerts_ready = true;
		e->lookup_done(ctx);
		return;
	}
	size_t n = e->n - e->looked_up < ALERT_LOOKUP_CHUNK ? e->n - e->looked_up : ALERT_LOOKUP_CHUNK;
	struct alerts_query q = {.ids = (const char *const *)e->ids + e->looked_up, .n_ids = n, .size = (long)n};
	e->looked_up += n;
	cmd_submit(ctx, alerts_search_request(&q), alert_lookup_page);
}

/* Every id was found; otherwise the command fails naming what is missing. */
static bool alert_edit_all_found(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	size_t missing = 0;
	const char *first = NULL;
	for (size_t i = 0; i < e->n; i++) {
		if (!alert_edit_find(e, e->ids[i])) {
			missing++;
			first = first ? first : e->ids[i];
		}
	}
	if (!missing)
		return true;
	if (missing == 1)
		cmd_fail(ctx, CMD_EXIT_API, "no alert with id \"%s\" (ktriage -c alerts lists them); nothing was changed", first);
	else
		cmd_fail(ctx, CMD_EXIT_API, "%zu of the %zu alerts were not found, \"%s\" among them; nothing was changed",
			 missing, e->n, first);
	return false;
}

/* ---- alert status ---- */

static void alert_status_send(struct cmd_ctx *ctx);

static void alert_status_sent(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alert_edit *e = ctx->state;
	size_t n = e->n - e->done < ALERTS_STATUS_CHUNK ? e->n - e->done : ALERTS_STATUS_CHUNK;
	const struct alert_status_result *s = d->res.status == API_OK ? d->res.model : NULL;
	long long chunk_done = !s ? 0 : s->updated >= 0 ? s->updated
						    : (long long)n - s->version_conflicts - (long long)s->n_failures;
	struct audit_counts chunk = {(long long)n, chunk_done, s ? s->version_conflicts : 0,
				     s ? (long long)s->n_failures : 0};
	cmd_audit_bulk(ctx, (const char *const *)e->ids + e->done, n, d, s ? &chunk : NULL);
	if (d->res.status != API_OK) {
		if (e->done)
			cmd_fail(ctx, CMD_EXIT_API, "%s (the first %zu of %zu alerts were already set to %s)",
				 d->res.message, e->done, e->n, e->status);
		else
			cmd_fail_api(ctx, d);
		return;
	}
	if (s->updated < 0)
		e->unsaid = true;
	else
		e->updated += s->updated;
	e->conflicts += s->version_conflicts;
	e->failures += (long long)s->n_failures;
	e->done += n;
	json_array_append(e->responses, d->res.json);
	if (e->done < e->n) {
		cmd_note(ctx, "%zu of %zu alerts sent to be set to %s", e->done, e->n, e->status);
		alert_status_send(ctx);
		return;
	}
	/* An answer that did not say how many it updated counts as done for what it did not report as refused. */
	long long updated = e->unsaid ? (long long)e->n - e->conflicts - e->failures : e->updated;
	struct audit_counts all = {(long long)e->n, updated, e->conflicts, e->failures};
	if (audit_counts_complete(&all)) {
		char *msg = e->unsaid ? xasprintf("Asked to set %zu alert%s to %s; Kibana accepted without saying how many "
						  "it updated.", e->n, e->n == 1 ? "" : "s", e->status)
				      : xasprintf("%zu alert%s set to %s.", e->n, e->n == 1 ? "" : "s", e->status);
		alert_edit_output(ctx, msg);
		free(msg);
		return;
	}
	/* A 200 that did not do it all is not a success: say what happened, and fail. */
	char *what = cmd_bulk_summary(&all, "updated");
	char *msg = xasprintf("Asked to set %zu alert%s to %s; %s: %s.", e->n, e->n == 1 ? "" : "s", e->status, what,
			      all.done ? "the others were not changed" : "nothing was changed");
	json_t *json = json_array_size(e->responses) == 1 ? json_array_get(e->responses, 0) : e->responses;
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = json};
	cmd_output(ctx, &out);
	cmd_fail(ctx, CMD_EXIT_API, "%s", msg);
	free(msg);
	free(what);
}

static void alert_status_send(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	size_t n = e->n - e->done < ALERTS_STATUS_CHUNK ? e->n - e->done : ALERTS_STATUS_CHUNK;
	cmd_submit(ctx, alerts_status_request((const char *const *)e->ids + e->done, n, e->status), alert_status_sent);
}

static void alert_status_one_loaded(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	if (!alert_edit_all_found(ctx))
		return;
	const struct alert *a = &e->alerts[0];
	char *q = xasprintf("Set the alert from rule \"%s\" on host %s (now %s) to %s?", a->rule_name ? a->rule_name : "-",
			    a->host_name ? a->host_name : "-", a->workflow_status ? a->workflow_status : "-", e->status);
	cmd_confirm(ctx, q, NULL, alert_status_send);
	free(q);
}

static void alert_status_run(struct cmd_ctx *ctx)
{
	struct alert_edit *e = alert_edit_new(ctx);
	const char *opt = cmd_str(ctx, "status");
	/* `alert status <alertId...> <status>`: the last word is the status unless --status says it. */
	if (e->n && alerts_status_ok(e->ids[e->n - 1])) {
		if (opt) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "the status is given twice (\"%s\" and --status %s)", e->ids[e->n - 1], opt);
			return;
		}
		e->status = e->ids[--e->n];
		e->ids[e->n] = NULL;
	} else if (opt) {
		e->status = xstrdup(opt);
	} else {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "which status? end with open, acknowledged or closed (alert status <alertId...> <status>), or give --status");
		return;
	}
	if (e->n == 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "no alert id: alert status <alertId...> %s", e->status);
		return;
	}
	if (e->n == 1) {
		e->lookup_done = alert_status_one_loaded;
		alert_lookup_next(ctx);
		return;
	}
	char *q = xasprintf("Set %zu alerts to %s?", e->n, e->status);
	cmd_confirm(ctx, q, NULL, alert_status_send);
	free(q);
}

/* ---- alert attach ---- */

/* Order alerts by rule, so each comment carries one rule's alerts. */
static int alert_rule_cmp(const void *x, const void *y)
{
	const struct alert *a = x, *b = y;
	return strcmp(a->rule_uuid ? a->rule_uuid : "", b->rule_uuid ? b->rule_uuid : "");
}

static bool alert_same_rule(const struct alert *a, const struct alert *b)
{
	return strcmp(a->rule_uuid ? a->rule_uuid : "", b->rule_uuid ? b->rule_uuid : "") == 0;
}

static size_t alert_rule_count(const struct alert_edit *e)
{
	size_t n = 0;
	for (size_t i = 0; i < e->n_alerts; i++)
		n += i == 0 || !alert_same_rule(&e->alerts[i - 1], &e->alerts[i]);
	return n;
}

/* How many alerts the next comment carries: the next run of one rule's alerts, at most ALERT_ATTACH_CHUNK. */
static size_t alert_attach_len(const struct alert_edit *e)
{
	size_t start = e->done, n = 1;
	while (start + n < e->n_alerts && n < ALERT_ATTACH_CHUNK && alert_same_rule(&e->alerts[start], &e->alerts[start + n]))
		n++;
	return n;
}

static void alert_attach_send(struct cmd_ctx *ctx);

static void alert_attach_sent(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alert_edit *e = ctx->state;
	size_t start = e->done, n = alert_attach_len(e);
	const char **t = xcalloc(n + 2, sizeof(char *));
	t[0] = e->case_id;
	for (size_t i = 0; i < n; i++)
		t[i + 1] = e->alerts[start + i].id;
	cmd_audit(ctx, t, n + 1, d, d->res.status == API_OK ? e->case_id : NULL);
	free(t);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "attaching alerts to case \"%s\" failed%s: %s", e->case_title,
			 e->done ? " part way (some alerts are attached)" : "", d->res.message);
		return;
	}
	e->done += n;
	json_array_append(e->responses, d->res.json);
	if (e->done < e->n_alerts) {
		alert_attach_send(ctx);
		return;
	}
	size_t rules = alert_rule_count(e);
	char *msg = xasprintf("Attached %zu alert%s (%zu rule%s) to case \"%s\" (%s).", e->n_alerts,
			      e->n_alerts == 1 ? "" : "s", rules, rules == 1 ? "" : "s", e->case_title, e->case_id);
	alert_edit_output(ctx, msg);
	free(msg);
}

/* One comment for the next run of alerts. */
static void alert_attach_send(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	size_t start = e->done, n = alert_attach_len(e);
	const char **ids = xcalloc(n + 1, sizeof(char *)), **idx = xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		ids[i] = e->alerts[start + i].id;
		idx[i] = e->alerts[start + i].index;
	}
	const struct alert *a = &e->alerts[start];
	cmd_submit(ctx, cases_attach_alerts_request(e->case_id, e->case_owner, ids, idx, n, a->rule_uuid, a->rule_name),
		   alert_attach_sent);
	free(ids);
	free(idx);
}

static void alert_attach_created(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alert_edit *e = ctx->state;
	const struct kb_case *c = d->res.status == API_OK ? d->res.model : NULL;
	cmd_audit(ctx, NULL, 0, d, c ? c->id : NULL);
	if (!c) {
		cmd_fail(ctx, CMD_EXIT_API, "creating case \"%s\" failed: %s", e->case_title, d->res.message);
		return;
	}
	e->case_id = xstrdup(c->id);
	json_array_append(e->responses, d->res.json);
	cmd_note(ctx, "created case \"%s\" (%s)", e->case_title, e->case_id);
	alert_attach_send(ctx);
}

static void alert_attach_go(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	if (e->case_id) {
		alert_attach_send(ctx);
		return;
	}
	char *desc = xasprintf("Opened from ktriage with %zu alert%s from rule \"%s\"%s.", e->n_alerts,
			       e->n_alerts == 1 ? "" : "s", e->alerts[0].rule_name ? e->alerts[0].rule_name : "-",
			       alert_rule_count(e) > 1 ? " and others" : "");
	cmd_submit(ctx, cases_create_request(e->case_title, desc, e->case_owner, NULL, NULL, 0), alert_attach_created);
	free(desc);
}

/* The alerts and (for --case) the case are in: check and ask. */
static void alert_attach_ready(struct cmd_ctx *ctx)
{
	struct alert_edit *e = ctx->state;
	if (!e->alerts_ready || (cmd_str(ctx, "case") && !e->have_case))
		return;
	if (!alert_edit_all_found(ctx))
		return;
	qsort(e->alerts, e->n_alerts, sizeof(*e->alerts), alert_rule_cmp);
	size_t rules = alert_rule_count(e);
	char *q = e->have_case ? xasprintf("Attach %zu alert%s (%zu rule%s) to case \"%s\" (%s)?", e->n_alerts,
					   e->n_alerts == 1 ? "" : "s", rules, rules == 1 ? "" : "s", e->case_title,
					   e->c.status ? e->c.status : "status unknown")
			       : xasprintf("Create case \"%s\" and attach %zu alert%s (%zu rule%s) to it?", e->case_title,
					   e->n_alerts, e->n_alerts == 1 ? "" : "s", rules, rules == 1 ? "" : "s");
	cmd_confirm(ctx, q, NULL, alert_attach_go);
	free(q);
}

static void alert_attach_case_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alert_edit *e = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct kb_case *c = d->res.model;
	e->c = *c;
	memset(c, 0, sizeof(*c));
	e->have_case = true;
	e->case_id = xstrdup(e->c.id);
	e->case_title = xstrdup(e->c.title ? e->c.title : e->c.id);
	e->case_owner = xstrdup(e->c.owner);
	alert_attach_ready(ctx);
}

static void alert_attach_run(struct cmd_ctx *ctx)
{
	struct alert_edit *e = alert_edit_new(ctx);
	const char *case_id = cmd_str(ctx, "case"), *title = cmd_str(ctx, "new-case");
	if (!case_id == !title) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "say where the alerts go: --case <caseId> for an existing case, or --new-case <title>");
		return;
	}
	if (title) {
		e->case_title = xstrdup(title);
		e->case_owner = xstrdup("securitySolution");
	} else {
		cmd_submit(ctx, cases_get_request(case_id), alert_attach_case_loaded);
	}
	e->lookup_done = alert_attach_ready;
	alert_lookup_next(ctx);
}

static const struct cmd_arg alert_status_args[] = {
	{"alertId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_ALERT,
	 "alert ids, then the new status (open, acknowledged, closed)"},
	{"status", CMD_ARG_ENUM, 0, alerts_status_names, CMD_ID_NONE, "the new status, if not given as the last word"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg alert_attach_args[] = {
	{"alertId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_ALERT, "alert ids"},
	{"case", CMD_ARG_STRING, 0, NULL, CMD_ID_CASE, "an existing case to attach them to"},
	{"new-case", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "or the title of a new case to create for them"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_alert_edit_defs[] = {
	{"alert status", alert_status_args, CMD_MUTATES,
	 "set the workflow status of alerts (POST /api/detection_engine/signals/status)", "alerts", "s", alert_status_run},
	{"alert attach", alert_attach_args, CMD_MUTATES,
	 "attach alerts to a case, or to a new one (POST /api/cases/{caseId}/comments)", "alerts", "a", alert_attach_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
