#include "config.h"
#include "api/alerts_req.h"
#include "api/alerts.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Fields the free-text search looks in (naming them keeps Elasticsearch from expanding "*" to every field). */
static const char *const alerts_text_fields[] = {
	"kibana.alert.rule.name", "kibana.alert.reason", "host.name", "user.name", "process.name",
	"process.command_line", "file.path", NULL,
};

char *alerts_since_check(const char *since)
{
	size_t n = since ? strlen(since) : 0;
	size_t digits = since ? strspn(since, "0123456789") : 0;
	if (n < 2 || digits != n - 1 || !strchr("smhdw", since[n - 1]))
		return xasprintf("--since takes a number and a unit (s, m, h, d or w), e.g. 24h or 7d, not \"%s\"",
				 since ? since : "");
	return NULL;
}

static json_t *alerts_terms(const char *field, const char *const *vals, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(vals[i]));
	return json_pack("{s:{s:o}}", "terms", field, a);
}

static json_t *alerts_term(const char *field, json_t *value)
{
	return json_pack("{s:{s:o}}", "term", field, value);
}

/* The keyset condition: strictly after the last hit in (@timestamp desc, kibana.alert.uuid asc) order. */
static json_t *alerts_after(json_t *after)
{
	json_t *ts = json_array_get(after, 0), *uuid = json_array_get(after, 1);
	json_t *older = json_pack("{s:{s:{s:O}}}", "range", "@timestamp", "lt", ts);
	json_t *same = json_pack("{s:{s:[o, o]}}", "bool", "filter", alerts_term("@timestamp", json_incref(ts)),
				 json_pack("{s:{s:{s:O}}}", "range", "kibana.alert.uuid", "gt", uuid));
	return json_pack("{s:{s:[o, o], s:i}}", "bool", "should", older, same, "minimum_should_match", 1);
}

/* The keyset condition the other way: ahead of a hit in that order, that is newer (or as new, with a lower uuid). */
static json_t *alerts_before(json_t *before)
{
	json_t *ts = json_array_get(before, 0), *uuid = json_array_get(before, 1);
	json_t *newer = json_pack("{s:{s:{s:O}}}", "range", "@timestamp", "gt", ts);
	json_t *same = json_pack("{s:{s:[o, o]}}", "bool", "filter", alerts_term("@timestamp", json_incref(ts)),
				 json_pack("{s:{s:{s:O}}}", "range", "kibana.alert.uuid", "lt", uuid));
	return json_pack("{s:{s:[o, o], s:i}}", "bool", "should", newer, same, "minimum_should_match", 1);
}

static json_t *alerts_query(const struct alerts_query *q)
{
	json_t *filter = json_array();
	if (q->since || q->from || q->to) {
		json_t *range = json_object();
		if (q->since) {
			char *math = xasprintf("now-%s", q->since);
			json_object_set_new(range, "gte", json_string(math));
			free(math);
		} else if (q->from) {
			json_object_set_new(range, "gte", json_string(q->from));
		}
		if (q->to)
			json_object_set_new(range, "lte", json_string(q->to));
		json_array_append_new(filter, json_pack("{s:{s:o}}", "range", "@timestamp", range));
	}
	if (q->n_statuses)
		json_array_append_new(filter, alerts_terms("kibana.alert.workflow_status", q->statuses, q->n_statuses));
	if (q->n_severities)
		json_array_append_new(filter, alerts_terms("kibana.alert.severity", q->severities, q->n_severities));
	if (q->rule)
		json_array_append_new(filter, alerts_term("kibana.alert.rule.name", json_string(q->rule)));
	if (q->host)
		json_array_append_new(filter, alerts_term("host.name", json_string(q->host)));
	if (q->user)
		json_array_append_new(filter, alerts_term("user.name", json_string(q->user)));
	if (q->n_ids) {
		json_t *vals = json_array();
		for (size_t i = 0; i < q->n_ids; i++)
			json_array_append_new(vals, json_string(q->ids[i]));
		json_array_append_new(filter, json_pack("{s:{s:o}}", "ids", "values", vals));
	}
	if (json_array_size(q->after) >= 2)
		json_array_append_new(filter, alerts_after(q->after));
	if (json_array_size(q->before) >= 2)
		json_array_append_new(filter, alerts_before(q->before));
	json_t *must = json_array();
	if (q->search && *q->search) {
		json_t *fields = json_array();
		for (int i = 0; alerts_text_fields[i]; i++)
			json_array_append_new(fields, json_string(alerts_text_fields[i]));
		json_array_append_new(must, json_pack("{s:{s:s, s:o, s:s}}", "simple_query_string", "query", q->search,
						      "fields", fields, "default_operator", "and"));
	}
	if (!json_array_size(filter) && !json_array_size(must)) {
		json_decref(filter);
		json_decref(must);
		return json_pack("{s:{}}", "match_all");
	}
	json_t *b = json_object();
	if (json_array_size(filter))
		json_object_set_new(b, "filter", filter);
	else
		json_decref(filter);
	if (json_array_size(must))
		json_object_set_new(b, "must", must);
	else
		json_decref(must);
	return json_pack("{s:o}", "bool", b);
}

json_t *alerts_query_body(const struct alerts_query *q)
{
	/*
	 * Kibana's route forwards only query, aggs, _source, fields, track_total_hits, size,
	 * runtime_mappings and sort to Elasticsearch: search_after and from are dropped, so
	 * later pages are asked for with a keyset condition inside the query instead.
	 */
	json_t *sort = json_pack("[{s:{s:s}}, {s:{s:s}}]", "@timestamp", "order", "desc", "kibana.alert.uuid", "order",
				 "asc");
	return json_pack("{s:o, s:o, s:I, s:b}", "query", alerts_query(q), "sort", sort, "size",
			 (json_int_t)(q->size > 0 ? q->size : ALERTS_PAGE_SIZE), "track_total_hits", 1);
}

struct api_request *alerts_search_request(const struct alerts_query *q)
{
	struct api_request *req = api_request_new(HTTP_POST, "/api/detection_engine/signals/search");
	api_request_set_json(req, alerts_query_body(q));
	api_request_set_model(req, &alerts_page_model);
	return req;
}

struct api_request *alerts_status_request(const char *const *ids, size_t n, const char *status)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n && i < ALERTS_STATUS_CHUNK; i++)
		json_array_append_new(a, json_string(ids[i]));
	struct api_request *req = api_request_new(HTTP_POST, "/api/detection_engine/signals/status");
	api_request_set_json(req, json_pack("{s:o, s:s}", "signal_ids", a, "status", status));
	api_request_set_model(req, &alerts_status_model);
	return req;
}
