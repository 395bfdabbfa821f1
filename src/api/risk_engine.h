/* The risk engine's saved object: PUT /api/risk_score/engine/saved_object/configure (the spec says PATCH). */
#ifndef KT_RISK_ENGINE_H
#define KT_RISK_ENGINE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/kversion.h"
#include "api/request.h"

/* Alert workflow statuses the risk engine can leave out, NULL-terminated. */
extern const char *const risk_alert_statuses[];

/* Entity types a filter applies to, NULL-terminated. */
extern const char *const risk_entity_types[];

/* A KQL filter on the alerts scored for some entity types. */
struct risk_filter {
	char *entity_types[4];     /* NULL-terminated: host, user, service */
	char *kql;
};

/* enable_reset_to_zero: whether entities without alerts in the range score 0 or keep their last score. */
enum risk_reset { RISK_RESET_UNCHANGED, RISK_RESET_ON, RISK_RESET_OFF };

/* What to change; NULL/0 fields are left as they are. */
struct risk_config {
	const char *const *exclude_statuses;
	size_t n_exclude_statuses;
	const char *const *exclude_tags;
	size_t n_exclude_tags;
	const char *range_start;   /* e.g. now-30d */
	const char *range_end;     /* e.g. now */
	const struct risk_filter *filters;
	size_t n_filters;
	long page_size;            /* alerts per page of the scoring task; 0: unchanged */
	enum risk_reset reset_to_zero;
};

/* Kibana's answer. */
struct risk_config_result {
	bool configured;           /* true unless Kibana said false */
	char **errors;             /* "seq N: message" lines */
	size_t n_errors;
};

/* Parse "host,user=KQL" into f (caller frees with risk_filter_clear); NULL, or what to fix. */
char *risk_filter_parse(const char *arg, struct risk_filter *f);
/* Free what a filter holds. */
void risk_filter_clear(struct risk_filter *f);
/* PUT /api/risk_score/engine/saved_object/configure. */
struct api_request *risk_configure_request(const struct risk_config *c);
/* The options of c a Kibana of version v does not read ("--filter, --page-size"), or NULL; caller frees. */
char *risk_config_ignored(const struct risk_config *c, const struct kversion *v);
/* Kibana's answer: a struct risk_config_result. */
extern const struct kmodel risk_config_result_model;

#endif
