/* Detection alerts: the typed model of POST /api/detection_engine/signals/search hits. */
#ifndef KT_ALERTS_H
#define KT_ALERTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"

/* Workflow statuses an analyst sets, NULL-terminated. */
extern const char *const alerts_status_names[];
/* Alert severities, lowest first, NULL-terminated. */
extern const char *const alerts_severity_names[];

/* One alert; ECS fields are NULL when the alert does not carry them (alerts vary by rule). */
struct alert {
	char *id;              /* _id */
	char *index;           /* _index: needed to attach the alert to a case */
	char *timestamp;       /* @timestamp */
	char *rule_name;       /* kibana.alert.rule.name */
	char *rule_uuid;       /* kibana.alert.rule.uuid */
	char *severity;        /* kibana.alert.severity */
	double risk_score;     /* kibana.alert.risk_score; -1 when absent */
	char *workflow_status; /* kibana.alert.workflow_status */
	char *reason;          /* kibana.alert.reason */
	char *host_name;       /* host.name */
	char *user_name;       /* user.name */
	char *process_name;    /* process.name */
	long long pid;         /* process.pid; -1 when absent */
	char *entity_id;       /* process.entity_id */
	char *agent_id;        /* agent.id: the endpoint a response action goes to */
	json_t *source;        /* the whole _source, for the detail view */
	json_t *sort;          /* the hit's sort values (keyset paging), or NULL */
	char *problem;         /* why this hit could not be read (a placeholder row), or NULL */
};

/* One page of hits. */
struct alert_page {
	struct alert *alerts;
	size_t n;
	long long total;       /* hits.total.value */
	bool total_is_floor;   /* hits.total.relation is "gte" */
	size_t bad;            /* hits that could not be read: placeholders with a problem */
};

/* The outcome of POST /api/detection_engine/signals/status (an update-by-query response). */
struct alert_status_result {
	long long updated;            /* -1 when Kibana did not say */
	long long version_conflicts;  /* 0 when absent */
	size_t n_failures;            /* entries in "failures" */
};

/* signals/search: a struct alert_page. */
extern const struct kmodel alerts_page_model;
/* signals/status: a struct alert_status_result. */
extern const struct kmodel alerts_status_model;
/* Free the contents of one alert (one taken out of a page too) and zero it. */
void alerts_alert_clear(struct alert *a);
/* Make dst an independent copy of src. */
void alerts_alert_copy(struct alert *dst, const struct alert *src);
/* An ECS field of an alert's _source as text (first element of an array), or NULL; caller frees. */
char *alerts_field_text(json_t *source, const char *dotted);
/* True when s is one of alerts_status_names. */
bool alerts_status_ok(const char *s);

#endif
