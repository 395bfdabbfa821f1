/* A case's activity: GET /api/cases/{caseId}/user_actions/_find, the user actions that tell its story. */
#ifndef KT_CASE_ACTIVITY_H
#define KT_CASE_ACTIVITY_H
#include <jansson.h>
#include <stddef.h>
#include "api/cases.h"
#include "api/kmodel.h"
#include "api/request.h"

/* Most user actions one page may ask for (the contract's perPage maximum). */
#define CASE_ACTIVITY_MAX_PER_PAGE 100

/* One user action: who did what to the case, and when; types this client does not know are kept as sent. */
struct case_user_action {
	char *id;
	char *type;          /* "status", "comment", "pushed", ... (newer Kibanas add more) */
	char *action;        /* "create", "add", "delete", "update", "push_to_service" */
	char *comment_id;    /* the comment it concerns, or NULL */
	char *created_at;
	struct case_user created_by;
	json_t *payload;     /* the payload object as sent (its shape depends on type), or NULL */
};

/* One page of user actions. */
struct case_activity_page {
	struct case_user_action *items;
	size_t n;
	long long page, per_page, total;
};

/* GET /api/cases/{caseId}/user_actions/_find: page from 1, per_page up to 100, oldest first when asc. */
struct api_request *case_activity_request(const char *case_id, long page, long per_page, bool asc);
/* The response: a struct case_activity_page. */
extern const struct kmodel case_activity_page_model;

#endif
