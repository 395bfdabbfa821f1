#include "config.h"
#include "demo/demo_search.h"
#include "core/xalloc.h"
#include "demo/demo_alerts.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_query.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

/* Fields the alerts can be sorted on (keyword sorts are lexicographic, as in Elasticsearch). */
static const int sortable[] = {DEMO_AF_TIMESTAMP, DEMO_AF_UUID, DEMO_AF_RISK, DEMO_AF_SEVERITY};

struct sort_key {
	int field;
	bool desc;
};

struct search {
	const struct demo_data *d;
	struct sort_key keys[8];
	size_t nkeys;
};

static int key_cmp(const struct demo_data *d, const struct demo_alert *x, const struct demo_alert *y, int f)
{
	if (f == DEMO_AF_UUID) {
		for (int w = 0; w < 4; w++)
			if (x->uuid[w] != y->uuid[w])
				return x->uuid[w] < y->uuid[w] ? -1 : 1;
		return 0;
	}
	if (f == DEMO_AF_SEVERITY) {
		char b1[DEMO_AFIELD_BUF], b2[DEMO_AFIELD_BUF];
		return strcmp(demo_alert_str(d, x, f, b1), demo_alert_str(d, y, f, b2));
	}
	int64_t a = demo_alert_num(d, x, f), b = demo_alert_num(d, y, f);
	return (a > b) - (a < b);
}

static int hit_cmp(size_t a, size_t b, void *ctx)
{
	const struct search *s = ctx;
	for (size_t i = 0; i < s->nkeys; i++) {
		int c = key_cmp(s->d, &s->d->alerts[a], &s->d->alerts[b], s->keys[i].field);
		if (c)
			return s->keys[i].desc ? -c : c;
	}
	return 0;
}

/* One sort entry: "field", {"field": "desc"} or {"field": {"order": "desc"}}. */
static bool add_sort(struct search *s, json_t *e, char **err)
{
	const char *name = json_string_value(e), *order = "asc";
	if (json_is_object(e) && json_object_size(e) == 1) {
		name = json_object_iter_key(json_object_iter(e));
		json_t *v = json_object_iter_value(json_object_iter(e));
		order = json_is_object(v) ? json_string_value(json_object_get(v, "order")) : json_string_value(v);
		if (!order)
			order = "asc";
	}
	if (!name) {
		*err = xasprintf("[sort] malformed: expected a field name or {field: order}");
		return false;
	}
	if (strcmp(order, "asc") != 0 && strcmp(order, "desc") != 0) {
		*err = xasprintf("[sort] unknown order [%s] for [%s]; use asc or desc", order, name);
		return false;
	}
	int f = demo_afield_lookup(name);
	bool ok = false;
	for (size_t i = 0; i < sizeof(sortable) / sizeof(sortable[0]); i++)
		ok = ok || sortable[i] == f;
	if (!ok) {
		*err = xasprintf("[sort] unsupported field [%s]; the demo sorts on @timestamp, kibana.alert.uuid, "
				 "kibana.alert.risk_score and kibana.alert.severity", name);
		return false;
	}
	if (s->nkeys < sizeof(s->keys) / sizeof(s->keys[0]))
		s->keys[s->nkeys++] = (struct sort_key){f, strcmp(order, "desc") == 0};
	return true;
}

static bool parse_sort(struct search *s, json_t *sort, char **err)
{
	if (!sort) {
		s->keys[s->nkeys++] = (struct sort_key){DEMO_AF_TIMESTAMP, true};
		return true;
	}
	if (!json_is_array(sort))
		return add_sort(s, sort, err);
	size_t i;
	json_t *e;
	json_array_foreach(sort, i, e) {
		if (!add_sort(s, e, err))
			return false;
	}
	return true;
}

static bool source_wanted(json_t *pats, const char *path)
{
	size_t i, pl = strlen(path);
	json_t *p;
	json_array_foreach(pats, i, p) {
		const char *s = json_string_value(p);
		size_t n = s ? strlen(s) : 0;
		if (!s)
			continue;
		if (strcmp(s, path) == 0 || (n && s[n - 1] == '*' && strncmp(path, s, n - 1) == 0) ||
		    (pl > n && strncmp(path, s, n) == 0 && path[n] == '.'))
			return true;
	}
	return false;
}

