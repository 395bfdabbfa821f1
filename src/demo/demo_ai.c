#include "config.h"
#include "demo/demo_ai.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LLM connectors conversations are configured with. */
static const struct {
	const char *type, *model, *provider;
} llms[] = {
	{".gen-ai", "gpt-4o", "OpenAI"},
	{".gen-ai", "gpt-4o-mini", "Azure OpenAI"},
	{".bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", "Other"},
	{".gemini", "gemini-1.5-pro-002", "Other"},
};

static json_t *message(struct demo_data *d, struct demo_rng *r, const char *role, const char *text, int64_t at,
		       bool error)
{
	json_t *m = json_object();
	json_object_set_new(m, "role", json_string(role));
	json_object_set_new(m, "content", demo_data_jtext(d, r, text));
	json_object_set_new(m, "timestamp", demo_json_iso(at));
	if (error)
		json_object_set_new(m, "isError", json_true());
	if (strcmp(role, "assistant") == 0 && !error) {
		char trace[37], tx[37];
		demo_uuid(r, trace);
		demo_uuid(r, tx);
		json_object_set_new(m, "traceData", json_pack("{s:s, s:s}", "traceId", trace, "transactionId", tx));
	}
	return m;
}

static json_t *gen_conversation(struct demo_data *d, struct demo_rng *r, size_t k)
{
	char id[37], conn[37];
	demo_uuid(r, id);
	demo_uuid(r, conn);
	int64_t created = d->now_ms - demo_rng_range(r, 600000, 60 * 86400000LL);
	int64_t at = created;
	json_t *msgs = json_array();
	if (demo_rng_chance(r, 70))
		json_array_append_new(msgs, message(d, r, "system",
						    demo_conv_system[demo_rng_below(r, (uint32_t)demo_n_conv_system)], at, false));
	for (uint32_t turns = 1 + demo_rng_below(r, 5); turns > 0; turns--) {
		at += demo_rng_range(r, 5000, 900000);
		uint32_t topic = demo_rng_below(r, (uint32_t)demo_n_conv_user);
		json_array_append_new(msgs, message(d, r, "user", demo_conv_user[topic], at, false));
		at += demo_rng_range(r, 2000, 40000);
		bool fail = demo_rng_chance(r, 12);
		const char *text = fail ? demo_conv_errors[demo_rng_below(r, (uint32_t)demo_n_conv_errors)]
					: demo_conv_assistant[topic % demo_n_conv_assistant];
		json_array_append_new(msgs, message(d, r, "assistant", text, at, fail));
	}
	const size_t llm = demo_rng_below(r, sizeof(llms) / sizeof(llms[0]));
	json_t *c = json_object();
	json_object_set_new(c, "id", json_string(id));
	json_object_set_new(c, "title",
			    demo_data_jtext(d, r, demo_conv_titles[(k + demo_rng_below(r, 3)) % demo_n_conv_titles]));
	json_object_set_new(c, "category", json_string(demo_rng_chance(r, 80) ? "assistant" : "insights"));
	json_object_set_new(c, "createdAt", demo_json_iso(created));
	json_object_set_new(c, "updatedAt", demo_json_iso(at));
	json_object_set_new(c, "timestamp", demo_json_iso(created));
	json_object_set_new(c, "namespace", json_string("default"));
	json_object_set_new(c, "excludeFromLastConversationStorage", json_boolean(demo_rng_chance(r, 10)));
	json_object_set_new(c, "isDefault", json_false());
	json_object_set_new(c, "apiConfig",
			    json_pack("{s:s, s:s, s:s, s:s, s:s}", "actionTypeId", llms[llm].type, "connectorId", conn,
				      "defaultSystemPromptId", "default-system-prompt", "model", llms[llm].model,
				      "provider", llms[llm].provider));
	json_object_set_new(c, "messages", msgs);
	json_t *repl = json_object();
	for (uint32_t n = demo_rng_below(r, 4); n > 0; n--) {
		char key[37];
		demo_uuid(r, key);
		const struct demo_host *h = &d->hosts[demo_rng_below(r, (uint32_t)d->nhosts)];
		json_object_set_new(
			repl, key,
			json_string(n % 2 ? h->hostname : d->accounts[demo_rng_below(r, (uint32_t)demo_n_accounts)]));
	}
	json_object_set_new(c, "replacements", repl);
	const struct demo_profile *p = &d->people[demo_rng_below(r, 3)];
	json_object_set_new(c, "users", json_pack("[{s:s, s:s}]", "id", p->uid, "name", p->username));
	if (demo_rng_chance(r, 30))
		json_object_set_new(c, "summary", json_pack("{s:s, s:s, s:b, s:o}", "confidence", "medium", "content",
							    "Analyst triaged the alerts with the assistant.", "public", 0,
							    "timestamp", demo_json_iso(at)));
	return c;
}

