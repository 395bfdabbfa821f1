#include "config.h"
#include "demo/demo_actions.h"
#include "core/sha256.h"
#include "core/xalloc.h"
#include "demo/demo_agent.h"
#include "demo/demo_data.h"
#include "demo/demo_multipart.h"
#include "demo/demo_http.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const commands[] = {"isolate", "unisolate", "kill-process", "suspend-process", "running-processes",
				       "get-file", "execute", "upload", "scan", NULL};

/* How long an action may stay pending before it counts as expired. */
#define EXPIRY_MS (14 * 86400000LL)

/* Record one agent's result: its output and state, and its error in the action's errors. */
static void complete_agent(json_t *a, const char *agent, int64_t at, json_t *output, const char *error)
{
	json_t *outputs = json_object_get(a, "outputs");
	if (!outputs) {
		outputs = json_object();
		json_object_set_new(a, "outputs", outputs);
	}
	if (output)
		json_object_set_new(outputs, agent, json_pack("{s:s, s:o}", "type", "json", "content", output));
	json_t *state = json_pack("{s:b, s:b, s:o}", "isCompleted", 1, "wasSuccessful", !error, "completedAt",
				  demo_json_iso(at));
	if (error) {
		json_object_set_new(state, "errors", json_pack("[s]", error));
		json_t *errors = json_object_get(a, "errors");
		if (!errors) {
			errors = json_array();
			json_object_set_new(a, "errors", errors);
		}
		json_array_append_new(errors, json_string(error));
	}
	json_object_set_new(json_object_get(a, "agentState"), agent, state);
}

/* Mark the whole action complete at time at. */
static void finish(json_t *a, int64_t at)
{
	bool ok = json_array_size(json_object_get(a, "errors")) == 0;
	json_object_set_new(a, "isCompleted", json_true());
	json_object_set_new(a, "wasSuccessful", json_boolean(ok));
	json_object_set_new(a, "status", json_string(ok ? "successful" : "failed"));
	json_object_set_new(a, "completedAt", demo_json_iso(at));
	json_object_del(a, "_complete_ms");
}

/* A new action record, pending. */
static json_t *new_action(const char *id, const char *cmd, struct demo_host *h, int64_t at, const char *user,
			  const char *comment, json_t *params)
{
	json_t *a = json_object();
	json_object_set_new(a, "id", json_string(id));
	json_object_set_new(a, "agentType", json_string("endpoint"));
	json_object_set_new(a, "agents", json_pack("[s]", h->agent_id));
	json_object_set_new(a, "hosts", json_pack("{s:{s:s}}", h->agent_id, "name", h->hostname));
	json_object_set_new(a, "command", json_string(cmd));
	json_object_set_new(a, "startedAt", demo_json_iso(at));
	json_object_set_new(a, "isCompleted", json_false());
	json_object_set_new(a, "wasSuccessful", json_false());
	json_object_set_new(a, "isExpired", json_false());
	json_object_set_new(a, "status", json_string("pending"));
	json_object_set_new(a, "createdBy", json_string(user));
	if (comment)
		json_object_set_new(a, "comment", json_string(comment));
	if (params)
		json_object_set(a, "parameters", params);
	json_object_set_new(a, "agentState", json_pack("{s:{s:b, s:b}}", h->agent_id, "isCompleted", 0, "wasSuccessful", 0));
	json_object_set_new(a, "outputs", json_object());
	json_object_set_new(a, "_created_ms", json_integer(at));
	return a;
}

/* Complete a due action: each agent's output, then the effect on its host. */
static void settle_one(struct demo_data *d, json_t *a, int64_t now)
{
	json_t *due = json_object_get(a, "_complete_ms");
	if (!json_is_integer(due) || json_integer_value(due) > now)
		return;
	const char *cmd = demo_jstr(a, "command");
	size_t i;
	json_t *ag;
	json_array_foreach(json_object_get(a, "agents"), i, ag) {
		struct demo_host *h = demo_data_host_by_agent(d, json_string_value(ag));
		char *err = NULL;
		json_t *out = h ? demo_agent_run(d, h, demo_jstr(a, "id"), cmd, json_object_get(a, "parameters"), true,
						 json_integer_value(due), &err)
				: NULL;
		if (h && strcmp(cmd, "isolate") == 0)
			h->isolated = true;
		if (h && strcmp(cmd, "unisolate") == 0)
			h->isolated = false;
		complete_agent(a, json_string_value(ag), json_integer_value(due), out, err);
		free(err);
	}
	finish(a, json_integer_value(due));
}

