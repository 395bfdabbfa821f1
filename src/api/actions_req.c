#include "config.h"
#include "api/actions_req.h"
#include "api/actions.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The seed document adds microsoft_defender_endpoint to the spec's list. */
const char *const actions_agent_types[] = {"endpoint", "sentinel_one", "crowdstrike", "microsoft_defender_endpoint",
					   NULL};

static const struct {
	const char *path;
	const char *command;
} actions_kinds[] = {
	[ACTION_ISOLATE] = {"/api/endpoint/action/isolate", "isolate"},
	[ACTION_UNISOLATE] = {"/api/endpoint/action/unisolate", "unisolate"},
	[ACTION_RUNNING_PROCS] = {"/api/endpoint/action/running_procs", "running-processes"},
	[ACTION_SUSPEND] = {"/api/endpoint/action/suspend_process", "suspend-process"},
};

const char *actions_kind_command(enum action_kind kind)
{
	return actions_kinds[kind].command;
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
		bool ok = false;
		for (int i = 0; actions_agent_types[i]; i++)
			ok = ok || strcmp(p->agent_type, actions_agent_types[i]) == 0;
		if (!ok)
			return xasprintf("unknown agent type \"%s\": use endpoint, sentinel_one, crowdstrike or "
					 "microsoft_defender_endpoint", p->agent_type);
	}
	bool has_pid = p->has_pid, has_entity = p->entity_id != NULL;
	if (kind != ACTION_SUSPEND) {
		if (has_pid || has_entity)
			return xasprintf("%s takes no process: leave out --pid and --entity-id", actions_kind_command(kind));
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

static json_t *actions_strings(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

struct api_request *actions_create_request(enum action_kind kind, const struct action_params *p)
{
	/*
	 * The spec wraps the isolate/unisolate/running_procs body in a "body" object (the route's
	 * validation key leaked into it); Kibana reads the fields at the top level, as for suspend.
	 */
	json_t *body = json_pack("{s:o}", "endpoint_ids", actions_strings(p->endpoint_ids, p->n_endpoints));
	if (p->comment && *p->comment)
		json_object_set_new(body, "comment", json_string(p->comment));
	if (p->n_cases)
		json_object_set_new(body, "case_ids", actions_strings(p->case_ids, p->n_cases));
	if (p->n_alerts)
		json_object_set_new(body, "alert_ids", actions_strings(p->alert_ids, p->n_alerts));
	if (p->agent_type)
		json_object_set_new(body, "agent_type", json_string(p->agent_type));
	if (kind == ACTION_SUSPEND) {
		json_t *params = p->entity_id ? json_pack("{s:s}", "entity_id", p->entity_id)
					      : json_pack("{s:I}", "pid", (json_int_t)p->pid);
		json_object_set_new(body, "parameters", params);
	}
	struct api_request *req = api_request_new(HTTP_POST, actions_kinds[kind].path);
	api_request_set_json(req, body);
	api_request_set_model(req, &actions_action_model);
	return req;
}
