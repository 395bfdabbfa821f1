#include "config.h"
#include "demo/demo_case.h"
#include "core/xalloc.h"
#include "demo/demo_alerts.h"
#include "demo/demo_casepush.h"
#include "demo/demo_data.h"
#include "demo/demo_history.h"
#include "demo/demo_spaces.h"
#include "demo/demo_http.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const severities[] = {"low", "medium", "high", "critical"};

/* The case configuration's custom fields: key and type. */
static const struct {
	const char *key, *type;
} custom_fields[] = {
	{"incident_ref", "text"},
	{"customer_impact", "toggle"},
	{"ticket_url", "text"},
};
#define N_CUSTOM (sizeof(custom_fields) / sizeof(custom_fields[0]))

json_t *demo_case_get(const struct demo_data *d, const char *id)
{
	size_t i;
	json_t *c;
	json_array_foreach(d->cases, i, c) {
		if (strcmp(demo_jstr(c, "id"), id) == 0)
			return c;
	}
	return NULL;
}

char *demo_case_not_found(const char *id)
{
	return xasprintf("Saved object [cases/%s] not found", id);
}

json_t *demo_case_comments(json_t *c)
{
	return json_object_get(c, "_comments");
}

/* The connector part of a case for a stored connector (NULL: none). */
static json_t *case_connector(struct demo_rng *r, json_t *conn)
{
	const char *type = conn ? demo_jstr(conn, "connector_type_id") : ".none";
	json_t *fields;
	if (strcmp(type, ".jira") == 0)
		fields = json_pack("{s:s, s:s, s:n}", "issueType", "10006", "priority",
				   demo_rng_chance(r, 50) ? "High" : "Highest", "parent");
	else if (strcmp(type, ".servicenow") == 0)
		fields = json_pack("{s:s, s:s, s:s, s:s, s:n}", "impact", "2", "severity", "2", "urgency", "1",
				   "category", "security", "subcategory");
	else if (strcmp(type, ".servicenow-sir") == 0)
		fields = json_pack("{s:s, s:b, s:b, s:b, s:s, s:b, s:n}", "category", "Malicious Software", "destIp", 1,
				   "malwareHash", 1, "malwareUrl", 0, "priority", "2", "sourceIp", 1, "subcategory");
	else if (strcmp(type, ".resilient") == 0)
		fields = json_pack("{s:[s], s:s}", "issueTypes", "21", "severityCode", "5");
	else if (strcmp(type, ".swimlane") == 0)
		fields = json_pack("{s:n}", "caseId");
	else
		fields = json_null();
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(conn ? demo_jstr(conn, "id") : "none"));
	json_object_set_new(o, "name", json_string(conn ? demo_jstr(conn, "name") : "none"));
	json_object_set_new(o, "type", json_string(type));
	json_object_set_new(o, "fields", fields);
	return o;
}

/* Up to max ids of alerts on host h (or any host when it has none). */
static json_t *pick_alerts(const struct demo_data *d, struct demo_rng *r, size_t h, size_t max)
{
	json_t *ids = json_array();
	if (!d->nalerts)
		return ids;
	size_t start = demo_rng_below(r, (uint32_t)d->nalerts);
	for (size_t k = 0; k < d->nalerts && json_array_size(ids) < max; k++) {
		const struct demo_alert *a = &d->alerts[(start + k) % d->nalerts];
		if (a->host == h || k > 4096) {
			char id[65];
			demo_alert_id(a, id);
			json_array_append_new(ids, json_string(id));
		}
	}
	return ids;
}

