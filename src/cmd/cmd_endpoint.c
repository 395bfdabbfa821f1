/* Endpoints and the response actions taken on them: suspend a process, isolate, release, list processes. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/actions.h"
#include "api/actions_req.h"
#include "api/endpoints.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Endpoints per page unless --per-page says otherwise. */
#define ENDPOINTS_DEFAULT_PAGE 50

static void endpoints_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	static const char *const headers[] = {"ENDPOINT ID", "HOST", "STATUS", "OS", "IP", "POLICY", "ISOLATED",
					      "LAST SEEN", NULL};
	const struct endpoint_page *p = d->res.model;
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 3);
	table_set_flex(&t, 4);
	time_t now = time(NULL);
	for (size_t i = 0; i < p->n; i++) {
		const struct endpoint_host *h = &p->items[i];
		char seen[32];
		timefmt_relative(h->last_checkin, now, seen, sizeof(seen));
		const char *row[] = {h->agent_id, h->hostname, h->status, h->os, h->ip, h->policy,
				     h->isolated ? "yes" : "no", seen};
		table_add_row(&t, row);
	}
	char *title = xasprintf("%zu of %lld endpoints (page %lld)", p->n, p->total, p->page + 1);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void endpoints_run(struct cmd_ctx *ctx)
{
	long page, per_page;
	if (!cmd_paging(ctx, ENDPOINTS_DEFAULT_PAGE, ENDPOINTS_MAX_PAGE_SIZE, &page, &per_page))
		return;
	const struct cmd_value *st = cmd_values(ctx, "status");
	struct endpoints_query q = {
		.page = page - 1, /* Kibana counts endpoint pages from 0 */
		.page_size = per_page,
		.kuery = cmd_str(ctx, "search"),
		.statuses = (const char *const *)st->vals,
		.n_statuses = st->n,
	};
	cmd_submit(ctx, endpoints_list_request(&q), endpoints_done);
}

/* A response action under way: its parameters and the host names found for its endpoints. */
struct endpoint_action {
	enum action_kind kind;
	struct action_params params;
	char **names;         /* host name per endpoint (NULL until found) */
	size_t looked_up;     /* lookups answered */
	const char *process_name; /* to name the process in the question, or NULL */
};

static void endpoint_action_free(void *p)
{
	struct endpoint_action *ea = p;
	for (size_t i = 0; ea->names && i < ea->params.n_endpoints; i++)
		free(ea->names[i]);
	free(ea->names);
	free(ea);
}

/* "web-1" or "web-1, db-2" (ids where no name was found); caller frees. */
static char *endpoint_action_hosts(const struct endpoint_action *ea)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < ea->params.n_endpoints; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", ea->names[i] ? ea->names[i] : ea->params.endpoint_ids[i]);
	return strbuf_detach(&sb, NULL);
}

static void endpoint_action_sent(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct endpoint_action *ea = ctx->state;
	const struct response_action *a = d->res.status == API_OK ? d->res.model : NULL;
	cmd_audit(ctx, ea->params.endpoint_ids, ea->params.n_endpoints, d, a ? a->id : NULL);
	if (!a) {
		cmd_fail_api(ctx, d);
		return;
	}
	char *hosts = endpoint_action_hosts(ea);
	char *msg = xasprintf("%s action %s on %s: %s (ktriage -c 'action show %s' follows it).", a->command, a->id, hosts,
			      a->status, a->id);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	free(hosts);
	cmd_finish(ctx);
}

static void endpoint_action_go(struct cmd_ctx *ctx)
{
	struct endpoint_action *ea = ctx->state;
	cmd_submit(ctx, actions_create_request(ea->kind, &ea->params), endpoint_action_sent);
}

