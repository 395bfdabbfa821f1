#include "config.h"
#include "api/actions_req.h"
#include "api/actions.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* RESPONSE_ACTION_AGENT_TYPE (common/endpoint/service/response_actions/constants.ts); the spec lacks the last. */
const char *const actions_agent_types[] = {"endpoint", "sentinel_one", "crowdstrike", "microsoft_defender_endpoint",
					   NULL};

/*
 * Which agent types Kibana runs each action on, manual (console) mode: RESPONSE_ACTIONS_SUPPORT_MAP in
 * x-pack/solutions/security/plugins/security_solution/common/endpoint/service/response_actions/
 * is_response_action_supported.ts. SentinelOne kills a process by name only (kill_process.ts).
 */
const char *const actions_agents_all[] = {"endpoint", "sentinel_one", "crowdstrike", "microsoft_defender_endpoint",
						 NULL};
const char *const actions_agents_defend_s1[] = {"endpoint", "sentinel_one", NULL};
const char *const actions_agents_defend[] = {"endpoint", NULL};

/* What each kind needs in "parameters". */
enum action_params_kind { PARAMS_NONE, PARAMS_PROCESS, PARAMS_PATH, PARAMS_EXECUTE, PARAMS_UPLOAD };

static const struct {
	const char *path;
	const char *command;        /* as Kibana reports it */
	const char *capability;     /* RESPONSE_CONSOLE_ACTION_COMMANDS_TO_ENDPOINT_CAPABILITY */
	const char *const *agents;
	enum action_params_kind params;
} actions_kinds[] = {
	[ACTION_ISOLATE] = {"/api/endpoint/action/isolate", "isolate", "isolation", actions_agents_all, PARAMS_NONE},
	[ACTION_UNISOLATE] = {"/api/endpoint/action/unisolate", "unisolate", "isolation", actions_agents_all, PARAMS_NONE},
	[ACTION_RUNNING_PROCS] = {"/api/endpoint/action/running_procs", "running-processes", "running_processes",
				  actions_agents_defend_s1, PARAMS_NONE},
	[ACTION_SUSPEND] = {"/api/endpoint/action/suspend_process", "suspend-process", "suspend_process",
			    actions_agents_defend, PARAMS_PROCESS},
	[ACTION_KILL] = {"/api/endpoint/action/kill_process", "kill-process", "kill_process", actions_agents_defend_s1,
			 PARAMS_PROCESS},
	[ACTION_GET_FILE] = {"/api/endpoint/action/get_file", "get-file", "get_file", actions_agents_defend_s1, PARAMS_PATH},
	[ACTION_EXECUTE] = {"/api/endpoint/action/execute", "execute", "execute", actions_agents_defend, PARAMS_EXECUTE},
	[ACTION_SCAN] = {"/api/endpoint/action/scan", "scan", "scan", actions_agents_defend, PARAMS_PATH},
	[ACTION_UPLOAD] = {"/api/endpoint/action/upload", "upload", "upload_file", actions_agents_defend, PARAMS_UPLOAD},
};

const char *actions_kind_command(enum action_kind kind)
{
	return actions_kinds[kind].command;
}

bool actions_kind_of(const char *command, enum action_kind *kind)
{
	for (int k = 0; command && k < ACTION_KIND_COUNT; k++) {
		if (!strcmp(actions_kinds[k].command, command)) {
			*kind = (enum action_kind)k;
			return true;
		}
	}
	return false;
}

const char *actions_kind_capability(enum action_kind kind)
{
	return actions_kinds[kind].capability;
}

const char *const *actions_kind_agent_types(enum action_kind kind)
{
	return actions_kinds[kind].agents;
}

bool actions_kind_supports(enum action_kind kind, const char *agent_type)
{
	const char *t = agent_type ? agent_type : "endpoint";
	for (const char *const *a = actions_kinds[kind].agents; *a; a++)
		if (!strcmp(*a, t))
			return true;
	return false;
}

static bool actions_blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* Every id in a list must hold something other than whitespace. */
static char *actions_check_ids(const char *what, const char *option, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (actions_blank(ids[i]))
			return xasprintf("%s %zu is empty: give a real id to %s, or leave it out", what, i + 1, option);
	return NULL;
}

