#include "config.h"
#include "cmd/actionfmt.h"
#include "api/actions.h"
#include "api/kjson.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *actionfmt_id(const void *row)
{
	return ((const struct response_action *)row)->id;
}

static void actionfmt_clear(void *row)
{
	actions_action_clear(row);
}

const struct rowset_kind actionfmt_rows = {sizeof(struct response_action), actionfmt_clear, actionfmt_id, NULL};

static const struct query_field actionfmt_fields[] = {
	{"command", "command", QUERY_STRV, offsetof(struct actions_query, commands), offsetof(struct actions_query, n_commands)},
	{"agent", "endpoint", QUERY_STRV, offsetof(struct actions_query, agent_ids),
	 offsetof(struct actions_query, n_agent_ids)},
	{NULL, NULL, 0, 0, 0},
};

static const char *const actionfmt_views[] = {"suspend-process", "running-processes", "isolate", "unisolate", NULL};

/* Kibana's list takes at most 50 endpoint ids. */
static char *actionfmt_check(const void *query)
{
	const struct actions_query *q = query;
	return q->n_agent_ids > 50 ? xasprintf("at most 50 --agent filters at once (%zu given)", q->n_agent_ids) : NULL;
}

const struct query_desc actionfmt_query = {
	.command = "actions",
	.size = sizeof(struct actions_query),
	.fields = actionfmt_fields,
	.cycle_arg = "command",
	.cycle = actionfmt_views,
	.check = actionfmt_check,
};

static void col_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct response_action *)row)->id);
}

static void col_command(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct response_action *a = row;
	(void)cx;
	if (a->problem)
		strbuf_printf(out, "(unreadable action: %s)", a->problem);
	else
		strbuf_puts(out, a->command);
}

static void col_status(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct response_action *a = row;
	(void)cx;
	const char *s = a->is_expired && !a->is_completed ? "expired" : a->status;
	if (s)
		strbuf_puts(out, s);
}

static void col_hosts(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	char *hosts = actions_hosts_text(row);
	(void)cx;
	strbuf_puts(out, hosts);
	free(hosts);
}

static void col_by(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct response_action *a = row;
	(void)cx;
	if (a->created_by)
		strbuf_puts(out, a->created_by);
}

