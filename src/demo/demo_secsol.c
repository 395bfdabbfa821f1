#include "config.h"
#include "demo/demo_secsol.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_timeline.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

static json_t *misc(struct demo_req *req, const char *key)
{
	return json_object_get(req->data->misc, key);
}

struct item_sort {
	json_t *items;
	const char *field;
	bool desc;
};

static int item_cmp(size_t a, size_t b, void *ctx)
{
	const struct item_sort *s = ctx;
	int c = demo_strcmp_null(demo_jstr(json_array_get(s->items, a), s->field),
				 demo_jstr(json_array_get(s->items, b), s->field));
	return s->desc ? -c : c;
}

/* "field:value" (the field may carry an "exception-list-agnostic.attributes." prefix) or plain words. */
static bool item_matches(json_t *item, const char *filter)
{
	const char *colon = strchr(filter, ':');
	if (!colon) {
		return demo_contains_ci(demo_jstr(item, "name"), filter) ||
		       demo_contains_ci(demo_jstr(item, "description"), filter);
	}
	char *field = xstrndup(filter, (size_t)(colon - filter));
	char *dot = strrchr(field, '.');
	const char *key = dot ? dot + 1 : field;
	char *value = xstrdup(colon + 1), *v = value;
	while (*v == ' ' || *v == '"')
		v++;
	for (size_t n = strlen(v); n && (v[n - 1] == '"' || v[n - 1] == ' ' || v[n - 1] == '*'); n--)
		v[n - 1] = '\0';
	json_t *f = json_object_get(item, key);
	bool ok = false;
	if (json_is_string(f)) {
		ok = demo_contains_ci(json_string_value(f), v);
	} else if (json_is_array(f)) {
		size_t i;
		json_t *e;
		json_array_foreach(f, i, e) {
			ok = ok || demo_contains_ci(json_string_value(e), v);
		}
	}
	free(field);
	free(value);
	return ok;
}

static void endpoint_list_find(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 0, 1000000);
	long long per = demo_check_qint(&c, req, "per_page", 20, 0, 10000);
	int order = demo_check_qenum(&c, req, "sort_order", (const char *const[]){"desc", "asc", NULL}, 1);
	const char *sf = demo_query(req, "sort_field"), *filter = demo_query(req, "filter");
	if (sf && !*sf)
		demo_check_fail(&c, "request query", "sort_field", "value has length [0] but it must have a minimum length of [1].");
	if (filter && !*filter)
		demo_check_fail(&c, "request query", "filter", "value has length [0] but it must have a minimum length of [1].");
	if (demo_check_reply(&c, resp))
		return;
	json_t *items = misc(req, "exceptions");
	size_t n = json_array_size(items), *idx = xcalloc(n + 1, sizeof(*idx)), m = 0;
	for (size_t i = 0; i < n; i++)
		if (!filter || item_matches(json_array_get(items, i), filter))
			idx[m++] = i;
	struct item_sort s = {items, sf ? sf : "created_at", order == 0};
	demo_sort_idx(idx, m, item_cmp, &s);
	json_t *data = json_array();
	size_t first = (size_t)((page > 0 ? page - 1 : 0) * per);
	for (size_t i = first; i < m && i < first + (size_t)per; i++)
		json_array_append(data, json_array_get(items, idx[i]));
	free(idx);
	demo_reply_json(resp, 200, json_pack("{s:o, s:I, s:I, s:I}", "data", data, "page", (json_int_t)page, "per_page",
					     (json_int_t)per, "total", (json_int_t)m));
}

static const char *const entity_types[] = {"user", "host", "service", "universal", NULL};

/* The entity type in the path, or a 400 already in resp. */
static const char *entity_type(struct demo_req *req, struct demo_resp *resp)
{
	for (size_t i = 0; entity_types[i]; i++)
		if (strcmp(entity_types[i], req->params[0]) == 0)
			return entity_types[i];
	demo_reply_error(resp, 400,
			 "[request params.entityType]: expected one of [user, host, service, universal] but got [%s]",
			 req->params[0]);
	return NULL;
}

/* An engine being installed becomes started once the action delay has passed. */
static json_t *engine(struct demo_req *req, const char *type)
{
	json_t *e = json_object_get(misc(req, "engines"), type);
	json_t *ready = json_object_get(e, "_ready_ms");
	if (ready && json_integer_value(ready) <= req->now_ms) {
		json_object_set_new(e, "status", json_string("started"));
		json_object_del(e, "_ready_ms");
	}
	return e;
}

