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
#include <stdlib.h>
#include <string.h>

void actionfmt_table_init(struct table *t)
{
	static const char *const headers[] = {"ID", "COMMAND", "STATUS", "HOSTS", "BY", "STARTED", "COMMENT", NULL};
	table_init(t, headers);
	table_set_flex(t, 3);
	table_set_flex(t, 6);
}

void actionfmt_table_add(struct table *t, const struct response_action *a)
{
	char when[64];
	timefmt_local(a->started_at, when, sizeof(when));
	char *hosts = actions_hosts_text(a);
	const char *row[] = {a->id, a->command, a->status, hosts, a->created_by, when, a->comment};
	table_add_row(t, row);
	free(hosts);
}

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
	char *title = xasprintf("%s on %s", a->command, hosts);
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
