/*
 * Response actions on endpoints, one command per POST /api/endpoint/action/<route> of the spec:
 * isolate, release, processes, suspend, kill, get-file, execute, scan, upload. Each names its hosts
 * (and its process) in the confirmation, refuses what Kibana would refuse before sending, and is
 * audited.
 */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "cmd/respond_ask.h"
#include "api/actions.h"
#include "api/actions_req.h"
#include "api/endpoints.h"
#include "core/sha256.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Running-processes actions looked through for the name of a process given by pid or entity id. */
#define RESPOND_PROCESS_LISTS 10

/* A response action under way: its parameters and what was found out before asking. */
struct respond {
	enum action_kind kind;
	struct action_params params;
	char **names;          /* host name per endpoint (NULL until found) */
	char *refusal;         /* why a host cannot run the action (a missing capability), or NULL */
	size_t looked_up;      /* host lookups answered */
	char *process_name;    /* kill, suspend: the process's name, given or found */
	char *file_data;       /* upload: the file */
	char sha256[SHA256_HEX_LEN + 1];
};

static void respond_free(void *p)
{
	struct respond *r = p;
	for (size_t i = 0; r->names && i < r->params.n_endpoints; i++)
		free(r->names[i]);
	free(r->names);
	free(r->refusal);
	free(r->process_name);
	free(r->file_data);
	free(r);
}

/* "web-1" or "web-1, db-2" (ids where no name was found); caller frees. */
static char *respond_hosts(const struct respond *r)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < r->params.n_endpoints; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", r->names[i] ? r->names[i] : r->params.endpoint_ids[i]);
	return strbuf_detach(&sb, NULL);
}

static void respond_sent(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct respond *r = ctx->state;
	const struct response_action *a = d->res.status == API_OK ? d->res.model : NULL;
	cmd_audit(ctx, r->params.endpoint_ids, r->params.n_endpoints, d, a ? a->id : NULL);
	if (!a) {
		cmd_fail_api(ctx, d);
		return;
	}
	char *hosts = respond_hosts(r);
	struct strbuf msg;
	strbuf_init(&msg);
	strbuf_printf(&msg, "%s action %s on %s: %s (ktriage -c 'action show %s' follows it", a->command, a->id, hosts,
		      a->status, a->id);
	if (actions_has_files(a->command, a->agent_type))
		strbuf_printf(&msg, "; 'action download %s' saves its file once it is done", a->id);
	strbuf_puts(&msg, ").");
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg.buf, .json = d->res.json};
	cmd_output(ctx, &out);
	strbuf_free(&msg);
	free(hosts);
	cmd_finish(ctx);
}

static void respond_go(struct cmd_ctx *ctx)
{
	struct respond *r = ctx->state;
	cmd_submit(ctx, actions_create_request(r->kind, &r->params), respond_sent);
}

static void respond_ask(struct cmd_ctx *ctx)
{
	struct respond *r = ctx->state;
	char *hosts = respond_hosts(r);
	struct respond_subject s = {r->kind, &r->params, hosts, r->process_name,
				    r->kind == ACTION_UPLOAD ? r->sha256 : NULL};
	char *q = respond_question(&s);
	cmd_confirm(ctx, q, NULL, respond_go);
	free(q);
	free(hosts);
}

/* The process named in the host's latest process list, by pid or entity id. */
static void respond_found_list(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct respond *r = ctx->state;
	if (d->res.status == API_OK) {
		struct action_process_list *l = actions_processes(d->res.model);
		char pid[32];
		snprintf(pid, sizeof(pid), "%lld", r->params.pid);
		for (size_t i = 0; i < l->n && !r->process_name; i++) {
			const struct action_process *pr = &l->items[i];
			bool match = r->params.has_pid ? pr->pid && !strcmp(pr->pid, pid)
						       : pr->entity_id && !strcmp(pr->entity_id, r->params.entity_id);
			if (match && pr->command && *pr->command)
				r->process_name = actions_process_name(pr->command);
		}
		actions_processes_free(l);
	}
	respond_ask(ctx);
}