static void col_when(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct response_action *a = row;
	char buf[64];
	if (cx->batch)
		timefmt_local(a->started_at, buf, sizeof(buf));
	else
		timefmt_relative(a->started_at, (time_t)cx->now, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

static void col_comment(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct response_action *a = row;
	(void)cx;
	if (a->comment)
		strbuf_puts(out, a->comment);
}

const struct column actionfmt_columns[] = {
	{"ID", col_id, 8, 0, 0, 2, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{"COMMAND", col_command, 9, 17, 0, 10, 0, COLUMN_NAME},
	{"STATUS", col_status, 7, 10, 0, 9, 0, COLUMN_STATUS},
	{"HOSTS", col_hosts, 8, 0, 3, 8, 0, COLUMN_PLAIN},
	{"BY", col_by, 4, 14, 1, 4, 0, COLUMN_DIM},
	{"STARTED", col_when, 7, 19, 0, 7, 0, COLUMN_DIM},
	{"COMMENT", col_comment, 8, 0, 4, 3, 0, COLUMN_PLAIN},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

/* A running-processes output: one line per process. */
static void actionfmt_processes(struct record *r, const char *label, json_t *entries)
{
	struct table t;
	static const char *const headers[] = {"PID", "ENTITY ID", "USER", "COMMAND", NULL};
	table_init(&t, headers);
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		char *pid = kjson_text(json_object_get(e, "pid"));
		char *ent = kjson_text(json_object_get(e, "entity_id"));
		char *user = kjson_text(json_object_get(e, "user"));
		char *cmd = kjson_text(json_object_get(e, "command"));
		const char *row[] = {pid, ent, user, cmd};
		table_add_row(&t, row);
		free(pid);
		free(ent);
		free(user);
		free(cmd);
	}
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_plain(&t, &sb);
	record_add_block(r, label, sb.buf);
	strbuf_free(&sb);
	table_free(&t);
}

/* One agent's output: processes as a table, other content as "key: value" lines. */
static void actionfmt_output(struct record *r, const char *host, json_t *out)
{
	json_t *content = json_object_get(out, "content");
	json_t *entries = json_object_get(content, "entries");
	char *raw = xasprintf("output from %s", host);
	/* Record labels are shown as they are: this one holds a host name from the server. */
	char *label = sanitize_str(raw, SANITIZE_LINE);
	free(raw);
	if (json_is_array(entries)) {
		actionfmt_processes(r, label, entries);
	} else if (json_is_object(content)) {
		struct strbuf sb;
		strbuf_init(&sb);
		const char *key;
		json_t *v;
		json_object_foreach(content, key, v) {
			char *text = kjson_text(v);
			strbuf_printf(&sb, "%s%s: %s", sb.len ? "\n" : "", key, text);
			free(text);
		}
		record_add_block(r, label, sb.len ? sb.buf : "(empty)");
		strbuf_free(&sb);
	} else {
		char *text = kjson_text(content);
		record_add_block(r, label, text);
		free(text);
	}
	free(label);
}

void actionfmt_record(struct record *r, const struct response_action *a)
{
	char when[64];
	char *hosts = actions_hosts_text(a);
	char *title = xasprintf("%s on %s", a->command ? a->command : "response action", hosts);
	record_add_section(r, title);
	free(title);
	record_add(r, "id", a->id);
	record_add(r, "status", a->is_expired && !a->is_completed ? "pending (expired)" : a->status);
	record_add(r, "command", a->command);
	record_add(r, "hosts", hosts);
	for (size_t i = 0; i < a->n_agents; i++)
		record_add(r, "endpoint id", a->agents[i]);
	record_add(r, "agent type", a->agent_type);
	record_add(r, "by", a->created_by);
	timefmt_local(a->started_at, when, sizeof(when));
	record_add(r, "started", when);
	if (a->completed_at) {
		timefmt_local(a->completed_at, when, sizeof(when));
		record_add(r, "completed", when);
	}
	if (a->parameters) {
		char *p = kjson_text(a->parameters);
		record_add(r, "parameters", p);
		free(p);
	}
	if (a->comment && *a->comment)
		record_add_block(r, "comment", a->comment);
	for (size_t i = 0; i < a->n_errors; i++)
		record_add_block(r, "error", a->errors[i]);
	free(hosts);
	if (!json_object_size(a->outputs))
		return;
	record_add_section(r, "Outputs");
	for (size_t i = 0; i < a->n_agents; i++) {
		json_t *out = json_object_get(a->outputs, a->agents[i]);
		if (out)
			actionfmt_output(r, a->hosts && a->hosts[i] ? a->hosts[i] : a->agents[i], out);
	}
	/* Outputs keyed by an agent the action does not list are shown too. */
	const char *agent;
	json_t *out;
	json_object_foreach(a->outputs, agent, out) {
		bool listed = false;
		for (size_t i = 0; i < a->n_agents && !listed; i++)
			listed = strcmp(a->agents[i], agent) == 0;
		if (!listed)
			actionfmt_output(r, agent, out);
	}
}

/* A process list as PID, USER, NAME: the program's name, not its whole command line. */
static void actionfmt_outcome_processes(struct record *r, json_t *entries)
{
	static const char *const headers[] = {"PID", "USER", "PROCESS", NULL};
	struct table t;
	table_init(&t, headers);
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		char *pid = kjson_text(json_object_get(e, "pid"));
		char *user = kjson_text(json_object_get(e, "user"));
		char *cmd = kjson_text(json_object_get(e, "command"));
		char *name = actions_process_name(cmd);
		const char *row[] = {pid, user, name};
		table_add_row(&t, row);
		free(pid);
		free(user);
		free(cmd);
		free(name);
	}
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_plain(&t, &sb);
	char *label = xasprintf("%zu processes", json_array_size(entries));
	record_add_block(r, label, sb.buf);
	free(label);
	strbuf_free(&sb);
	table_free(&t);
}

/* One agent's content, as the command it answers means it. */
static void actionfmt_outcome_content(struct record *r, const struct response_action *a, json_t *c,
				      const char *download_hint)
{
	const char *cmd = a->command ? a->command : "";
	json_t *v;
	if (json_is_array(json_object_get(c, "entries"))) {
		actionfmt_outcome_processes(r, json_object_get(c, "entries"));
	} else if (!strcmp(cmd, "kill-process") || !strcmp(cmd, "suspend-process")) {
		char *name = kjson_text(json_object_get(c, "command")), *pid = kjson_text(json_object_get(c, "pid"));
		record_addf(r, !strcmp(cmd, "kill-process") ? "killed" : "suspended", "%s (pid %s)", *name ? name : "-",
			    *pid ? pid : "-");
		free(name);
		free(pid);
	} else if (!strcmp(cmd, "get-file")) {
		size_t i;
		json_array_foreach(json_object_get(c, "contents"), i, v) {
			char *path = kjson_text(json_object_get(v, "path")), *size = kjson_text(json_object_get(v, "size"));
			char *sha = kjson_text(json_object_get(v, "sha256"));
			record_addf(r, "file", "%s (%s bytes, sha256 %s)", path, size, sha);
			free(path);
			free(size);
			free(sha);
		}
		if (download_hint)
			record_add(r, "zip", download_hint);
	} else if (!strcmp(cmd, "execute")) {
		char *code = kjson_text(json_object_get(c, "shell_code")), *shell = kjson_text(json_object_get(c, "shell"));
		char *cwd = kjson_text(json_object_get(c, "cwd"));
		record_addf(r, "exit code", "%s (%s in %s)", code, shell, cwd);
		free(code);
		free(shell);
		free(cwd);
		const char *std[] = {"stdout", "stderr"};
		for (size_t k = 0; k < 2; k++) {
			const char *text = json_string_value(json_object_get(c, std[k]));
			char *key = xasprintf("%s_truncated", std[k]);
			bool cut = json_is_true(json_object_get(c, key));
			free(key);
			if (text && *text) {
				char *label = xasprintf("%s%s", std[k], cut ? " (its end; the zip has it whole)" : "");
				record_add_block(r, label, text);
				free(label);
			}
		}
		if (download_hint)
			record_add(r, "full output", download_hint);
	} else if (!strcmp(cmd, "upload")) {
		char *path = kjson_text(json_object_get(c, "path"));
		record_add(r, "uploaded to", path);
		free(path);
	} else if ((v = json_object_get(c, "code")) && json_is_string(v)) {
		record_add(r, "result", json_string_value(v));
	}
}

void actionfmt_outcome(struct record *r, const struct response_action *a, const char *download_hint)
{
	for (size_t i = 0; i < a->n_errors; i++)
		record_add_block(r, "error", a->errors[i]);
	if (a->command && !strcmp(a->command, "isolate") && a->was_successful)
		record_add(r, "isolated", "only Elastic reaches the host now");
	if (a->command && !strcmp(a->command, "unisolate") && a->was_successful)
		record_add(r, "released", "the host is back on the network");
	for (size_t i = 0; i < a->n_agents; i++) {
		json_t *content = json_object_get(json_object_get(a->outputs, a->agents[i]), "content");
		if (!json_is_object(content))
			continue;
		if (a->n_agents > 1) {
			char *raw = xasprintf("%s", a->hosts && a->hosts[i] ? a->hosts[i] : a->agents[i]);
			char *title = sanitize_str(raw, SANITIZE_LINE);
			record_add_section(r, title);
			free(title);
			free(raw);
		}
		actionfmt_outcome_content(r, a, content, download_hint);
	}
}