void demo_actions_settle(struct demo_data *d, int64_t now_ms)
{
	size_t i;
	json_t *a;
	json_array_foreach(d->actions, i, a) {
		settle_one(d, a, now_ms);
	}
}

void demo_actions_generate(struct demo_data *d, unsigned n)
{
	static const unsigned weights[] = {20, 10, 10, 10, 20, 10, 15, 0, 5};
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_ACTIONS);
	d->actions = json_array();
	for (unsigned k = 0; k < n && d->nendpoints; k++) {
		uint32_t roll = demo_rng_below(&r, 100), cmd = 0;
		for (unsigned acc = weights[0]; roll >= acc; acc += weights[++cmd])
			;
		struct demo_host *h = &d->hosts[demo_rng_below(&r, (uint32_t)d->nendpoints)];
		char id[37];
		demo_uuid(&r, id);
		json_t *params = NULL;
		if ((cmd == 2 || cmd == 3) && h->nprocs) {
			const struct demo_proc *p = &h->procs[demo_rng_below(&r, (uint32_t)h->nprocs)];
			params = demo_rng_chance(&r, 60) ? json_pack("{s:I}", "pid", (json_int_t)p->pid)
							: json_pack("{s:s}", "entity_id", p->entity_id);
		} else if (cmd == 5 || cmd == 8) {
			params = json_pack("{s:s}", "path", h->os == DEMO_OS_WINDOWS ? "C:\\Users\\Public\\odu.exe" : "/tmp/.x");
		} else if (cmd == 6) {
			params = json_pack("{s:s, s:i}", "command",
					   h->os == DEMO_OS_WINDOWS ? "Get-Process | Select -First 5" : "ls -la /tmp",
					   "timeout", 600);
		}
		bool pending = demo_rng_chance(&r, 10);
		int64_t at = d->now_ms - (pending ? demo_rng_range(&r, 60000, 3000000) : demo_rng_range(&r, 600000, 30 * 86400000LL));
		char *comment = demo_rng_chance(&r, 70)
					? demo_data_text(d, &r, demo_action_comments[demo_rng_below(&r, (uint32_t)demo_n_action_comments)])
					: NULL;
		const char *user = d->people[1 + demo_rng_below(&r, (uint32_t)d->npeople - 1)].username;
		json_t *a = new_action(id, commands[cmd], h, at, user, comment, params);
		json_decref(params);
		free(comment);
		if (!pending) {
			int64_t done = at + demo_rng_range(&r, 4000, 300000);
			char *err = NULL;
			json_t *out = demo_agent_run(d, h, id, commands[cmd], json_object_get(a, "parameters"), false, done, &err);
			if (!err && demo_rng_chance(&r, 12)) {
				json_decref(out);
				out = NULL;
				err = xasprintf("The action was not completed: the endpoint %s did not respond before the action expired",
						h->hostname);
			}
			complete_agent(a, h->agent_id, done, out, err);
			finish(a, done);
			free(err);
		}
		json_array_append_new(d->actions, a);
	}
}

/* The action as the API shows it at time now (pending ones may have expired). */
static json_t *render_action(json_t *a, int64_t now, bool outputs)
{
	json_t *out = demo_public(a);
	json_t *created = json_object_get(a, "_created_ms");
	if (json_is_false(json_object_get(a, "isCompleted")) && now - json_integer_value(created) > EXPIRY_MS) {
		json_object_set_new(out, "isExpired", json_true());
		json_object_set_new(out, "status", json_string("failed"));
	}
	if (!outputs)
		json_object_del(out, "outputs");
	return out;
}

json_t *demo_action_find(struct demo_data *d, const char *id)
{
	size_t i;
	json_t *a;
	json_array_foreach(d->actions, i, a) {
		if (strcmp(demo_jstr(a, "id"), id) == 0)
			return a;
	}
	return NULL;
}