void demo_ai_generate(struct demo_data *d, unsigned n)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_AI);
	d->conversations = json_array();
	for (unsigned k = 0; k < n; k++)
		json_array_append_new(d->conversations, gen_conversation(d, &r, k));
}

/* The title text a filter asks for: "words" or "title:words" (quotes and * wildcards dropped). */
static char *filter_title(const char *filter)
{
	const char *v = filter;
	while (*v == ' ')
		v++;
	if (strncmp(v, "title", 5) == 0 && strchr(v, ':')) {
		v = strchr(v, ':') + 1;
		while (*v == ' ')
			v++;
	}
	char *out = xstrdup(v), *o = out;
	for (const char *p = v; *p; p++)
		if (*p != '"' && *p != '*')
			*o++ = *p;
	*o = '\0';
	return out;
}

struct conv_sort {
	json_t *convs;
	const char *key;
	bool desc;
};

static int conv_cmp(size_t a, size_t b, void *ctx)
{
	const struct conv_sort *s = ctx;
	int c = demo_strcmp_null(demo_jstr(json_array_get(s->convs, a), s->key),
				 demo_jstr(json_array_get(s->convs, b), s->key));
	return s->desc ? -c : c;
}

/* A conversation with only the requested optional fields (the required ones always stay). */
static json_t *with_fields(json_t *c, const char **fields, size_t n)
{
	static const char *const required[] = {"id", "title", "category", "createdAt", "namespace", "users", NULL};
	if (!n)
		return json_deep_copy(c);
	json_t *out = json_object();
	const char *k;
	json_t *v;
	json_object_foreach(c, k, v) {
		bool keep = false;
		for (size_t i = 0; required[i] && !keep; i++)
			keep = strcmp(required[i], k) == 0;
		for (size_t i = 0; i < n && !keep; i++)
			keep = strcmp(fields[i], k) == 0;
		if (keep)
			json_object_set(out, k, v);
	}
	return out;
}

static void conv_find(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const sort_fields[] = {"created_at", "title", "updated_at", NULL};
	static const char *const keys[] = {"createdAt", "title", "updatedAt"};
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long per = demo_check_qint(&c, req, "per_page", 20, 0, 10000);
	int sf = demo_check_qenum(&c, req, "sort_field", sort_fields, 2);
	int so = demo_check_qenum(&c, req, "sort_order", (const char *const[]){"asc", "desc", NULL}, 1);
	if (demo_check_reply(&c, resp))
		return;
	const char *fields[32];
	size_t nfields = demo_query_all(req, "fields", fields, 32);
	const char *filter = demo_query(req, "filter");
	char *title = filter ? filter_title(filter) : NULL;
	size_t n = json_array_size(d->conversations), *idx = xcalloc(n + 1, sizeof(*idx)), m = 0;
	for (size_t i = 0; i < n; i++)
		if (!title || demo_contains_ci(demo_jstr(json_array_get(d->conversations, i), "title"), title))
			idx[m++] = i;
	free(title);
	struct conv_sort s = {d->conversations, keys[sf], so == 1};
	demo_sort_idx(idx, m, conv_cmp, &s);
	json_t *data = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < m && i < (size_t)(page * per); i++)
		json_array_append_new(data, with_fields(json_array_get(d->conversations, idx[i]), fields, nfields));
	free(idx);
	demo_reply_json(resp, 200, json_pack("{s:I, s:I, s:I, s:o}", "page", (json_int_t)page, "perPage", (json_int_t)per,
					     "total", (json_int_t)m, "data", data));
}

static void conv_get(struct demo_req *req, struct demo_resp *resp)
{
	size_t i;
	json_t *c;
	json_array_foreach(req->data->conversations, i, c) {
		if (strcmp(demo_jstr(c, "id"), req->params[0]) == 0) {
			demo_reply_json(resp, 200, json_deep_copy(c));
			return;
		}
	}
	demo_reply_siem_error(resp, 404, "conversation id: \"%s\" not found", req->params[0]);
}

