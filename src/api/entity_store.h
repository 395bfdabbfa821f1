/* Entity engines: POST /api/entity_store/engines/{entityType}/init|start|stop. */
#ifndef KT_ENTITY_STORE_H
#define KT_ENTITY_STORE_H
#include <jansson.h>
#include <stdbool.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Entity types the seed document lists, NULL-terminated. */
extern const char *const entity_types[];

/* Settings for init; NULL strings and negative numbers are left to Kibana's defaults. */
struct entity_init_opts {
	const char *delay;            /* e.g. 1m */
	const char *frequency;        /* e.g. 1m */
	const char *lookback;         /* lookbackPeriod, e.g. 24h */
	const char *timeout;          /* e.g. 180s */
	const char *enrich_interval;  /* enrichPolicyExecutionInterval, e.g. 1h */
	const char *filter;
	const char *index_pattern;
	const char *timestamp_field;
	long field_history_length;
	long docs_per_second;
};

/* An engine as init describes it; any string may be NULL. */
struct entity_engine {
	char *type;
	char *status;                 /* installing, started, stopped, updating, error (as it came) */
	char *index_pattern;
	char *filter;
	long long field_history_length;  /* -1 when absent */
	char *delay, *frequency, *lookback, *timeout, *timestamp_field;  /* may be NULL */
	long long docs_per_second;    /* -1 when absent */
	char *error;                  /* the error object as text, or NULL */
};

/* Clear opts to "nothing given". */
void entity_init_opts_init(struct entity_init_opts *o);
/* NULL when value is a duration as the spec allows (enrich: 1-9 first, unit s/m/h; else unit s/m/h/d), else what to fix. */
char *entity_check_duration(const char *option, const char *value, bool enrich);
/* Seconds in a checked duration ("24h" -> 86400). */
long long entity_duration_seconds(const char *value);
/* POST .../{type}/init with the given settings. */
struct api_request *entity_init_request(const char *type, const struct entity_init_opts *o);
/* init's answer: a struct entity_engine. */
extern const struct kmodel entity_engine_model;
/* POST .../{type}/start (start true) or .../stop; the model is a bool * (started / stopped). */
struct api_request *entity_toggle_request(const char *type, bool start);

#endif