static int newest_first(size_t a, size_t b, void *ctx)
{
	json_int_t x = json_integer_value(json_object_get(json_array_get(ctx, a), "_created_ms"));
	json_int_t y = json_integer_value(json_object_get(json_array_get(ctx, b), "_created_ms"));
	return (x < y) - (x > y);
}

static bool in_list(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (s && strcmp(v[i], s) == 0)
			return true;
	return false;
}

static void action_list(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long size = demo_check_qint(&c, req, "pageSize", 10, 1, 10000);
	const char *cmds[16], *agents[64], *users[32], *with[64], *types[4], *atypes[4];
	size_t ncmds = demo_query_all(req, "commands", cmds, 16), nagents = demo_query_all(req, "agentIds", agents, 64);
	size_t nusers = demo_query_all(req, "userIds", users, 32), nwith = demo_query_all(req, "withOutputs", with, 64);
	size_t ntypes = demo_query_all(req, "types", types, 4), natypes = demo_query_all(req, "agentTypes", atypes, 4);
	for (size_t i = 0; i < ncmds && !c.err; i++)
		if (!in_list(commands, 9, cmds[i]))
			demo_check_fail(&c, "request query", "commands", "expected one of [isolate, unisolate, kill-process, "
					"suspend-process, running-processes, get-file, execute, upload, scan] but got [%s]", cmds[i]);
	for (size_t i = 0; i < ntypes && !c.err; i++)
		if (strcmp(types[i], "automated") != 0 && strcmp(types[i], "manual") != 0)
			demo_check_fail(&c, "request query", "types", "expected one of [automated, manual] but got [%s]", types[i]);
	if (!c.err && nagents > 50)
		demo_check_fail(&c, "request query", "agentIds", "array size is [%zu], but cannot be greater than [50]", nagents);
	const char *sd = demo_query(req, "startDate"), *ed = demo_query(req, "endDate");
	int64_t start = 0, end = 0;
	if (sd && !demo_parse_time(sd, req->now_ms, &start))
		demo_check_fail(&c, "request query", "startDate", "Invalid date [%s]", sd);
	if (ed && !demo_parse_time(ed, req->now_ms, &end))
		demo_check_fail(&c, "request query", "endDate", "Invalid date [%s]", ed);
	if (demo_check_reply(&c, resp))
		return;
	demo_actions_settle(d, req->now_ms);
	bool want_manual = !ntypes || in_list(types, ntypes, "manual");
	bool want_endpoint = !natypes || in_list(atypes, natypes, "endpoint");
	size_t n = json_array_size(d->actions), *idx = xcalloc(n + 1, sizeof(*idx)), m = 0;
	for (size_t i = 0; i < n && want_manual && want_endpoint; i++) {
		json_t *a = json_array_get(d->actions, i);
		int64_t at = json_integer_value(json_object_get(a, "_created_ms"));
		if ((ncmds && !in_list(cmds, ncmds, demo_jstr(a, "command"))) ||
		    (nagents && !in_list(agents, nagents, json_string_value(json_array_get(json_object_get(a, "agents"), 0)))) ||
		    (nusers && !in_list(users, nusers, demo_jstr(a, "createdBy"))) || (sd && at < start) || (ed && at > end))
			continue;
		idx[m++] = i;
	}
	demo_sort_idx(idx, m, newest_first, d->actions);
	json_t *data = json_array();
	for (size_t k = (size_t)((page - 1) * size); k < m && k < (size_t)(page * size); k++) {
		json_t *a = json_array_get(d->actions, idx[k]);
		json_array_append_new(data, render_action(a, req->now_ms, in_list(with, nwith, demo_jstr(a, "id"))));
	}
	free(idx);
	json_t *out = json_pack("{s:I, s:I, s:I, s:o}", "page", (json_int_t)page, "pageSize", (json_int_t)size, "total",
				(json_int_t)m, "data", data);
	if (sd)
		json_object_set_new(out, "startDate", json_string(sd));
	if (ed)
		json_object_set_new(out, "endDate", json_string(ed));
	if (nagents)
		json_object_set_new(out, "elasticAgentIds", demo_json_strv(agents, nagents));
	if (nusers)
		json_object_set_new(out, "userIds", demo_json_strv(users, nusers));
	if (ncmds)
		json_object_set_new(out, "commands", demo_json_strv(cmds, ncmds));
	demo_reply_json(resp, 200, out);
}

