#include "config.h"
#include "api/actions.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const actions_command_names[] = {"isolate", "unisolate", "kill-process", "suspend-process",
					     "running-processes", "get-file", "execute", "upload", "scan", NULL};

struct api_request *actions_list_request(const struct actions_query *q)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/endpoint/action");
	struct strbuf qs;
	strbuf_init(&qs);
	if (q->page > 0)
		urlenc_query_add_int(&qs, "page", q->page);
	if (q->page_size > 0)
		urlenc_query_add_int(&qs, "pageSize",
				     q->page_size > ACTIONS_MAX_PAGE_SIZE ? ACTIONS_MAX_PAGE_SIZE : q->page_size);
	for (size_t i = 0; i < q->n_commands; i++)
		urlenc_query_add(&qs, "commands", q->commands[i]);
	for (size_t i = 0; i < q->n_agent_ids; i++)
		urlenc_query_add(&qs, "agentIds", q->agent_ids[i]);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &actions_page_model);
	return req;
}

struct api_request *actions_get_request(const char *action_id)
{
	char *path = api_path("/api/endpoint/action/{}", action_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &actions_action_model);
	return req;
}

/* hosts: {agentId: {name}}; a name per agent in agents' order. */
static void actions_read_hosts(struct kjson_reader *r, json_t *j, struct response_action *a)
{
	a->hosts = xcalloc(a->n_agents + 1, sizeof(char *));
	json_t *hosts = kjson_obj(r, j, "hosts", KJ_ANY);
	for (size_t i = 0; hosts && i < a->n_agents; i++) {
		json_t *name = json_object_get(json_object_get(hosts, a->agents[i]), "name");
		if (json_is_string(name) && *json_string_value(name))
			a->hosts[i] = kjson_text(name);
	}
}

/*
 * The contract leaves these bodies open; the fields follow Kibana's ActionDetails type
 * and the seed document's example (which has no "status", "hosts" or "agentState").
 * Only the id is required (an action is followed and shown by it); the rest is taken as it comes.
 */
static void actions_read(struct kjson_reader *r, json_t *j, void *elem)
{
	struct response_action *a = elem;
	memset(a, 0, sizeof(*a));
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	a->id = kjson_str(r, j, "id", KJ_REQ);
	a->command = kjson_str(r, j, "command", KJ_ANY);
	kjson_strv(r, j, "agents", KJ_ANY, &a->agents, &a->n_agents);
	a->is_completed = kjson_bool(r, j, "isCompleted", KJ_ANY, false);
	a->was_successful = kjson_bool(r, j, "wasSuccessful", KJ_ANY, false);
	a->is_expired = kjson_bool(r, j, "isExpired", KJ_ANY, false);
	a->started_at = kjson_str(r, j, "startedAt", KJ_ANY);
	a->completed_at = kjson_str(r, j, "completedAt", KJ_ANY);
	a->status = kjson_str(r, j, "status", KJ_ANY);
	a->agent_type = kjson_str(r, j, "agentType", KJ_ANY);
	a->created_by = kjson_str(r, j, "createdBy", KJ_ANY);
	a->comment = kjson_str(r, j, "comment", KJ_ANY);
	kjson_strv(r, j, "errors", KJ_ANY, &a->errors, &a->n_errors);
	json_t *params = kjson_obj(r, j, "parameters", KJ_ANY);
	a->parameters = params ? json_incref(params) : NULL;
	json_t *outputs = kjson_obj(r, j, "outputs", KJ_ANY);
	a->outputs = outputs ? json_incref(outputs) : NULL;
	actions_read_hosts(r, j, a);
	if (!a->status)
		a->status = xstrdup(!a->is_completed ? "pending" : a->was_successful ? "successful" : "failed");
}

void actions_action_clear(struct response_action *a)
{
	free(a->id);
	free(a->command);
	free(a->status);
	free(a->agent_type);
	free(a->created_by);
	free(a->comment);
	free(a->started_at);
	free(a->completed_at);
	free(a->problem);
	for (size_t i = 0; a->hosts && i < a->n_agents; i++)
		free(a->hosts[i]);
	free(a->hosts);
	kjson_strv_free(a->agents, a->n_agents);
	kjson_strv_free(a->errors, a->n_errors);
	json_decref(a->parameters);
	json_decref(a->outputs);
	memset(a, 0, sizeof(*a));
}

