#include "config.h"
#include "demo/demo_history.h"
#include "core/xalloc.h"
#include "demo/demo_case.h"
#include "demo/demo_data.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

/* The stored user actions of a case (made on first use). */
static json_t *history_of(json_t *cs)
{
	json_t *h = json_object_get(cs, "_history");
	if (!json_is_array(h)) {
		h = json_array();
		json_object_set_new(cs, "_history", h);
	}
	return h;
}

/* One user action as Kibana stores it. */
static json_t *history_entry(const char *id, const char *version, json_t *cs, const char *type, const char *action,
			     json_t *payload, const char *comment_id, int64_t at_ms, json_t *by)
{
	json_t *ua = json_object();
	json_object_set_new(ua, "id", json_string(id));
	json_object_set_new(ua, "version", json_string(version));
	json_object_set_new(ua, "type", json_string(type));
	json_object_set_new(ua, "action", json_string(action));
	json_object_set_new(ua, "comment_id", comment_id ? json_string(comment_id) : json_null());
	json_object_set(ua, "owner", json_object_get(cs, "owner"));
	json_object_set_new(ua, "created_at", demo_json_iso(at_ms));
	json_object_set_new(ua, "created_by", by);
	json_object_set_new(ua, "payload", payload);
	return ua;
}

void demo_history_add(struct demo_data *d, json_t *cs, const char *type, const char *action, json_t *payload,
		      const char *comment_id, int64_t at_ms, json_t *by)
{
	char id[37];
	demo_data_uuid(d, id);
	char *v = demo_data_version(d);
	json_array_append_new(history_of(cs), history_entry(id, v, cs, type, action, payload, comment_id, at_ms, by));
	free(v);
}

/* The comment as its user action's payload carries it: what was posted, without the stored bookkeeping. */
static json_t *comment_payload(json_t *cm)
{
	static const char *const keys[] = {"type", "comment", "alertId", "index", "rule", "owner", NULL};
	json_t *c = json_object();
	for (size_t k = 0; keys[k]; k++) {
		json_t *v = json_object_get(cm, keys[k]);
		if (v)
			json_object_set(c, keys[k], v);
	}
	return json_pack("{s:o}", "comment", c);
}

/* What create_case records: the case as it was created (open, nobody assigned yet, no connector). */
static json_t *create_payload(json_t *cs)
{
	json_t *p = json_object();
	static const char *const keys[] = {"title", "description", "tags", "severity", "settings", "owner", NULL};
	for (size_t k = 0; keys[k]; k++)
		json_object_set(p, keys[k], json_object_get(cs, keys[k]));
	json_object_set_new(p, "status", json_string("open"));
	json_object_set_new(p, "assignees", json_array());
	json_object_set_new(p, "connector", json_pack("{s:s, s:s, s:s, s:n}", "id", "none", "name", "none", "type", ".none",
						      "fields"));
	return p;
}

/* A made-up action of a generated case, with an id and version from the history stream. */
struct history_gen {
	struct demo_data *d;
	struct demo_rng r;
	uint64_t seq;
};

static void gen_add(struct history_gen *g, json_t *cs, const char *type, const char *action, json_t *payload,
		    const char *comment_id, int64_t at_ms, json_t *by)
{
	char id[37];
	demo_uuid(&g->r, id);
	char *v = demo_so_version(g->seq++, 1);
	json_array_append_new(history_of(cs), history_entry(id, v, cs, type, action, payload, comment_id, at_ms, by));
	free(v);
}

static int64_t time_of(json_t *obj, const char *key, int64_t dflt)
{
	int64_t t;
	return demo_parse_time(demo_jstr(obj, key), 0, &t) ? t : dflt;
}

/* Someone on the team, chosen by the history stream. */
static json_t *gen_person(struct history_gen *g)
{
	return demo_data_user(g->d, (int)demo_rng_below(&g->r, (uint32_t)g->d->npeople));
}

static int entry_cmp(size_t a, size_t b, void *ctx)
{
	json_t *h = ctx;
	int c = strcmp(demo_jstr(json_array_get(h, a), "created_at"), demo_jstr(json_array_get(h, b), "created_at"));
	return c ? c : (a > b) - (a < b);
}