static void action_get(struct demo_req *req, struct demo_resp *resp)
{
	demo_actions_settle(req->data, req->now_ms);
	json_t *a = demo_action_find(req->data, req->params[0]);
	if (!a) {
		demo_reply_error(resp, 404, "Action with id '%s' not found.", req->params[0]);
		return;
	}
	demo_reply_json(resp, 200, json_pack("{s:o}", "data", render_action(a, req->now_ms, true)));
}

/* What a response action route needs in "parameters". */
enum params_kind { PARAMS_NONE, PARAMS_PROCESS, PARAMS_PATH, PARAMS_EXECUTE, PARAMS_UPLOAD };

/* Validate a kill or suspend "parameters": exactly one of pid (>= 1) or entity_id (non-empty). */
static void check_process_params(struct demo_check *c, json_t *p)
{
	const char *w = "request body.parameters";
	json_t *pid = json_object_get(p, "pid"), *ent = json_object_get(p, "entity_id");
	bool pid_ok = json_is_integer(pid) && json_integer_value(pid) >= 1 && json_object_size(p) == 1;
	bool ent_ok = json_is_string(ent) && json_string_length(ent) > 0 && json_object_size(p) == 1;
	if (!json_is_object(p))
		demo_check_fail(c, "request body", "parameters", "expected a plain object value, but found [%s] instead.",
				p ? "another type" : "undefined");
	else if (!pid_ok && !ent_ok)
		demo_check_fail(c, w, NULL,
				"types that failed validation:\n- [%s.0.pid]: expected a number of at least [1] as the only key\n"
				"- [%s.1.entity_id]: expected a non-empty string as the only key",
				w, w);
}

/* get_file.ts, scan.ts, execute.ts, upload's schema: the "parameters" object of each, unknown keys refused. */
static void check_params(struct demo_check *c, json_t *b, enum params_kind kind)
{
	static const char *const path_keys[] = {"path", NULL}, *const exec_keys[] = {"command", "timeout", NULL};
	static const char *const upload_keys[] = {"overwrite", NULL};
	const char *w = "request body.parameters";
	json_t *p = json_object_get(b, "parameters");
	if (kind == PARAMS_PROCESS) {
		check_process_params(c, p);
		return;
	}
	if (kind == PARAMS_NONE) {
		if (p && !json_is_null(p))
			demo_check_obj(c, b, "request body", "parameters", false);
		return;
	}
	p = demo_check_obj(c, b, "request body", "parameters", true);
	if (!p)
		return;
	if (kind == PARAMS_PATH) {
		demo_check_keys(c, p, w, path_keys);
		const char *path = demo_check_str(c, p, w, "path", true, 0, false);
		if (path && !path[strspn(path, " \t\r\n")])
			demo_check_fail(c, w, "path", "path cannot be an empty string");
	} else if (kind == PARAMS_EXECUTE) {
		long long t;
		demo_check_keys(c, p, w, exec_keys);
		const char *cmd = demo_check_str(c, p, w, "command", true, 8192, false);
		if (cmd && !cmd[strspn(cmd, " \t\r\n")])
			demo_check_fail(c, w, "command", "command cannot be an empty string");
		demo_check_int(c, p, w, "timeout", false, 1, 1LL << 53, &t);
	} else {
		demo_check_keys(c, p, w, upload_keys);
		demo_check_bool(c, p, w, "overwrite", false);
	}
}

/* Upload: the file goes to Kibana's file storage first; the action's parameters say which file it is. */
static json_t *keep_upload(struct demo_data *d, const char *aid, const struct demo_part *file, json_t *params,
			   int64_t at)
{
	char fid[37], sha[SHA256_HEX_LEN + 1];
	demo_data_uuid(d, fid);
	const char *name = file->filename && *file->filename ? file->filename : "upload";
	demo_kept_add(d, fid, aid, "", name, file->data, file->len, at);
	sha256_hex(file->data, file->len, sha);
	return json_pack("{s:b, s:s, s:s, s:s, s:I}", "overwrite", json_is_true(json_object_get(params, "overwrite")),
			 "file_id", fid, "file_name", name, "file_sha256", sha, "file_size", (json_int_t)file->len);
}

