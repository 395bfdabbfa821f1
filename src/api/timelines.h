/* Importing timelines: POST /api/timeline/_import, sent as Kibana's own UI sends it (multipart/form-data). */
#ifndef KT_TIMELINES_H
#define KT_TIMELINES_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* A timeline Kibana could not import. */
struct timeline_import_error {
	char *id;            /* may be NULL */
	char *message;       /* may be NULL */
	long long status;    /* -1 when absent */
};

/* The import's outcome. */
struct timeline_import_result {
	bool success;
	long long success_count, installed, updated;  /* -1 when absent */
	struct timeline_import_error *errors;
	size_t n_errors;
};

/* What the ndjson text holds, for checks before sending. */
struct timeline_ndjson_stats {
	size_t lines;        /* non-blank lines */
	size_t bad_line;     /* first line (1-based) that is not a JSON object, 0 if none */
	size_t n_bad;        /* lines that are not JSON objects */
};

/* Count and check the lines of an ndjson upload. */
void timelines_ndjson_stats(const char *data, size_t len, struct timeline_ndjson_stats *st);
/* POST /api/timeline/_import with a `file` part named filename holding data, and isImmutable when asked. */
struct api_request *timelines_import_request(const char *filename, const char *data, size_t len, bool immutable);
/* The import's outcome: a struct timeline_import_result. */
extern const struct kmodel timelines_import_model;

#endif