/* The parts of a _source whose leaf paths match the patterns. */
static json_t *filter_source(json_t *src, const char *prefix, json_t *pats)
{
	json_t *out = json_object();
	const char *k;
	json_t *v;
	json_object_foreach(src, k, v) {
		char *path = prefix ? xasprintf("%s.%s", prefix, k) : xstrdup(k);
		if (json_is_object(v)) {
			json_t *sub = filter_source(v, path, pats);
			if (json_object_size(sub))
				json_object_set_new(out, k, sub);
			else
				json_decref(sub);
		} else if (source_wanted(pats, path)) {
			json_object_set(out, k, v);
		}
		free(path);
	}
	return out;
}

/* A terms-aggregation bucket table: open addressing on the key text. */
struct bucket {
	char *key;
	int64_t num;
	size_t count;
};

struct buckets {
	struct bucket *v;
	size_t cap, n;
};

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void bucket_add(struct buckets *b, const char *key, int64_t num)
{
	if ((b->n + 1) * 2 > b->cap) {
		struct buckets nb = {xcalloc(b->cap ? b->cap * 2 : 64, sizeof(struct bucket)), b->cap ? b->cap * 2 : 64, 0};
		for (size_t i = 0; i < b->cap; i++) {
			if (!b->v[i].key)
				continue;
			size_t j = str_hash(b->v[i].key) & (nb.cap - 1);
			while (nb.v[j].key)
				j = (j + 1) & (nb.cap - 1);
			nb.v[j] = b->v[i];
			nb.n++;
		}
		free(b->v);
		*b = nb;
	}
	size_t j = str_hash(key) & (b->cap - 1);
	while (b->v[j].key && strcmp(b->v[j].key, key) != 0)
		j = (j + 1) & (b->cap - 1);
	if (!b->v[j].key) {
		b->v[j].key = xstrdup(key);
		b->v[j].num = num;
		b->n++;
	}
	b->v[j].count++;
}

static int bucket_cmp(size_t a, size_t b, void *ctx)
{
	const struct bucket *v = ctx;
	if (v[a].count != v[b].count)
		return v[a].count > v[b].count ? -1 : 1;
	return strcmp(v[a].key, v[b].key);
}

/* One terms aggregation over the matched alerts. */
static json_t *terms_agg(const struct demo_data *d, const size_t *hits, size_t n, json_t *spec, char **err)
{
	json_t *terms = json_object_get(spec, "terms");
	const char *k;
	json_t *v;
	json_object_foreach(spec, k, v) {
		if (strcmp(k, "terms") != 0) {
			*err = xasprintf("[aggs] unsupported aggregation [%s]; the demo supports [terms] only", k);
			return NULL;
		}
	}
	const char *fname = json_string_value(json_object_get(terms, "field"));
	int f = fname ? demo_afield_lookup(fname) : -1;
	if (!json_is_object(terms) || f < 0) {
		*err = xasprintf("[terms] aggregation needs a [field] the demo knows, got [%s]", fname ? fname : "");
		return NULL;
	}
	json_t *jsize = json_object_get(terms, "size");
	size_t size = json_is_integer(jsize) && json_integer_value(jsize) >= 0 ? (size_t)json_integer_value(jsize) : 10;
	struct buckets b = {0};
	char buf[DEMO_AFIELD_BUF];
	for (size_t i = 0; i < n; i++)
		bucket_add(&b, demo_alert_str(d, &d->alerts[hits[i]], f, buf), demo_alert_num(d, &d->alerts[hits[i]], f));
	size_t *idx = xcalloc(b.n + 1, sizeof(*idx)), m = 0, other = 0;
	for (size_t i = 0; i < b.cap; i++)
		if (b.v[i].key)
			idx[m++] = i;
	demo_sort_idx(idx, m, bucket_cmp, b.v);
	json_t *arr = json_array();
	for (size_t i = 0; i < m; i++) {
		const struct bucket *bk = &b.v[idx[i]];
		if (i >= size) {
			other += bk->count;
			continue;
		}
		json_t *o = json_object();
		if (demo_afield_type(f) == DEMO_FT_KEYWORD) {
			json_object_set_new(o, "key", json_string(bk->key));
		} else {
			json_object_set_new(o, "key", json_integer(bk->num));
			if (demo_afield_type(f) == DEMO_FT_DATE)
				json_object_set_new(o, "key_as_string", demo_json_iso(bk->num));
		}
		json_object_set_new(o, "doc_count", json_integer((json_int_t)bk->count));
		json_array_append_new(arr, o);
	}
	for (size_t i = 0; i < b.cap; i++)
		free(b.v[i].key);
	free(b.v);
	free(idx);
	return json_pack("{s:i, s:I, s:o}", "doc_count_error_upper_bound", 0, "sum_other_doc_count",
			 (json_int_t)other, "buckets", arr);
}