void actions_action_move(struct response_action *dst, struct response_action *src)
{
	actions_action_clear(dst);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

/* {data: ActionDetails}: details and every create response. */
static void actions_action_read(struct kjson_reader *r, json_t *j, void *out)
{
	json_t *data = kjson_obj(r, j, "data", KJ_REQ);
	if (data) {
		kjson_reader_at(r, "response action.data");
		actions_read(r, data, out);
	}
}

static void actions_action_clear_model(void *out)
{
	actions_action_clear(out);
}

const struct kmodel actions_action_model = {
	.what = "response action",
	.size = sizeof(struct response_action),
	.read = actions_action_read,
	.clear = actions_action_clear_model,
};

static void actions_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct action_page *p = out;
	/* total is what the list pages by. */
	p->total = kjson_int(r, j, "total", KJ_REQ, 0);
	p->page = kjson_int(r, j, "page", KJ_ANY, 1);
	p->page_size = kjson_int(r, j, "pageSize", KJ_ANY, 0);
	json_t *a = kjson_arr(r, j, "data", KJ_REQ);
	if (!r->err && a)
		p->items = kjson_read_rows(a, "response action list.data", sizeof(*p->items), actions_read,
					   offsetof(struct response_action, problem), &p->n, &p->bad);
}

static void actions_page_clear(void *out)
{
	struct action_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		actions_action_clear(&p->items[i]);
	free(p->items);
	memset(p, 0, sizeof(*p));
}

const struct kmodel actions_page_model = {
	.what = "response action list",
	.size = sizeof(struct action_page),
	.read = actions_page_read,
	.clear = actions_page_clear,
};

char *actions_hosts_text(const struct response_action *a)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < a->n_agents; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", a->hosts && a->hosts[i] ? a->hosts[i] : a->agents[i]);
	if (!a->n_agents)
		strbuf_puts(&sb, "-");
	return strbuf_detach(&sb, NULL);
}

/* A process entry's field as text: Kibana sends pid as a string, some agents as a number. */
static char *actions_entry_text(json_t *e, const char *key)
{
	json_t *v = json_object_get(e, key);
	return json_is_string(v) || json_is_number(v) ? kjson_text(v) : NULL;
}

struct action_process_list *actions_processes(const struct response_action *a)
{
	struct action_process_list *l = xcalloc(1, sizeof(*l));
	const char *agent;
	json_t *out;
	json_object_foreach(a->outputs, agent, out) {
		json_t *entries = json_object_get(json_object_get(out, "content"), "entries");
		size_t i;
		json_t *e;
		json_array_foreach(entries, i, e) {
			if (!json_is_object(e))
				continue;
			l->items = xreallocarray(l->items, l->n + 1, sizeof(*l->items));
			struct action_process *p = &l->items[l->n++];
			p->agent_id = xstrdup(agent);
			p->command = actions_entry_text(e, "command");
			p->pid = actions_entry_text(e, "pid");
			p->entity_id = actions_entry_text(e, "entity_id");
			p->user = actions_entry_text(e, "user");
		}
	}
	return l;
}

char *actions_process_name(const char *command)
{
	size_t end = strcspn(command, " ");
	const char *exe = strcasestr(command, ".exe");
	if (exe)
		end = (size_t)(exe - command) + 4;
	/* A quoted program path ("C:\Program Files\x.exe" args): the quote is not part of the name. */
	size_t start = end;
	while (start > 0 && command[start - 1] != '/' && command[start - 1] != '\\' && command[start - 1] != '"')
		start--;
	return xstrndup(command + start, end - start);
}

void actions_processes_free(struct action_process_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].agent_id);
		free(l->items[i].command);
		free(l->items[i].pid);
		free(l->items[i].entity_id);
		free(l->items[i].user);
	}
	free(l->items);
	free(l);
}

