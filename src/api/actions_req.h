/*
 * Starting endpoint response actions: every POST /api/endpoint/action/<route> of the spec
 * (isolate, unisolate, running_procs, suspend_process, kill_process, get_file, execute, scan,
 * upload), the parameters each takes, and the agent types Kibana runs each on.
 */
#ifndef KT_ACTIONS_REQ_H
#define KT_ACTIONS_REQ_H
#include <stdbool.h>
#include <stddef.h>
#include "api/request.h"

/* The actions this client starts. */
enum action_kind {
	ACTION_ISOLATE,
	ACTION_UNISOLATE,
	ACTION_RUNNING_PROCS,
	ACTION_SUSPEND,
	ACTION_KILL,
	ACTION_GET_FILE,
	ACTION_EXECUTE,
	ACTION_SCAN,
	ACTION_UPLOAD,
	ACTION_KIND_COUNT,
};

/* Agent types a response action can go to, NULL-terminated. */
extern const char *const actions_agent_types[];
/* The support matrix's rows, NULL-terminated: every agent type; Elastic Defend and SentinelOne; Elastic Defend only. */
extern const char *const actions_agents_all[];
extern const char *const actions_agents_defend_s1[];
extern const char *const actions_agents_defend[];
/* Longest execute command Kibana takes (execute.ts: maxLength 8192). */
#define ACTIONS_EXECUTE_MAX 8192
/* Largest upload Kibana can be configured to take (maxUploadResponseActionFileBytes, 100 MiB; default 25 MiB). */
#define ACTIONS_UPLOAD_MAX ((size_t)100 << 20)

/* What an action is sent with; NULL/0 fields are left out. */
struct action_params {
	const char *const *endpoint_ids;   /* at least one, none empty */
	size_t n_endpoints;
	bool has_pid;                      /* kill, suspend: the process is given by pid */
	long long pid;                     /* kill, suspend: the process id (1 or more) */
	const char *entity_id;             /* kill, suspend: a process entity id, or NULL */
	const char *process_name;          /* kill on sentinel_one: the process name (sent only there) */
	const char *path;                  /* get-file, scan: a path on the host */
	const char *command;               /* execute: the shell command */
	long long timeout;                 /* execute: seconds (0: Kibana's default, 4 hours) */
	const char *file_name;             /* upload: the name the file gets on the host */
	const char *file_data;             /* upload: its bytes */
	size_t file_len;
	bool overwrite;                    /* upload: replace a file of that name */
	const char *comment;
	const char *const *case_ids;
	size_t n_cases;
	const char *const *alert_ids;
	size_t n_alerts;
	const char *agent_type;            /* one of actions_agent_types, or NULL for Kibana's default (endpoint) */
};

/* The command name Kibana reports for a kind ("suspend-process"). */
const char *actions_kind_command(enum action_kind kind);
/* The kind Kibana reports as command ("kill-process"); false when none matches. */
bool actions_kind_of(const char *command, enum action_kind *kind);
/* The capability an Elastic Defend agent must report for a kind (metadata.Endpoint.capabilities). */
const char *actions_kind_capability(enum action_kind kind);
/* The agent types Kibana runs a kind on (its support matrix, manual mode), NULL-terminated. */
const char *const *actions_kind_agent_types(enum action_kind kind);
/* True when Kibana runs the kind on agents of that type (NULL: endpoint). */
bool actions_kind_supports(enum action_kind kind, const char *agent_type);
/* Check params as Kibana's route validation does; NULL when fine, else a message that says what to fix (caller frees). */
char *actions_validate(enum action_kind kind, const struct action_params *p);
/* POST /api/endpoint/action/<kind> with a body made from params (validate first); upload is multipart. */
struct api_request *actions_create_request(enum action_kind kind, const struct action_params *p);

#endif