static json_t *render_hit(const struct search *s, const struct demo_alert *a, json_t *src_spec, json_t *fields)
{
	const struct demo_data *d = s->d;
	char id[65];
	demo_alert_id(a, id);
	json_t *hit = json_pack("{s:s, s:s, s:n}", "_index", DEMO_ALERTS_INDEX, "_id", id, "_score");
	if (!json_is_false(src_spec)) {
		json_t *src = demo_alert_source(d, a);
		if (json_is_array(src_spec)) {
			json_t *f = filter_source(src, NULL, src_spec);
			json_decref(src);
			src = f;
		}
		json_object_set_new(hit, "_source", src);
	}
	if (json_array_size(fields)) {
		json_t *fo = json_object();
		for (int f = 0; f < DEMO_AF_COUNT; f++)
			if (source_wanted(fields, demo_afield_name(f)))
				json_object_set_new(fo, demo_afield_name(f), json_pack("[o]", demo_alert_value(d, a, f)));
		json_object_set_new(hit, "fields", fo);
	}
	json_t *sort = json_array();
	for (size_t i = 0; i < s->nkeys; i++) {
		int f = s->keys[i].field;
		json_array_append_new(sort, demo_afield_type(f) == DEMO_FT_KEYWORD ? demo_alert_value(d, a, f)
										   : json_integer(demo_alert_num(d, a, f)));
	}
	json_object_set_new(hit, "sort", sort);
	return hit;
}

/* The _source and fields options as arrays of patterns (or true/false for _source). */
static json_t *patterns(json_t *v)
{
	if (json_is_string(v))
		return json_pack("[O]", v);
	if (json_is_array(v)) {
		json_t *out = json_array();
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			json_t *name = json_is_object(e) ? json_object_get(e, "field") : e;
			if (json_is_string(name))
				json_array_append(out, name);
		}
		return out;
	}
	return json_incref(v);
}

static void search(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	demo_alerts_live(d, req->now_ms);
	struct demo_check c = {0};
	json_t *body = demo_check_body(&c, req);
	demo_check_obj(&c, body, "request body", "query", false);
	demo_check_obj(&c, body, "request body", "aggs", false);
	demo_check_obj(&c, body, "request body", "runtime_mappings", false);
	demo_check_bool(&c, body, "request body", "track_total_hits", false);
	long long size = 10;
	if (!demo_check_int(&c, body, "request body", "size", false, 0, 1LL << 31, &size))
		size = 10;
	json_t *src = json_object_get(body, "_source");
	if (src && !json_is_boolean(src) && !json_is_string(src) && !json_is_array(src))
		demo_check_fail(&c, "request body", "_source", "expected a boolean, a string or an array of strings");
	demo_check_arr(&c, body, "request body", "fields", false, 0, 0);
	if (demo_check_reply(&c, resp))
		return;
	if (size > 10000) {
		demo_reply_siem_error(resp, 400,
				      "Result window is too large, from + size must be less than or equal to: [10000] but was "
				      "[%lld]. See the scroll api for a more efficient way to request large data sets.",
				      size);
		return;
	}
	int64_t t0 = demo_now_ms();
	char *err = NULL;
	struct search s = {d, {{0, false}}, 0};
	struct demo_query *q = demo_query_compile(json_object_get(body, "query"), req->now_ms, &err);
	if (q && !parse_sort(&s, json_object_get(body, "sort"), &err)) {
		demo_query_free(q);
		q = NULL;
	}
	if (!q) {
		demo_reply_siem_error(resp, 400, "%s", err);
		free(err);
		return;
	}
	size_t *hits = xcalloc(d->nalerts + 1, sizeof(*hits)), n = 0;
	for (size_t i = 0; i < d->nalerts; i++)
		if (demo_query_match(q, d, &d->alerts[i]))
			hits[n++] = i;
	demo_query_free(q);
	json_t *aggs = json_object_get(body, "aggs") ? json_object_get(body, "aggs") : json_object_get(body, "aggregations");
	json_t *aggout = NULL;
	if (json_is_object(aggs)) {
		aggout = json_object();
		const char *name;
		json_t *spec;
		json_object_foreach(aggs, name, spec) {
			json_t *r = terms_agg(d, hits, n, spec, &err);
			if (!r) {
				json_decref(aggout);
				free(hits);
				demo_reply_siem_error(resp, 400, "%s", err);
				free(err);
				return;
			}
			json_object_set_new(aggout, name, r);
		}
	}
	/* Only the hits returned need ordering: the first size of them, then render those. */
	demo_sort_first(hits, n, (size_t)size, hit_cmp, &s);
	json_t *src_spec = patterns(src), *fields = patterns(json_object_get(body, "fields"));
	json_t *arr = json_array();
	for (size_t i = 0; i < n && i < (size_t)size; i++)
		json_array_append_new(arr, render_hit(&s, &d->alerts[hits[i]], src_spec, fields));
	json_decref(src_spec);
	json_decref(fields);
	free(hits);
	json_t *track = json_object_get(body, "track_total_hits");
	json_t *hitsobj = json_object();
	if (!json_is_false(track)) {
		bool capped = !json_is_true(track) && n > 10000;
		json_object_set_new(hitsobj, "total", json_pack("{s:I, s:s}", "value", (json_int_t)(capped ? 10000 : n),
								"relation", capped ? "gte" : "eq"));
	}
	json_object_set_new(hitsobj, "max_score", json_null());
	json_object_set_new(hitsobj, "hits", arr);
	json_t *out = json_pack("{s:I, s:b, s:{s:i, s:i, s:i, s:i}, s:o}", "took", (json_int_t)(demo_now_ms() - t0),
				"timed_out", 0, "_shards", "total", 1, "successful", 1, "skipped", 0, "failed", 0, "hits",
				hitsobj);
	if (aggout)
		json_object_set_new(out, "aggregations", aggout);
	demo_reply_json(resp, 200, out);
}