/* The newest successful process list of the host, if any; without one, the question says so. */
static void respond_found_lists(struct cmd_ctx *ctx, struct worker_done *d)
{
	const struct action_page *p = d->res.status == API_OK ? d->res.model : NULL;
	for (size_t i = 0; p && i < p->n; i++) {
		if (p->items[i].was_successful) {
			cmd_submit(ctx, actions_get_request(p->items[i].id), respond_found_list);
			return;
		}
	}
	respond_ask(ctx);
}

/* Kill and suspend name their process: a process list of the host may tell its name. */
static void respond_name_process(struct cmd_ctx *ctx)
{
	struct respond *r = ctx->state;
	bool defend = !r->params.agent_type || !strcmp(r->params.agent_type, "endpoint");
	if ((r->kind != ACTION_KILL && r->kind != ACTION_SUSPEND) || r->process_name || !defend ||
	    r->params.n_endpoints != 1) {
		respond_ask(ctx);
		return;
	}
	const char *cmds[] = {"running-processes"};
	struct actions_query q = {.page = 1, .page_size = RESPOND_PROCESS_LISTS, .commands = cmds, .n_commands = 1,
				  .agent_ids = r->params.endpoint_ids, .n_agent_ids = 1};
	cmd_submit(ctx, actions_list_request(&q), respond_found_lists);
}

static void respond_found_host(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct respond *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct endpoint_page *p = d->res.model;
	const char *cap = actions_kind_capability(r->kind);
	for (size_t i = 0; i < r->params.n_endpoints; i++) {
		const struct endpoint_host *h = endpoints_find(p, r->params.endpoint_ids[i]);
		if (!h || r->names[i])
			continue;
		r->names[i] = xstrdup(h->hostname ? h->hostname : h->agent_id);
		/* Kibana's console offers a command only where the agent reports its capability. */
		if (!r->refusal && !endpoints_can(h, cap))
			r->refusal = xasprintf("%s runs Elastic Defend %s, which does not report the %s capability, so it "
					       "cannot run %s; nothing was sent",
					       r->names[i], h->agent_version ? h->agent_version : "(version unknown)", cap,
					       actions_kind_command(r->kind));
	}
	if (++r->looked_up < r->params.n_endpoints)
		return;
	/* Elastic Defend endpoints are all in the metadata list; other EDRs' agents are not. */
	bool defend = !r->params.agent_type || strcmp(r->params.agent_type, "endpoint") == 0;
	for (size_t i = 0; defend && i < r->params.n_endpoints; i++) {
		if (!r->names[i]) {
			cmd_fail(ctx, CMD_EXIT_API, "no endpoint with id \"%s\" (ktriage -c endpoints lists them); nothing was sent",
				 r->params.endpoint_ids[i]);
			return;
		}
	}
	if (r->refusal) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", r->refusal);
		return;
	}
	respond_name_process(ctx);
}

static const char *respond_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* The arguments a command declares, into the action's parameters (borrowed from ctx's values). */
static bool respond_params(struct cmd_ctx *ctx, struct respond *r)
{
	struct action_params *p = &r->params;
	const struct cmd_value *eps = cmd_values(ctx, "endpoint"), *cases = cmd_values(ctx, "case");
	const struct cmd_value *alerts = cmd_values(ctx, "alert");
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
	p->process_name = cmd_str(ctx, "process-name");
	r->process_name = p->process_name ? xstrdup(p->process_name) : NULL;
	p->path = cmd_str(ctx, "path");
	p->command = cmd_str(ctx, "command");
	p->timeout = cmd_int(ctx, "timeout", 0);
	if (cmd_str(ctx, "timeout") && p->timeout < 1) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--timeout is in seconds, at least 1");
		return false;
	}
	p->overwrite = cmd_flag(ctx, "overwrite");
	const char *file = cmd_str(ctx, "file");
	if (file) {
		char *err = NULL;
		r->file_data = opsutil_read_file(file, ACTIONS_UPLOAD_MAX, &p->file_len, &err);
		if (!r->file_data) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
			free(err);
			return false;
		}
		p->file_data = r->file_data;
		p->file_name = respond_basename(file);
		sha256_hex(p->file_data, p->file_len, r->sha256);
	}
	return true;
}