static json_t *gen_comment(struct demo_data *d, struct demo_rng *r, size_t host, const char *owner, int64_t at)
{
	char id[37];
	demo_uuid(r, id);
	json_t *c = json_object();
	json_object_set_new(c, "id", json_string(id));
	char *v = demo_so_version(d->seq++, 1);
	json_object_set_new(c, "version", json_string(v));
	free(v);
	json_t *alerts = d->nalerts && demo_rng_chance(r, 45) ? pick_alerts(d, r, host, 1 + demo_rng_below(r, 3)) : NULL;
	if (json_array_size(alerts)) {
		json_object_set_new(c, "type", json_string("alert"));
		json_object_set_new(c, "alertId", alerts);
		json_t *idx = json_array();
		for (size_t i = 0; i < json_array_size(alerts); i++)
			json_array_append_new(idx, json_string(DEMO_ALERTS_INDEX));
		json_object_set_new(c, "index", idx);
		long a = demo_alert_find(d, json_string_value(json_array_get(alerts, 0)));
		uint8_t rule = d->alerts[a].rule;
		json_object_set_new(c, "rule", json_pack("{s:s, s:s}", "id", d->rule_uuids[rule], "name",
							 d->rule_names[rule]));
	} else {
		json_decref(alerts);
		json_object_set_new(c, "type", json_string("user"));
		json_object_set_new(c, "comment",
				    demo_data_jtext(d, r, demo_comment_texts[demo_rng_below(r, (uint32_t)demo_n_comment_texts)]));
	}
	json_object_set_new(c, "owner", json_string(owner));
	json_object_set_new(c, "created_at", demo_json_iso(at));
	json_object_set_new(c, "created_by", demo_data_user(d, (int)demo_rng_below(r, (uint32_t)d->npeople)));
	json_object_set_new(c, "pushed_at", json_null());
	json_object_set_new(c, "pushed_by", json_null());
	json_object_set_new(c, "updated_at", json_null());
	json_object_set_new(c, "updated_by", json_null());
	return c;
}

json_t *demo_case_external(struct demo_rng *r, json_t *conn, int64_t at, json_t *by)
{
	const char *type = demo_jstr(conn, "connector_type_id");
	json_t *cfg = json_object_get(conn, "config");
	const char *base = demo_jstr(cfg, "apiUrl");
	unsigned n = 100 + demo_rng_below(r, 9800);
	char id[64], title[64], *url;
	if (strcmp(type, ".jira") == 0) {
		snprintf(id, sizeof(id), "%u", 10000 + n);
		snprintf(title, sizeof(title), "%s-%u", demo_jstr(cfg, "projectKey"), n);
		url = xasprintf("%s/browse/%s", base, title);
	} else if (strcmp(type, ".servicenow") == 0 || strcmp(type, ".servicenow-sir") == 0) {
		unsigned char raw[16];
		for (size_t i = 0; i < 16; i++)
			raw[i] = (unsigned char)demo_rng_below(r, 256);
		demo_hex(raw, 16, id);
		bool sir = type[11] == '-';
		snprintf(title, sizeof(title), "%s%07u", sir ? "SIR" : "INC", 10000 + n);
		url = xasprintf("%s/nav_to.do?uri=%s.do?sys_id=%s", base, sir ? "sn_si_incident" : "incident", id);
	} else if (strcmp(type, ".resilient") == 0) {
		snprintf(id, sizeof(id), "%u", 2000 + n);
		snprintf(title, sizeof(title), "%u", 2000 + n);
		url = xasprintf("%s/#incidents/%s", base, id);
	} else if (strcmp(type, ".swimlane") == 0) {
		snprintf(id, sizeof(id), "aQ%08xZk", (unsigned)demo_rng_next(r));
		snprintf(title, sizeof(title), "SOC-%u", n);
		url = xasprintf("%s/record/%s/%s", base, demo_jstr(cfg, "appId"), id);
	} else {
		snprintf(id, sizeof(id), "~%u", 4000 + n);
		snprintf(title, sizeof(title), "CASE-%u", n);
		url = xasprintf("https://thehive.acme.example/cases/%s", title);
	}
	json_t *o = json_object();
	json_object_set_new(o, "connector_id", json_string(demo_jstr(conn, "id")));
	json_object_set_new(o, "connector_name", json_string(demo_jstr(conn, "name")));
	json_object_set_new(o, "external_id", json_string(id));
	json_object_set_new(o, "external_title", json_string(title));
	json_object_set_new(o, "external_url", json_string(url));
	json_object_set_new(o, "pushed_at", demo_json_iso(at));
	json_object_set_new(o, "pushed_by", by);
	free(url);
	return o;
}

