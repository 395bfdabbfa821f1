#include "config.h"
#include "api/assistant.h"
#include "api/connectors.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Longest line of a streamed reply kept while waiting for its end: past it, the line is dropped. */
#define ASSISTANT_MAX_LINE ((size_t)1 << 20)

struct api_request *assistant_chat_request(const struct assistant_chat *c)
{
	json_t *msg = json_pack("{s:s, s:s}", "role", "user", "content", c->content ? c->content : "");
	if (c->data && json_object_size(c->data))
		json_object_set(msg, "data", c->data);
	if (c->anonymize && json_array_size(c->anonymize))
		json_object_set(msg, "fields_to_anonymize", c->anonymize);
	json_t *body = json_pack("{s:s, s:b, s:b, s:[o]}", "connectorId", c->connector_id, "persist", c->persist,
				 "isStream", 1, "messages", msg);
	/* Kibana appends the new message to the stored conversation and uses it as the history. */
	if (c->conversation_id)
		json_object_set_new(body, "conversationId", json_string(c->conversation_id));
	struct api_request *req = api_request_new(HTTP_POST, "/api/security_ai_assistant/chat/complete");
	api_request_set_json(req, body);
	req->stream = true;
	return req;
}

void assistant_stream_init(struct assistant_stream *s)
{
	strbuf_init(&s->line);
	s->lines = 0;
	s->overlong = false;
}

void assistant_stream_free(struct assistant_stream *s)
{
	strbuf_free(&s->line);
}

/* One complete line: its payload when it is a content line. */
static void assistant_stream_line(struct assistant_stream *s, const char *line, size_t len, struct strbuf *out)
{
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		len--;
	if (!len)
		return;
	char *err = NULL;
	json_t *j = kjson_parse(line, len, &err);
	free(err);
	const char *type = json_string_value(json_object_get(j, "type"));
	json_t *payload = json_object_get(j, "payload");
	if (type && !strcmp(type, "content") && json_is_string(payload)) {
		strbuf_add(out, json_string_value(payload), json_string_length(payload));
		s->lines++;
	}
	json_decref(j);
}

void assistant_stream_feed(struct assistant_stream *s, const char *data, size_t len, struct strbuf *out)
{
	while (len) {
		const char *nl = memchr(data, '\n', len);
		size_t n = nl ? (size_t)(nl - data) : len;
		/* A line this long is no reply text: it is dropped whole. */
		if (s->line.len + n > ASSISTANT_MAX_LINE) {
			s->overlong = true;
			strbuf_reset(&s->line);
		}
		if (!s->overlong)
			strbuf_add(&s->line, data, n);
		if (!nl)
			return;
		if (!s->overlong)
			assistant_stream_line(s, s->line.buf, s->line.len, out);
		strbuf_reset(&s->line);
		s->overlong = false;
		data += n + 1;
		len -= n + 1;
	}
}

void assistant_stream_end(struct assistant_stream *s, struct strbuf *out)
{
	if (s->line.len && !s->overlong)
		assistant_stream_line(s, s->line.buf, s->line.len, out);
	strbuf_reset(&s->line);
	s->overlong = false;
}

bool assistant_connector_ok(const struct connector *c)
{
	/* The types Kibana's assistant lists (loadAiConnectors: AllowedActionTypeIds), without missing secrets. */
	static const char *const types[] = {".gen-ai", ".bedrock", ".gemini", ".inference", NULL};
	if (!c->type || c->is_missing_secrets)
		return false;
	for (size_t i = 0; types[i]; i++)
		if (!strcmp(c->type, types[i]))
			return true;
	return false;
}

struct api_request *assistant_anon_fields_request(void)
{
	struct api_request *req =
		api_request_new(HTTP_GET, "/api/security_ai_assistant/anonymization_fields/_find");
	api_request_set_query(req, "?per_page=1000");
	api_request_set_model(req, &assistant_anon_fields_model);
	return req;
}

static void assistant_anon_read_one(struct kjson_reader *r, json_t *v, void *elem)
{
	struct anon_field *f = elem;
	if (!json_is_object(v)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
		return;
	}
	f->field = kjson_str(r, v, "field", KJ_REQ);
	/* Absent flags are false, as Kibana's transform treats them. */
	f->allowed = kjson_bool(r, v, "allowed", KJ_OPT_NULLABLE, false);
	f->anonymized = kjson_bool(r, v, "anonymized", KJ_OPT_NULLABLE, false);
}

static void assistant_anon_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct anon_field_list *l = out;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	l->total = kjson_int(r, j, "total", KJ_OPT, 0);
	json_t *a = kjson_arr(r, j, "data", KJ_REQ);
	if (!r->err && a)
		l->items = kjson_read_array(r, a, "data", sizeof(*l->items), assistant_anon_read_one, &l->n);
}

static void assistant_anon_clear(void *out)
{
	struct anon_field_list *l = out;
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i].field);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel assistant_anon_fields_model = {
	.what = "anonymization fields _find response",
	.size = sizeof(struct anon_field_list),
	.read = assistant_anon_read,
	.clear = assistant_anon_clear,
};

static const struct anon_field *assistant_setting(const struct anon_field_list *l, const char *field)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (l->items[i].field && !strcmp(l->items[i].field, field))
			return &l->items[i];
	return NULL;
}

/* A value as data: text, or an array of text; NULL for what has no text form (objects, empty arrays). */
static json_t *assistant_value(json_t *v)
{
	if (json_is_array(v)) {
		json_t *out = json_array();
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			if (json_is_object(e) || json_is_array(e) || json_is_null(e))
				continue;
			char *t = kjson_text(e);
			json_array_append_new(out, json_string(t));
			free(t);
		}
		if (!json_array_size(out)) {
			json_decref(out);
			return NULL;
		}
		return out;
	}
	if (json_is_object(v) || json_is_null(v))
		return NULL;
	char *t = kjson_text(v);
	json_t *s = json_string(t);
	free(t);
	return s;
}

static void assistant_flatten(json_t *obj, const char *prefix, const struct anon_field_list *settings, json_t *data,
			      json_t *anonymize)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		char *name = *prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
		if (json_is_object(v)) {
			assistant_flatten(v, name, settings, data, anonymize);
			free(name);
			continue;
		}
		const struct anon_field *f = assistant_setting(settings, name);
		bool send = settings && settings->n ? f && f->allowed : true;
		json_t *value = send ? assistant_value(v) : NULL;
		if (value) {
			json_object_set_new(data, name, value);
			if (f && f->anonymized)
				json_array_append_new(anonymize, json_string(name));
		}
		free(name);
	}
}

json_t *assistant_alert_data(json_t *source, const struct anon_field_list *settings, json_t **anonymize)
{
	json_t *data = json_object();
	*anonymize = json_array();
	if (json_is_object(source))
		assistant_flatten(source, "", settings, data, *anonymize);
	return data;
}