/* Every response command: its parameters, checked; then its hosts looked up by id to name them. */
static void respond_start(struct cmd_ctx *ctx, enum action_kind kind)
{
	struct respond *r = xcalloc(1, sizeof(*r));
	ctx->state = r;
	ctx->state_free = respond_free;
	r->kind = kind;
	if (!respond_params(ctx, r))
		return;
	char *bad = actions_validate(kind, &r->params);
	if (bad) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
		free(bad);
		return;
	}
	r->names = xcalloc(r->params.n_endpoints + 1, sizeof(char *));
	for (size_t i = 0; i < r->params.n_endpoints; i++)
		cmd_submit(ctx, endpoints_lookup_request(r->params.endpoint_ids[i]), respond_found_host);
}

#define RESPOND_RUN(name, kind)                                                                                        \
	static void respond_##name##_run(struct cmd_ctx *ctx)                                                          \
	{                                                                                                              \
		respond_start(ctx, kind);                                                                              \
	}
RESPOND_RUN(isolate, ACTION_ISOLATE)
RESPOND_RUN(release, ACTION_UNISOLATE)
RESPOND_RUN(processes, ACTION_RUNNING_PROCS)
RESPOND_RUN(suspend, ACTION_SUSPEND)
RESPOND_RUN(kill, ACTION_KILL)
RESPOND_RUN(get_file, ACTION_GET_FILE)
RESPOND_RUN(execute, ACTION_EXECUTE)
RESPOND_RUN(scan, ACTION_SCAN)
RESPOND_RUN(upload, ACTION_UPLOAD)

#define ENDPOINT_ARG {"endpoint", CMD_ARG_STRING, CMD_REQUIRED | CMD_MULTI, NULL, CMD_ID_ENDPOINT, "endpoint id (repeatable)"}
#define COMMENT_ARG {"comment", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "why, for the action log"}
#define CASE_ARG {"case", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_CASE, "record the action on this case (repeatable)"}
#define ALERT_ARG {"alert", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_ALERT, "the alert this answers (repeatable)"}
/* Only the agent types Kibana's support matrix allows for the command are offered. */
#define AGENT_TYPE_ARG(types, help) {"agent-type", CMD_ARG_ENUM, 0, types, CMD_ID_NONE, help}
#define COMMON_ARGS(...) COMMENT_ARG, CASE_ARG, ALERT_ARG, AGENT_TYPE_ARG(__VA_ARGS__)
#define ALL_AGENTS actions_agents_all, "the agent's EDR (default endpoint)"
#define DEFEND_S1 actions_agents_defend_s1, "the agent's EDR (default endpoint): Kibana runs this on Elastic Defend and SentinelOne only"
#define DEFEND actions_agents_defend, "the agent's EDR: Kibana runs this on Elastic Defend (endpoint) only"
#define PID_ARG {"pid", CMD_ARG_INT, 0, NULL, CMD_ID_PID, "the process id (or give --entity-id)"}
#define ENTITY_ARG {"entity-id", CMD_ARG_STRING, 0, NULL, CMD_ID_ENTITY, "the process entity id (or give --pid)"}
#define PATH_ARG(help) {"path", CMD_ARG_STRING, CMD_REQUIRED, NULL, CMD_ID_HOST_PATH, help}
#define END_ARGS {NULL, 0, 0, NULL, 0, NULL}

