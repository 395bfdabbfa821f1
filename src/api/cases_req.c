#include "config.h"
#include "api/cases_req.h"
#include "api/cases.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *cases_find_request(const struct cases_query *q)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/cases/_find");
	struct strbuf qs;
	strbuf_init(&qs);
	if (q->page > 0)
		urlenc_query_add_int(&qs, "page", q->page);
	if (q->per_page > 0)
		urlenc_query_add_int(&qs, "perPage", q->per_page > CASES_MAX_PER_PAGE ? CASES_MAX_PER_PAGE : q->per_page);
	urlenc_query_add(&qs, "status", q->status);
	urlenc_query_add(&qs, "severity", q->severity);
	urlenc_query_add(&qs, "search", q->search && *q->search ? q->search : NULL);
	urlenc_query_add(&qs, "owner", q->owner);
	for (size_t i = 0; i < q->n_tags; i++)
		urlenc_query_add(&qs, "tags", q->tags[i]);
	urlenc_query_add(&qs, "sortField", q->sort_field);
	urlenc_query_add(&qs, "sortOrder", q->sort_order);
	urlenc_query_add(&qs, "from", q->from);
	urlenc_query_add(&qs, "to", q->to);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &cases_page_model);
	return req;
}

/*
 * Kibana 9.0 strips "comments" from this answer (x-pack/platform/plugins/shared/cases/server/routes/api/cases/
 * get_case.ts: `const { comments, ...caseWithoutComments } = res`); 8.x sends them all. No branch on the version:
 * the model says whether the body had them (kb_case.has_comments), and a case without them gets its user comments
 * from cases_comments_find_request. includeComments is never sent (9.0 removed it).
 */
struct api_request *cases_get_request(const char *case_id)
{
	char *path = api_path("/api/cases/{}", case_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &cases_case_model);
	return req;
}

struct api_request *cases_comments_find_request(const char *case_id, long page, long per_page)
{
	char *path = api_path("/api/cases/{}/comments/_find", case_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add_int(&qs, "page", page > 0 ? page : 1);
	urlenc_query_add_int(&qs, "perPage", per_page > 0 && per_page <= CASES_MAX_PER_PAGE ? per_page : CASES_MAX_PER_PAGE);
	/* Kibana's default order is the saved objects' own: ask for oldest first. */
	urlenc_query_add(&qs, "sortOrder", "asc");
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &cases_comment_page_model);
	return req;
}

struct api_request *cases_update_request(const char *case_id, const char *version, json_t *fields)
{
	json_t *one = fields ? fields : json_object();
	json_object_set_new(one, "id", json_string(case_id));
	json_object_set_new(one, "version", json_string(version));
	json_t *body = json_pack("{s:[o]}", "cases", one);
	struct api_request *req = api_request_new(HTTP_PATCH, "/api/cases");
	api_request_set_json(req, body);
	api_request_set_model(req, &cases_list_model);
	return req;
}

static struct api_request *cases_comment_post(const char *case_id, json_t *body)
{
	char *path = api_path("/api/cases/{}/comments", case_id);
	struct api_request *req = api_request_new(HTTP_POST, path);
	free(path);
	api_request_set_json(req, body);
	api_request_set_model(req, &cases_case_model);
	return req;
}

struct api_request *cases_comment_request(const char *case_id, const char *owner, const char *text)
{
	json_t *body = json_pack("{s:s, s:s, s:s}", "type", "user", "owner", owner ? owner : "securitySolution",
				 "comment", text);
	return cases_comment_post(case_id, body);
}

struct api_request *cases_attach_alerts_request(const char *case_id, const char *owner, const char *const *alert_ids,
						const char *const *indices, size_t n, const char *rule_id,
						const char *rule_name)
{
	json_t *ids = json_array(), *idx = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(ids, json_string(alert_ids[i]));
		json_array_append_new(idx, json_string(indices[i]));
	}
	/* Kibana's AlertAttachmentPayloadRt is strict: rule.id and rule.name must both be there, each a string or
	 * null; "rule": {} is refused with 400 (x-pack/platform/plugins/shared/cases/common/types/domain/attachment/v1.ts). */
	json_t *rule = json_pack("{s:o, s:o}", "id", rule_id ? json_string(rule_id) : json_null(), "name",
				 rule_name ? json_string(rule_name) : json_null());
	json_t *body = json_pack("{s:s, s:s, s:o, s:o, s:o}", "type", "alert", "owner",
				 owner ? owner : "securitySolution", "alertId", ids, "index", idx, "rule", rule);
	return cases_comment_post(case_id, body);
}

struct api_request *cases_create_request(const char *title, const char *description, const char *owner,
					 const char *severity, const char *const *tags, size_t n_tags)
{
	json_t *t = json_array();
	for (size_t i = 0; i < n_tags; i++)
		json_array_append_new(t, json_string(tags[i]));
	json_t *body = json_pack("{s:s, s:s, s:s, s:o, s:{s:b}, s:o}", "title", title, "description", description,
				 "owner", owner ? owner : "securitySolution", "tags", t, "settings", "syncAlerts", 1,
				 "connector", cases_connector_json("none", "none", ".none"));
	if (severity)
		json_object_set_new(body, "severity", json_string(severity));
	struct api_request *req = api_request_new(HTTP_POST, "/api/cases");
	api_request_set_json(req, body);
	api_request_set_model(req, &cases_case_model);
	return req;
}

struct api_request *cases_push_request(const char *case_id, const char *connector_id)
{
	char *path = api_path("/api/cases/{}/connector/{}/_push", case_id, connector_id);
	struct api_request *req = api_request_new(HTTP_POST, path);
	free(path);
	api_request_set_json(req, json_object());
	api_request_set_model(req, &cases_case_model);
	return req;
}

json_t *cases_connector_json(const char *id, const char *name, const char *type)
{
	json_t *fields;
	if (strcmp(type, ".none") == 0 || strcmp(type, ".cases-webhook") == 0 || strcmp(type, ".resilient") == 0)
		fields = json_null();
	else if (strcmp(type, ".jira") == 0)
		fields = json_pack("{s:n, s:n, s:n}", "issueType", "parent", "priority");
	else if (strcmp(type, ".servicenow") == 0)
		fields = json_pack("{s:n, s:n, s:n, s:n, s:n}", "category", "impact", "severity", "subcategory", "urgency");
	else if (strcmp(type, ".servicenow-sir") == 0)
		fields = json_pack("{s:n, s:n, s:n, s:n, s:n, s:n, s:n}", "category", "destIp", "malwareHash",
				   "malwareUrl", "priority", "sourceIp", "subcategory");
	else if (strcmp(type, ".swimlane") == 0)
		fields = json_pack("{s:n}", "caseId");
	else if (strcmp(type, ".thehive") == 0)
		fields = json_pack("{s:n}", "tlp"); /* {tlp: number|null}: .../cases/common/types/domain/connector/v1.ts */
	else
		return NULL;
	return json_pack("{s:s, s:s, s:s, s:o}", "id", id, "name", name, "type", type, "fields", fields);
}