static void engine_init(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const keys[] = {"fieldHistoryLength", "filter", "indexPattern", "delay", "docsPerSecond",
					   "enrichPolicyExecutionInterval", "frequency", "lookbackPeriod", "timeout",
					   "timestampField", NULL};
	const char *type = entity_type(req, resp);
	if (!type)
		return;
	struct demo_check c = {0};
	json_t *b = req->json ? demo_check_body(&c, req) : NULL;
	demo_check_keys(&c, b, "request body", keys);
	long long history = 10;
	if (!demo_check_int(&c, b, "request body", "fieldHistoryLength", false, 1, 1000, &history))
		history = 10;
	const char *filter = demo_check_str(&c, b, "request body", "filter", false, 0, false);
	const char *pattern = demo_check_str(&c, b, "request body", "indexPattern", false, 0, false);
	if (demo_check_reply(&c, resp))
		return;
	json_t *e = engine(req, type);
	if (!e) {
		e = json_pack("{s:s, s:s, s:I, s:s, s:I}", "type", type, "status", "installing", "fieldHistoryLength",
			      (json_int_t)history, "indexPattern", pattern ? pattern : "", "_ready_ms",
			      (json_int_t)(req->now_ms + req->data->action_delay_ms));
		if (filter)
			json_object_set_new(e, "filter", json_string(filter));
		json_object_set_new(misc(req, "engines"), type, e);
		engine(req, type);
	}
	demo_reply_json(resp, 200, demo_public(e));
}

static void engine_start_stop(struct demo_req *req, struct demo_resp *resp, bool start)
{
	const char *type = entity_type(req, resp);
	if (!type)
		return;
	json_t *e = engine(req, type);
	if (!e) {
		demo_reply_siem_error(resp, 404, "Entity engine for %s not found: initialize it first", type);
		return;
	}
	json_object_del(e, "_ready_ms");
	json_object_set_new(e, "status", json_string(start ? "started" : "stopped"));
	demo_reply_json(resp, 200, json_pack("{s:b}", start ? "started" : "stopped", 1));
}

static void engine_start(struct demo_req *req, struct demo_resp *resp)
{
	engine_start_stop(req, resp, true);
}

static void engine_stop(struct demo_req *req, struct demo_resp *resp)
{
	engine_start_stop(req, resp, false);
}

/*
 * PUT, as Kibana registers it (x-pack/solutions/security/plugins/security_solution/server/lib/entity_analytics/
 * risk_engine/routes/configure_saved_object.ts); the spec's PATCH gets 404. The body is a zod object, which drops
 * keys it does not know: 8.19 reads the statuses, tags and range; 9.2 also enable_reset_to_zero; filters and
 * page_size came after (engine_configure_saved_object_route.gen.ts). What is dropped is not stored.
 */
static void risk_configure(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_strv(&c, b, "request body", "exclude_alert_statuses", false, 0, 0, false);
	demo_check_strv(&c, b, "request body", "exclude_alert_tags", false, 0, 0, false);
	if (json_object_get(b, "enable_reset_to_zero"))
		demo_check_bool(&c, b, "request body", "enable_reset_to_zero", false);
	long long page_size;
	if (json_object_get(b, "page_size"))
		demo_check_int(&c, b, "request body", "page_size", false, 1, 100000, &page_size);
	json_t *filters = demo_check_arr(&c, b, "request body", "filters", false, 0, 0);
	size_t fi;
	json_t *f;
	json_array_foreach(filters, fi, f) {
		char *w = xasprintf("request body.filters.%zu", fi);
		json_t *types = demo_check_strv(&c, f, w, "entity_types", true, 1, 3, true);
		size_t ti;
		json_t *t;
		json_array_foreach(types, ti, t) {
			if (!c.err && strcmp(json_string_value(t), "host") && strcmp(json_string_value(t), "user") &&
			    strcmp(json_string_value(t), "service"))
				demo_check_fail(&c, w, "entity_types", "Invalid enum value. Expected 'host' | 'user' | 'service'");
		}
		demo_check_str(&c, f, w, "filter", true, 0, false);
		free(w);
	}
	json_t *range = demo_check_obj(&c, b, "request body", "range", false);
	if (range) {
		const char *start = demo_check_str(&c, range, "request body.range", "start", false, 0, false);
		const char *end = demo_check_str(&c, range, "request body.range", "end", false, 0, false);
		int64_t t;
		if (start && !demo_parse_time(start, req->now_ms, &t))
			demo_check_fail(&c, "request body.range", "start", "Invalid date [%s]", start);
		if (end && !demo_parse_time(end, req->now_ms, &t))
			demo_check_fail(&c, "request body.range", "end", "Invalid date [%s]", end);
	}
	if (demo_check_reply(&c, resp))
		return;
	json_t *kept = json_object();
	static const struct {
		const char *key;
		unsigned major, minor;
	} read_since[] = {{"exclude_alert_statuses", 8, 0}, {"exclude_alert_tags", 8, 0}, {"range", 8, 0},
			  {"enable_reset_to_zero", 9, 2}, {"filters", 9, 3}, {"page_size", 9, 3}};
	for (size_t i = 0; i < sizeof(read_since) / sizeof(*read_since); i++) {
		json_t *v = json_object_get(b, read_since[i].key);
		if (v && demo_data_kibana_at_least(req->data, read_since[i].major, read_since[i].minor))
			json_object_set(kept, read_since[i].key, v);
	}
	json_object_set_new(req->data->misc, "risk_config", kept);
	demo_reply_json(resp, 200, json_pack("{s:b}", "risk_engine_saved_object_configured", 1));
}