/* What the confirmation says the action will do. */
static char *endpoint_action_question(const struct endpoint_action *ea)
{
	char *hosts = endpoint_action_hosts(ea);
	struct strbuf q;
	strbuf_init(&q);
	switch (ea->kind) {
	case ACTION_SUSPEND:
		/* The process by name, the id after it: "certutil.exe (pid 18006) on WIN-EXCH08". */
		if (ea->process_name && ea->params.has_pid)
			strbuf_printf(&q, "Suspend %s (pid %lld) on %s?", ea->process_name, ea->params.pid, hosts);
		else if (ea->process_name)
			strbuf_printf(&q, "Suspend %s (entity id %s) on %s?", ea->process_name, ea->params.entity_id, hosts);
		else if (ea->params.has_pid)
			strbuf_printf(&q, "Suspend process %lld on %s?", ea->params.pid, hosts);
		else
			strbuf_printf(&q, "Suspend the process with entity id %s on %s?", ea->params.entity_id, hosts);
		break;
	case ACTION_ISOLATE:
		strbuf_printf(&q, "Isolate %s from the network? Only Elastic will reach it until it is released.", hosts);
		break;
	case ACTION_UNISOLATE:
		strbuf_printf(&q, "Release %s from isolation, back onto the network?", hosts);
		break;
	case ACTION_RUNNING_PROCS:
		strbuf_printf(&q, "Ask %s for its running processes (a response action)?", hosts);
		break;
	}
	size_t nc = ea->params.n_cases, na = ea->params.n_alerts;
	if (nc && na)
		strbuf_printf(&q, " It is recorded on %zu case%s and %zu alert%s.", nc, nc == 1 ? "" : "s", na,
			      na == 1 ? "" : "s");
	else if (nc || na)
		strbuf_printf(&q, " It is recorded on %zu %s%s.", nc + na, nc ? "case" : "alert", nc + na == 1 ? "" : "s");
	free(hosts);
	return strbuf_detach(&q, NULL);
}

static void endpoint_action_found(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct endpoint_action *ea = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct endpoint_page *p = d->res.model;
	for (size_t i = 0; i < ea->params.n_endpoints; i++) {
		const struct endpoint_host *h = endpoints_find(p, ea->params.endpoint_ids[i]);
		if (h && !ea->names[i])
			ea->names[i] = xstrdup(h->hostname ? h->hostname : h->agent_id);
	}
	if (++ea->looked_up < ea->params.n_endpoints)
		return;
	/* Elastic Defend endpoints are all in the metadata list; other EDRs' agents are not. */
	bool defend = !ea->params.agent_type || strcmp(ea->params.agent_type, "endpoint") == 0;
	for (size_t i = 0; defend && i < ea->params.n_endpoints; i++) {
		if (!ea->names[i]) {
			cmd_fail(ctx, CMD_EXIT_API, "no endpoint with id \"%s\" (ktriage -c endpoints lists them); nothing was sent",
				 ea->params.endpoint_ids[i]);
			return;
		}
	}
	char *q = endpoint_action_question(ea);
	cmd_confirm(ctx, q, NULL, endpoint_action_go);
	free(q);
}

static void endpoint_action_start(struct cmd_ctx *ctx, enum action_kind kind)
{
	struct endpoint_action *ea = xcalloc(1, sizeof(*ea));
	ctx->state = ea;
	ctx->state_free = endpoint_action_free;
	ea->kind = kind;
	const struct cmd_value *eps = cmd_values(ctx, "endpoint");
	const struct cmd_value *cases = cmd_values(ctx, "case"), *alerts = cmd_values(ctx, "alert");
	struct action_params *p = &ea->params;
	p->endpoint_ids = (const char *const *)eps->vals;
	p->n_endpoints = eps->n;
	p->comment = cmd_str(ctx, "comment");
	p->agent_type = cmd_str(ctx, "agent-type");
	if (cases) {
		p->case_ids = (const char *const *)cases->vals;
		p->n_cases = cases->n;
	}
	if (alerts) {
		p->alert_ids = (const char *const *)alerts->vals;
		p->n_alerts = alerts->n;
	}
	if (cmd_str(ctx, "pid")) {
		p->has_pid = true;
		p->pid = cmd_int(ctx, "pid", 0);
	}
	p->entity_id = cmd_str(ctx, "entity-id");
	ea->process_name = cmd_str(ctx, "process-name");
	char *bad = actions_validate(kind, p);
	if (bad) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
		free(bad);
		return;
	}
	/* Name each endpoint in the confirmation: look its host up. */
	ea->names = xcalloc(p->n_endpoints + 1, sizeof(char *));
	for (size_t i = 0; i < p->n_endpoints; i++)
		cmd_submit(ctx, endpoints_lookup_request(p->endpoint_ids[i]), endpoint_action_found);
}