/*
 * COMMANDS_WITH_ACCESS_TO_FILES (server/endpoint/routes/actions/utils.ts): get-file on endpoint and
 * sentinel_one, execute on endpoint, running-processes on sentinel_one (its list is a file).
 */
bool actions_has_files(const char *command, const char *agent_type)
{
	static const struct {
		const char *command, *agent_type;
	} with_files[] = {
		{"get-file", "endpoint"}, {"get-file", "sentinel_one"}, {"execute", "endpoint"},
		{"running-processes", "sentinel_one"},
	};
	const char *t = agent_type ? agent_type : "endpoint";
	for (size_t i = 0; command && i < sizeof(with_files) / sizeof(*with_files); i++)
		if (!strcmp(with_files[i].command, command) && !strcmp(with_files[i].agent_type, t))
			return true;
	return false;
}

/* common/endpoint/service/response_actions/get_file_download_id.ts: "<action>.<agent>" for Defend, else the agent id. */
char *actions_file_id(const struct response_action *a, const char *agent_id)
{
	if (!a->agent_type || !strcmp(a->agent_type, "endpoint"))
		return xasprintf("%s.%s", a->id, agent_id);
	return xstrdup(agent_id);
}

static struct api_request *actions_file_request(const char *tmpl, const char *action_id, const char *file_id)
{
	char *path = api_path(tmpl, action_id, file_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	return req;
}

struct api_request *actions_file_info_request(const char *action_id, const char *file_id)
{
	struct api_request *req = actions_file_request("/api/endpoint/action/{}/file/{}", action_id, file_id);
	api_request_set_model(req, &actions_file_model);
	return req;
}

struct api_request *actions_file_download_request(const char *action_id, const char *file_id)
{
	/* file_download_handler.ts streams application/octet-stream; the spec says JSON. */
	return actions_file_request("/api/endpoint/action/{}/file/{}/download", action_id, file_id);
}

/* file_info_handler.ts: {data: UploadedFileInfo}. */
static void actions_file_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct action_file *f = out;
	json_t *d = kjson_obj(r, j, "data", KJ_REQ);
	if (!d)
		return;
	kjson_reader_at(r, "file info.data");
	f->id = kjson_str(r, d, "id", KJ_REQ);
	f->name = kjson_str(r, d, "name", KJ_REQ);
	f->status = kjson_str(r, d, "status", KJ_REQ);
	f->mime_type = kjson_str(r, d, "mimeType", KJ_OPT_NULLABLE);
	f->created = kjson_str(r, d, "created", KJ_OPT_NULLABLE);
	f->action_id = kjson_str(r, d, "actionId", KJ_OPT_NULLABLE);
	f->agent_id = kjson_str(r, d, "agentId", KJ_OPT_NULLABLE);
	f->agent_type = kjson_str(r, d, "agentType", KJ_OPT_NULLABLE);
	f->size = kjson_int(r, d, "size", KJ_OPT_NULLABLE, -1);
}

static void actions_file_clear(void *out)
{
	struct action_file *f = out;
	free(f->id);
	free(f->name);
	free(f->mime_type);
	free(f->status);
	free(f->created);
	free(f->action_id);
	free(f->agent_id);
	free(f->agent_type);
	memset(f, 0, sizeof(*f));
}

const struct kmodel actions_file_model = {
	.what = "file info",
	.size = sizeof(struct action_file),
	.read = actions_file_read,
	.clear = actions_file_clear,
};

/*
 * RESPONSE_ACTIONS_ZIP_PASSCODE (common/endpoint/service/response_actions/constants.ts) and Kibana's
 * documentation: "Use password elastic to open the .zip in a safe environment"; SentinelOne's
 * files use Elastic@123; CrowdStrike's and Defender's are still "tbd" there.
 */
const char *actions_zip_password(const char *agent_type)
{
	if (!agent_type || !strcmp(agent_type, "endpoint"))
		return "elastic";
	if (!strcmp(agent_type, "sentinel_one"))
		return "Elastic@123";
	return NULL;
}
