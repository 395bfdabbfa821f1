#include "config.h"
#include "demo/demo_casepush.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo_case.h"
#include "demo/demo_data.h"
#include "demo/demo_history.h"
#include "demo/demo_http.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

/* Connector types a case can be pushed to. */
/* Kibana's case ConnectorTypes (x-pack/platform/plugins/shared/cases/common/types/domain/connector/v1.ts). */
static const char *const case_types[] = {".jira", ".servicenow", ".servicenow-sir", ".resilient", ".swimlane",
					 ".cases-webhook", ".thehive", NULL};

bool demo_case_connector_type(const char *t)
{
	for (size_t i = 0; case_types[i]; i++)
		if (strcmp(case_types[i], t) == 0)
			return true;
	return false;
}

/* The update fields of a PATCH entry, besides id and version. */
static const char *const patch_fields[] = {"title", "description", "tags", "severity", "status", "assignees",
					   "connector", "settings", "category", "customFields", NULL};

static void check_patch(struct demo_check *c, json_t *e, const char *where)
{
	static const char *const keys[] = {"id", "version", "title", "description", "tags", "severity", "status",
					   "assignees", "connector", "settings", "category", "customFields", "owner", NULL};
	static const char *const statuses[] = {"open", "in-progress", "closed", NULL};
	static const char *const severities[] = {"low", "medium", "high", "critical", NULL};
	if (!json_is_object(e)) {
		demo_check_fail(c, where, NULL, "expected a plain object value");
		return;
	}
	demo_check_keys(c, e, where, keys);
	demo_check_str(c, e, where, "id", true, 0, true);
	demo_check_str(c, e, where, "version", true, 0, true);
	demo_check_str(c, e, where, "title", false, 160, true);
	demo_check_str(c, e, where, "description", false, 30000, true);
	demo_check_strv(c, e, where, "tags", false, 0, 200, true);
	demo_check_enum(c, e, where, "severity", false, severities);
	demo_check_enum(c, e, where, "status", false, statuses);
	json_t *settings = demo_check_obj(c, e, where, "settings", false);
	if (settings) {
		char *w = xasprintf("%s.settings", where);
		demo_check_bool(c, settings, w, "syncAlerts", true);
		free(w);
	}
	json_t *conn = demo_check_obj(c, e, where, "connector", false);
	if (conn)
		demo_case_check_connector(c, conn, where);
	if (!json_is_null(json_object_get(e, "category")))
		demo_check_str(c, e, where, "category", false, 50, false);
	if (json_object_get(e, "assignees") && !c->err)
		demo_case_check_assignees(c, json_object_get(e, "assignees"), where);
	if (json_object_get(e, "customFields") && !c->err)
		demo_case_check_custom_fields(c, json_object_get(e, "customFields"), where);
}

/* Join the ids of the entries selected by want into "a, b". */
static char *join_ids(json_t *entries, const bool *want)
{
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		if (want[i])
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", demo_jstr(e, "id"));
	}
	return strbuf_detach(&sb, NULL);
}

/* Apply one entry's changed fields to its case; false when nothing changes. */
static bool apply_patch(struct demo_data *d, json_t *cs, json_t *e, int64_t now)
{
	bool changed = false, status_changed = false, sync_on = false;
	demo_history_patch(d, cs, e, now);
	for (size_t k = 0; patch_fields[k]; k++) {
		json_t *v = json_object_get(e, patch_fields[k]);
		if (!v || json_equal(v, json_object_get(cs, patch_fields[k])))
			continue;
		if (strcmp(patch_fields[k], "status") == 0) {
			status_changed = true;
			bool closing = strcmp(json_string_value(v), "closed") == 0;
			int64_t created = 0;
			demo_parse_time(demo_jstr(cs, "created_at"), now, &created);
			json_object_set_new(cs, "closed_at", closing ? demo_json_iso(now) : json_null());
			json_object_set_new(cs, "closed_by", closing ? demo_data_user(d, 0) : json_null());
			json_object_set_new(cs, "duration", closing ? json_integer((now - created) / 1000) : json_null());
		}
		if (strcmp(patch_fields[k], "settings") == 0)
			sync_on = json_is_true(json_object_get(v, "syncAlerts"));
		json_object_set_new(cs, patch_fields[k], json_deep_copy(v));
		changed = true;
	}
	if (!changed)
		return false;
	demo_case_touch(d, cs, now);
	if (status_changed || sync_on)
		demo_case_sync_alerts(d, cs);
	return true;
}