static void list_delete(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	demo_check_qbool(&c, req, "deleteReferences", false);
	demo_check_qbool(&c, req, "ignoreReferences", false);
	const char *id = demo_query(req, "id");
	if (!id || !*id)
		demo_check_fail(&c, "request query", "id", id ? "String must contain at least 1 character(s)" : "Required");
	if (demo_check_reply(&c, resp))
		return;
	json_t *lists = misc(req, "lists");
	size_t i;
	json_t *l;
	json_array_foreach(lists, i, l) {
		if (strcmp(demo_jstr(l, "id"), id) == 0) {
			json_incref(l);
			json_array_remove(lists, i);
			demo_reply_json(resp, 200, l);
			return;
		}
	}
	demo_reply_siem_error(resp, 404, "list id: \"%s\" was not found", id);
}

static void note_delete(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	const char *one = demo_check_str(&c, b, "request body", "noteId", false, 0, true);
	json_t *many = json_is_null(json_object_get(b, "noteIds")) ? NULL
				: demo_check_strv(&c, b, "request body", "noteIds", false, 0, 0, true);
	if (!c.err && !one && !many)
		demo_check_fail(&c, "request body", NULL, "either [noteId] or [noteIds] is required");
	if (demo_check_reply(&c, resp))
		return;
	json_t *notes = misc(req, "notes");
	json_t *ids = one ? json_pack("[s]", one) : json_incref(many);
	size_t i, k;
	json_t *id, *n;
	json_array_foreach(ids, i, id) {
		bool found = false;
		json_array_foreach(notes, k, n) {
			found = found || strcmp(json_string_value(n), json_string_value(id)) == 0;
		}
		if (!found) {
			demo_reply_siem_error(resp, 404, "Saved object [siem-ui-timeline-note/%s] not found", json_string_value(id));
			json_decref(ids);
			return;
		}
	}
	json_array_foreach(ids, i, id) {
		json_array_foreach(notes, k, n) {
			if (strcmp(json_string_value(n), json_string_value(id)) == 0) {
				json_array_remove(notes, k);
				break;
			}
		}
	}
	json_decref(ids);
	demo_reply_empty(resp, 200);
}

static void sessions_invalidate(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_keys(&c, b, "request body", (const char *const[]){"match", "query", NULL});
	int match = demo_check_enum(&c, b, "request body", "match", true, (const char *const[]){"all", "query", NULL});
	json_t *q = demo_check_obj(&c, b, "request body", "query", match == 1);
	json_t *prov = q ? demo_check_obj(&c, q, "request body.query", "provider", true) : NULL;
	const char *type = prov ? demo_check_str(&c, prov, "request body.query.provider", "type", true, 0, true) : NULL;
	const char *name = prov ? demo_check_str(&c, prov, "request body.query.provider", "name", false, 0, true) : NULL;
	const char *user = q ? demo_check_str(&c, q, "request body.query", "username", false, 0, true) : NULL;
	if (!c.err && match == 0 && q)
		demo_check_fail(&c, "request body", "query", "a value wasn't expected to be present");
	if (demo_check_reply(&c, resp))
		return;
	json_t *sessions = req->data->sessions;
	size_t total = 0;
	for (size_t i = json_array_size(sessions); i-- > 0;) {
		json_t *s = json_array_get(sessions, i), *p = json_object_get(s, "provider");
		if (match == 1 && (strcmp(demo_jstr(p, "type"), type) != 0 || (name && strcmp(demo_jstr(p, "name"), name) != 0) ||
				   (user && strcmp(demo_jstr(s, "username"), user) != 0)))
			continue;
		json_array_remove(sessions, i);
		total++;
	}
	demo_reply_json(resp, 200, json_pack("{s:I}", "total", (json_int_t)total));
}

const struct demo_route demo_secsol_routes[] = {
	{"GET", "/api/endpoint_list/items/_find", endpoint_list_find, 0},
	{"POST", "/api/entity_store/engines/{}/init", engine_init, DEMO_R_JSON_BODY},
	{"POST", "/api/entity_store/engines/{}/start", engine_start, 0},
	{"POST", "/api/entity_store/engines/{}/stop", engine_stop, 0},
	{"PUT", "/api/risk_score/engine/saved_object/configure", risk_configure, DEMO_R_JSON_BODY},
	{"DELETE", "/api/lists", list_delete, 0},
	{"DELETE", "/api/note", note_delete, DEMO_R_JSON_BODY},
	{"POST", "/api/timeline/_import", demo_timeline_import, DEMO_R_JSON_BODY | DEMO_R_MULTIPART},
	{"POST", "/api/security/session/_invalidate", sessions_invalidate, DEMO_R_JSON_BODY | DEMO_R_PLAIN_TYPE},
	{NULL, NULL, NULL, 0},
};