/* ---- anonymization settings ---- */

/* The space's settings: a part of Kibana's defaults, enough for the fields demo alerts carry. */
static const struct {
	const char *field;
	bool allowed, anonymized;
} anon_defaults[] = {
	{"@timestamp", true, false},
	{"_id", true, false},
	{"agent.id", true, false},
	{"destination.ip", true, true},
	{"destination.port", true, false},
	{"event.action", true, false},
	{"event.category", true, false},
	{"file.hash.sha256", true, false},
	{"file.path", true, false},
	{"host.ip", true, true},
	{"host.name", true, true},
	{"host.os.name", true, false},
	{"kibana.alert.reason", true, false},
	{"kibana.alert.risk_score", true, false},
	{"kibana.alert.rule.name", true, false},
	{"kibana.alert.severity", true, false},
	{"kibana.alert.workflow_status", true, false},
	{"process.command_line", true, false},
	{"process.entity_id", false, false},
	{"process.executable", true, false},
	{"process.name", true, false},
	{"process.parent.name", true, false},
	{"source.ip", true, true},
	{"user.name", true, true},
};

static void anon_find(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long per = demo_check_qint(&c, req, "per_page", 20, 0, 10000);
	if (demo_check_reply(&c, resp))
		return;
	size_t n = sizeof(anon_defaults) / sizeof(*anon_defaults);
	json_t *data = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < n && i < (size_t)(page * per); i++) {
		char id[32];
		snprintf(id, sizeof(id), "anon-%02zu", i);
		json_array_append_new(data, json_pack("{s:s, s:s, s:b, s:b, s:s, s:s}", "id", id, "field",
						      anon_defaults[i].field, "allowed", anon_defaults[i].allowed,
						      "anonymized", anon_defaults[i].anonymized, "timestamp",
						      "2024-04-01T00:00:00.000Z", "namespace", req->space));
	}
	demo_reply_json(resp, 200, json_pack("{s:I, s:I, s:I, s:o}", "page", (json_int_t)page, "perPage",
					     (json_int_t)per, "total", (json_int_t)n, "data", data));
}

/* ---- chat/complete ---- */

static bool ai_connector_type(const char *type)
{
	static const char *const types[] = {".gen-ai", ".bedrock", ".gemini", ".inference", NULL};
	for (size_t i = 0; types[i]; i++)
		if (type && !strcmp(type, types[i]))
			return true;
	return false;
}

/* The first value of a data field as text (data values may be text or arrays of text), or NULL. */
static const char *data_text(json_t *data, const char *field)
{
	json_t *v = json_object_get(data, field);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_string_value(v);
}

/*
 * What Kibana's transformRawData does with a message's data: fields the settings do not allow are
 * dropped, anonymized ones (and those the message names) become placeholders recorded in repl.
 * Returns the "field,value" lines of the context; sent (an object) gets each field as sent.
 */