static void cases_patch(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_keys(&c, b, "request body", (const char *const[]){"cases", NULL});
	json_t *entries = demo_check_arr(&c, b, "request body", "cases", true, 1, 100);
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		char *w = xasprintf("request body.cases.%zu", i);
		check_patch(&c, e, w);
		free(w);
	}
	if (demo_check_reply(&c, resp))
		return;
	size_t n = json_array_size(entries);
	bool *missing = xcalloc(n, sizeof(bool)), *conflict = xcalloc(n, sizeof(bool)), *owner = xcalloc(n, sizeof(bool));
	bool any_missing = false, any_conflict = false, any_owner = false;
	json_array_foreach(entries, i, e) {
		json_t *cs = demo_case_get(d, demo_jstr(e, "id"));
		if (cs && !demo_case_in_space(cs, req->space))
			cs = NULL;
		missing[i] = !cs;
		conflict[i] = cs && strcmp(demo_jstr(cs, "version"), demo_jstr(e, "version")) != 0;
		owner[i] = json_object_get(e, "owner") != NULL;
		any_missing |= missing[i];
		any_conflict |= conflict[i];
		any_owner |= owner[i];
	}
	char *ids = NULL;
	if (any_missing) {
		ids = join_ids(entries, missing);
		demo_reply_error(resp, 404, "These cases %s do not exist. Please check you have the correct ids.", ids);
	} else if (any_conflict) {
		ids = join_ids(entries, conflict);
		demo_reply_error(resp, 409, "These cases %s have been updated. Please refresh before saving additional updates.",
				 ids);
	} else if (any_owner) {
		ids = join_ids(entries, owner);
		demo_reply_error(resp, 400, "Updating the owner of a case is not allowed ids: [%s]", ids);
	}
	free(ids);
	free(missing);
	free(conflict);
	free(owner);
	if (any_missing || any_conflict || any_owner)
		return;
	/* Only cases with a real change are updated and returned, as Kibana does. */
	json_t *out = json_array();
	json_array_foreach(entries, i, e) {
		json_t *cs = demo_case_get(d, demo_jstr(e, "id"));
		if (apply_patch(d, cs, e, req->now_ms))
			json_array_append_new(out, demo_case_render(d, cs, DEMO_CASE_NO_COMMENTS));
	}
	if (json_array_size(out) == 0) {
		json_decref(out);
		demo_reply_error(resp, 406, "All update fields are identical to current version.");
		return;
	}
	demo_reply_json(resp, 200, out);
}