static void endpoint_suspend_run(struct cmd_ctx *ctx)
{
	endpoint_action_start(ctx, ACTION_SUSPEND);
}

static void endpoint_isolate_run(struct cmd_ctx *ctx)
{
	endpoint_action_start(ctx, ACTION_ISOLATE);
}

static void endpoint_release_run(struct cmd_ctx *ctx)
{
	endpoint_action_start(ctx, ACTION_UNISOLATE);
}

static void endpoint_processes_run(struct cmd_ctx *ctx)
{
	endpoint_action_start(ctx, ACTION_RUNNING_PROCS);
}

static const struct cmd_arg endpoints_args[] = {
	{"search", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "KQL, e.g. united.endpoint.host.hostname:web*"},
	{"status", CMD_ARG_ENUM, CMD_MULTI, endpoints_status_names, CMD_ID_NONE, "host status (repeatable)"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "endpoints per page (default 50)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

#define ENDPOINT_ARG {"endpoint", CMD_ARG_STRING, CMD_REQUIRED | CMD_MULTI, NULL, CMD_ID_ENDPOINT, "endpoint id (repeatable)"}
#define COMMENT_ARG {"comment", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "why, for the action log"}
#define CASE_ARG {"case", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_CASE, "record the action on this case (repeatable)"}
#define ALERT_ARG {"alert", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_ALERT, "the alert this answers (repeatable)"}
#define AGENT_TYPE_ARG \
	{"agent-type", CMD_ARG_ENUM, 0, actions_agent_types, CMD_ID_NONE, "the agent's EDR (default endpoint)"}

static const struct cmd_arg endpoint_suspend_args[] = {
	ENDPOINT_ARG,
	{"pid", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "the process id (or give --entity-id)"},
	{"entity-id", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "the process entity id (or give --pid)"},
	{"process-name", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "the process's name, to name it in the question (not sent)"},
	COMMENT_ARG, CASE_ARG, ALERT_ARG, AGENT_TYPE_ARG,
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg endpoint_plain_args[] = {
	ENDPOINT_ARG, COMMENT_ARG, CASE_ARG, ALERT_ARG, AGENT_TYPE_ARG,
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_endpoint_defs[] = {
	{"endpoints", endpoints_args, CMD_LIST, "list Elastic Defend endpoints (GET /api/endpoint/metadata)", NULL, NULL,
	 endpoints_run},
	{"endpoint suspend", endpoint_suspend_args, CMD_MUTATES,
	 "suspend a process on an endpoint (POST /api/endpoint/action/suspend_process)", "actions", "S",
	 endpoint_suspend_run},
	{"endpoint isolate", endpoint_plain_args, CMD_MUTATES,
	 "cut a host off the network (POST /api/endpoint/action/isolate)", "actions", "I", endpoint_isolate_run},
	{"endpoint release", endpoint_plain_args, CMD_MUTATES,
	 "release an isolated host (POST /api/endpoint/action/unisolate)", "actions", "R", endpoint_release_run},
	{"endpoint processes", endpoint_plain_args, CMD_MUTATES,
	 "ask an endpoint for its running processes (POST /api/endpoint/action/running_procs)", "actions", "P",
	 endpoint_processes_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