/* Every action route: validate the body as Kibana does, then record the action, pending. file: upload's. */
static void create_action(struct demo_req *req, struct demo_resp *resp, const char *cmd, enum params_kind kind,
			  const struct demo_part *file)
{
	static const char *const keys[] = {"endpoint_ids", "agent_type", "alert_ids", "case_ids", "comment", "parameters",
					   NULL};
	static const char *const agent_types[] = {"endpoint", "sentinel_one", "crowdstrike", "microsoft_defender_endpoint",
						  NULL};
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_keys(&c, b, "request body", keys);
	json_t *ids = demo_check_strv(&c, b, "request body", "endpoint_ids", true, 1, 0, true);
	demo_check_strv(&c, b, "request body", "alert_ids", false, 1, 0, true);
	demo_check_strv(&c, b, "request body", "case_ids", false, 1, 0, true);
	const char *comment = demo_check_str(&c, b, "request body", "comment", false, 0, false);
	int at = demo_check_enum(&c, b, "request body", "agent_type", false, agent_types);
	if (!c.err)
		check_params(&c, b, kind);
	if (demo_check_reply(&c, resp))
		return;
	json_t *params = json_object_get(b, "parameters");
	if (at > 0) {
		demo_reply_error(resp, 400, "The hosts of this demo run Elastic Defend; agent type [%s] has no hosts "
				 "(use agent_type endpoint)", agent_types[at]);
		return;
	}
	json_t *valid = json_array(), *invalid = json_array();
	size_t i;
	json_t *id;
	json_array_foreach(ids, i, id) {
		struct demo_host *h = demo_data_host_by_agent(d, json_string_value(id));
		json_array_append(h && h->endpoint && h->status != DEMO_HS_UNENROLLED ? valid : invalid, id);
	}
	if (!json_array_size(valid)) {
		json_decref(valid);
		json_decref(invalid);
		demo_reply_error(resp, 400, "The host does not have Elastic Defend integration installed");
		return;
	}
	char *note = NULL;
	if (json_array_size(invalid)) {
		char *list = json_dumps(invalid, JSON_COMPACT);
		note = comment ? xasprintf("%s. (WARNING: The following agent ids are not valid: %s and will not be included in "
					   "action request)", comment, list)
			       : xasprintf("(WARNING: The following agent ids are not valid: %s and will not be included in "
					   "action request)", list);
		free(list);
	}
	char aid[37];
	demo_data_uuid(d, aid);
	json_t *stored = file ? keep_upload(d, aid, file, params, req->now_ms) : json_incref(params);
	bool reachable = true;
	struct demo_host *first = NULL;
	json_t *a = NULL;
	json_array_foreach(valid, i, id) {
		struct demo_host *h = demo_data_host_by_agent(d, json_string_value(id));
		reachable = reachable && h->status != DEMO_HS_OFFLINE && h->status != DEMO_HS_INACTIVE;
		/* The host's configuration says what was asked at once; its state follows when the agent has done it. */
		if (!strcmp(cmd, "isolate") || !strcmp(cmd, "unisolate"))
			h->isolation_wanted = cmd[0] == 'i';
		if (!first) {
			first = h;
			a = new_action(aid, cmd, h, req->now_ms, "elastic", note ? note : comment,
				       json_is_object(stored) ? stored : NULL);
			continue;
		}
		json_array_append(json_object_get(a, "agents"), id);
		json_object_set_new(json_object_get(a, "hosts"), h->agent_id, json_pack("{s:s}", "name", h->hostname));
		json_object_set_new(json_object_get(a, "agentState"), h->agent_id,
				    json_pack("{s:b, s:b}", "isCompleted", 0, "wasSuccessful", 0));
	}
	json_decref(stored);
	free(note);
	json_decref(valid);
	json_decref(invalid);
	/* An agent that is offline never answers: its action stays pending, as in Kibana. */
	if (reachable)
		json_object_set_new(a, "_complete_ms", json_integer(req->now_ms + d->action_delay_ms));
	json_array_append_new(d->actions, a);
	settle_one(d, a, req->now_ms);
	json_t *out = json_pack("{s:o}", "data", render_action(a, req->now_ms, true));
	if (strcmp(cmd, "isolate") == 0 || strcmp(cmd, "unisolate") == 0)
		json_object_set_new(out, "action", json_string(aid));
	demo_reply_json(resp, 200, out);
}