static json_t *gen_case(struct demo_data *d, struct demo_rng *r, json_t *case_conns)
{
	static const char *const owners[] = {"securitySolution", "observability", "cases"};
	char id[37];
	demo_uuid(r, id);
	size_t host = demo_rng_below(r, (uint32_t)d->nhosts);
	const char *hostname = d->hosts[host].hostname;
	int64_t created = d->now_ms - demo_rng_range(r, 3600000LL, 45 * 86400000LL);
	uint32_t roll = demo_rng_below(r, 100);
	const char *status = roll < 50 ? "open" : roll < 75 ? "in-progress" : "closed";
	roll = demo_rng_below(r, 100);
	const char *owner = owners[roll < 85 ? 0 : roll < 95 ? 1 : 2];
	json_t *c = json_object();
	json_object_set_new(c, "id", json_string(id));
	char *v = demo_so_version(d->seq++, 1 + demo_rng_below(r, 3));
	json_object_set_new(c, "version", json_string(v));
	free(v);
	uint32_t theme = demo_rng_below(r, (uint32_t)demo_n_case_titles);
	char *title = demo_subst(demo_case_titles[theme], hostname);
	json_object_set_new(c, "title", demo_data_jtext(d, r, title));
	free(title);
	char *desc = demo_subst(demo_case_descriptions[theme % demo_n_case_descriptions], hostname);
	json_object_set_new(c, "description", demo_data_jtext(d, r, desc));
	free(desc);
	json_t *tags = json_array();
	for (uint32_t k = demo_rng_below(r, 5); k > 0; k--) {
		const char *t = demo_case_tags[demo_rng_below(r, (uint32_t)demo_n_case_tags)];
		bool dup = false;
		for (size_t j = 0; j < json_array_size(tags); j++)
			dup = dup || strstr(json_string_value(json_array_get(tags, j)), t) != NULL;
		if (!dup)
			json_array_append_new(tags, demo_data_jtext(d, r, t));
	}
	json_object_set_new(c, "tags", tags);
	roll = demo_rng_below(r, 100);
	json_object_set_new(c, "severity", json_string(severities[roll < 30 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3]));
	json_object_set_new(c, "status", json_string(status));
	json_object_set_new(c, "owner", json_string(owner));
	json_t *assignees = json_array();
	for (uint32_t k = demo_rng_below(r, 4), first = 1 + demo_rng_below(r, (uint32_t)d->npeople - 1); k > 0; k--)
		json_array_append_new(assignees, json_pack("{s:s}", "uid", d->people[(first + k) % d->npeople].uid));
	json_object_set_new(c, "assignees", assignees);
	json_object_set_new(c, "category",
			    demo_rng_chance(r, 60)
				    ? demo_data_jtext(d, r, demo_case_categories[demo_rng_below(r, (uint32_t)demo_n_case_categories)])
				    : json_null());
	int creator = (int)demo_rng_below(r, (uint32_t)d->npeople);
	json_object_set_new(c, "created_at", demo_json_iso(created));
	json_object_set_new(c, "created_by", demo_data_user(d, creator));
	int64_t updated =
		created +
		demo_rng_range(r, 60000, d->now_ms - created - 1000 > 60000 ? d->now_ms - created - 1000 : 60000);
	bool touched = demo_rng_chance(r, 80) || strcmp(status, "open") != 0;
	json_object_set_new(c, "updated_at", touched ? demo_json_iso(updated) : json_null());
	json_object_set_new(c, "updated_by",
			    touched ? demo_data_user(d, (int)demo_rng_below(r, (uint32_t)d->npeople)) : json_null());
	bool closed = strcmp(status, "closed") == 0;
	json_object_set_new(c, "closed_at", closed ? demo_json_iso(updated) : json_null());
	json_object_set_new(c, "closed_by", closed ? demo_data_user(d, creator) : json_null());
	json_object_set_new(c, "duration", closed ? json_integer((updated - created) / 1000) : json_null());
	json_t *conn = demo_rng_chance(r, 55)
			       ? json_array_get(case_conns, demo_rng_below(r, (uint32_t)json_array_size(case_conns)))
			       : NULL;
	json_object_set_new(c, "connector", case_connector(r, conn));
	json_object_set_new(c, "settings", json_pack("{s:b}", "syncAlerts", demo_rng_chance(r, 80)));
	json_t *cf = json_array();
	if (demo_rng_chance(r, 40)) {
		char ref[32];
		snprintf(ref, sizeof(ref), "IR-2024-%04u", demo_rng_below(r, 10000));
		json_array_append_new(cf, json_pack("{s:s, s:s, s:s}", "key", "incident_ref", "type", "text", "value", ref));
		json_array_append_new(cf, json_pack("{s:s, s:s, s:b}", "key", "customer_impact", "type", "toggle", "value",
						    demo_rng_chance(r, 30)));
		json_array_append_new(cf, json_pack("{s:s, s:s, s:n}", "key", "ticket_url", "type", "text", "value"));
	}
	json_object_set_new(c, "customFields", cf);
	json_t *comments = json_array();
	uint32_t ncom = demo_rng_below(r, 9);
	for (uint32_t k = 0; k < ncom; k++)
		json_array_append_new(comments,
				      gen_comment(d, r, host, owner,
						  created + (int64_t)(k + 1) * (updated - created) / (ncom + 1)));
	json_object_set_new(c, "_comments", comments);
	bool pushable = conn && !json_object_get(conn, "_push_error");
	if (pushable && demo_rng_chance(r, 60)) {
		int64_t at = updated - (updated - created) / 4;
		json_object_set_new(c, "external_service", demo_case_external(r, conn, at, demo_data_user(d, creator)));
		size_t i;
		json_t *cm;
		json_array_foreach(comments, i, cm) {
			if (i * 2 < json_array_size(comments)) {
				json_object_set_new(cm, "pushed_at", demo_json_iso(at));
				json_object_set_new(cm, "pushed_by", demo_data_user(d, creator));
			}
		}
	} else {
		json_object_set_new(c, "external_service", json_null());
	}
	return c;
}