/* Sort a case's history by time (ties keep their order). */
static void history_sort(json_t *cs)
{
	json_t *h = history_of(cs);
	size_t n = json_array_size(h), *idx = xcalloc(n + 1, sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	demo_sort_idx(idx, n, entry_cmp, h);
	json_t *sorted = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append(sorted, json_array_get(h, idx[i]));
	json_object_set_new(cs, "_history", sorted);
	free(idx);
}

/* The story of one generated case: created, people assigned, a connector chosen, comments and alerts, a push,
 * work started and the case closed, each at a time between its creation and its last update. */
static void gen_case_history(struct history_gen *g, json_t *cs)
{
	int64_t created = time_of(cs, "created_at", g->d->now_ms);
	int64_t updated = time_of(cs, "updated_at", created + 60000);
	int64_t span = updated > created ? updated - created : 60000;
	json_t *creator = json_deep_copy(json_object_get(cs, "created_by"));
	gen_add(g, cs, "create_case", "create", create_payload(cs), NULL, created, creator);
	json_t *as = json_object_get(cs, "assignees");
	if (json_array_size(as))
		gen_add(g, cs, "assignees", "add", json_pack("{s:O}", "assignees", as), NULL, created + span / 20,
			json_deep_copy(json_object_get(cs, "created_by")));
	json_t *conn = json_object_get(cs, "connector");
	if (strcmp(demo_jstr(conn, "type"), ".none") != 0)
		gen_add(g, cs, "connector", "update", json_pack("{s:O}", "connector", conn), NULL, created + span / 10,
			gen_person(g));
	size_t i;
	json_t *cm;
	json_array_foreach(demo_case_comments(cs), i, cm) {
		gen_add(g, cs, "comment", "create", comment_payload(cm), demo_jstr(cm, "id"),
			time_of(cm, "created_at", created), json_deep_copy(json_object_get(cm, "created_by")));
	}
	json_t *ext = json_object_get(cs, "external_service");
	if (json_is_object(ext))
		gen_add(g, cs, "pushed", "push_to_service", json_pack("{s:O}", "externalService", ext), NULL,
			time_of(ext, "pushed_at", updated), json_deep_copy(json_object_get(ext, "pushed_by")));
	const char *status = demo_jstr(cs, "status");
	if (strcmp(status, "open") != 0)
		gen_add(g, cs, "status", "update", json_pack("{s:s}", "status", "in-progress"), NULL, created + span / 2,
			gen_person(g));
	if (strcmp(status, "closed") == 0)
		gen_add(g, cs, "status", "update", json_pack("{s:s}", "status", "closed"), NULL,
			time_of(cs, "closed_at", updated), json_deep_copy(json_object_get(cs, "closed_by")));
	history_sort(cs);
}

void demo_history_generate(struct demo_data *d)
{
	struct history_gen g = {.d = d, .seq = 500000};
	demo_rng_seed(&g.r, d->seed, DEMO_STREAM_HISTORY);
	size_t i;
	json_t *cs;
	json_array_foreach(d->cases, i, cs) {
		gen_case_history(&g, cs);
	}
}

/* The strings of a that b lacks (by value, or by the "uid" of objects), as a new array. */
static json_t *missing_from(json_t *a, json_t *b)
{
	json_t *out = json_array();
	size_t i, j;
	json_t *x, *y;
	json_array_foreach(a, i, x) {
		bool found = false;
		json_array_foreach(b, j, y) {
			found = found || json_equal(x, y);
		}
		if (!found)
			json_array_append(out, x);
	}
	return out;
}

/* Tags and assignees change by what was added and what was removed, each its own user action. */
static void record_set_change(struct demo_data *d, json_t *cs, const char *field, json_t *now_v, int64_t at_ms)
{
	json_t *was = json_object_get(cs, field);
	json_t *added = missing_from(now_v, was), *removed = missing_from(was, now_v);
	if (json_array_size(added))
		demo_history_add(d, cs, field, "add", json_pack("{s:O}", field, added), NULL, at_ms, demo_data_user(d, 0));
	if (json_array_size(removed))
		demo_history_add(d, cs, field, "delete", json_pack("{s:O}", field, removed), NULL, at_ms,
				 demo_data_user(d, 0));
	json_decref(added);
	json_decref(removed);
}

void demo_history_patch(struct demo_data *d, json_t *cs, json_t *entry, int64_t at_ms)
{
	static const char *const fields[] = {"title", "description", "status", "severity", "connector", "settings",
					     "category", "customFields", NULL};
	for (size_t k = 0; fields[k]; k++) {
		json_t *v = json_object_get(entry, fields[k]);
		if (!v || json_equal(v, json_object_get(cs, fields[k])))
			continue;
		demo_history_add(d, cs, fields[k], "update", json_pack("{s:O}", fields[k], v), NULL, at_ms,
				 demo_data_user(d, 0));
	}
	static const char *const sets[] = {"tags", "assignees", NULL};
	for (size_t k = 0; sets[k]; k++) {
		json_t *v = json_object_get(entry, sets[k]);
		if (json_is_array(v) && !json_equal(v, json_object_get(cs, sets[k])))
			record_set_change(d, cs, sets[k], v, at_ms);
	}
}

/* The values types= takes: Kibana's filter groups, then the user action types themselves. */
static const char *const type_filters[] = {"action", "alert", "attachment", "user", "assignees", "comment",
					   "connector", "create_case", "description", "pushed", "settings", "severity",
					   "status", "tags", "title", "category", "customFields", "observables",
					   "delete_case", NULL};

/* Whether a user action passes one types= value (the finder's groups: find.ts in Kibana's cases service). */
static bool type_matches(json_t *ua, const char *want)
{
	const char *type = demo_jstr(ua, "type");
	json_t *comment = json_object_get(json_object_get(ua, "payload"), "comment");
	const char *ctype = demo_jstr(comment, "type");
	bool is_comment = strcmp(type, "comment") == 0;
	bool user_comment = is_comment && ctype && strcmp(ctype, "user") == 0;
	if (strcmp(want, "action") == 0)
		return !user_comment;
	if (strcmp(want, "user") == 0)
		return user_comment && strcmp(demo_jstr(ua, "action"), "create") == 0;
	if (strcmp(want, "alert") == 0)
		return is_comment && ctype && strcmp(ctype, "alert") == 0;
	if (strcmp(want, "attachment") == 0)
		return is_comment && ctype && strcmp(ctype, "user") != 0 && strcmp(ctype, "alert") != 0;
	return strcmp(type, want) == 0;
}

static void user_actions_find(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const orders[] = {"asc", "desc", NULL};
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long per = demo_check_qint(&c, req, "perPage", 20, 0, 1000000);
	int order = demo_check_qenum(&c, req, "sortOrder", orders, 1);
	const char *types[32];
	size_t ntypes = demo_query_all(req, "types", types, 32);
	for (size_t i = 0; i < ntypes && !c.err; i++) {
		size_t k;
		for (k = 0; type_filters[k] && strcmp(type_filters[k], types[i]) != 0; k++)
			;
		if (!type_filters[k])
			demo_check_fail(&c, "request query", "types", "Invalid value \"%s\" supplied to \"types\"", types[i]);
	}
	if (!c.err && per > 100)
		demo_check_fail(&c, "request query", "perPage",
				"The provided perPage value is too high. The maximum allowed perPage value is 100.");
	if (!c.err && page * per > 10000)
		demo_check_fail(&c, "request query", NULL, "The number of documents is too high. Paginating through more "
				"than 10,000 documents is not possible.");
	if (demo_check_reply(&c, resp))
		return;
	json_t *cs = demo_case_get(req->data, req->params[0]);
	if (!cs || !demo_case_in_space(cs, req->space)) {
		char *msg = demo_case_not_found(req->params[0]);
		demo_reply_error(resp, 404, "%s", msg);
		free(msg);
		return;
	}
	json_t *h = history_of(cs), *match = json_array();
	size_t n = json_array_size(h);
	for (size_t i = 0; i < n; i++) {
		json_t *ua = json_array_get(h, order == 1 ? n - 1 - i : i);
		bool ok = ntypes == 0;
		for (size_t k = 0; k < ntypes && !ok; k++)
			ok = type_matches(ua, types[k]);
		if (ok)
			json_array_append(match, ua);
	}
	json_t *items = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < json_array_size(match) && i < (size_t)(page * per); i++)
		json_array_append(items, json_array_get(match, i));
	json_t *out = json_pack("{s:I, s:I, s:I, s:o}", "page", (json_int_t)page, "perPage", (json_int_t)per, "total",
				(json_int_t)json_array_size(match), "userActions", items);
	json_decref(match);
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_history_routes[] = {
	{"GET", "/api/cases/{}/user_actions/_find", user_actions_find, 0},
	{NULL, NULL, NULL, 0},
};