static void set_status(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const statuses[] = {"open", "closed", "acknowledged", "in-progress", NULL};
	static const char *const conflicts[] = {"abort", "proceed", NULL};
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	json_t *body = demo_check_body(&c, req);
	int st = demo_check_enum(&c, body, "request body", "status", true, statuses);
	json_t *ids = demo_check_strv(&c, body, "request body", "signal_ids", false, 1, 0, true);
	json_t *query = demo_check_obj(&c, body, "request body", "query", false);
	demo_check_enum(&c, body, "request body", "conflicts", false, conflicts);
	if (!c.err && !ids == !query)
		demo_check_fail(&c, "request body", NULL, ids ? "give either [signal_ids] or [query], not both"
							     : "either [signal_ids] or [query] is required");
	if (demo_check_reply(&c, resp))
		return;
	/* Kibana stores in-progress as acknowledged. */
	int status = demo_workflow_parse(statuses[st]);
	int64_t t0 = demo_now_ms();
	size_t updated = 0;
	if (ids) {
		size_t i;
		json_t *it;
		json_array_foreach(ids, i, it) {
			updated += demo_alert_set_status(d, json_string_value(it), status);
		}
	} else {
		char *err = NULL;
		struct demo_query *q = demo_query_compile(query, req->now_ms, &err);
		if (!q) {
			demo_reply_siem_error(resp, 400, "%s", err);
			free(err);
			return;
		}
		for (size_t i = 0; i < d->nalerts; i++) {
			if (demo_query_match(q, d, &d->alerts[i])) {
				d->alerts[i].status = (uint8_t)status;
				updated++;
			}
		}
		demo_query_free(q);
	}
	json_t *out = json_pack("{s:I, s:b, s:I, s:I, s:i, s:i, s:i, s:i, s:{s:i, s:i}, s:i, s:f, s:i, s:[]}",
				"took", (json_int_t)(demo_now_ms() - t0), "timed_out", 0, "total", (json_int_t)updated,
				"updated", (json_int_t)updated, "deleted", 0, "batches", updated ? 1 : 0,
				"version_conflicts", 0, "noops", 0, "retries", "bulk", 0, "search", 0,
				"throttled_millis", 0, "requests_per_second", -1.0, "throttled_until_millis", 0,
				"failures");
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_search_routes[] = {
	{"POST", "/api/detection_engine/signals/search", search, DEMO_R_JSON_BODY | DEMO_R_READS | DEMO_R_LIVE},
	{"POST", "/api/detection_engine/signals/status", set_status, DEMO_R_JSON_BODY},
	{NULL, NULL, NULL, 0},
};