static void case_push(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	json_t *cs = demo_case_get(d, req->params[0]);
	if (cs && !demo_case_in_space(cs, req->space))
		cs = NULL;
	if (!cs) {
		char *msg = demo_case_not_found(req->params[0]);
		demo_reply_error(resp, 404, "%s", msg);
		free(msg);
		return;
	}
	json_t *conn = demo_data_connector(d, req->params[1]);
	if (!conn) {
		demo_reply_error(resp, 404, "Saved object [action/%s] not found", req->params[1]);
		return;
	}
	const char *type = demo_jstr(conn, "connector_type_id");
	if (!demo_case_connector_type(type)) {
		demo_reply_error(resp, 400, "Failed to push case: connector [%s] of type [%s] cannot receive cases; use a "
				 "case connector (.jira, .servicenow, .servicenow-sir, .resilient, .swimlane, .cases-webhook, "
				 ".thehive)",
				 demo_jstr(conn, "name"), type);
		return;
	}
	const char *fail = demo_jstr(conn, "_push_error");
	if (fail) {
		/* Kibana answers a connector failure with 424 and the connector's own message. */
		demo_reply_error(resp, 424, "%s", fail);
		return;
	}
	json_t *old = json_object_get(cs, "external_service");
	json_t *ext = demo_case_external(&d->rng, conn, req->now_ms, demo_data_user(d, 0));
	if (json_is_object(old) && strcmp(demo_jstr(old, "connector_id"), demo_jstr(conn, "id")) == 0) {
		/* Pushing again updates the same incident. */
		json_object_set(ext, "external_id", json_object_get(old, "external_id"));
		json_object_set(ext, "external_title", json_object_get(old, "external_title"));
		json_object_set(ext, "external_url", json_object_get(old, "external_url"));
	}
	json_object_set_new(cs, "external_service", ext);
	demo_history_add(d, cs, "pushed", "push_to_service", json_pack("{s:O}", "externalService", ext), NULL, req->now_ms,
			 demo_data_user(d, 0));
	size_t i;
	json_t *cm;
	json_array_foreach(demo_case_comments(cs), i, cm) {
		if (json_is_null(json_object_get(cm, "pushed_at"))) {
			json_object_set_new(cm, "pushed_at", demo_json_iso(req->now_ms));
			json_object_set_new(cm, "pushed_by", demo_data_user(d, 0));
		}
	}
	demo_case_touch(d, cs, req->now_ms);
	demo_reply_json(resp, 200, demo_case_render(d, cs, DEMO_CASE_ALL_COMMENTS));
}

static void cases_by_alert(struct demo_req *req, struct demo_resp *resp)
{
	const char *owners[8];
	size_t nowners = demo_query_all(req, "owner", owners, 8);
	json_t *out = json_array();
	size_t i, j, k;
	json_t *cs, *cm, *id;
	json_array_foreach(req->data->cases, i, cs) {
		if (!demo_case_in_space(cs, req->space))
			continue;
		bool owner_ok = !nowners;
		for (k = 0; k < nowners; k++)
			owner_ok = owner_ok || strcmp(owners[k], demo_jstr(cs, "owner")) == 0;
		bool found = false;
		json_array_foreach(demo_case_comments(cs), j, cm) {
			json_array_foreach(json_object_get(cm, "alertId"), k, id) {
				found = found || strcmp(json_string_value(id), req->params[0]) == 0;
			}
		}
		if (owner_ok && found)
			json_array_append_new(out, json_pack("{s:O, s:O}", "id", json_object_get(cs, "id"), "title",
							     json_object_get(cs, "title")));
	}
	demo_reply_json(resp, 200, out);
}

static void case_connectors(struct demo_req *req, struct demo_resp *resp)
{
	json_t *out = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(req->data->connectors, i, c) {
		if (!demo_case_connector_type(demo_jstr(c, "connector_type_id")))
			continue;
		json_t *o = json_object();
		json_object_set(o, "id", json_object_get(c, "id"));
		json_object_set(o, "name", json_object_get(c, "name"));
		json_object_set(o, "actionTypeId", json_object_get(c, "connector_type_id"));
		json_object_set(o, "config", json_object_get(c, "config"));
		json_object_set(o, "isPreconfigured", json_object_get(c, "is_preconfigured"));
		json_object_set(o, "isDeprecated", json_object_get(c, "is_deprecated"));
		json_object_set(o, "isMissingSecrets", json_object_get(c, "is_missing_secrets"));
		json_object_set(o, "referencedByCount", json_object_get(c, "referenced_by_count"));
		json_array_append_new(out, o);
	}
	demo_reply_json(resp, 200, out);
}

static void actions_connectors(struct demo_req *req, struct demo_resp *resp)
{
	json_t *out = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(req->data->connectors, i, c) {
		json_array_append_new(out, demo_public(c));
	}
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_casepush_routes[] = {
	{"PATCH", "/api/cases", cases_patch, DEMO_R_JSON_BODY},
	{"POST", "/api/cases/{}/connector/{}/_push", case_push, DEMO_R_JSON_BODY},
	{"GET", "/api/cases/alerts/{}", cases_by_alert, 0},
	{"GET", "/api/cases/configure/connectors/_find", case_connectors, 0},
	{"GET", "/api/actions/connectors", actions_connectors, 0},
	{NULL, NULL, NULL, 0},
};