/* One route per action: its command as Kibana reports it and what its parameters hold. */
#define ACTION_ROUTE(fn, cmd, kind)                                                                                    \
	static void fn(struct demo_req *req, struct demo_resp *resp)                                                   \
	{                                                                                                              \
		create_action(req, resp, cmd, kind, NULL);                                                             \
	}
ACTION_ROUTE(isolate, "isolate", PARAMS_NONE)
ACTION_ROUTE(unisolate, "unisolate", PARAMS_NONE)
ACTION_ROUTE(running_procs, "running-processes", PARAMS_NONE)
ACTION_ROUTE(suspend_process, "suspend-process", PARAMS_PROCESS)
ACTION_ROUTE(kill_process, "kill-process", PARAMS_PROCESS)
ACTION_ROUTE(get_file, "get-file", PARAMS_PATH)
ACTION_ROUTE(execute, "execute", PARAMS_EXECUTE)
ACTION_ROUTE(scan, "scan", PARAMS_PATH)

/*
 * The upload route takes multipart/form-data only (response_actions.ts: options.body.accepts);
 * its text parts are JSON where config-schema expects an array or an object, as Kibana's UI sends them.
 */
static void upload(struct demo_req *req, struct demo_resp *resp)
{
	if (!demo_is_multipart(req->content_type)) {
		demo_reply_error(resp, 415, "Unsupported Media Type");
		return;
	}
	struct demo_part parts[16];
	size_t n = 0;
	if (!demo_multipart(req->content_type, req->body, req->body_len, parts, 16, &n)) {
		demo_parts_free(parts, n);
		demo_reply_error(resp, 400, "Invalid multipart/form-data payload");
		return;
	}
	const struct demo_part *file = demo_part_named(parts, n, "file");
	json_t *body = json_object();
	struct demo_check c = {0};
	for (size_t i = 0; i < n; i++) {
		const struct demo_part *pt = &parts[i];
		if (!pt->name || pt == file)
			continue;
		bool structured = !strcmp(pt->name, "endpoint_ids") || !strcmp(pt->name, "alert_ids") ||
				  !strcmp(pt->name, "case_ids") || !strcmp(pt->name, "parameters");
		json_t *v = structured ? json_loadb(pt->data, pt->len, JSON_DECODE_ANY, NULL) : json_stringn(pt->data, pt->len);
		if (!v)
			demo_check_fail(&c, "request body", pt->name, "could not parse %s value from json input",
					!strcmp(pt->name, "parameters") ? "object" : "array");
		else
			json_object_set_new(body, pt->name, v);
	}
	if (!c.err && !file)
		demo_check_fail(&c, "request body", "file", "expected value of type [Stream] but got [undefined]");
	if (!demo_check_reply(&c, resp)) {
		req->json = body;
		body = NULL;
		create_action(req, resp, "upload", PARAMS_UPLOAD, file);
	}
	json_decref(body);
	demo_parts_free(parts, n);
}

const struct demo_route demo_action_routes[] = {
	{"GET", "/api/endpoint/action", action_list, DEMO_R_WRITES},
	{"GET", "/api/endpoint/action/{}", action_get, DEMO_R_WRITES},
	{"POST", "/api/endpoint/action/isolate", isolate, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/unisolate", unisolate, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/running_procs", running_procs, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/suspend_process", suspend_process, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/kill_process", kill_process, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/get_file", get_file, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/execute", execute, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/scan", scan, DEMO_R_JSON_BODY},
	{"POST", "/api/endpoint/action/upload", upload, DEMO_R_MULTIPART},
	{NULL, NULL, NULL, 0},
};
