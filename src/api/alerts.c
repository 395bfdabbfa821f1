#include "config.h"
#include "api/alerts.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const alerts_status_names[] = {"open", "acknowledged", "closed", NULL};
const char *const alerts_severity_names[] = {"low", "medium", "high", "critical", NULL};

bool alerts_status_ok(const char *s)
{
	for (int i = 0; s && alerts_status_names[i]; i++)
		if (strcmp(s, alerts_status_names[i]) == 0)
			return true;
	return false;
}

char *alerts_field_text(json_t *source, const char *dotted)
{
	json_t *v = kjson_path(source, dotted);
	/* ECS allows any field to hold an array of values; the first one stands for the field. */
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (!v || json_is_null(v) || json_is_object(v) || json_is_array(v))
		return NULL;
	return kjson_text(v);
}

/* A numeric ECS field (numbers, or numeric strings as some shippers send them); dflt when absent. */
static double alerts_field_num(json_t *source, const char *dotted, double dflt)
{
	json_t *v = kjson_path(source, dotted);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_number(v))
		return json_number_value(v);
	if (json_is_string(v)) {
		char *end;
		double d = strtod(json_string_value(v), &end);
		if (end != json_string_value(v) && !*end)
			return d;
	}
	return dflt;
}

void alerts_alert_clear(struct alert *a)
{
	free(a->id);
	free(a->index);
	free(a->timestamp);
	free(a->rule_name);
	free(a->rule_uuid);
	free(a->severity);
	free(a->workflow_status);
	free(a->reason);
	free(a->host_name);
	free(a->user_name);
	free(a->process_name);
	free(a->entity_id);
	free(a->agent_id);
	json_decref(a->source);
	json_decref(a->sort);
	free(a->problem);
	memset(a, 0, sizeof(*a));
}

void alerts_alert_copy(struct alert *dst, const struct alert *src)
{
	*dst = *src;
	dst->id = xstrdup(src->id);
	dst->index = xstrdup(src->index);
	dst->timestamp = xstrdup(src->timestamp);
	dst->rule_name = xstrdup(src->rule_name);
	dst->rule_uuid = xstrdup(src->rule_uuid);
	dst->severity = xstrdup(src->severity);
	dst->workflow_status = xstrdup(src->workflow_status);
	dst->reason = xstrdup(src->reason);
	dst->host_name = xstrdup(src->host_name);
	dst->user_name = xstrdup(src->user_name);
	dst->process_name = xstrdup(src->process_name);
	dst->entity_id = xstrdup(src->entity_id);
	dst->agent_id = xstrdup(src->agent_id);
	dst->source = json_incref(src->source);
	dst->sort = json_incref(src->sort);
	dst->problem = xstrdup(src->problem);
}

/* One hit: _id and _index are what every later action needs (attaching takes the index); the ECS fields vary. */
static void alerts_read_hit(struct kjson_reader *r, json_t *hit, void *elem)
{
	struct alert *a = elem;
	memset(a, 0, sizeof(*a));
	a->risk_score = -1;
	a->pid = -1;
	if (!json_is_object(hit)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(hit));
		return;
	}
	a->id = kjson_str(r, hit, "_id", KJ_REQ);
	a->index = kjson_str(r, hit, "_index", KJ_REQ);
	json_t *src = kjson_obj(r, hit, "_source", KJ_ANY);
	json_t *sort = kjson_arr(r, hit, "sort", KJ_ANY);
	a->source = src ? json_incref(src) : json_object();
	a->sort = sort ? json_incref(sort) : NULL;
	a->timestamp = alerts_field_text(a->source, "@timestamp");
	a->rule_name = alerts_field_text(a->source, "kibana.alert.rule.name");
	a->rule_uuid = alerts_field_text(a->source, "kibana.alert.rule.uuid");
	a->severity = alerts_field_text(a->source, "kibana.alert.severity");
	a->risk_score = alerts_field_num(a->source, "kibana.alert.risk_score", -1);
	a->workflow_status = alerts_field_text(a->source, "kibana.alert.workflow_status");
	a->reason = alerts_field_text(a->source, "kibana.alert.reason");
	a->host_name = alerts_field_text(a->source, "host.name");
	a->user_name = alerts_field_text(a->source, "user.name");
	a->process_name = alerts_field_text(a->source, "process.name");
	a->pid = (long long)alerts_field_num(a->source, "process.pid", -1);
	a->entity_id = alerts_field_text(a->source, "process.entity_id");
	a->agent_id = alerts_field_text(a->source, "agent.id");
}

/* hits.total: an object {value, relation} since Elasticsearch 7, a bare number before. */
static void alerts_read_total(struct kjson_reader *r, json_t *hits, struct alert_page *p)
{
	json_t *t = json_object_get(hits, "total");
	if (!t || json_is_null(t)) {
		p->total = -1;
		return;
	}
	if (json_is_integer(t)) {
		p->total = json_integer_value(t);
		return;
	}
	if (!json_is_object(t)) {
		kjson_fail(r, "\"total\" must be an object or a number, got %s", kjson_type_name(t));
		return;
	}
	p->total = kjson_int(r, t, "value", KJ_REQ, 0);
	char *rel = kjson_str(r, t, "relation", KJ_OPT);
	p->total_is_floor = rel && strcmp(rel, "gte") == 0;
	free(rel);
}

static void alerts_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct alert_page *p = out;
	json_t *hits = kjson_obj(r, j, "hits", KJ_REQ);
	if (hits) {
		kjson_reader_at(r, "alerts search response.hits");
		alerts_read_total(r, hits, p);
	}
	json_t *a = hits ? kjson_arr(r, hits, "hits", KJ_REQ) : NULL;
	if (!r->err && a)
		p->alerts = kjson_read_rows(a, "alerts search response.hits.hits", sizeof(*p->alerts), alerts_read_hit,
					    offsetof(struct alert, problem), &p->n, &p->bad);
	if (!r->err && p->total < 0)
		p->total = (long long)p->n;
}

static void alerts_page_clear(void *out)
{
	struct alert_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		alerts_alert_clear(&p->alerts[i]);
	free(p->alerts);
	memset(p, 0, sizeof(*p));
}

const struct kmodel alerts_page_model = {
	.what = "alerts search response",
	.size = sizeof(struct alert_page),
	.read = alerts_page_read,
	.clear = alerts_page_clear,
};

static void alerts_status_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct alert_status_result *s = out;
	if (!kjson_want_object(r, j))
		return;
	/* The raw update-by-query answer (open_close_signals_route.ts); "updated" is always there, but a body
	 * without it is reported as "not said", not as a failure. */
	s->updated = kjson_int(r, j, "updated", KJ_ANY, -1);
	s->version_conflicts = kjson_int(r, j, "version_conflicts", KJ_ANY, 0);
	json_t *f = kjson_arr(r, j, "failures", KJ_ANY);
	s->n_failures = f ? json_array_size(f) : 0;
}

const struct kmodel alerts_status_model = {
	.what = "alerts status response",
	.size = sizeof(struct alert_status_result),
	.read = alerts_status_read,
};