/* "endpoint and sentinel_one" for messages; caller frees. */
static char *actions_agents_text(enum action_kind kind)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *const *a = actions_kinds[kind].agents;
	for (size_t i = 0; a[i]; i++)
		strbuf_printf(&sb, "%s%s", i == 0 ? "" : a[i + 1] ? ", " : " and ", a[i]);
	return strbuf_detach(&sb, NULL);
}

/* kill and suspend: one process, by pid or entity id (or, on SentinelOne, by name). */
static char *actions_check_process(enum action_kind kind, const struct action_params *p)
{
	bool has_pid = p->has_pid, has_entity = p->entity_id != NULL;
	if (kind == ACTION_KILL && p->agent_type && !strcmp(p->agent_type, "sentinel_one")) {
		/* kill_process.ts: SentinelOne requires process_name and takes nothing else. */
		if (has_pid || has_entity)
			return xstrdup("SentinelOne kills a process by name only: give --process-name, not --pid or --entity-id");
		if (actions_blank(p->process_name))
			return xstrdup("which process? SentinelOne kills by name: give --process-name <name>");
		return NULL;
	}
	if (has_pid && has_entity)
		return xstrdup("give the process either by --pid or by --entity-id, not both");
	if (!has_pid && !has_entity)
		return xstrdup("which process? give --pid <n> or --entity-id <id> (a running-processes action lists them)");
	if (has_pid && p->pid < 1)
		return xasprintf("--pid must be 1 or more, not %lld", p->pid);
	if (has_entity && !*p->entity_id)
		return xstrdup("--entity-id is empty: give the process's entity id, or use --pid");
	return NULL;
}

/* The parameters of one kind, and nothing that belongs to another. */
static char *actions_check_params(enum action_kind kind, const struct action_params *p)
{
	enum action_params_kind pk = actions_kinds[kind].params;
	const char *cmd = actions_kinds[kind].command;
	if (pk != PARAMS_PROCESS && (p->has_pid || p->entity_id))
		return xasprintf("%s takes no process: leave out --pid and --entity-id", cmd);
	if (pk != PARAMS_PATH && p->path)
		return xasprintf("%s takes no --path", cmd);
	switch (pk) {
	case PARAMS_NONE:
		return NULL;
	case PARAMS_PROCESS:
		return actions_check_process(kind, p);
	case PARAMS_PATH:
		/* get_file.ts, scan.ts: a path that is not blank. */
		if (actions_blank(p->path))
			return xasprintf("%s needs a path on the host: give --path <path>", cmd);
		return NULL;
	case PARAMS_EXECUTE:
		/* execute.ts: command 1..8192 characters, not blank; timeout in seconds, at least 1. */
		if (actions_blank(p->command))
			return xstrdup("which command? give --command '<shell command>' (it must not be blank)");
		if (strlen(p->command) > ACTIONS_EXECUTE_MAX)
			return xasprintf("the command is %zu characters; Kibana takes at most %d", strlen(p->command),
					 ACTIONS_EXECUTE_MAX);
		if (p->timeout < 0)
			return xasprintf("--timeout is in seconds, at least 1 (not %lld)", p->timeout);
		return NULL;
	case PARAMS_UPLOAD:
		if (actions_blank(p->file_name))
			return xstrdup("which file? give the file to upload");
		if (p->file_len > ACTIONS_UPLOAD_MAX)
			return xasprintf("%s is %zu bytes; Kibana takes at most %zu (and 25 MiB unless its "
					 "maxUploadResponseActionFileBytes is raised)", p->file_name, p->file_len,
					 ACTIONS_UPLOAD_MAX);
		return NULL;
	}
	return NULL;
}