void demo_cases_generate(struct demo_data *d, unsigned n)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_CASES);
	json_t *case_conns = json_array();
	size_t i;
	json_t *conn;
	json_array_foreach(d->connectors, i, conn) {
		/* TheHive takes cases (the push form offers it), but no seeded case is set to it: the spec's
		 * case connector schema lacks .thehive (tests/contract/README.md), and the seeded data stays
		 * what it was before TheHive joined the demo. */
		const char *type = demo_jstr(conn, "connector_type_id");
		if (demo_case_connector_type(type) && strcmp(type, ".thehive") != 0)
			json_array_append(case_conns, conn);
	}
	d->cases = json_array();
	for (unsigned k = 0; k < n; k++)
		json_array_append_new(d->cases, gen_case(d, &r, case_conns));
	/* A few cases live in the second space, from their own stream so the default space's stay the same. */
	struct demo_rng sr;
	demo_rng_seed(&sr, d->seed, DEMO_STREAM_SPACES);
	for (unsigned k = 0; k < DEMO_SPACE_CASES && n; k++) {
		json_t *c = gen_case(d, &sr, case_conns);
		json_object_set_new(c, "_space", json_string(DEMO_SECOND_SPACE));
		json_array_append_new(d->cases, c);
	}
	json_decref(case_conns);
	demo_history_generate(d);
}

bool demo_case_in_space(json_t *c, const char *space)
{
	const char *s = demo_jstr(c, "_space");
	return strcmp(s ? s : "default", space ? space : "default") == 0;
}

json_t *demo_case_render(const struct demo_data *d, json_t *c, enum demo_case_comments mode)
{
	(void)d;
	json_t *out = demo_public(c);
	json_t *comments = demo_case_comments(c);
	size_t users = 0, alerts = 0, i;
	json_t *cm;
	json_array_foreach(comments, i, cm) {
		if (strcmp(demo_jstr(cm, "type"), "alert") == 0)
			alerts += json_array_size(json_object_get(cm, "alertId"));
		else
			users++;
	}
	json_object_set_new(out, "comments", mode == DEMO_CASE_ALL_COMMENTS ? json_deep_copy(comments) : json_array());
	json_object_set_new(out, "totalAlerts", json_integer((json_int_t)alerts));
	json_object_set_new(out, "totalComment", json_integer((json_int_t)users));
	return out;
}

void demo_case_touch(struct demo_data *d, json_t *c, int64_t now_ms)
{
	char *v = demo_data_version(d);
	json_object_set_new(c, "version", json_string(v));
	free(v);
	json_object_set_new(c, "updated_at", demo_json_iso(now_ms));
	json_object_set_new(c, "updated_by", demo_data_user(d, 0));
}

void demo_case_sync_alerts(struct demo_data *d, json_t *c)
{
	if (!json_is_true(json_object_get(json_object_get(c, "settings"), "syncAlerts")))
		return;
	int status = demo_workflow_parse(demo_jstr(c, "status"));
	size_t i, j;
	json_t *cm, *id;
	json_array_foreach(demo_case_comments(c), i, cm) {
		json_array_foreach(json_object_get(cm, "alertId"), j, id) {
			demo_alert_set_status(d, json_string_value(id), status);
		}
	}
}

/* The connector fields each case connector type requires: key and kind (s: string|null, b: bool|null, a: strings,
 * n: number|null). */
static const struct {
	const char *type;
	const char *keys[8];
	const char *kinds;
} connector_fields[] = {
	{".jira", {"issueType", "priority", "parent"}, "sss"},
	{".servicenow", {"impact", "severity", "urgency", "category", "subcategory"}, "sssss"},
	{".servicenow-sir", {"category", "destIp", "malwareHash", "malwareUrl", "priority", "sourceIp", "subcategory"},
	 "sbbbsbs"},
	{".resilient", {"issueTypes", "severityCode"}, "as"},
	{".swimlane", {"caseId"}, "s"},
	{".thehive", {"tlp"}, "n"},
};

