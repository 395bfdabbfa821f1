#include "config.h"
#include "api/conversations.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const conversations_sort_fields[] = {"created_at", "title", "updated_at", NULL};

struct api_request *conversations_find_request(const struct conversations_query *q)
{
	struct api_request *req =
		api_request_new(HTTP_GET, "/api/security_ai_assistant/current_user/conversations/_find");
	struct strbuf qs;
	strbuf_init(&qs);
	if (q->page > 0)
		urlenc_query_add_int(&qs, "page", q->page);
	if (q->per_page > 0)
		urlenc_query_add_int(&qs, "per_page",
				     q->per_page > CONVERSATIONS_MAX_PER_PAGE ? CONVERSATIONS_MAX_PER_PAGE : q->per_page);
	urlenc_query_add(&qs, "filter", q->filter && *q->filter ? q->filter : NULL);
	urlenc_query_add(&qs, "sort_field", q->sort_field);
	urlenc_query_add(&qs, "sort_order", q->sort_order);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &conversations_page_model);
	return req;
}

struct api_request *conversations_get_request(const char *id)
{
	char *path = api_path("/api/security_ai_assistant/current_user/conversations/{}", id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &conversations_conversation_model);
	return req;
}

const char *conversations_updated(const struct conversation *c)
{
	return c->updated_at && *c->updated_at ? c->updated_at : c->created_at;
}

static void conv_read_users(struct kjson_reader *r, json_t *j, struct conversation *c)
{
	json_t *a = kjson_arr(r, j, "users", KJ_ANY);
	if (!a)
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *u;
	json_array_foreach(a, i, u) {
		/* Both fields are optional: show the name when there is one. */
		char *name = kjson_str(r, u, "name", KJ_ANY);
		char *id = kjson_str(r, u, "id", KJ_ANY);
		const char *show = name && *name ? name : id;
		if (show)
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", show);
		free(name);
		free(id);
	}
	c->users = strbuf_detach(&sb, NULL);
}

static void conv_read_messages(struct kjson_reader *r, json_t *j, struct conversation *c)
{
	json_t *a = kjson_arr(r, j, "messages", KJ_ANY);
	if (!a)
		return;
	c->messages = xcalloc(json_array_size(a) + 1, sizeof(*c->messages));
	size_t i;
	json_t *m;
	json_array_foreach(a, i, m) {
		if (!json_is_object(m))
			continue;
		struct conv_message *msg = &c->messages[c->n_messages++];
		msg->content = kjson_str(r, m, "content", KJ_ANY);
		msg->role = kjson_str(r, m, "role", KJ_ANY);
		msg->timestamp = kjson_str(r, m, "timestamp", KJ_ANY);
		msg->is_error = kjson_bool(r, m, "isError", KJ_ANY, false);
	}
}

/* replacements: {placeholder: original}; anything but text values is left out. */
static void conv_read_replacements(struct kjson_reader *r, json_t *j, struct conversation *c)
{
	json_t *o = kjson_obj(r, j, "replacements", KJ_OPT_NULLABLE);
	if (!o)
		return;
	c->placeholders = xcalloc(json_object_size(o) + 1, sizeof(char *));
	c->originals = xcalloc(json_object_size(o) + 1, sizeof(char *));
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		if (!json_is_string(v) || !*k)
			continue;
		c->placeholders[c->n_replacements] = xstrdup(k);
		c->originals[c->n_replacements++] = xstrdup(json_string_value(v));
	}
}

char *conversations_restore(const struct conversation *c, const char *text)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *p = text ? text : "";
	while (*p) {
		/* The longest placeholder that starts here wins. */
		size_t best = c->n_replacements, best_len = 0;
		for (size_t k = 0; k < c->n_replacements; k++) {
			size_t len = strlen(c->placeholders[k]);
			if (len > best_len && strncmp(p, c->placeholders[k], len) == 0) {
				best = k;
				best_len = len;
			}
		}
		if (best < c->n_replacements) {
			strbuf_puts(&sb, c->originals[best]);
			p += best_len;
		} else {
			strbuf_putc(&sb, *p++);
		}
	}
	return strbuf_detach(&sb, NULL);
}

static void conv_read(struct kjson_reader *r, json_t *j, void *elem)
{
	struct conversation *c = elem;
	memset(c, 0, sizeof(*c));
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	/*
	 * Only the id is required. The rest is copied from the stored document without defaults
	 * (x-pack/solutions/security/plugins/elastic_assistant/server/ai_assistant_data_clients/conversations/
	 * transforms.ts), so a conversation stored before "category" existed has none, whatever the spec says.
	 */
	c->id = kjson_str(r, j, "id", KJ_REQ);
	c->title = kjson_str(r, j, "title", KJ_ANY);
	c->category = kjson_str(r, j, "category", KJ_ANY);
	c->created_at = kjson_str(r, j, "createdAt", KJ_ANY);
	c->updated_at = kjson_str(r, j, "updatedAt", KJ_ANY);
	c->namespace = kjson_str(r, j, "namespace", KJ_ANY);
	json_t *api = kjson_obj(r, j, "apiConfig", KJ_ANY);
	if (api) {
		c->connector_id = kjson_str(r, api, "connectorId", KJ_ANY);
		c->model = kjson_str(r, api, "model", KJ_ANY);
	}
	json_t *summary = kjson_obj(r, j, "summary", KJ_ANY);
	if (summary)
		c->summary = kjson_str(r, summary, "content", KJ_ANY);
	conv_read_users(r, j, c);
	conv_read_messages(r, j, c);
	conv_read_replacements(r, j, c);
}

void conversations_conversation_clear(struct conversation *c)
{
	free(c->id);
	free(c->title);
	free(c->category);
	free(c->created_at);
	free(c->updated_at);
	free(c->namespace);
	free(c->users);
	free(c->connector_id);
	free(c->model);
	free(c->summary);
	for (size_t i = 0; i < c->n_messages; i++) {
		free(c->messages[i].role);
		free(c->messages[i].content);
		free(c->messages[i].timestamp);
	}
	free(c->messages);
	for (size_t i = 0; i < c->n_replacements; i++) {
		free(c->placeholders[i]);
		free(c->originals[i]);
	}
	free(c->placeholders);
	free(c->originals);
	free(c->problem);
	memset(c, 0, sizeof(*c));
}

static void conversations_conversation_clear_model(void *out)
{
	conversations_conversation_clear(out);
}

const struct kmodel conversations_conversation_model = {
	.what = "conversation",
	.size = sizeof(struct conversation),
	.read = conv_read,
	.clear = conversations_conversation_clear_model,
};

static void conversations_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct conversation_page *p = out;
	/* total is what the list pages by (find_route.ts always sends it). */
	p->page = kjson_int(r, j, "page", KJ_ANY, 1);
	p->per_page = kjson_int(r, j, "perPage", KJ_ANY, 0);
	p->total = kjson_int(r, j, "total", KJ_REQ, 0);
	json_t *a = kjson_arr(r, j, "data", KJ_REQ);
	if (!r->err && a)
		p->items = kjson_read_rows(a, "conversations _find response.data", sizeof(*p->items), conv_read,
					   offsetof(struct conversation, problem), &p->n, &p->bad);
}

static void conversations_page_clear(void *out)
{
	struct conversation_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		conversations_conversation_clear(&p->items[i]);
	free(p->items);
	memset(p, 0, sizeof(*p));
}

const struct kmodel conversations_page_model = {
	.what = "conversations _find response",
	.size = sizeof(struct conversation_page),
	.read = conversations_page_read,
	.clear = conversations_page_clear,
};
