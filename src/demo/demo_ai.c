#include "config.h"
#include "demo/demo_ai.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
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

const struct demo_route demo_ai_routes[] = {
	{"GET", "/api/security_ai_assistant/current_user/conversations/_find", conv_find, 0},
	{"GET", "/api/security_ai_assistant/current_user/conversations/{}", conv_get, 0},
	{NULL, NULL, NULL, 0},
};
