/* The risk engine's saved object: PATCH /api/risk_score/engine/saved_object/configure. */
#ifndef KT_RISK_ENGINE_H
#define KT_RISK_ENGINE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Alert workflow statuses the risk engine can leave out, NULL-terminated. */
extern const char *const risk_alert_statuses[];

/* What to change; NULL/0 fields are left as they are. */
struct risk_config {
	const char *const *exclude_statuses;
	size_t n_exclude_statuses;
	const char *const *exclude_tags;
	size_t n_exclude_tags;
	const char *range_start;   /* e.g. now-30d */
	const char *range_end;     /* e.g. now */
};

/* Kibana's answer. */
struct risk_config_result {
	bool configured;
	char **errors;             /* "seq N: message" lines */
	size_t n_errors;
};

/* PATCH /api/risk_score/engine/saved_object/configure. */
struct api_request *risk_configure_request(const struct risk_config *c);
/* Kibana's answer: a struct risk_config_result. */
extern const struct kmodel risk_config_result_model;

#endif