static const struct cmd_arg respond_plain_args[] = {ENDPOINT_ARG, COMMON_ARGS(ALL_AGENTS), END_ARGS};
static const struct cmd_arg respond_processes_args[] = {ENDPOINT_ARG, COMMON_ARGS(DEFEND_S1), END_ARGS};

static const struct cmd_arg respond_suspend_args[] = {
	ENDPOINT_ARG, PID_ARG, ENTITY_ARG,
	{"process-name", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "the process's name, to name it in the question (not sent)"},
	COMMON_ARGS(DEFEND), END_ARGS,
};

static const struct cmd_arg respond_kill_args[] = {
	ENDPOINT_ARG, PID_ARG, ENTITY_ARG,
	{"process-name", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE,
	 "the process's name: named in the question; SentinelOne kills by it (sent only there)"},
	COMMON_ARGS(DEFEND_S1), END_ARGS,
};

static const struct cmd_arg respond_get_file_args[] = {
	ENDPOINT_ARG, PATH_ARG("the file's full path on the host"), COMMON_ARGS(DEFEND_S1), END_ARGS,
};

static const struct cmd_arg respond_scan_args[] = {
	ENDPOINT_ARG, PATH_ARG("the file or folder to scan on the host"), COMMON_ARGS(DEFEND), END_ARGS,
};

static const struct cmd_arg respond_execute_args[] = {
	ENDPOINT_ARG,
	{"command", CMD_ARG_STRING, CMD_REQUIRED, NULL, CMD_ID_NONE, "the shell command, quoted ('ls -la /tmp')"},
	{"timeout", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "seconds before the agent stops it (default: Kibana's 4 hours)"},
	COMMON_ARGS(DEFEND), END_ARGS,
};

static const struct cmd_arg respond_upload_args[] = {
	{"file", CMD_ARG_FILE, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE,
	 "the file to put on the host (its name is kept; at most 25 MiB unless Kibana allows more)"},
	ENDPOINT_ARG,
	{"overwrite", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "replace a file of that name on the host"},
	COMMON_ARGS(DEFEND), END_ARGS,
};

const struct cmd_def cmd_respond_defs[] = {
	{"endpoint suspend", respond_suspend_args, CMD_MUTATES,
	 "suspend a process on an endpoint (POST /api/endpoint/action/suspend_process)", "actions", "S",
	 respond_suspend_run},
	{"endpoint isolate", respond_plain_args, CMD_MUTATES,
	 "cut a host off the network (POST /api/endpoint/action/isolate)", "actions", "I", respond_isolate_run},
	{"endpoint release", respond_plain_args, CMD_MUTATES,
	 "release an isolated host (POST /api/endpoint/action/unisolate)", "actions", "R", respond_release_run},
	{"endpoint processes", respond_processes_args, CMD_MUTATES,
	 "ask an endpoint for its running processes (POST /api/endpoint/action/running_procs)", "actions", "P",
	 respond_processes_run},
	{"endpoint kill", respond_kill_args, CMD_MUTATES,
	 "kill a process on an endpoint (POST /api/endpoint/action/kill_process)", "actions", NULL, respond_kill_run},
	{"endpoint get-file", respond_get_file_args, CMD_MUTATES,
	 "retrieve a file from an endpoint as a password-protected zip (POST /api/endpoint/action/get_file)", "actions",
	 NULL, respond_get_file_run},
	{"endpoint execute", respond_execute_args, CMD_MUTATES,
	 "run a shell command on an endpoint (POST /api/endpoint/action/execute)", "actions", NULL, respond_execute_run},
	{"endpoint scan", respond_scan_args, CMD_MUTATES,
	 "scan a file or folder on an endpoint for malware (POST /api/endpoint/action/scan)", "actions", NULL,
	 respond_scan_run},
	{"endpoint upload", respond_upload_args, CMD_MUTATES,
	 "put a file on an endpoint (POST /api/endpoint/action/upload, multipart)", "actions", NULL, respond_upload_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
