/* Requests for detection alerts: the search query the client builds, and status changes. */
#ifndef KT_ALERTS_REQ_H
#define KT_ALERTS_REQ_H
#include <jansson.h>
#include <stddef.h>
#include "api/request.h"

/* Hits per signals/search request. */
#define ALERTS_PAGE_SIZE 100
/* Most alert ids in one signals/status request (larger selections are split). */
#define ALERTS_STATUS_CHUNK 1000

/* Filters and the keyset position for one search; NULL/0 fields are left out. */
struct alerts_query {
	const char *since;               /* "24h", "30m", "7d": @timestamp >= now-<since> */
	const char *from, *to;           /* absolute times or date math for @timestamp (gte / lte) */
	const char *const *statuses;     /* kibana.alert.workflow_status, any of */
	size_t n_statuses;
	const char *const *severities;   /* kibana.alert.severity, any of */
	size_t n_severities;
	const char *rule;                /* kibana.alert.rule.name, exact */
	const char *host;                /* host.name, exact */
	const char *user;                /* user.name, exact */
	const char *search;              /* free text (simple_query_string, all words must match) */
	const char *const *ids;          /* only these alert ids (_id) */
	size_t n_ids;
	long size;                       /* hits to return; 0: ALERTS_PAGE_SIZE */
	json_t *after;                   /* the previous page's last hit's sort values ([ts, uuid]), borrowed */
	json_t *before;                  /* only hits ahead of these sort values (newer than the first shown), borrowed */
};

/* Check a --since value ("24h": digits and one of s m h d w); NULL when fine, else a message (caller frees). */
char *alerts_since_check(const char *since);
/* The request body for a search: query, sort (newest first, then by uuid), size, track_total_hits. */
json_t *alerts_query_body(const struct alerts_query *q);
/* POST /api/detection_engine/signals/search with the body of alerts_query_body. */
struct api_request *alerts_search_request(const struct alerts_query *q);
/* POST /api/detection_engine/signals/status for up to ALERTS_STATUS_CHUNK ids. */
struct api_request *alerts_status_request(const char *const *ids, size_t n, const char *status);

#endif
