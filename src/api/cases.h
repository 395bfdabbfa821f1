/* Cases: typed models of Kibana's case responses and their parsers. */
#ifndef KT_CASES_H
#define KT_CASES_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"

/* Case status, in the order Kibana's workflow goes. */
enum case_status { CASE_OPEN, CASE_IN_PROGRESS, CASE_CLOSED, CASE_STATUS_COUNT };
/* Case severity, lowest first. */
enum case_severity { CASE_SEV_LOW, CASE_SEV_MEDIUM, CASE_SEV_HIGH, CASE_SEV_CRITICAL, CASE_SEV_COUNT };

/* Wire names of case_status values, NULL-terminated. */
extern const char *const cases_status_names[];
/* Wire names of case_severity values, NULL-terminated. */
extern const char *const cases_severity_names[];
/* Connector types that can take cases, NULL-terminated. */
extern const char *const cases_connector_types[];

/* A user as Kibana reports one (created_by, pushed_by...). */
struct case_user {
	char *username;
	char *full_name;
	char *email;
	char *profile_uid;
};

/* The connector a case is set to. */
struct case_connector {
	char *id;
	char *name;
	char *type;      /* ".none", ".jira", ... */
	json_t *fields;  /* as sent (may be NULL) */
};

/* Where a case was pushed to; present is false when external_service is null. */
struct case_external {
	bool present;
	char *connector_id;
	char *connector_name;
	char *external_id;
	char *external_title;
	char *external_url;
	char *pushed_at;
	struct case_user pushed_by;
};

/* A custom field value rendered as text. */
struct case_custom_field {
	char *key;
	char *type;
	char *value;  /* "" for null */
};

/* Comment kinds this client knows; others are kept as CASE_COMMENT_OTHER. */
enum case_comment_type { CASE_COMMENT_USER, CASE_COMMENT_ALERT, CASE_COMMENT_OTHER };

/* A comment or an alert attachment. */
struct case_comment {
	char *id;
	enum case_comment_type type;
	char *type_name;   /* the wire value */
	char *comment;     /* user comments */
	char **alert_ids;  /* alert attachments */
	size_t n_alert_ids;
	char *rule_name;
	char *created_at;
	struct case_user created_by;
	char *version;
};

/* One case. */
struct kb_case {
	char *id;
	char *version;
	char *title;
	char *description;
	char *owner;
	char *category;
	enum case_status status;
	enum case_severity severity;
	char **tags;
	size_t n_tags;
	char **assignees;   /* profile uids */
	size_t n_assignees;
	char *created_at;
	char *updated_at;   /* may be NULL */
	char *closed_at;    /* may be NULL */
	struct case_user created_by;
	struct case_user updated_by;
	struct case_user closed_by;
	long long total_alerts;
	long long total_comment;
	long long duration; /* seconds; -1 when null */
	bool sync_alerts;
	struct case_connector connector;
	struct case_external external;
	struct case_custom_field *custom_fields;
	size_t n_custom_fields;
	struct case_comment *comments;
	size_t n_comments;
};

/* One page of GET /api/cases/_find. */
struct case_page {
	struct kb_case *cases;
	size_t n;
	long long page, per_page, total;
	long long count_open, count_in_progress, count_closed;
};

/* A list of cases (PATCH /api/cases answers with one). */
struct case_list {
	struct kb_case *cases;
	size_t n;
};

/* One page of GET /api/cases/{caseId}/comments/_find (Kibana returns user comments only). */
struct case_comment_page {
	struct case_comment *comments;
	size_t n;
	long long page, per_page, total;
};

/* GET /api/cases/{id}, push, comment and create responses: a struct kb_case. */
extern const struct kmodel cases_case_model;
/* GET /api/cases/_find: a struct case_page. */
extern const struct kmodel cases_page_model;
/* PATCH /api/cases: a struct case_list. */
extern const struct kmodel cases_list_model;
/* GET /api/cases/{caseId}/comments/_find: a struct case_comment_page. */
extern const struct kmodel cases_comment_page_model;
/* Free the contents of a case (one taken out of a page too) and zero it. */
void cases_case_clear(struct kb_case *c);
/* The display name of a user: full name, else username, else email, else "-". */
const char *cases_user_name(const struct case_user *u);
/* True when a connector type can take cases. */
bool cases_connector_type_ok(const char *type);

#endif