static char *anonymize(struct demo_data *d, json_t *data, json_t *force, json_t *repl, json_t *sent)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *key;
	json_t *v;
	json_object_foreach(data, key, v) {
		size_t k = 0, n = sizeof(anon_defaults) / sizeof(*anon_defaults);
		while (k < n && strcmp(anon_defaults[k].field, key) != 0)
			k++;
		bool forced = false;
		size_t i;
		json_t *f;
		json_array_foreach(force, i, f) {
			if (json_is_string(f) && !strcmp(json_string_value(f), key))
				forced = true;
		}
		if (!forced && (k == n || !anon_defaults[k].allowed))
			continue;
		const char *text = data_text(data, key);
		if (!text)
			continue;
		if (forced || anon_defaults[k].anonymized) {
			char ph[37];
			demo_data_uuid(d, ph);
			json_object_set_new(repl, ph, json_string(text));
			json_object_set_new(sent, key, json_string(ph));
			strbuf_printf(&sb, "%s,%s\n", key, ph);
		} else {
			json_object_set_new(sent, key, json_string(text));
			strbuf_printf(&sb, "%s,%s\n", key, text);
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* The canned reply: about the alert the (anonymized) data describes, else a general next step. */
static char *canned_reply(json_t *sent, const char *question)
{
	const char *rule = data_text(sent, "kibana.alert.rule.name");
	if (!rule)
		return xasprintf("You asked: \"%s\"\n\n"
				 "Here is how I would go on:\n"
				 "- Look at every alert from the hosts involved over the last 24 hours.\n"
				 "- Check whether the same user signed in elsewhere at the same time.\n"
				 "- If the activity is not expected, isolate the host and keep the case open.\n\n"
				 "Tell me what you find and I will help you decide.", question);
	const char *host = data_text(sent, "host.name"), *user = data_text(sent, "user.name");
	const char *sev = data_text(sent, "kibana.alert.severity"), *proc = data_text(sent, "process.name");
	const char *cmd = data_text(sent, "process.command_line");
	return xasprintf("### Summary\n"
			 "The rule **%s** (%s) fired on host %s for user %s.\n\n"
			 "### What happened\n"
			 "The process `%s` ran:\n"
			 "```\n%s\n```\n\n"
			 "### Next steps\n"
			 "1. Check whether %s expected this on %s.\n"
			 "2. Look for other alerts from %s in the last 24 hours.\n"
			 "3. If it is not expected, isolate %s and reset the credentials of %s.",
			 rule, sev ? sev : "unknown severity", host ? host : "(unknown)", user ? user : "(unknown)",
			 proc ? proc : "(unknown)", cmd ? cmd : "(no command line)", user ? user : "the user",
			 host ? host : "the host", host ? host : "the host", host ? host : "the host",
			 user ? user : "the user");
}

/* The reply as NDJSON content lines, a few words a line, as an LLM's tokens arrive. */
static char *reply_ndjson(const char *reply)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *p = reply;
	while (*p) {
		const char *q = p;
		for (int words = 0; *q && words < 3; words++) {
			while (*q == ' ' || *q == '\n')
				q++;
			while (*q && *q != ' ' && *q != '\n')
				q++;
		}
		char *piece = xstrndup(p, (size_t)(q - p));
		json_t *line = json_pack("{s:s, s:s}", "payload", piece, "type", "content");
		char *text = json_dumps(line, JSON_COMPACT);
		strbuf_printf(&sb, "%s\n", text);
		free(text);
		json_decref(line);
		free(piece);
		p = q;
	}
	return strbuf_detach(&sb, NULL);
}

static json_t *conv_by_id(struct demo_data *d, const char *id)
{
	size_t i;
	json_t *c;
	json_array_foreach(d->conversations, i, c) {
		if (!strcmp(demo_jstr(c, "id"), id))
			return c;
	}
	return NULL;
}

/* A title from the first line of the question, cut at a character boundary. */
static json_t *conv_title(const char *question)
{
	size_t n = strcspn(question, "\n");
	if (n > 60) {
		n = 60;
		while (n && ((unsigned char)question[n] & 0xC0) == 0x80)
			n--;
	}
	char *t = n ? xstrndup(question, n) : xstrdup("New chat");
	json_t *j = json_string(t);
	free(t);
	return j ? j : json_string("New chat");
}

/* Keep the exchange: appended to the conversation, or a new one first in the list; returns its id. */
static const char *persist(struct demo_req *req, json_t *conv, json_t *conn, const char *question,
			   const char *stored, const char *reply, json_t *repl)
{
	struct demo_data *d = req->data;
	struct demo_rng *r = &d->rng;
	if (!conv) {
		char id[37];
		demo_data_uuid(d, id);
		const struct demo_profile *u = &d->people[0];
		conv = json_object();
		json_object_set_new(conv, "id", json_string(id));
		json_object_set_new(conv, "title", conv_title(question));
		json_object_set_new(conv, "category", json_string("assistant"));
		json_object_set_new(conv, "createdAt", demo_json_iso(req->now_ms));
		json_object_set_new(conv, "timestamp", demo_json_iso(req->now_ms));
		json_object_set_new(conv, "namespace", json_string(req->space));
		json_object_set_new(conv, "isDefault", json_false());
		json_object_set_new(conv, "excludeFromLastConversationStorage", json_false());
		json_object_set_new(conv, "apiConfig", json_pack("{s:s, s:s}", "actionTypeId",
								 demo_jstr(conn, "connector_type_id"), "connectorId",
								 demo_jstr(conn, "id")));
		json_object_set_new(conv, "messages", json_array());
		json_object_set_new(conv, "replacements", json_object());
		json_object_set_new(conv, "users", json_pack("[{s:s, s:s}]", "id", u->uid, "name", u->username));
		json_array_insert_new(d->conversations, 0, conv);
	}
	json_t *msgs = json_object_get(conv, "messages");
	json_array_append_new(msgs, message(d, r, "user", stored, req->now_ms, false));
	json_array_append_new(msgs, message(d, r, "assistant", reply, req->now_ms, false));
	json_object_update(json_object_get(conv, "replacements"), repl);
	json_object_set_new(conv, "updatedAt", demo_json_iso(req->now_ms));
	return demo_jstr(conv, "id");
}

static void chat_check_messages(struct demo_check *c, json_t *msgs)
{
	static const char *const roles[] = {"system", "user", "assistant", NULL};
	size_t i;
	json_t *m;
	json_array_foreach(msgs, i, m) {
		char where[48];
		snprintf(where, sizeof(where), "request body.messages.%zu", i);
		if (!json_is_object(m)) {
			demo_check_fail(c, "request body", "messages", "expected an array of objects");
			return;
		}
		demo_check_enum(c, m, where, "role", true, roles);
		demo_check_str(c, m, where, "content", false, 0, false);
		demo_check_obj(c, m, where, "data", false);
		demo_check_strv(c, m, where, "fields_to_anonymize", false, 0, 0, false);
	}
}

static void chat_complete(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	json_t *body = demo_check_body(&c, req);
	const char *conn_id = demo_check_str(&c, body, "request body", "connectorId", true, 0, false);
	int keep = demo_check_bool(&c, body, "request body", "persist", true);
	int stream = demo_check_bool(&c, body, "request body", "isStream", false);
	const char *conv_id = demo_check_str(&c, body, "request body", "conversationId", false, 0, false);
	json_t *msgs = demo_check_arr(&c, body, "request body", "messages", true, 1, 0);
	chat_check_messages(&c, msgs);
	if (demo_check_reply(&c, resp))
		return;
	json_t *conn = demo_data_connector(d, conn_id);
	if (!conn) {
		demo_reply_error(resp, 404, "Saved object [action/%s] not found", conn_id);
		return;
	}
	if (!ai_connector_type(demo_jstr(conn, "connector_type_id"))) {
		demo_reply_error(resp, 400, "Connector %s is not an AI connector (type %s)", conn_id,
				 demo_jstr(conn, "connector_type_id"));
		return;
	}
	json_t *conv = conv_id ? conv_by_id(d, conv_id) : NULL;
	if (conv_id && !conv) {
		demo_reply_siem_error(resp, 404, "conversation id: \"%s\" not found", conv_id);
		return;
	}
	json_t *last = json_array_get(msgs, json_array_size(msgs) - 1);
	const char *question = demo_jstr(last, "content");
	json_t *repl = json_object(), *sent = json_object();
	char *context = anonymize(d, json_object_get(last, "data"), json_object_get(last, "fields_to_anonymize"), repl,
				  sent);
	/* The stored message carries the anonymized context, as Kibana keeps it. */
	char *stored = *context ? xasprintf("CONTEXT:\n\"\"\"\n%s\"\"\"\n\n%s", context, question ? question : "")
				: xstrdup(question ? question : "");
	char *reply = canned_reply(sent, question ? question : "");
	const char *id = keep == 1 ? persist(req, conv, conn, question ? question : "", stored, reply, repl) : NULL;
	if (stream == 1) {
		demo_reply_stream(resp, 200, reply_ndjson(reply), d->reply_delay_ms);
	} else {
		json_t *out = json_pack("{s:s, s:s, s:{s:s, s:s}, s:O, s:s}", "connector_id", conn_id, "data", reply,
					"trace_data", "transactionId", "demo-transaction", "traceId", "demo-trace",
					"replacements", repl, "status", "ok");
		if (id)
			json_object_set_new(out, "conversationId", json_string(id));
		demo_reply_json(resp, 200, out);
	}
	json_decref(repl);
	json_decref(sent);
	free(context);
	free(stored);
	free(reply);
}

const struct demo_route demo_ai_routes[] = {
	{"GET", "/api/security_ai_assistant/current_user/conversations/_find", conv_find, 0},
	{"GET", "/api/security_ai_assistant/current_user/conversations/{}", conv_get, 0},
	{"GET", "/api/security_ai_assistant/anonymization_fields/_find", anon_find, 0},
	{"POST", "/api/security_ai_assistant/chat/complete", chat_complete, DEMO_R_JSON_BODY},
	{NULL, NULL, NULL, 0},
};
