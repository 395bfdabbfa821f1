/* Starting endpoint response actions: isolate, unisolate, running_procs, suspend_process. */
#ifndef KT_ACTIONS_REQ_H
#define KT_ACTIONS_REQ_H
#include <stdbool.h>
#include <stddef.h>
#include "api/request.h"

/* The actions this client starts. */
enum action_kind { ACTION_ISOLATE, ACTION_UNISOLATE, ACTION_RUNNING_PROCS, ACTION_SUSPEND };

/* Agent types a response action can go to, NULL-terminated. */
extern const char *const actions_agent_types[];

/* What an action is sent with; NULL/0 fields are left out. */
struct action_params {
	const char *const *endpoint_ids;   /* at least one, none empty */
	size_t n_endpoints;
	bool has_pid;                      /* suspend: the process is given by pid */
	long long pid;                     /* suspend: the process id (1 or more) */
	const char *entity_id;             /* suspend: a process entity id, or NULL */
	const char *comment;
	const char *const *case_ids;
	size_t n_cases;
	const char *const *alert_ids;
	size_t n_alerts;
	const char *agent_type;            /* one of actions_agent_types, or NULL for Kibana's default (endpoint) */
};

/* The command name Kibana reports for a kind ("suspend-process"). */
const char *actions_kind_command(enum action_kind kind);
/* Check params as the contract states; NULL when fine, else a message that says what to fix (caller frees). */
char *actions_validate(enum action_kind kind, const struct action_params *p);
/* POST /api/endpoint/action/<kind> with a body made from params (validate first). */
struct api_request *actions_create_request(enum action_kind kind, const struct action_params *p);

#endif
