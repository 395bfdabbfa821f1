/* Endpoint response actions: the ActionDetails model, its list, and the processes a running-processes action found. */
#ifndef KT_ACTIONS_H
#define KT_ACTIONS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Commands the action list can be filtered by, NULL-terminated. */
extern const char *const actions_command_names[];
/* Largest pageSize the contract allows. */
#define ACTIONS_MAX_PAGE_SIZE 10000

/* One response action (Kibana's ActionDetails). Only id is sure; other strings may be NULL. */
struct response_action {
	char *id;
	char *command;        /* isolate, unisolate, suspend-process, running-processes, ... (as it came) */
	char *status;         /* pending | successful | failed (derived when Kibana leaves it out) */
	char *agent_type;     /* endpoint, sentinel_one, ... (may be NULL) */
	char *created_by;     /* may be NULL */
	char *comment;        /* may be NULL */
	char *started_at;
	char *completed_at;   /* may be NULL */
	char **agents;        /* endpoint (agent) ids */
	size_t n_agents;
	char **hosts;         /* host name per agent (NULL when Kibana did not say), same length as agents */
	char **errors;
	size_t n_errors;
	bool is_completed, was_successful, is_expired;
	json_t *parameters;   /* as sent, or NULL */
	json_t *outputs;      /* {agentId: {type, content}}, or NULL */
	char *problem;        /* why this action could not be read (a placeholder row), or NULL */
};

/* One page of GET /api/endpoint/action. */
struct action_page {
	struct response_action *items;
	size_t n;
	long long page, page_size, total;
	size_t bad;           /* actions that could not be read: placeholders with a problem */
};

/* A process a running-processes action reported. */
struct action_process {
	char *agent_id;       /* the endpoint that reported it */
	char *command;
	char *pid;
	char *entity_id;
	char *user;
};

/* The processes one running-processes action reported, over all its agents. */
struct action_process_list {
	struct action_process *items;
	size_t n;
};

/* Filters and paging for the list; NULL/0 fields are left out. */
struct actions_query {
	long page;                     /* from 1 */
	long page_size;
	const char *const *commands;
	size_t n_commands;
	const char *const *agent_ids;
	size_t n_agent_ids;
};

/* GET /api/endpoint/action. */
struct api_request *actions_list_request(const struct actions_query *q);
/* GET /api/endpoint/action/{action_id}: the action with its outputs. */
struct api_request *actions_get_request(const char *action_id);
/* The list: a struct action_page. */
extern const struct kmodel actions_page_model;
/* {data: ActionDetails} (details and every create response): a struct response_action. */
extern const struct kmodel actions_action_model;
/* Free the contents of one action (one taken out of a page too) and zero it. */
void actions_action_clear(struct response_action *a);
/* Move the contents of src into dst (dst's old contents are freed; src is left empty). */
void actions_action_move(struct response_action *dst, struct response_action *src);
/* Host names of an action ("web-1, db-2"), falling back to agent ids; caller frees. */
char *actions_hosts_text(const struct response_action *a);
/* The processes in a running-processes action's outputs (empty when there are none); caller frees. */
struct action_process_list *actions_processes(const struct response_action *a);
/* A process's name from its command line: the program's file name ("powershell.exe"), not its arguments; caller frees. */
char *actions_process_name(const char *command);
/* Free a list from actions_processes. */
void actions_processes_free(struct action_process_list *l);

/* A file a response action left in Kibana (UploadedFileInfo): get-file's zip, execute's full output. */
struct action_file {
	char *id;
	char *name;          /* the file name Kibana serves it under */
	char *mime_type;     /* may be NULL */
	char *status;        /* AWAITING_UPLOAD, UPLOADING, READY, UPLOAD_ERROR, DELETED */
	char *created;       /* may be NULL */
	char *action_id;     /* may be NULL */
	char *agent_id;      /* may be NULL */
	char *agent_type;    /* may be NULL */
	long long size;      /* bytes, -1 unknown */
};

/* True when Kibana keeps a file for this command on this agent type (COMMANDS_WITH_ACCESS_TO_FILES). */
bool actions_has_files(const char *command, const char *agent_type);
/* The file id of one agent's file of an action (get_file_download_id.ts); caller frees. */
char *actions_file_id(const struct response_action *a, const char *agent_id);
/* GET /api/endpoint/action/{action_id}/file/{file_id}: the file's info. */
struct api_request *actions_file_info_request(const char *action_id, const char *file_id);
/* GET /api/endpoint/action/{action_id}/file/{file_id}/download: the zip itself (raw body, no model). */
struct api_request *actions_file_download_request(const char *action_id, const char *file_id);
/* {data: UploadedFileInfo}: a struct action_file. */
extern const struct kmodel actions_file_model;
/* The password of the zips Kibana serves for an agent type (NULL: Kibana's documentation names none). */
const char *actions_zip_password(const char *agent_type);

#endif
