/* Requests for the cases API. */
#ifndef KT_CASES_REQ_H
#define KT_CASES_REQ_H
#include <jansson.h>
#include <stddef.h>
#include "api/request.h"

/* Filters and paging for GET /api/cases/_find; NULL/0 fields are left out. */
struct cases_query {
	long page;               /* 1-based */
	long per_page;           /* at most 100 */
	const char *status;      /* open | in-progress | closed */
	const char *severity;    /* low | medium | high | critical */
	const char *search;      /* free text */
	const char *owner;       /* securitySolution | observability | cases */
	const char *const *tags; /* each becomes one tags= parameter */
	size_t n_tags;
	const char *sort_field;  /* createdAt | updatedAt | closedAt | title | category | status | severity */
	const char *sort_order;  /* asc | desc */
	const char *from, *to;   /* created at or after / at or before (ISO time; Kibana: gte / lte on created_at) */
};

/* Largest perPage the contract allows. */
#define CASES_MAX_PER_PAGE 100

/* GET /api/cases/_find. */
struct api_request *cases_find_request(const struct cases_query *q);
/* GET /api/cases/{caseId}: the case, with its comments only from Kibana 8 (kb_case.has_comments says). */
struct api_request *cases_get_request(const char *case_id);
/* GET /api/cases/{caseId}/comments/_find: a page of the case's user comments, oldest first (per_page at most 100). */
struct api_request *cases_comments_find_request(const char *case_id, long page, long per_page);
/* PATCH /api/cases for one case; fields (stolen) holds what changes (status, severity, connector...). */
struct api_request *cases_update_request(const char *case_id, const char *version, json_t *fields);
/* POST /api/cases/{caseId}/comments with a user comment. */
struct api_request *cases_comment_request(const char *case_id, const char *owner, const char *text);
/* POST /api/cases/{caseId}/comments attaching alerts (ids and their indices, same length); rule id and name may be NULL. */
struct api_request *cases_attach_alerts_request(const char *case_id, const char *owner, const char *const *alert_ids,
						const char *const *indices, size_t n, const char *rule_id,
						const char *rule_name);
/* POST /api/cases: a new case. */
struct api_request *cases_create_request(const char *title, const char *description, const char *owner,
					 const char *severity, const char *const *tags, size_t n_tags);
/* POST /api/cases/{caseId}/connector/{connectorId}/_push. */
struct api_request *cases_push_request(const char *case_id, const char *connector_id);
/* The connector object for a case update, with the type's fields all null; NULL for unknown types. */
json_t *cases_connector_json(const char *id, const char *name, const char *type);

#endif
