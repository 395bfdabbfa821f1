/* Machine learning saved objects: GET /api/ml/saved_objects/sync. */
#ifndef KT_ML_H
#define KT_ML_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One thing the sync did (or, simulated, would do). */
struct ml_sync_entry {
	const char *action;  /* "create", "delete", "add datafeed", "remove datafeed" (static) */
	char *kind;          /* the job type: "anomaly-detector", "data-frame-analytics", "trained-model" */
	char *id;            /* the job or model (a datafeed's entry names its job) */
	bool success;        /* false unless Kibana said true */
	char *error;         /* what went wrong, when Kibana said, or NULL */
};

/* Everything the sync reported, in the response's order. */
struct ml_sync_result {
	struct ml_sync_entry *items;
	size_t n;
	size_t bad;          /* entries that could not be read (counted, never taken for failures) */
};

/* GET /api/ml/saved_objects/sync; simulate only lists what would be done. */
struct api_request *ml_sync_request(bool simulate);
/* The sync's report: a struct ml_sync_result. */
extern const struct kmodel ml_sync_model;

#endif