bool demo_case_check_connector(struct demo_check *chk, json_t *conn, const char *where)
{
	static const char *const types[] = {".none", ".cases-webhook", ".jira", ".resilient", ".servicenow",
					    ".servicenow-sir", ".swimlane", ".thehive", NULL};
	char *w = xasprintf("%s.connector", where);
	demo_check_str(chk, conn, w, "id", true, 0, false);
	demo_check_str(chk, conn, w, "name", true, 0, false);
	int t = demo_check_enum(chk, conn, w, "type", true, types);
	json_t *fields = json_object_get(conn, "fields");
	if (!chk->err && !fields)
		demo_check_fail(chk, w, "fields", "expected value of type [Object] but got [undefined]");
	if (!chk->err && t <= 1 && !json_is_null(fields))
		demo_check_fail(chk, w, "fields", "expected [null] for connector type [%s]", types[t]);
	for (size_t i = 0; !chk->err && t > 1 && i < sizeof(connector_fields) / sizeof(connector_fields[0]); i++) {
		if (strcmp(connector_fields[i].type, types[t]) != 0)
			continue;
		if (json_is_null(fields) && t == 3)
			break;
		char *fw = xasprintf("%s.fields", w);
		if (!json_is_object(fields))
			demo_check_fail(chk, w, "fields", "expected a plain object value, but found [%s] instead.",
					json_is_null(fields) ? "null" : "another type");
		for (size_t k = 0; !chk->err && connector_fields[i].keys[k]; k++) {
			const char *key = connector_fields[i].keys[k];
			json_t *v = json_object_get(fields, key);
			char kind = connector_fields[i].kinds[k];
			bool ok = v && (json_is_null(v) || (kind == 's' && json_is_string(v)) ||
					(kind == 'b' && json_is_boolean(v)) || (kind == 'a' && json_is_array(v)) ||
					(kind == 'n' && json_is_number(v)));
			if (!ok)
				demo_check_fail(chk, fw, key, "expected value of type [%s] but got [%s]",
						kind == 'b' ? "boolean" : kind == 'a' ? "array" : kind == 'n' ? "number" : "string",
						v ? "another type" : "undefined");
		}
		free(fw);
	}
	free(w);
	return !chk->err;
}

bool demo_case_check_custom_fields(struct demo_check *chk, json_t *cf, const char *where)
{
	if (!json_is_array(cf) || json_array_size(cf) > 10) {
		demo_check_fail(chk, where, "customFields", "expected an array of at most 10 custom fields");
		return false;
	}
	size_t i;
	json_t *f;
	json_array_foreach(cf, i, f) {
		char *w = xasprintf("%s.customFields.%zu", where, i);
		const char *key = demo_check_str(chk, f, w, "key", true, 0, false);
		int type = demo_check_enum(chk, f, w, "type", true, (const char *const[]){"text", "toggle", NULL});
		json_t *v = json_object_get(f, "value");
		size_t k;
		for (k = 0; key && k < N_CUSTOM && strcmp(custom_fields[k].key, key) != 0; k++)
			;
		if (!chk->err && k == N_CUSTOM)
			demo_check_fail(chk, w, "key", "Invalid custom field keys: %s", key);
		else if (!chk->err && strcmp(custom_fields[k].type, type ? "toggle" : "text") != 0)
			demo_check_fail(chk, w, "type", "The following custom fields have the wrong type in the request: \"%s\"", key);
		else if (!chk->err && !(json_is_null(v) || (type == 0 && json_is_string(v) && json_string_length(v) >= 1 &&
							      json_string_length(v) <= 160) ||
					(type == 1 && json_is_boolean(v))))
			demo_check_fail(chk, w, "value", "expected %s", type ? "a boolean" : "a string of 1 to 160 characters");
		free(w);
	}
	return !chk->err;
}

bool demo_case_check_assignees(struct demo_check *chk, json_t *a, const char *where)
{
	if (json_is_null(a))
		return true;
	if (!json_is_array(a) || json_array_size(a) > 10) {
		demo_check_fail(chk, where, "assignees", "expected an array of at most 10 {uid} objects");
		return false;
	}
	size_t i;
	json_t *e;
	json_array_foreach(a, i, e) {
		char *w = xasprintf("%s.assignees.%zu", where, i);
		demo_check_str(chk, e, w, "uid", true, 0, true);
		free(w);
	}
	return !chk->err;
}