char *actions_validate(enum action_kind kind, const struct action_params *p)
{
	if (p->n_endpoints == 0)
		return xstrdup("no endpoint: give at least one with --endpoint <id> (ktriage -c endpoints lists them)");
	char *m = actions_check_ids("endpoint id", "--endpoint", p->endpoint_ids, p->n_endpoints);
	if (!m)
		m = actions_check_ids("case id", "--case", p->case_ids, p->n_cases);
	if (!m)
		m = actions_check_ids("alert id", "--alert", p->alert_ids, p->n_alerts);
	if (m)
		return m;
	if (p->agent_type) {
		bool known = false;
		for (int i = 0; actions_agent_types[i]; i++)
			known = known || strcmp(p->agent_type, actions_agent_types[i]) == 0;
		if (!known)
			return xasprintf("unknown agent type \"%s\": use endpoint, sentinel_one, crowdstrike or "
					 "microsoft_defender_endpoint", p->agent_type);
	}
	if (!actions_kind_supports(kind, p->agent_type)) {
		char *ok = actions_agents_text(kind);
		m = xasprintf("Kibana does not run %s on %s agents (its response-action support matrix allows %s only); "
			      "nothing was sent", actions_kinds[kind].command, p->agent_type, ok);
		free(ok);
		return m;
	}
	return actions_check_params(kind, p);
}

static json_t *actions_strings(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

/* The "parameters" object of a kind, or NULL when it takes none. */
static json_t *actions_parameters(enum action_kind kind, const struct action_params *p)
{
	switch (actions_kinds[kind].params) {
	case PARAMS_NONE:
		return NULL;
	case PARAMS_PROCESS:
		if (p->has_pid)
			return json_pack("{s:I}", "pid", (json_int_t)p->pid);
		if (p->entity_id)
			return json_pack("{s:s}", "entity_id", p->entity_id);
		return json_pack("{s:s}", "process_name", p->process_name ? p->process_name : "");
	case PARAMS_PATH:
		return json_pack("{s:s}", "path", p->path);
	case PARAMS_EXECUTE: {
		/*
		 * The spec types command with the response-action names and calls timeout milliseconds;
		 * execute.ts takes any shell command and a timeout in seconds.
		 */
		json_t *o = json_pack("{s:s}", "command", p->command);
		if (p->timeout > 0)
			json_object_set_new(o, "timeout", json_integer((json_int_t)p->timeout));
		return o;
	}
	case PARAMS_UPLOAD:
		return json_pack("{s:b}", "overwrite", p->overwrite);
	}
	return NULL;
}

/* Everything but the file, as the JSON body (or, for upload, its form fields). */
static json_t *actions_body(enum action_kind kind, const struct action_params *p)
{
	json_t *body = json_pack("{s:o}", "endpoint_ids", actions_strings(p->endpoint_ids, p->n_endpoints));
	if (p->comment && *p->comment)
		json_object_set_new(body, "comment", json_string(p->comment));
	if (p->n_cases)
		json_object_set_new(body, "case_ids", actions_strings(p->case_ids, p->n_cases));
	if (p->n_alerts)
		json_object_set_new(body, "alert_ids", actions_strings(p->alert_ids, p->n_alerts));
	if (p->agent_type)
		json_object_set_new(body, "agent_type", json_string(p->agent_type));
	json_t *params = actions_parameters(kind, p);
	if (params)
		json_object_set_new(body, "parameters", params);
	return body;
}

/*
 * Upload is multipart/form-data, as Kibana's UI sends it (use_send_upload_endpoint_request.ts): the
 * file part first, then one text part per field, JSON-encoded unless it is a string. The spec
 * declares JSON; the route accepts only multipart (response_actions.ts, options.body.accepts).
 */
static void actions_upload_parts(struct api_request *req, json_t *body, const struct action_params *p)
{
	api_request_add_part(req, "file", p->file_name, "application/octet-stream", p->file_data, p->file_len);
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		char *text = json_is_string(v) ? xstrdup(json_string_value(v)) : json_dumps(v, JSON_COMPACT);
		api_request_add_part(req, key, NULL, NULL, text, strlen(text));
		free(text);
	}
}

struct api_request *actions_create_request(enum action_kind kind, const struct action_params *p)
{
	/*
	 * The spec wraps the isolate/unisolate/running_procs body in a "body" object (the route's
	 * validation key leaked into it); Kibana reads the fields at the top level, as for the others.
	 */
	json_t *body = actions_body(kind, p);
	struct api_request *req = api_request_new(HTTP_POST, actions_kinds[kind].path);
	if (kind == ACTION_UPLOAD) {
		actions_upload_parts(req, body, p);
		json_decref(body);
	} else {
		api_request_set_json(req, body);
	}
	api_request_set_model(req, &actions_action_model);
	return req;
}
